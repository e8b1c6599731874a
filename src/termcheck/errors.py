"""Errors a user sees as one line, never as a traceback."""


class TermcheckError(Exception):
    """Base of every error termcheck reports to a user."""


class LexiconError(TermcheckError):
    """A lexicon file cannot be read or does not fit the schema."""


class InputError(TermcheckError):
    """An input cannot be read or decoded."""
