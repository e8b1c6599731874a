"""Checks on the bundled lexicon data itself, as codespell and typos run on their dictionaries."""

from collections import Counter, defaultdict

import pytest

from termcheck.lexicon.compile import bundled_lexicon_paths
from termcheck.lexicon.loader import load_lexicon
from termcheck.lexicon.schema import FormulationEntry, LeaderEntry, PhrasesEntry, ProtectedEntry, SubstitutionEntry, TermEntry
from termcheck.text.normalize import fold

LEXICONS = [load_lexicon(p, bundled=True) for p in bundled_lexicon_paths()]
ENTRIES = [(lexicon.path, entry) for lexicon in LEXICONS for entry in lexicon.data.entries]


def wrong_forms(entry):
    if isinstance(entry, SubstitutionEntry):
        return entry.wrong
    if isinstance(entry, TermEntry):
        return entry.terms
    if isinstance(entry, FormulationEntry):
        return entry.variants
    return []


def correct_forms(entry):
    if isinstance(entry, SubstitutionEntry):
        return entry.right
    if isinstance(entry, FormulationEntry):
        return [entry.term, *entry.allowed]
    if isinstance(entry, ProtectedEntry):
        return [entry.term, *entry.aliases]
    if isinstance(entry, LeaderEntry):
        return [entry.name]
    if isinstance(entry, PhrasesEntry):
        return entry.phrases
    return []


def test_ids_are_unique():
    counts = Counter(entry.id for _, entry in ENTRIES)
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("lexicon", LEXICONS, ids=lambda lx: lx.data.lexicon)
def test_entries_are_sorted_by_id(lexicon):
    ids = [entry.id for entry in lexicon.data.entries]
    assert ids == sorted(ids)


def test_no_wrong_form_is_listed_twice():
    # Keyed by date range too: a renamed body may point to a different successor in each period.
    where = defaultdict(list)
    for _, entry in ENTRIES:
        for form in {fold(f).text for f in wrong_forms(entry)}:
            where[(form, entry.effective, entry.expires)].append(entry.id)
    assert {key: ids for key, ids in where.items() if len(ids) > 1} == {}


def test_no_wrong_form_equals_a_correct_form():
    correct = {}
    for _, entry in ENTRIES:
        if not entry.effective and not entry.expires:
            for form in correct_forms(entry):
                correct[fold(form).text] = entry.id
    clashes = {}
    for _, entry in ENTRIES:
        if entry.effective or entry.expires or getattr(entry, "only_with", None):
            continue  # dated renames, and forms wrong only in a given sentence context
        for form in wrong_forms(entry):
            if fold(form).text in correct and correct[fold(form).text] != entry.id:
                clashes[form] = (entry.id, correct[fold(form).text])
    assert clashes == {}


def test_no_correction_loops_or_chains():
    corrections = {}
    for _, entry in ENTRIES:
        if isinstance(entry, SubstitutionEntry):
            for wrong in entry.wrong:
                corrections[wrong] = entry.right[0]
    chains = {w: (r, corrections[r]) for w, r in corrections.items() if r in corrections}
    assert chains == {}


def test_every_entry_has_a_source():
    assert [e.id for lx in LEXICONS for e in lx.data.entries if not (e.source or lx.data.source)] == []


def test_unverified_entries_are_not_errors():
    assert [e.id for _, e in ENTRIES if e.unverified and e.severity.value == "error"] == []
