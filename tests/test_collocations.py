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


def test_a_word_that_jieba_joins_with_its_neighbour_is_still_checked(checker, tmp_path):
    """渡过春节 is one jieba word; the rule's whole pattern standing as a word is enough."""
    path = tmp_path / "joined.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            lexicon: joined
            category: typo
            source: test
            entries:
            - id: COLL-T-0010
              kind: collocation
              word: 界线
              right: 界限
              before: [划清]
              examples:
              - {text: 同违法违纪行为划清界线。, expect: [COLL-T-0010]}
            """
        ),
        encoding="utf-8",
    )
    joined = termcheck.Checker(lexicons=[path], bundled=False)
    assert [f.text for f in joined.check("同违法违纪行为划清界线。", as_of=AS_OF)] == ["界线"]


@pytest.fixture(scope="module")
def bundled():
    return termcheck.Checker()


def collocations(checker, text):
    return [(f.text, f.suggestions[0]) for f in checker.check(text, as_of=AS_OF) if f.rule.startswith("COLL-")]


@pytest.mark.parametrize(
    "text, word, right",
    [
        ("各级信访部门要认真办理群众反应的问题。", "反应", "反映"),
        ("少先队员要带红领巾参加升旗仪式。", "带", "戴"),
        ("会议对下一阶段工作作出部属。", "部属", "部署"),
        ("现将2024年度公开招聘启示发布如下。", "启示", "启事"),
        ("截止上月底，全县已完成农村危房改造326户。", "截止", "截至"),
        ("坚决防止权利寻租和利益输送。", "权利", "权力"),
        ("当前防汛形式依然严峻复杂。", "形式", "形势"),
        ("推动县域经纪高质量发展。", "经纪", "经济"),
        ("做好高效毕业生就业创业工作。", "高效", "高校"),
        ("给予其留党查看一年处分。", "查看", "察看"),
        ("请携带身份证元件及复印件到窗口办理。", "元件", "原件"),
    ],
)
def test_bundled_rules_catch_real_word_confusions_of_government_prose(bundled, text, word, right):
    assert (word, right) in collocations(bundled, text)


@pytest.mark.parametrize(
    "text",
    [
        "各级信访部门要认真办理群众反映的问题。",
        "社会各界对这项惠民政策反应热烈。",
        "这一案例给我们深刻启示。",
        "他对部属要求严格，对自己要求更严。",
        "报名截止日期为6月30日。",
        "依法保障公民的合法权利。",
        "力戒形式主义、官僚主义。",
        "规范房地产经纪机构。",
        "高效办成一件事，让群众少跑腿。",
        "请查看附件中的报名表。",
        "大力发展电子元件产业。",
        "孩子们度过了一个愉快的寒假。",
    ],
)
def test_bundled_rules_leave_right_prose_alone(bundled, text):
    assert collocations(bundled, text) == []
