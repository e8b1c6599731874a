"""A PDF's text layer, page by page, with pypdf: a finding names its page.

Each page's text is one block of the extracted text, followed by a line break; a finding's
location is ``part: page`` and the 1-based page number. A PDF without a text layer (a scan)
is refused rather than passed as clean, and so is an encrypted one. pypdf caps what one
compressed stream may inflate to, and the file itself is capped at 50 MB by the reader.
"""

from __future__ import annotations

import io
import logging

from ..errors import InputError
from .base import Document, Format, paragraph_document

# pypdf warns about each repaired defect through logging; the one line we raise says enough.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def pdf_document(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(f"{name}: not a PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name}: encrypted PDF, not checked")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError, EOFError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: damaged PDF ({reason})") from None
    one_break = (text.replace("\r\n", "\n").replace("\r", "\n") for text in pages)
    read = paragraph_document(((text, "page", number) for number, text in enumerate(one_break, 1)), "pdf")
    if not read.text.strip():
        raise InputError(f"{name}: no text layer in {len(pages)} page(s) (a scanned PDF?), not checked")
    return read


FORMAT = Format("pdf", (".pdf",), pdf_document, walked=("*.pdf",), directives=False)
