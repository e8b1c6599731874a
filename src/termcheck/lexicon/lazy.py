"""A read-only mapping whose values are unpickled one by one, the first time each is asked for.

The compiled lexicons hold some 8,000 rules and 1,700 entries; a check reads a handful of them,
yet unpickling them all took a fifth of a small check's start-up.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping


class LazyValues(Mapping):
    __slots__ = ("_pickled", "_loaded")

    def __init__(self, values: Mapping):
        self._pickled = {key: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) for key, value in values.items()}
        self._loaded: dict = {}

    def __getitem__(self, key):
        try:
            return self._loaded[key]
        except KeyError:
            value = self._loaded[key] = pickle.loads(self._pickled[key])
            return value

    def __contains__(self, key) -> bool:
        return key in self._pickled

    def __iter__(self) -> Iterator:
        return iter(self._pickled)

    def __len__(self) -> int:
        return len(self._pickled)

    def __getstate__(self):
        return self._pickled

    def __setstate__(self, pickled) -> None:
        self._pickled = pickled
        self._loaded = {}
