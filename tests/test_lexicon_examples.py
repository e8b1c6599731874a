"""Every example of every bundled lexicon entry, implicit ones included, runs here."""

import pytest

import termcheck
from termcheck.lexicon.compile import bundled_lexicon_dir, bundled_lexicon_paths
from termcheck.lexicon.examples import entry_examples, example_failure
from termcheck.lexicon.loader import load_lexicon

PATHS = bundled_lexicon_paths()


def test_bundled_lexicons_exist():
    assert len(PATHS) >= 10


@pytest.mark.parametrize("path", PATHS, ids=lambda p: str(p.relative_to(bundled_lexicon_dir())))
def test_examples_of_every_entry(path):
    checker = termcheck.default_checker()
    failures = []
    count = 0
    for where, entry_id, text, expect, as_of in entry_examples(load_lexicon(path)):
        count += 1
        problem = example_failure(checker, entry_id, text, expect, as_of)
        if problem:
            failures.append(f"{where}: {problem}")
    assert count > 0
    assert not failures, f"{len(failures)} of {count} examples fail:\n" + "\n".join(failures[:40])
