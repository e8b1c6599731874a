"""Near misses of protected terms: leader names, state and institution names, formulations.

At compile time every protected form adds to the automaton:
- short forms (2-3 characters): each character swapped for a confusable one (same or near
  pinyin, similar shape), and adjacent characters transposed;
- long forms (4+ characters): their two halves as anchors. Any single edit leaves one half
  intact, so an anchor hit is checked against the form with a linear one-edit comparison;
- leader names: the name without its last character and words whose pinyin initials match
  the name (新加坡 for xjp), both reported only next to a title.
A scan only looks up hits; guards then drop real words and raise findings with context.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon.compile import ANCHOR, CORRECT, NEAR, PatternRef
from ..lexicon.schema import FormulationEntry, LeaderEntry
from ..models import Category, Severity
from ..text import confusion, segment
from ..text.normalize import is_han
from .base import Candidate, Scan

GENERIC_TITLES = (
    "总书记", "主席", "副主席", "总理", "副总理", "委员长", "副委员长", "国务委员", "同志", "书记",
    "副书记", "省长", "副省长", "市长", "常委", "委员", "部长", "主任", "代表", "首长", "领导",
)
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


def register_variants(builder) -> None:
    """Add near-miss patterns of every protected form to the builder's automaton."""
    from ..text.normalize import fold

    correct = set(builder.protected_forms)
    titles: set[str] = set(GENERIC_TITLES)
    forms: list[tuple[str, str]] = []
    three_char_words = _three_char_words()
    combos: dict[str, tuple[str, int]] = {}  # title+name form -> (rule id, length of its title part)
    for rule_id, entry in builder.entries.items():
        if not getattr(entry, "near_miss", True):
            continue
        if isinstance(entry, LeaderEntry):
            name = fold(entry.name).text
            forms.append((name, rule_id))
            for title in entry.titles:
                titles.update(fold(t).text for t in (title.title, *title.short))
                if len(title.title) >= 3:
                    # 国家主席江泽民 guards the title: 家主席江泽民 lost its first character.
                    combo = fold(title.title).text + name
                    builder.add(combo, PatternRef(rule_id, CORRECT, 0, (combo,)))
                    correct.add(combo)
                    combos[combo] = (rule_id, len(combo) - len(name))
            if len(name) == 3:
                builder.add(name[:2], PatternRef(rule_id, NEAR, 0, (name,), "trunc"))
                for word in _initial_matches(name, three_char_words):
                    if word not in correct:
                        builder.add(word, PatternRef(rule_id, NEAR, 0, (name,), "abbr"))
        elif isinstance(entry, FormulationEntry):
            forms.append((fold(entry.term).text, rule_id))
        else:
            forms.extend((fold(f).text, rule_id) for f in (entry.term, *entry.aliases))
    builder.titles = frozenset(titles)
    for combo, (rule_id, title_length) in combos.items():
        half = len(combo) // 2
        builder.add(combo[:half], PatternRef(rule_id, ANCHOR, 0, (combo,), f"L{title_length}"))
        builder.add(combo[half:], PatternRef(rule_id, ANCHOR, 0, (combo,), f"R{title_length}"))
    confusable_cache: dict[str, dict[str, str]] = {}
    for form, rule_id in sorted(set(forms)):
        if len(form) < 2:
            continue
        if len(form) >= 4:
            half = len(form) // 2
            builder.add(form[:half], PatternRef(rule_id, ANCHOR, 0, (form,), "L"))
            builder.add(form[half:], PatternRef(rule_id, ANCHOR, 0, (form,), "R"))
            continue
        for index, char in enumerate(form):
            if char not in confusable_cache:
                confusable_cache[char] = confusion.confusables(char)
            for other, kind in confusable_cache[char].items():
                variant = form[:index] + other + form[index + 1 :]
                if variant not in correct:
                    builder.add(variant, PatternRef(rule_id, NEAR, 0, (form,), kind))
        for index in range(len(form) - 1):
            swapped = form[:index] + form[index + 1] + form[index] + form[index + 2 :]
            if swapped != form and swapped not in correct:
                builder.add(swapped, PatternRef(rule_id, NEAR, 0, (form,), "swap"))
    for form, _ in forms:
        for char in form:
            if char not in confusable_cache:
                confusable_cache[char] = confusion.confusables(char)
    builder.confusion = confusable_cache


def _initial_matches(name: str, candidates: list[tuple[str, int]]) -> list[str]:
    """Frequent three-character words whose pinyin initials are the name's (新加坡 for 习近平)."""
    wanted = tuple(_initials(c) for c in name)
    if not all(wanted):
        return []
    words = []
    for word, _ in candidates:
        if all(_initials(c) & w for c, w in zip(word, wanted)) and word != name:
            words.append(word)
    return words


_INITIALS_CACHE: dict[str, frozenset[str]] = {}


def _initials(char: str) -> frozenset[str]:
    if char not in _INITIALS_CACHE:
        _INITIALS_CACHE[char] = frozenset(r[0] for r in confusion.readings(char))
    return _INITIALS_CACHE[char]


def _three_char_words() -> list[tuple[str, int]]:
    return [(w, f) for w, f in confusion.dictionary().items() if len(w) == 3 and f >= 200]


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


class NearMissDetector:
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
                finding = self._judge(scan, c_start, c_end, form, kind, edit_index, ref.rule_id)
                if finding:
                    yield finding

    def _judge(self, scan, start, end, form, kind, edit_index, rule_id) -> Candidate | None:
        text = scan.folded.text
        found = text[start:end]
        if found == form or not (is_han(found[0]) and is_han(found[-1])):
            return None
        if scan.overlaps_correct_form(start, end, form):
            return None
        rule = scan.compiled.rules[rule_id]
        entry = scan.compiled.entries[rule_id]
        if not rule.applies_on(scan.as_of):
            return None
        leader = isinstance(entry, LeaderEntry)
        titled = _next_to_title(text, start, end, scan.compiled)
        in_context = titled or (leader and rule_id in scan.present_rules)
        word_changed = False
        if kind in ("trunc", "abbr"):
            if not titled:
                return None
        elif leader and len(form) <= 3:
            if len(form) == 2 and not titled:
                return None
            if not (scan.on_word_boundaries(start, end) or _fits_when_corrected(text, start, end, form)):
                return None
            if (segment.word_frequency(found) >= COMMON_WORD_FREQUENCY or found in entry.lookalikes) and not titled:
                return None
        else:
            if not scan.on_word_boundaries(start, end):
                return None
            if kind == "insert" and _edit_makes_word(text, start, end, edit_index):
                # 领导下的 for 领导的: an added character that makes a word is a rewording.
                if not isinstance(entry, FormulationEntry):
                    return None
                word_changed = True
            if kind == "substitute":
                changed = found[edit_index]
                confusable = scan.compiled.confusion.get(form[edit_index], {}).get(changed)
                if confusable:
                    kind = confusable
                elif changed in NUMERALS or form[edit_index] in NUMERALS:
                    return None
                elif _edit_makes_word(text, start, end, edit_index):
                    # Names form families (刑事/民事诉讼法), short formulations too (精准扶贫/脱贫);
                    # only in a long fixed formulation is a changed word a slip (不忘初心、忘记使命).
                    if not (isinstance(entry, FormulationEntry) and len(form) >= 6):
                        return None
            if len(form) <= 3 and segment.word_frequency(found) >= COMMON_WORD_FREQUENCY and not in_context:
                return None
        severity = Severity.error
        if leader and not in_context:
            severity = Severity.warning
        if kind == "substitute" and not in_context and (leader or len(form) < 6):
            severity = Severity.warning
        if not leader and word_changed:
            # An added character that makes a word (领导下的) is usually a legitimate
            # rewording: shown for review, not counted as an error.
            severity = Severity.info
        confidence = CONFIDENCE.get(kind, 0.6) if in_context or not leader else CONFIDENCE.get(kind, 0.6) - 0.2
        label = KIND_LABELS.get(kind, "错字")
        what = {Category.leader: "领导人姓名", Category.name: "名称", Category.formulation: "规范表述"}.get(
            rule.category, "规范用语"
        )
        return Candidate(
            start=start,
            end=end,
            rule=f"{rule_id}/near-miss",
            category=rule.category,
            severity=severity,
            message=f"“{found}”疑为{what}“{form}”之误（{label}）",
            suggestions=(form,),
            confidence=round(confidence, 2),
            detector=self.name,
            source=rule.source,
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
