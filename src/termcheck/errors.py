"""Errors a user sees as one line, never as a traceback."""


class TermcheckError(Exception):
    """Base of every error termcheck reports to a user."""


class LexiconError(TermcheckError):
    """A lexicon file cannot be read or does not fit the schema."""


class InputError(TermcheckError):
    """An input cannot be read or decoded."""


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with control characters and line separators escaped: a file named ``a\nb.txt``
    must not split a message, or a report line, into two."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else _ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        for ch in text
    )
