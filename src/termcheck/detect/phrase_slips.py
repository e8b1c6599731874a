"""One-character slips of protected phrases: 按步就班 for 按部就班, 沉痛到念 for 沉痛悼念.

The phrases and their two automata come from the compiled lexicons (`termcheck.lexicon.phrases`).
A slip is found three ways:
- a sound-key hit that differs from its phrase in exactly one character: a homophone or a
  near-pinyin slip, in any position;
- a form-automaton anchor of a four-character phrase beside a character that is one of the
  missing one's shape slips (病入膏盲), or that doubles an inner character; or the phrase itself
  with a rare inner character written as a common lookalike (饮鸠止渴);
- a half of a longer phrase, extended by one edit (any confusable substitution, a dropped
  character, a doubled one, a swap).
Each candidate then passes the guards below, in order: anything they drop is left alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..lexicon.patterns import HIT
from ..lexicon.phrases import INNER, LEFT, PREFIX, RIGHT, SUFFIX, PhraseIndex
from ..lexicon.schema import PhrasesEntry
from ..models import Category, Severity
from ..text import char_ngrams, confusion, person_names, segment
from ..text.normalize import is_han
from .base import Candidate, Detector, Scan
from .confusable_typo import window_word_gain
from .near_miss import KIND_LABELS, one_edit

NUMERALS = frozenset("一二三四五六七八九十两百千万亿零〇")
# Particles: a phrase that differs from a fixed one in one of them is mostly another sentence
# (奇怪的事 beside 奇怪的是).
FUNCTION_CHARS = frozenset("的地得了着过")
COMMON_WORD_FREQUENCY = 20  # a slip that is a word this frequent in jieba is that word
RARE_PHRASE_FREQUENCY = 5  # a listed phrase this rare in jieba is no likelier than two common words
# jieba's word model must find the sentence likelier (log gain) with the phrase written in. Rare
# idioms gain little (螳臂挡车 for 螳臂当车: 0.9, jieba knows the idiom 3 times), so the bar is low;
# two words that merely read like a phrase are the job of the guards before it.
WORD_GAIN = 0.5
# Below this word-model gain the character model of correct text is asked too, and must not
# favour what is written by more than CHAR_MODEL_DOUBT (log): 欢度佳节 is right beside jieba's
# rare 欢渡佳节. Above it the word model is trusted (韬光养悔 for 韬光养晦: 24.9).
SURE_WORD_GAIN = 6.0
CHAR_MODEL_DOUBT = 3.0
CONFIDENCE = {
    confusion.HOMOPHONE: 0.85,
    confusion.NEAR_PINYIN: 0.7,
    confusion.SHAPE: 0.75,
    confusion.OBSERVED: 0.8,
    "swap": 0.8,
    "insert": 0.75,
    "delete": 0.7,
}
WHAT = {Category.typo: "固定用语", Category.formulation: "规范表述"}


COMMON_CHARS = 3500


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    return frozenset(confusion.common_chars()[:COMMON_CHARS])


class PhraseSlipDetector(Detector):
    name = "phrase-slip"

    def detect(self, scan: Scan) -> Iterator[Candidate]:
        index: PhraseIndex | None = scan.compiled.phrases
        if index is None or not len(index):
            return
        for slip in candidate_slips(scan, index):
            if not any(guard(slip) for guard in GUARDS):
                yield self._candidate(slip)

    def _candidate(self, slip: PhraseSlip) -> Candidate:
        rule, entry = slip.rule, slip.entry
        severity = Severity.error if entry.offensive_reading else rule.severity
        what = WHAT.get(rule.category, "固定用语")
        message = f"“{slip.found}”疑为{what}“{slip.phrase}”之误（{KIND_LABELS.get(slip.kind, '错字')}）"
        if entry.offensive_reading:
            message += "，误写易生歧义，须改正"
        return self.candidate(
            slip.start, slip.end, f"{rule.id}/near-miss", rule.category, severity, message,
            suggestions=(slip.phrase,), confidence=CONFIDENCE.get(slip.kind, 0.6), source=rule.source,
        )


def candidate_slips(scan: Scan, index: PhraseIndex) -> Iterator[PhraseSlip]:
    """Every slip of a protected phrase the text may hold, once each, before any guard."""
    text = scan.folded.text
    correct, slips = _sound_hits(index, text)
    slips += _form_hits(index, text)
    correct = Spans(correct)
    listed = Spans(
        (start, end)
        for start, end, ref in scan.hits
        if ref.role == HIT and scan.compiled.rules[ref.rule_id].category is Category.typo
    )
    seen = set()
    for start, end, phrase_id, kind, edit_index in slips:
        if (start, end, phrase_id) not in seen:
            seen.add((start, end, phrase_id))
            yield PhraseSlip(scan, index, correct, start, end, phrase_id, kind, edit_index, listed)


def _sound_hits(index: PhraseIndex, text: str) -> tuple[list[tuple[int, int]], list[tuple]]:
    """Correct occurrences of phrases, and the sound-alike ones that differ in one character."""
    correct, slips = [], []
    for pattern, start, end in index.key_matcher.find(index.keyed(text)):
        written = text[start:end]
        for phrase_id in index.phrases_read_as(pattern):
            phrase = index.phrases[phrase_id]
            if written == phrase:
                correct.append((start, end))
                continue
            differences = [i for i, (a, b) in enumerate(zip(written, phrase)) if a != b]
            if len(differences) == 1:
                at = differences[0]
                kind = confusion.HOMOPHONE if index.usual.get(written[at]) == index.syllable(phrase_id, at) else confusion.NEAR_PINYIN
                slips.append((start, end, phrase_id, kind, at))
    return correct, slips


def _form_hits(index: PhraseIndex, text: str) -> list[tuple]:
    slips = []
    for pattern, start, end in index.form_matcher.find(text):
        for phrase_id, kind in index.anchored_at(pattern):
            phrase = index.phrases[phrase_id]
            if kind == INNER:
                at = next(i for i, (a, b) in enumerate(zip(text[start:end], phrase)) if a != b)
                slips.append((start, end, phrase_id, confusion.SHAPE, at))
            elif kind in (PREFIX, SUFFIX):
                slips.extend(_beside_anchor(index, text, start, end, phrase_id, kind == PREFIX))
            elif kind in (LEFT, RIGHT):
                left = kind == LEFT
                # Most halves stand in correct text: two cheap tests before any edit is tried.
                if text.startswith(phrase, start) if left else text.endswith(phrase, 0, end):
                    continue
                if _edit_possible_beside(text, start, end, phrase, left):
                    slips.extend(_around_half(text, start, end, phrase_id, phrase, left))
    return slips


def _beside_anchor(index: PhraseIndex, text: str, start: int, end: int, phrase_id: int, prefix: bool):
    """A four-character phrase's three-character anchor with a shape slip or a doubled character beside it."""
    phrase = index.phrases[phrase_id]
    if prefix:
        beside = text[end : end + 1]
        missing, inner, after = phrase[-1], phrase[-2], text[end + 1 : end + 2]
        if beside and beside != missing:
            kind = index.shapes.get(missing, {}).get(beside)
            if kind:
                yield start, end + 1, phrase_id, kind, len(phrase) - 1
            elif beside == inner and after == missing:
                yield start, end + 2, phrase_id, "insert", len(phrase) - 1
    elif start > 0:
        beside = text[start - 1]
        missing, inner, before = phrase[0], phrase[1], text[start - 2] if start > 1 else ""
        if beside != missing:
            kind = index.shapes.get(missing, {}).get(beside)
            if kind:
                yield start - 1, end, phrase_id, kind, 0
            elif beside == inner and before == missing:
                yield start - 2, end, phrase_id, "insert", 1


def _around_half(text: str, start: int, end: int, phrase_id: int, phrase: str, left: bool):
    """A longer phrase, one edit away, round one of its halves (which `_form_hits` saw is not the
    phrase itself and can begin an edit)."""
    n = len(phrase)
    for length in (n - 1, n, n + 1):
        span = (start, start + length) if left else (end - length, end)
        if span[0] < 0 or span[1] > len(text):
            continue
        edit = one_edit(phrase, text[span[0] : span[1]])
        if edit and _inner_edit(phrase, text[span[0] : span[1]], *edit):
            yield span[0], span[1], phrase_id, edit[0], edit[1]


def _edit_possible_beside(text: str, start: int, end: int, phrase: str, left: bool) -> bool:
    """Whether the two characters beside a half can begin one edit of the rest of the phrase:
    most halves (中华人民, 社会主义) stand in other text, and are ruled out here before any edit is tried."""
    half = end - start
    if left:
        near, far = text[end : end + 1], text[end + 1 : end + 2]
        meant, after = phrase[half], phrase[half + 1 : half + 2]
    else:
        near, far = text[start - 1 : start] if start else "", text[start - 2 : start - 1] if start > 1 else ""
        rest = len(phrase) - half
        meant, after = phrase[rest - 1], phrase[rest - 2 : rest - 1] if rest > 1 else ""
    return near == meant or far == meant or (bool(after) and after in (near, far))


def _inner_edit(phrase: str, written: str, kind: str, index: int) -> bool:
    """Edits of a long phrase that are slips: no character added or dropped at either end (that is
    prose running on), an added character only when it doubles its neighbour."""
    if kind == "insert":
        return 0 < index < len(phrase) and written[index] in (written[index - 1], written[index + 1])
    if kind == "delete":
        return 0 < index < len(phrase) - 1
    return True


class PhraseSlip:
    """One candidate slip of a protected phrase, with what the guards ask about it, worked out once."""

    def __init__(self, scan, index, correct, start, end, phrase_id, kind, edit_index, listed):
        self.scan, self.index, self.correct, self.listed = scan, index, correct, listed
        self.start, self.end, self.edit_index = start, end, edit_index
        self.text = scan.folded.text
        self.found = self.text[start:end]
        self.phrase = index.phrases[phrase_id]
        self.rule = scan.compiled.rules[index.rules[phrase_id]]
        self.entry: PhrasesEntry = scan.compiled.entries[index.rules[phrase_id]]
        self.written_kind = kind

    @cached_property
    def kind(self) -> str:
        """The kind of slip; an unexplained substitution in a long phrase is named by what it is."""
        if self.written_kind != "substitute":
            return self.written_kind
        written, meant = self.found[self.edit_index], self.phrase[self.edit_index]
        if self.index.key_table.get(ord(written)) == self.index.key_table.get(ord(meant)):
            return confusion.HOMOPHONE if self.index.usual.get(written) == self.index.usual.get(meant) else confusion.NEAR_PINYIN
        return self.index.shapes.get(meant, {}).get(written, "substitute")

    @cached_property
    def word_gain(self) -> float:
        return window_word_gain(self.text, self.start, self.end, self.phrase)

    @cached_property
    def changed(self) -> tuple[str, str]:
        """(written, meant) characters of a substitution, else empty strings."""
        if len(self.found) != len(self.phrase) or self.kind == "swap":
            return "", ""
        return self.found[self.edit_index], self.phrase[self.edit_index]


class Spans:
    """(start, end) spans sorted by start, asked for those overlapping a range without a scan of all."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        for s, e in self.spans[first:last]:
            if start < e:
                yield s, e


# -- guards: each says why a candidate is not reported; they run in this order -------------------


def _not_chinese_at_its_ends(slip: PhraseSlip) -> bool:
    return not (is_han(slip.found[0]) and is_han(slip.found[-1]))


def _unexplained_substitution(slip: PhraseSlip) -> bool:
    """A changed character that is neither a sound-alike, a similar shape nor a slip seen in training."""
    return slip.kind == "substitute"


def _overlaps_a_correct_phrase(slip: PhraseSlip) -> bool:
    """The text holds another protected phrase, correctly written, where the slip would be. One
    wholly inside the slip (社会主义 in 社会主义制渡) explains none of its changed character."""
    return any(not (slip.start <= s and e <= slip.end) for s, e in slip.correct.overlapping(slip.start, slip.end))


def _overlaps_a_correct_form(slip: PhraseSlip) -> bool:
    return slip.scan.overlaps_correct_form(slip.start, slip.end, slip.phrase)


def _listed_already(slip: PhraseSlip) -> bool:
    """A typo lexicon lists the wrong form inside the slip (嘱目 in 备受嘱目): its entry says it better."""
    return any(slip.start <= start and end <= slip.end for start, end in slip.listed.overlapping(slip.start, slip.end))


def _not_in_force(slip: PhraseSlip) -> bool:
    return not slip.rule.applies_on(slip.scan.as_of)


def _is_a_phrase_or_a_word(slip: PhraseSlip) -> bool:
    """The slip is itself a protected phrase (an accepted variant), or a common word; with a
    character added or dropped, any word jieba lists (艾滋病病毒 beside 艾滋病毒)."""
    if slip.found in slip.index.vocabulary:
        return True
    frequency = segment.word_frequency(slip.found)
    return frequency >= COMMON_WORD_FREQUENCY or (frequency > 0 and len(slip.found) != len(slip.phrase))


def _changed_numeral(slip: PhraseSlip) -> bool:
    """三心二意 beside 一心一意: one number for another makes another phrase."""
    written, meant = slip.changed
    return written in NUMERALS and meant in NUMERALS


def _changed_function_character(slip: PhraseSlip) -> bool:
    written, meant = slip.changed
    return written in FUNCTION_CHARS or meant in FUNCTION_CHARS


def _in_a_name_slot(slip: PhraseSlip) -> bool:
    return person_names.in_name_slot(slip.text, slip.start, slip.end)


def _two_words(text: str, cut: int) -> bool:
    return min(segment.word_frequency(text[:cut]), segment.word_frequency(text[cut:])) >= COMMON_WORD_FREQUENCY


def _added_or_dropped_character_leaves_two_words(slip: PhraseSlip) -> bool:
    """A doubled character that leaves two words (外交部|部长 beside 外交部长), or a dropped one
    (大幅|降低 beside 大幅度降低), is prose, not a slip."""
    found, at = slip.found, slip.edit_index
    if len(found) == len(slip.phrase) + 1:
        return any(_two_words(found, k) for k in (at, at + 1) if 0 < k < len(found) and found[k - 1] == found[k])
    return len(found) == len(slip.phrase) - 1 and _two_words(found, at)


def _changed_word_is_a_word(slip: PhraseSlip) -> bool:
    """In a phrase made of two words (管理|中心, 社会|形态), a slip that turns one of them into another
    common word (管理重心, 社会心态) is another phrase. 一心|一意 is made of words too, but 一义 is none."""
    written, _ = slip.changed
    if not written or slip.entry.real_word_slips:
        return False
    for cut in range(1, len(slip.phrase)):
        if _two_words(slip.phrase, cut):
            part = slip.found[:cut] if slip.edit_index < cut else slip.found[cut:]
            if segment.word_frequency(part) >= COMMON_WORD_FREQUENCY:
                return True
    return False


def _rare_phrase_reads_as_two_words(slip: PhraseSlip) -> bool:
    """jieba lists some rare phrases (以法治税 3, 翘首企盼 3) whose slip is two ordinary words, the
    changed one common (依法|治税, 翘首|期盼): another phrase as likely as the listed one."""
    written, _ = slip.changed
    if not written or slip.entry.real_word_slips or segment.word_frequency(slip.phrase) > RARE_PHRASE_FREQUENCY:
        return False
    found = slip.found
    for cut in range(2, len(found) - 1):
        part, other = (found[:cut], found[cut:]) if slip.edit_index < cut else (found[cut:], found[:cut])
        if segment.word_frequency(part) >= COMMON_WORD_FREQUENCY and segment.word_frequency(other) > 0:
            return True
    return False


def _character_model_prefers_it(slip: PhraseSlip) -> bool:
    """Only asked where both characters are common: for a rare one (膏肓, 既往不咎) the model backs
    off to how often each character occurs, which always favours the common slip."""
    if slip.entry.offensive_reading:
        return False  # missing 沉痛到念 costs more than a second look at a sentence the model doubts
    written, meant = slip.changed
    common = _common_chars()
    if not written or written not in common or meant not in common or slip.word_gain >= SURE_WORD_GAIN:
        return False
    model = char_ngrams.load()
    return len(model) > 0 and model.replacement_gain(slip.text, slip.start + slip.edit_index, meant) < -CHAR_MODEL_DOUBT


def _cuts_a_word_outside(slip: PhraseSlip) -> bool:
    """An end of the span lies inside a word that reaches outside it: 五天能自己 reads 五天 (not
    不能自己), 工商银行总行 reads 工商银行 (not a dropped 业 of 商业银行)."""
    piece, offset = segment.window(slip.text, slip.start, slip.end)
    token_start = offset
    for token in segment.tokens(piece):
        token_end = token_start + len(token)
        crosses = token_start < slip.start < token_end or token_start < slip.end < token_end
        if crosses and len(token) >= 2 and segment.word_frequency(token) > 0:
            return True
        token_start = token_end
    return False


def _drop_outside_idioms(slip: PhraseSlip) -> bool:
    """A dropped character is a slip in an idiom; in a name or a compound it is mostly a short form
    (美石油公司, 诺贝尔物理奖)."""
    return slip.kind == "delete" and not slip.entry.real_word_slips


def _swap_makes_a_word(slip: PhraseSlip) -> bool:
    """A swap whose two characters read as a word (摩洛哥国王 beside 摩洛哥王国) is that word."""
    if slip.kind != "swap":
        return False
    pair = slip.found[slip.edit_index : slip.edit_index + 2]
    return segment.word_frequency(pair) >= COMMON_WORD_FREQUENCY


def _unsure_near_pinyin(slip: PhraseSlip) -> bool:
    """A near-pinyin slip (天天开行 for 天天开心) needs the word model to be sure."""
    return slip.kind == confusion.NEAR_PINYIN and slip.word_gain < SURE_WORD_GAIN


def _does_not_fit_when_corrected(slip: PhraseSlip) -> bool:
    """With the phrase written in, its sentence must read it as whole words: 一部分认为 would read
    一部分/人为, so it is no slip of 一部分人."""
    left = max(0, slip.start - segment.WINDOW)
    corrected = slip.text[left : slip.start] + slip.phrase + slip.text[slip.end : slip.end + segment.WINDOW]
    at = slip.start - left
    return not segment.on_word_boundaries(corrected, at, at + len(slip.phrase))


def _no_likelier_when_corrected(slip: PhraseSlip) -> bool:
    return slip.word_gain < WORD_GAIN


GUARDS = (
    _not_chinese_at_its_ends,
    _unexplained_substitution,
    _overlaps_a_correct_phrase,
    _overlaps_a_correct_form,
    _listed_already,
    _not_in_force,
    # the guards above and these three need no jieba: a draft whose candidates they all drop
    # starts without loading its dictionary
    _drop_outside_idioms,
    _changed_numeral,
    _changed_function_character,
    _is_a_phrase_or_a_word,
    _in_a_name_slot,
    _added_or_dropped_character_leaves_two_words,
    _changed_word_is_a_word,
    _rare_phrase_reads_as_two_words,
    _swap_makes_a_word,
    _cuts_a_word_outside,
    _does_not_fit_when_corrected,
    _no_likelier_when_corrected,
    _unsure_near_pinyin,
    _character_model_prefers_it,
)
