"""termcheck: proofread Chinese government web content before it is published."""

from __future__ import annotations

import datetime as _dt
import threading

from .engine import Checker
from .errors import InputError, LexiconError, TermcheckError
from .models import SCHEMA_VERSION, Category, FileReport, Finding, Severity

__version__ = "0.1.0"
__all__ = [
    "Category",
    "Checker",
    "FileReport",
    "Finding",
    "InputError",
    "LexiconError",
    "SCHEMA_VERSION",
    "Severity",
    "TermcheckError",
    "check",
    "default_checker",
]

_default: Checker | None = None
_default_lock = threading.Lock()


def default_checker() -> Checker:
    """The process-wide checker over the bundled lexicons, compiled once."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Checker()
    return _default


def check(text: str, *, as_of: _dt.date | None = None) -> list[Finding]:
    """Check ``text`` against the bundled lexicons as of ``as_of``, else the text's signature date, else today."""
    return default_checker().check(text, as_of=as_of)
