"""Entry counts of compiled lexicons, for ``termcheck lexicons``."""

from __future__ import annotations

from collections import Counter

from ..models import Category
from .schema import LeaderEntry


def lexicon_stats(compiled) -> dict:
    entries: Counter[str] = Counter({c.value: 0 for c in Category})
    for rule in compiled.rules.values():
        entries[rule.category.value] += 1
    counts = {c.value: compiled.term_counts.get(c.value, 0) for c in Category}
    leaders = [entry for entry in compiled.entries.values() if isinstance(entry, LeaderEntry)]
    people = {
        "people": len({entry.name for entry in leaders}),
        "dated_posts": sum(1 for entry in leaders for title in entry.titles if title.start or title.end),
        "unverified_posts": sum(1 for entry in leaders for title in entry.titles if title.unverified),
    }
    return {"lexicons": compiled.lexicons, "counts": counts, "entries": dict(entries), "people": people}
