"""Collocation rules: a real word that its neighbour shows to be the wrong one (群众反应的问题)."""

import textwrap

import pytest

import termcheck
from termcheck.errors import LexiconError

from .conftest import AS_OF

LEXICON = """\
lexicon: collocations-test
category: typo
source: 《现代汉语词典》第7版
entries:
- id: COLL-T-0001
  kind: collocation
  word: 反应
  right: 反映
  before: [如实, 群众]
  after: [问题, 情况, 诉求]
  not_after: [热烈]
  message: 表示把情况、意见告诉上级或有关部门，应写作“反映”
  examples:
  - {text: 各级信访部门要认真办理群众反应的问题。, expect: [COLL-T-0001]}
  - {text: 社会各界对这项惠民政策反应热烈。, expect: []}
- id: COLL-T-0002
  kind: collocation
  word: 带
  right: 戴
  after: [红领巾, 口罩, 安全帽]
  examples:
  - {text: 少先队员要带红领巾参加升旗仪式。, expect: [COLL-T-0002]}
  - {text: 请随身携带口罩。, expect: []}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicons") / "collocations.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return termcheck.Checker(lexicons=[path], bundled=False)


@pytest.mark.parametrize(
    "text, word, right",
    [
        ("各级信访部门要认真办理群众反应的问题。", "反应", "反映"),  # after, through 的
        ("他如实反应了基层减负工作中存在的困难。", "反应", "反映"),  # before
        ("少先队员要带红领巾参加升旗仪式。", "带", "戴"),
        ("施工人员进入现场必须带安全帽。", "带", "戴"),
    ],
)
def test_the_neighbour_shows_the_word_wrong(checker, text, word, right):
    findings = checker.check(text, as_of=AS_OF)
    assert [(f.text, f.suggestions) for f in findings] == [(word, (right,))]
    assert text[findings[0].start : findings[0].end] == word
    assert findings[0].severity.value == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "各级信访部门要认真办理群众反映的问题。",  # the right word
        "社会各界对这项惠民政策反应热烈。",  # not_after
        "发生化学反应时应做好防护。",  # the word in its own sense, no listed neighbour
        "请随身携带口罩。",  # 带 is part of 携带
        "他带来了一批红领巾。",  # 带 not next to its neighbour
    ],
)
def test_right_uses_are_left_alone(checker, text):
    assert checker.check(text, as_of=AS_OF) == []


def test_a_collocation_without_neighbours_does_not_load(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        textwrap.dedent(
            """\
            lexicon: broken
            category: typo
            source: test
            entries:
            - {id: COLL-T-0009, kind: collocation, word: 反应, right: 反映}
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"broken.yaml:5: entry COLL-T-0009, field '\(entry\)'.*neighbour"):
        termcheck.Checker(lexicons=[broken], bundled=False)
