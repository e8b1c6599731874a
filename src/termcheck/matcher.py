"""One small interface over the Aho-Corasick libraries: every match of a fixed list of strings.

Two backends give the same matches in the same order:

- ``pyahocorasick`` (always installed). Its trie searches a node's children one by one, and
  Chinese patterns start with thousands of distinct characters, so it is the slower scan,
  but it pickles and loads from the disk cache in milliseconds.
- ``ahocorasick_rs`` (``pip install termcheck[fast]``). Scans ten times faster; it cannot be
  pickled, so a cached matcher keeps its patterns and rebuilds the automaton on load (about
  2 s for the million-pattern variant index on a 2-core machine, milliseconds for the
  lexicons): the better choice for long runs, not for one small file per process.

The backend is the one asked for, else ``$TERMCHECK_MATCHER``, else ``ahocorasick_rs`` when it
is installed, else ``pyahocorasick``.
"""

from __future__ import annotations

import os
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence

from .errors import TermcheckError

PYAHOCORASICK = "pyahocorasick"
AHOCORASICK_RS = "ahocorasick_rs"
BACKENDS = (PYAHOCORASICK, AHOCORASICK_RS)
ENVIRONMENT_VARIABLE = "TERMCHECK_MATCHER"
_SEPARATOR = "\0"  # joins the patterns of a pickled ahocorasick_rs matcher
_PATTERN = re.compile("[^\0]+")


def _installed(backend: str) -> bool:
    import importlib.util

    module = "ahocorasick" if backend == PYAHOCORASICK else backend
    return importlib.util.find_spec(module) is not None


def resolve_backend(requested: str | None = None) -> str:
    """The backend to use: ``requested``, else the environment variable, else the fastest installed."""
    name = requested or os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not name or name == "auto":
        return AHOCORASICK_RS if _installed(AHOCORASICK_RS) else PYAHOCORASICK
    name = name.replace("-", "_").lower()
    if name == "ahocorasick":
        name = PYAHOCORASICK
    if name not in BACKENDS:
        raise TermcheckError(f"unknown matcher {requested or name!r}: choose one of {', '.join(BACKENDS)} or auto")
    if not _installed(name):
        hint = "pip install 'termcheck[fast]'" if name == AHOCORASICK_RS else "pip install pyahocorasick"
        raise TermcheckError(f"matcher {name} is not installed ({hint})")
    return name


class Matcher:
    """Finds every occurrence of every pattern in a text, overlapping ones included.

    ``find`` returns ``(pattern_id, start, end)`` triples in str indexes, where
    ``pattern_id`` is the pattern's position in the list the matcher was built from; they
    come ordered by end, and among matches that end together the longest first.
    """

    def __init__(self, patterns: Sequence[str], backend: str | None = None):
        if any(not pattern for pattern in patterns):
            raise ValueError("a matcher pattern cannot be empty")
        if len(set(patterns)) != len(patterns):
            raise ValueError("matcher patterns must be distinct")
        self.backend = resolve_backend(backend)
        self._count = len(patterns)
        if self.backend == PYAHOCORASICK:
            self._lengths = array("I", map(len, patterns))
            self._automaton = _build_pyahocorasick(patterns)
        else:
            self._patterns = _pack(patterns)
            self._automaton = _build_ahocorasick_rs(patterns)

    def __len__(self) -> int:
        return self._count

    def find(self, text: str) -> list[tuple[int, int, int]]:
        if not self._count or not text:
            return []
        if self.backend == AHOCORASICK_RS:
            return self._automaton.find_matches_as_indexes(text, overlapping=True)
        lengths = self._lengths
        return [(i, end + 1 - lengths[i], end + 1) for end, i in self._automaton.iter(text)]

    def patterns(self) -> list[str]:
        """The patterns, in id order."""
        if self.backend == AHOCORASICK_RS:
            return _unpack(self._patterns)
        found = [""] * self._count
        for pattern, index in self._automaton.items():
            found[index] = pattern
        return found

    # pyahocorasick pickles its own automaton; ahocorasick_rs cannot, so its patterns travel
    # as one string and the automaton is rebuilt.
    def __getstate__(self):
        if self.backend == PYAHOCORASICK:
            return {
                "backend": self.backend,
                "count": self._count,
                "lengths": self._lengths,
                "automaton": self._automaton,
            }
        return {"backend": self.backend, "count": self._count, "patterns": self._patterns}

    def __setstate__(self, state):
        self.backend, self._count = state["backend"], state["count"]
        if self.backend == PYAHOCORASICK:
            self._lengths, self._automaton = state["lengths"], state["automaton"]
        else:
            self._patterns = state["patterns"]
            self._automaton = _build_ahocorasick_rs(_iter_unpacked(self._patterns))


def _build_pyahocorasick(patterns: Sequence[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern, index)
    if patterns:
        automaton.make_automaton()
    return automaton


def _build_ahocorasick_rs(patterns: Iterable[str]):
    import ahocorasick_rs

    # The contiguous NFA scans fastest here and builds as fast as the default choice.
    return ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MATCHKIND_STANDARD,
        store_patterns=False,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )


def _pack(patterns: Sequence[str]) -> str | list[str]:
    if any(_SEPARATOR in pattern for pattern in patterns):
        return list(patterns)
    return _SEPARATOR.join(patterns)


def _iter_unpacked(packed: str | list[str]) -> Iterator[str]:
    """The patterns one at a time: a million short str objects at once would double peak memory."""
    if isinstance(packed, list):
        return iter(packed)
    return (match.group() for match in re.finditer(_PATTERN, packed))


def _unpack(packed: str | list[str]) -> list[str]:
    if isinstance(packed, list):
        return list(packed)
    return packed.split(_SEPARATOR) if packed else []
