import datetime as dt
from pathlib import Path

import pytest

from termcheck import Checker

FIXTURES = Path(__file__).parent / "fixtures"
CORE_LEXICON = FIXTURES / "core.yaml"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
AS_OF = dt.date(2026, 11, 26)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Tests compile into their own cache folder, never the user's."""
    import os

    folder = tmp_path_factory.mktemp("termcheck-cache")
    previous = os.environ.get("TERMCHECK_CACHE_DIR")
    os.environ["TERMCHECK_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("TERMCHECK_CACHE_DIR", None)
    else:
        os.environ["TERMCHECK_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def core_checker():
    """Only the small fixture lexicon: mechanism tests do not depend on bundled content."""
    return Checker(lexicons=[CORE_LEXICON], bundled=False)


def rules(findings):
    return [f.rule for f in findings]
