"""Entry counts of compiled lexicons, for ``termcheck lexicons``."""

from __future__ import annotations

from collections import Counter

from ..models import Category


def lexicon_stats(compiled) -> dict:
    entries: Counter[str] = Counter({c.value: 0 for c in Category})
    for rule in compiled.rules.values():
        entries[rule.category.value] += 1
    counts = {c.value: compiled.term_counts.get(c.value, 0) for c in Category}
    return {"lexicons": compiled.lexicons, "counts": counts, "entries": dict(entries)}
