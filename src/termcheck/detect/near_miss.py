"""Near misses of protected terms: leader names, state and institution names, formulations.

The patterns are generated at compile time (`termcheck.lexicon.variants`); a scan only looks
up their hits. Each candidate slip then passes the guards below in order, any of which drops it
as a real word, a rewording or ordinary prose, and is raised with a severity that depends on
its context.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from ..lexicon.patterns import ANCHOR, NEAR, PatternRef
from ..lexicon.schema import FormulationEntry, LeaderEntry
from ..lexicon.variants import GENERIC_TITLES
from ..models import Category, Severity
from ..text import confusion, segment
from ..text.normalize import fold, is_han
from .base import Candidate, Detector, Scan

NUMERALS = set("一二三四五六七八九十两百千零〇")
KIND_LABELS = {
    confusion.HOMOPHONE: "同音字",
    confusion.NEAR_PINYIN: "近音字",
    confusion.SHAPE: "形近字",
    "swap": "字序颠倒",
    "delete": "漏字",
    "insert": "多字",
    "substitute": "错字",
    "trunc": "姓名不全",
    "abbr": "拼音缩写误输",
}
CONFIDENCE = {
    confusion.HOMOPHONE: 0.9,
    confusion.SHAPE: 0.85,
    confusion.NEAR_PINYIN: 0.75,
    "swap": 0.85,
    "delete": 0.8,
    "insert": 0.7,
    "substitute": 0.6,
    "trunc": 0.85,
    "abbr": 0.8,
}
LONG_FORM = 8  # formulations from this length keep edits at their ends
WORD_DROP_FORM = 14  # formulations from this length are checked for a dropped two-character word
FUNCTION_CHARS = frozenset("的之和与及地得了")
COMMON_WORD_FREQUENCY = 20  # jieba lists some misspelt names (王歧山, 温家保) with a frequency of 3-6
# A leader's name slip with neither a title beside it nor the correct name in the text is less sure.
UNTITLED_LEADER_DOUBT = 0.2
WHAT = {Category.leader: "领导人姓名", Category.name: "名称", Category.formulation: "规范表述"}


def one_edit(target: str, text: str) -> tuple[str, int] | None:
    """The single edit turning ``target`` into ``text``: (kind, index in target), or None."""
    n, m = len(target), len(text)
    if n == m:
        diffs = [i for i in range(n) if target[i] != text[i]]
        if len(diffs) == 1:
            return "substitute", diffs[0]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            if target[i] == text[i + 1] and target[i + 1] == text[i]:
                return "swap", i
        return None
    if abs(n - m) != 1:
        return None
    longer, shorter = (target, text) if n > m else (text, target)
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    if longer[i + 1 :] != shorter[i:]:
        return None
    return ("delete", i) if n > m else ("insert", i)


class NearMissDetector(Detector):
    name = "near-miss"

    def detect(self, scan: Scan) -> Iterator[Candidate]:
        compiled = scan.compiled
        seen: set[tuple[int, int, str]] = set()
        text = scan.folded.text
        for start, end, ref in scan.hits:
            if ref.role == NEAR:
                candidates = [(start, end, ref.target[0], ref.detail, None)]
            elif ref.role == ANCHOR:
                formulation = isinstance(compiled.entries.get(ref.rule_id), FormulationEntry)
                candidates = list(_anchor_candidates(text, start, end, ref, formulation))
            else:
                continue
            for c_start, c_end, form, kind, edit_index in candidates:
                key = (c_start, c_end, form)
                if key in seen:
                    continue
                seen.add(key)
                slip = Slip(scan, c_start, c_end, form, kind, edit_index, ref.rule_id)
                if not any(guard(slip) for guard in GUARDS):
                    yield self._candidate(slip)

    def _candidate(self, slip: Slip) -> Candidate:
        rule, leader, in_context, kind = slip.rule, slip.leader, slip.in_context, slip.kind
        severity = Severity.error
        if leader and not in_context:
            severity = Severity.warning
        if kind == "substitute" and not in_context and (leader or len(slip.form) < 6):
            severity = Severity.warning
        if not leader and slip.word_changed:
            # An added character that makes a word (领导下的) is usually a legitimate
            # rewording: shown for review, not counted as an error.
            severity = Severity.info
        confidence = CONFIDENCE.get(kind, 0.6)
        if leader and not in_context:
            confidence -= UNTITLED_LEADER_DOUBT
        what = WHAT.get(rule.category, "规范用语")
        message = f"“{slip.found}”疑为{what}“{slip.form}”之误（{KIND_LABELS.get(kind, '错字')}）"
        return self.candidate(
            slip.start, slip.end, f"{rule.id}/near-miss", rule.category, severity, message,
            suggestions=(slip.form,), confidence=round(confidence, 2), source=rule.source,
        )


class Slip:
    """One candidate slip of a protected form, with what the guards ask about it, each worked out once."""

    def __init__(self, scan: Scan, start: int, end: int, form: str, kind: str, edit_index: int | None, rule_id: str):
        self.scan, self.start, self.end, self.form, self.edit_index = scan, start, end, form, edit_index
        self.written_kind = kind
        self.text = scan.folded.text
        self.found = self.text[start:end]
        self.rule = scan.compiled.rules[rule_id]
        self.entry = scan.compiled.entries[rule_id]
        self.leader = isinstance(self.entry, LeaderEntry)
        self.formulation = isinstance(self.entry, FormulationEntry)

    @cached_property
    def titled(self) -> bool:
        return _next_to_title(self.text, self.start, self.end, self.scan.compiled)

    @cached_property
    def in_context(self) -> bool:
        """Next to a title, or a leader whose correct name is elsewhere in the text."""
        return self.titled or (self.leader and self.rule.id in self.scan.present_rules)

    @cached_property
    def path(self) -> str:
        """Which guards apply: ``titled-only`` (a name cut short, pinyin initials), ``short-name``
        (a leader's name of 2-3 characters), else ``form``."""
        if self.written_kind in ("trunc", "abbr"):
            return "titled-only"
        return "short-name" if self.leader and len(self.form) <= 3 else "form"

    @cached_property
    def confusable_kind(self) -> str | None:
        """For a substitution: the kind of confusable the changed character is, if it is one."""
        if self.written_kind != "substitute":
            return None
        changed = self.found[self.edit_index]
        return self.scan.compiled.confusion.get(self.form[self.edit_index], {}).get(changed)

    @property
    def kind(self) -> str:
        """The kind of slip, a substitution named by its confusable kind where it has one."""
        return (self.path == "form" and self.confusable_kind) or self.written_kind

    @cached_property
    def on_word_boundaries(self) -> bool:
        return self.scan.on_word_boundaries(self.start, self.end)

    @cached_property
    def edit_makes_word(self) -> bool:
        return _edit_makes_word(self.text, self.start, self.end, self.edit_index)

    @cached_property
    def common_word(self) -> bool:
        return segment.word_frequency(self.found) >= COMMON_WORD_FREQUENCY

    @property
    def word_changed(self) -> bool:
        """An added character that makes a word (领导下的 for 领导的): a rewording, kept for formulations."""
        return self.path == "form" and self.written_kind == "insert" and self.edit_makes_word


# -- guards: each says why a slip is not reported; they run in this order ------------------------


def _no_slip(slip: Slip) -> bool:
    """The form itself, or a span that does not begin and end with a Chinese character."""
    return slip.found == slip.form or not (is_han(slip.found[0]) and is_han(slip.found[-1]))


def _overlaps_correct_form(slip: Slip) -> bool:
    return slip.scan.overlaps_correct_form(slip.start, slip.end, slip.form)


def _not_in_force(slip: Slip) -> bool:
    return not slip.rule.applies_on(slip.scan.as_of)


def _untitled_cut_or_initials(slip: Slip) -> bool:
    """A name cut short (李克) or a word of its pinyin initials (新加坡) counts only beside a title."""
    return slip.path == "titled-only" and not slip.titled


def _untitled_two_character_name(slip: Slip) -> bool:
    return slip.path == "short-name" and len(slip.form) == 2 and not slip.titled


def _two_character_name_beside_another_post(slip: Slip) -> bool:
    """Many people share a two-character name with a leader, or one a character from it: only a
    post of that leader's beside it makes it the leader (省长刘捷, not 副部长刘杰)."""
    if slip.path != "short-name" or len(slip.form) != 2:
        return False
    own = {fold(t).text for title in slip.entry.titles for t in (title.title, *title.short)}
    text = slip.text
    return not any(text.endswith(t, 0, slip.start) or text.startswith(t, slip.end) for t in own)


# What follows a name in running prose when it is a single character (李克在会上, 李克、…).
NAME_FOLLOWERS = frozenset("在和与及等的说向对为将是也就都、，。；：！？")


def _name_runs_on(slip: Slip) -> bool:
    """Two characters of a leader's name, or a character from it, followed by a lone character,
    begin a longer name (主任张国光当选, 书记王宝林把): not 张国清 cut short, not 王宁 misspelt."""
    if not slip.leader or slip.path == "form" or len(slip.found) != 2:
        return False
    text, end = slip.text, slip.end
    if end >= len(text) or not is_han(text[end]) or text[end] in NAME_FOLLOWERS:
        return False
    piece, offset = segment.window(text, slip.start, end + 1)
    return (end + 1 - offset) in segment.boundaries(piece)


def _name_cuts_a_word(slip: Slip) -> bool:
    """A misspelt name may glue to its neighbour (江择民主持 reads 民主): the corrected text decides."""
    if slip.path != "short-name" or slip.on_word_boundaries:
        return False
    return not _fits_when_corrected(slip.text, slip.start, slip.end, slip.form)


def _untitled_word_or_lookalike(slip: Slip) -> bool:
    """A common word or a listed lookalike (李克勤) is a leader's name only beside a title."""
    if slip.path != "short-name" or slip.titled:
        return False
    return slip.common_word or slip.found in slip.entry.lookalikes


def _form_cuts_a_word(slip: Slip) -> bool:
    return slip.path == "form" and not slip.on_word_boundaries


def _added_word_outside_formulation(slip: Slip) -> bool:
    """An added character that makes a word (领导下的) rewords a name; a formulation keeps it as info."""
    return slip.word_changed and not slip.formulation


def _changed_numeral(slip: Slip) -> bool:
    """两个/三个 are other formulations, not slips."""
    if slip.path != "form" or slip.written_kind != "substitute" or slip.confusable_kind:
        return False
    return slip.found[slip.edit_index] in NUMERALS or slip.form[slip.edit_index] in NUMERALS


def _changed_into_another_word(slip: Slip) -> bool:
    """Names form families (刑事/民事诉讼法), short formulations too (精准扶贫/脱贫); only in a
    long fixed formulation is an unconfusable change into a word a slip (不忘初心、忘记使命)."""
    if slip.path != "form" or slip.written_kind != "substitute" or slip.confusable_kind:
        return False
    if getattr(slip.entry, "one_of_a_kind", False) and not segment.word_frequency(slip.found):
        return False
    return slip.edit_makes_word and not (slip.formulation and len(slip.form) >= 6)


# The last character of a body's name says what kind of body it is; another one there names another
# body (工业和信息化部, the ministry; 市工业和信息化局, a city's bureau), never a slip of the first.
BODY_KINDS = frozenset("部厅局委办处科室所站署司院会馆社队组团校府")


def _other_last_character_of_a_name(slip: Slip) -> bool:
    """A name's last character changed into another body's (科学技术局 beside 科学技术部), or into
    one that neither sounds nor looks like it, which begins the next word (统一战线工作向商会覆盖)."""
    if slip.path != "form" or slip.rule.category != Category.name or slip.written_kind != "substitute":
        return False
    if slip.edit_index != len(slip.form) - 1 or getattr(slip.entry, "one_of_a_kind", False):
        return False
    return (slip.form[-1] in BODY_KINDS and slip.found[-1] in BODY_KINDS) or not slip.confusable_kind


def _short_common_word(slip: Slip) -> bool:
    """A short form's slip that is a common word is that word, unless a title or the name says otherwise."""
    return slip.path == "form" and len(slip.form) <= 3 and slip.common_word and not slip.in_context


GUARDS = (
    _no_slip,
    _overlaps_correct_form,
    _not_in_force,
    _untitled_cut_or_initials,
    _untitled_two_character_name,
    _two_character_name_beside_another_post,
    _name_runs_on,
    _name_cuts_a_word,
    _untitled_word_or_lookalike,
    _form_cuts_a_word,
    _added_word_outside_formulation,
    _changed_numeral,
    _changed_into_another_word,
    _other_last_character_of_a_name,
    _short_common_word,
)


def _anchor_candidates(text: str, start: int, end: int, ref: PatternRef, formulation: bool):
    form = ref.target[0]
    n = len(form)
    # Most anchor hits are halves of the correct form itself, or a common word (国家) that starts
    # many forms; both are ruled out by the characters next to the anchor, before any edit is tried.
    if not _edit_possible_next_to_anchor(text, start, end, form, ref.detail.startswith("L"), formulation):
        return
    lengths = (n - 2, n - 1, n, n + 1) if formulation and n >= WORD_DROP_FORM else (n - 1, n, n + 1)
    for length in lengths:
        if ref.detail.startswith("L"):
            c_start, c_end = start, start + length
        else:
            c_start, c_end = end - length, end
        if c_start < 0 or c_end > len(text):
            continue
        edit = one_edit(form, text[c_start:c_end]) if length != n - 2 else _word_dropped(form, text[c_start:c_end])
        title_part = int(ref.detail[1:] or 0)
        if edit and title_part:
            # In a title+name form only title slips count; the name's own forms catch the rest.
            if edit[1] < title_part:
                yield c_start, c_end, form, edit[0], edit[1]
        elif edit and not _edge_edit(form, *edit, formulation) and not _style_edit(form, text[c_start:c_end], *edit):
            yield c_start, c_end, form, edit[0], edit[1]


def _edit_possible_next_to_anchor(text: str, start: int, end: int, form: str, left: bool, formulation: bool) -> bool:
    """False when no single edit (nor a dropped word) of ``form`` fits the characters beside the anchor."""
    n, k = len(form), end - start
    if left:
        if text.startswith(form, start):
            return False
        at, form_at, step = end, k, 1
    else:
        if text.endswith(form, 0, end):
            return False
        at, form_at, step = start - 1, n - k - 1, -1
    if not (0 <= form_at + step < n and 0 <= at < len(text)):
        return True  # an edit at the very edge; let the full check decide
    here = text[at]
    after = text[at + step] if 0 <= at + step < len(text) else ""
    ahead = form[form_at + step]
    if here in (form[form_at], ahead) or after in (form[form_at], ahead):
        return True
    dropped_word = form[form_at + 2 * step] if 0 <= form_at + 2 * step < n else ""
    return formulation and bool(dropped_word) and here == dropped_word


def _word_dropped(form: str, text: str) -> tuple[str, int] | None:
    """A two-character word dropped from inside a long form (集中统一领导 → 集中领导)."""
    prefix = 0
    while prefix < len(text) and form[prefix] == text[prefix]:
        prefix += 1
    if 0 < prefix < len(form) - 2 and form[prefix + 2 :] == text[prefix:]:
        return "delete", prefix
    return None


def _style_edit(form: str, text: str, kind: str, index: int) -> bool:
    """An edit that changes style, not spelling: a pause mark or a function word.

    精准扶贫、精准脱贫 adds a pause mark; 中国特色的社会主义 adds 的; 人力资源社会保障部 is the
    official short form without 和.
    """
    if kind == "delete":
        return not is_han(form[index]) or form[index] in FUNCTION_CHARS
    if kind == "insert":
        return not is_han(text[index]) or text[index] in FUNCTION_CHARS
    if kind == "substitute":
        return not (is_han(form[index]) and is_han(text[index]))
    return not (is_han(form[index]) and is_han(form[index + 1]))


def _edge_edit(form: str, kind: str, index: int, formulation: bool) -> bool:
    """Edits at a term's ends that ordinary text makes all the time.

    A character before or after a name (中国共产党是), or a name cut short at either end
    (维护国家安全 for 国家安全部, 国际发展合作署), is normal prose; so is another first or
    last character on a short term (国家安全法 beside 国家安全部). Only long formulations
    keep their edge deletions (有共产党就没有新中国).
    """
    last = len(form) - 1
    if kind == "insert":
        return index in (0, len(form))
    if kind == "delete":
        return index in (0, last) and not (formulation and len(form) >= LONG_FORM)
    if kind == "substitute":
        return index in (0, last) and len(form) < 6
    return False


def _next_to_title(text: str, start: int, end: int, compiled) -> bool:
    titles = getattr(compiled, "titles", frozenset(GENERIC_TITLES))
    for size in range(2, 11):
        if start - size >= 0 and text[start - size : start] in titles:
            return True
        if text[end : end + size] in titles:
            return True
    return False


def _edit_makes_word(text: str, start: int, end: int, edit_index: int) -> bool:
    """True when the changed character belongs to a word of two or more characters."""
    piece, offset = segment.window(text, start, end)
    position = 0
    target = start - offset + edit_index
    for token in segment.tokens(piece):
        if position <= target < position + len(token):
            return len(token) >= 2 and segment.word_frequency(token) > 0
        position += len(token)
    return False


def _fits_when_corrected(text: str, start: int, end: int, form: str) -> bool:
    """True when the window, with the name corrected, segments the name as whole words.

    A misspelt name can glue to its neighbour (江择民主持 reads 民主), so the boundary
    check also looks at the sentence as it should have been written.
    """
    left = max(0, start - segment.WINDOW)
    corrected = text[left:start] + form + text[end : end + segment.WINDOW]
    return segment.on_word_boundaries(corrected, start - left, start - left + len(form))
