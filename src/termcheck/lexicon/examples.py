"""Run the examples embedded in lexicon entries, as prh runs its specs."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from .loader import LoadedLexicon, load_lexicon
from .schema import SubstitutionEntry

DEFAULT_AS_OF = _dt.date(2026, 11, 26)


def entry_examples(lexicon: LoadedLexicon) -> Iterator[tuple[str, str, str, list[str], _dt.date]]:
    """(where, entry id, text, expected rule ids, as_of) for every example, implicit ones included."""
    for index, entry in enumerate(lexicon.data.entries):
        line = lexicon.entry_lines[index] if index < len(lexicon.entry_lines) else 0
        where = f"{lexicon.path}:{line}: entry {entry.id}"
        for number, example in enumerate(entry.examples):
            yield f"{where}, examples[{number}]", entry.id, example.text, example.expect, example.as_of
        if isinstance(entry, SubstitutionEntry):
            day = entry.effective
            if entry.only_with:  # needs its sentence context; its own examples carry it
                continue
            for wrong in entry.wrong:
                yield f"{where}, wrong '{wrong}'", entry.id, wrong, [entry.id], day
            for right in entry.right:
                yield f"{where}, right '{right}'", entry.id, right, [], day


def example_failure(checker, entry_id: str, text: str, expect: list[str], as_of) -> str | None:
    findings = checker.check(text, as_of=as_of or DEFAULT_AS_OF)
    rules = [f.rule for f in findings]

    def hit(expected: str) -> bool:
        return any(r == expected or r.startswith(expected + "/") for r in rules)

    if expect:
        missing = [e for e in expect if not hit(e)]
        if missing:
            return f"expected {missing} in “{text}”, got {rules or 'nothing'}"
        return None
    own = [r for r in rules if r == entry_id or r.startswith(entry_id + "/")]
    if own:
        return f"expected no finding of {entry_id} in “{text}”, got {own}"
    return None


def verify_examples(checker, paths: list[Path]) -> list[str]:
    failures = []
    for path in paths:
        for where, entry_id, text, expect, as_of in entry_examples(load_lexicon(path)):
            problem = example_failure(checker, entry_id, text, expect, as_of)
            if problem:
                failures.append(f"{where}, field 'examples': {problem}")
    return failures
