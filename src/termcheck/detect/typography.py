"""Typography: repeated words, redundant conjunctions, punctuation, spacing, paired marks,
year numerals, traditional characters and the casing of a few technical terms.

Every check runs on the original text (folding would turn full-width punctuation into
half-width) and reports original offsets. Candidates come from regexes over the whole text;
jieba is only asked about a small window around a candidate.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ..datafiles import data_lines
from ..models import Category, Severity
from ..text import segment
from ..text.normalize import is_han, traditional_to_simplified
from ..text.places import inside_place_name
from .base import Candidate, Detector, Scan

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE_OPENERS = "“‘《（【〔「『"
_CHINESE_CLOSERS = "”’》）】〕」』"
_CHINESE_PUNCTUATION = "，。；：、！？……——" + _CHINESE_OPENERS + _CHINESE_CLOSERS

# URLs and e-mail addresses keep their half-width punctuation and Latin casing.
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s" + HAN + _CHINESE_PUNCTUATION + r"]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
    r"|(?<![A-Za-z0-9])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:cn|com|net|org|gov|edu)(?:/[^\s" + HAN + r"]*)?"
)


def _candidate(
    start: int,
    end: int,
    name: str,
    message: str,
    suggestions: tuple[str, ...] = (),
    *,
    severity: Severity = Severity.warning,
    fix_safe: bool = False,
) -> Candidate:
    return TypographyDetector.candidate(
        start, end, f"typography/{name}", Category.typography, severity, message,
        on_original=True, suggestions=suggestions, fix_safe=fix_safe,
    )


def _is_chinese(char: str) -> bool:
    return is_han(char) or char in _CHINESE_PUNCTUATION


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _token_spans(text: str, start: int, end: int, size: int = segment.WINDOW) -> list[tuple[int, int]]:
    """Token spans (absolute offsets) of the segmentation of a small window around a span."""
    piece, offset = segment.window(text, start, end, size)
    spans = []
    position = offset
    for token in segment.tokens(piece):
        spans.append((position, position + len(token)))
        position += len(token)
    return spans


# --- repeated words ---------------------------------------------------------------------------

# Function words that are never doubled in prose (的的, 在在); content characters double
# legitimately (常常, 人人, 看看) and in names (王丽丽), so only these are checked one by one.
_FUNCTION_CHARS = frozenset("的地得了着在是和与及或对把被将为从向以并而之其于也都就又还让使由按所们要会能已")
_REPEAT = re.compile(f"(?=([{HAN}]{{1,6}})\\1)")


@lru_cache(maxsize=1)
def _reduplicable() -> frozenset[str]:
    return frozenset(data_lines("typography_reduplicable.txt"))


def _repeated_words(text: str) -> Iterator[Candidate]:
    covered_until = 0
    for match in _REPEAT.finditer(text):
        start = match.start()
        unit = match.group(1)
        end = start + 2 * len(unit)
        if start < covered_until:
            continue
        if len(unit) == 1:
            flagged = unit in _FUNCTION_CHARS and _doubled_function_word(text, start)
        else:
            flagged = _doubled_word(text, start, unit)
        if flagged:
            covered_until = end
            yield _candidate(
                start, end, "repeated-word", f"“{unit}”重复出现，疑为多打", (unit,)
            )


def _doubled_function_word(text: str, start: int) -> bool:
    spans = _token_spans(text, start, start + 2)
    singles = {(s, e) for s, e in spans if e - s == 1}
    if (start, start + 1) in singles and (start + 1, start + 2) in singles:
        return True
    # A rare dictionary word made of the doubled character (了了) still reads as a slip.
    return (start, start + 2) in spans and segment.word_frequency(text[start : start + 2]) < 10


def _doubled_word(text: str, start: int, unit: str) -> bool:
    if unit in _reduplicable() or (len(unit) == 2 and unit[0] == "一"):  # 研究研究, 一步一步
        return False
    if len(unit) == 2 and segment.word_frequency(unit) == 0:
        return False
    if segment.word_frequency(unit * 2) > 0:  # the doubled form is itself a word
        return False
    middle = start + len(unit)
    edges = {s for s, _ in _token_spans(text, start, middle + len(unit))}
    return start in edges and middle in edges


# --- redundant conjunctions -------------------------------------------------------------------

_CONJUNCTION_PAIR = re.compile("(?=(以及|和|及|与)(以及|和|及|与))")
# 和/与 opening a prepositional phrase: 以及和群众的联系, 以及和本地区相适应的.
_PREPOSITION_FRAME = re.compile(
    "[^，。；：、！？\n]{0,12}?(?:相关|有关|相结合|相适应|相衔接|相协调|相匹配|相一致|一致|相比|配套|合作|交流|沟通|联系|对接|衔接|之间)"
)


def _redundant_conjunctions(text: str) -> Iterator[Candidate]:
    covered_until = 0
    for match in _CONJUNCTION_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        start = match.start()
        middle = start + len(first)
        end = middle + len(second)
        if start < covered_until:
            continue
        if first == second:
            continue  # a doubled word: reported as repeated-word
        if second == "与" or (second == "和" and first in ("以及", "及") and _PREPOSITION_FRAME.match(text, end)):
            continue  # 以及与有关部门沟通: the second word is a preposition, not a conjunction
        spans = set(_token_spans(text, start, end))
        if (start, middle) in spans and (middle, end) in spans:
            covered_until = end
            suggestions = tuple(dict.fromkeys((first, second)))
            yield _candidate(start, end, "redundant-conjunction", f"连词“{first}”“{second}”连用，保留一个即可", suggestions)


# --- half-width punctuation -------------------------------------------------------------------

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
_HALF_WIDTH_MARK = re.compile(r"[,;:?!.]")
_CHINESE_NUMERAL_ITEM = re.compile(r"[ \t\u3000]*[一二三四五六七八九十]+$")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL_OR_EMAIL.finditer(text)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(s <= position < e for s, e in spans)


def _half_width_punctuation(text: str, protected: list[tuple[int, int]]) -> Iterator[Candidate]:
    for match in _HALF_WIDTH_MARK.finditer(text):
        i = match.start()
        mark = match.group()
        if _inside(protected, i):
            continue
        before = text[i - 1] if i else "\n"
        after_spaces = i + 1
        while after_spaces < len(text) and text[after_spaces] == " ":
            after_spaces += 1
        after = text[after_spaces] if after_spaces < len(text) else "\n"
        if mark == ".":
            yield from _half_width_period(text, i, before, after_spaces, after)
            continue
        if not (_is_chinese(before) or _is_chinese(after)):
            continue
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            continue  # English inside the Chinese text keeps its own punctuation
        end = after_spaces if _is_chinese(after) else i + 1
        yield _candidate(
            i,
            end,
            "half-width-punctuation",
            f"中文行文中使用了半角标点“{mark}”，应使用全角“{_FULL_WIDTH[mark]}”",
            (_FULL_WIDTH[mark],),
            fix_safe=True,
        )


def _half_width_period(text: str, i: int, before: str, after_spaces: int, after: str) -> Iterator[Candidate]:
    if not is_han(before) or text[i + 1 : i + 2] == "." or (i and text[i - 1 : i] == "."):
        return
    if not (is_han(after) or after == "\n"):
        return
    line_start, _ = _line_bounds(text, i)
    if _CHINESE_NUMERAL_ITEM.match(text[line_start:i]):
        yield _candidate(i, i + 1, "half-width-punctuation", "中文序号后应使用顿号“、”", ("、",))
        return
    end = after_spaces if is_han(after) else i + 1
    yield _candidate(
        i, end, "half-width-punctuation", "中文行文中使用了半角句点“.”，应使用句号“。”", ("。",), fix_safe=True
    )


# --- paired marks (and half-width parentheses) ------------------------------------------------

_PAIRS = {"“": "”", "‘": "’", "《": "》", "【": "】", "〔": "〕", "（": "）", "(": ")"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_PAIR_MARK = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


_ENUMERATOR = re.compile("[ \t\u3000]*(?:\\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$")  # 1）总体要求


def _paired_marks(text: str) -> Iterator[Candidate]:
    """Unbalanced marks, and half-width parentheses around Chinese text.

    A line is a paragraph in web text, so marks are paired line by line, with two
    exceptions. A pair split by one line break (a hard-wrapped title or paragraph) is
    balanced. A quotation running over several paragraphs follows the convention that each
    paragraph opens with “ and only the last closes, so an unclosed “ is accepted when the
    next non-empty line starts with “.
    """
    lines = text.split("\n")
    starts = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    unmatched: list[tuple[list[int], list[int]]] = []
    for number, line in enumerate(lines):
        openers, closers, half_width = _pair_line(line)
        unmatched.append((openers, closers))
        for k in half_width:
            mark = line[k]
            yield _candidate(
                starts[number] + k,
                starts[number] + k + 1,
                "half-width-punctuation",
                f"中文行文中使用了半角括号“{mark}”，应使用全角“{_FULL_WIDTH[mark]}”",
                (_FULL_WIDTH[mark],),
                fix_safe=True,
            )
    non_empty = [n for n, line in enumerate(lines) if line.strip()]
    for here, after in zip(non_empty, non_empty[1:] + [None]):
        openers, _ = unmatched[here]
        next_closers = unmatched[after][1] if after is not None else []
        for j in list(openers):
            key = _key(lines[here][j])
            partner = next((k for k in next_closers if _key(_CLOSERS[lines[after][k]]) == key), None)
            if partner is not None:
                next_closers.remove(partner)
                openers.remove(j)
            elif key == "“" and after is not None and lines[after].strip(" \t\u3000").startswith("“"):
                openers.remove(j)
    for number, (openers, closers) in enumerate(unmatched):
        line = lines[number]
        for k in sorted(openers + closers):
            mark = line[k]
            partner = _PAIRS.get(mark) or _CLOSERS[mark]
            yield _candidate(
                starts[number] + k, starts[number] + k + 1, "unbalanced-mark", f"“{mark}”缺少与之配对的“{partner}”"
            )


def _key(mark: str) -> str:
    return "(" if mark in "(（" else mark


def _pair_line(line: str) -> tuple[list[int], list[int], list[int]]:
    """Unmatched full-width openers and closers of a line, and its half-width parentheses to report."""
    stacks: dict[str, list[int]] = defaultdict(list)
    closers: list[int] = []
    half_width: list[int] = []
    for match in _PAIR_MARK.finditer(line):
        i, char = match.start(), match.group()
        if char in _PAIRS:
            stacks[_key(char)].append(i)
        elif char in _CLOSERS:
            key = _key(_CLOSERS[char])
            if char == "’" and 0 < i < len(line) - 1 and line[i - 1].isascii() and line[i + 1].isascii():
                continue  # an apostrophe in English (China’s)
            if stacks[key]:
                j = stacks[key].pop()
                if key == "(" and (line[j] == "(" or char == ")") and _chinese_parenthesis(line, j, i):
                    half_width += [k for k in (j, i) if line[k] in "()"]
            elif char != ")" and not (char == "）" and _ENUMERATOR.match(line[:i])):
                closers.append(i)
    openers = [j for opened in stacks.values() for j in opened if line[j] != "("]
    return openers, closers, half_width


def _chinese_parenthesis(line: str, open_at: int, close_at: int) -> bool:
    inside = line[open_at + 1 : close_at]
    if any(is_han(c) for c in inside):
        return True
    before = line[open_at - 1] if open_at else ""
    after = line[close_at + 1] if close_at + 1 < len(line) else ""
    return bool(before and after and is_han(before) and is_han(after))


# --- doubled punctuation and stray spaces -----------------------------------------------------

_DOUBLED = re.compile(r"[，。；：、]{2,}|！{2,}|？{2,}")


def _doubled_punctuation(text: str) -> Iterator[Candidate]:
    for match in _DOUBLED.finditer(text):
        run = match.group()
        marks = tuple(dict.fromkeys(run))
        yield _candidate(
            match.start(),
            match.end(),
            "doubled-punctuation",
            f"标点“{run}”重复或连用",
            marks,
            fix_safe=len(marks) == 1,
        )


_SPACE_BETWEEN_HAN = re.compile(f"(?<=[{HAN}]) +(?=[{HAN}])")
_PROSE_MARK = re.compile("[，。；]")
# Joint issuers are separated by a space by convention: 中共中央 国务院, 教育部 财政部.
_CO_ISSUER = re.compile("(?:中央|国务院|委员会|办公厅|办公室|人民政府|[部委厅局署办院])$")
_ARTICLE_HEADING = re.compile(r"第[一二三四五六七八九十百千零〇\d]+[章节条款编部分]$|附件\d*$")


def _stray_spaces(text: str) -> Iterator[Candidate]:
    gaps_by_line: dict[int, list[int]] = defaultdict(list)
    for match in _SPACE_BETWEEN_HAN.finditer(text):
        if len(match.group()) == 1:  # runs of spaces align columns (落款, tables)
            gaps_by_line[_line_bounds(text, match.start())[0]].append(match.start())
    for line_start, gaps in gaps_by_line.items():
        _, line_end = _line_bounds(text, line_start)
        line = text[line_start:line_end]
        if not _PROSE_MARK.search(line):
            continue  # headings, letter-spaced titles (通 知), name lists and tables use spaces for layout
        for gap in gaps:
            if _ARTICLE_HEADING.search(text[line_start:gap]) or _CO_ISSUER.search(text[line_start:gap]):
                continue  # 第一条 为了……; 中共中央办公厅 国务院办公厅印发
            inside_word = _space_splits_word(text, gap)
            if inside_word or len(gaps) == 1:
                yield _candidate(
                    gap - 1,
                    gap + 2,
                    "stray-space",
                    "两个汉字之间多了空格",
                    (text[gap - 1] + text[gap + 1],),
                    fix_safe=inside_word,
                )


def _space_splits_word(text: str, gap: int) -> bool:
    piece, offset = segment.window(text, gap, gap + 1, 6)
    joined = piece[: gap - offset] + piece[gap - offset + 1 :]
    edges = segment.boundaries(joined)
    return (gap - offset) not in edges


# --- year numerals ----------------------------------------------------------------------------

_ZERO_LIKE = "〇○零0OoΟ"
_CN_DIGIT = "一二三四五六七八九"
_CN_YEAR = re.compile(f"(?<![{_CN_DIGIT}{_ZERO_LIKE}0-9])(?:一九|二[{_ZERO_LIKE}])[{_CN_DIGIT}{_ZERO_LIKE}]{{2}}年")
_ARABIC_YEAR = re.compile(r"(?<![0-9])(?:1[89]\d\d|20\d\d)年")
_DATE_LINE = re.compile(
    f"^[\\s\u3000]*[{_CN_DIGIT}{_ZERO_LIKE}]{{4}}年[{_CN_DIGIT}〇十]{{1,3}}月(?:[{_CN_DIGIT}〇十]{{1,3}}日)?[\\s\u3000]*$"
)


_MONTH_DAY = re.compile(f"[{_CN_DIGIT}〇十]{{1,3}}月[{_CN_DIGIT}〇十]{{1,3}}日")


def _document_date(text: str, start: int, end: int) -> bool:
    """A full date in Chinese numerals heading its line: a 成文日期 in GB/T 9704-1999 style, or
    the dating line under a regulation's title (（二〇〇四年四月二十九日……公布）)."""
    line_start, line_end = _line_bounds(text, start)
    if _DATE_LINE.match(text[line_start:line_end]):
        return True
    return bool(_MONTH_DAY.match(text, end)) and not text[line_start:start].strip(" \t\u3000（(")


def _year_value(year: str) -> int:
    digits = {c: str(i + 1) for i, c in enumerate(_CN_DIGIT)}
    return int("".join(digits.get(c, "0") for c in year[:4]))


def _year_numerals(text: str) -> Iterator[Candidate]:
    chinese: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for match in _CN_YEAR.finditer(text):
        year = match.group()
        if any(c in _ZERO_LIKE[1:] for c in year):
            fixed = "".join("〇" if c in _ZERO_LIKE else c for c in year)
            yield _candidate(
                match.start(),
                match.end(),
                "year-zero",
                "汉字数字年份中的零应写作“〇”",
                (fixed,),
                fix_safe=True,
            )
        if not _document_date(text, match.start(), match.end()):
            chinese[_year_value(year)].append(match.span())
    arabic: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for match in _ARABIC_YEAR.finditer(text):
        arabic[int(match.group()[:4])].append(match.span())
    for year in chinese.keys() & arabic.keys():
        # The less frequent style is the slip; on a tie the Chinese numerals give way.
        if len(chinese[year]) <= len(arabic[year]):
            minority, suggestion = chinese[year], f"{year}年"
        else:
            minority, suggestion = arabic[year], _chinese_year(year)
        for start, end in minority:
            yield _candidate(
                start,
                end,
                "mixed-year-numerals",
                f"同一文档中{year}年既用汉字数字又用阿拉伯数字书写，应统一",
                (suggestion,),
            )


def _chinese_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year)) + "年"


# --- traditional characters -------------------------------------------------------------------

_TRADITIONAL_DOCUMENT_SHARE = 0.3
_TRADITIONAL_DOCUMENT_MIN_HAN = 100


def _traditional(text: str) -> Iterator[Candidate]:
    table = traditional_to_simplified()
    positions = [m.start() for m in _traditional_chars().finditer(text)]
    if not positions:
        return
    han = sum(1 for c in text if is_han(c))
    if han >= _TRADITIONAL_DOCUMENT_MIN_HAN and len(positions) > _TRADITIONAL_DOCUMENT_SHARE * han:
        return  # a traditional-script edition, not a slip in a simplified draft
    converter = _t2s()
    flagged: list[tuple[int, str]] = []
    for i in positions:
        lo, hi = max(0, i - 4), min(len(text), i + 5)
        piece = text[lo:hi]
        converted = converter.convert(piece)
        simplified = converted[i - lo] if len(converted) == len(piece) else table[text[i]]
        if simplified != text[i] and not inside_place_name(text, i):  # phrase tables keep 乾隆, 乾坤
            flagged.append((i, simplified))
    for group in _groups(flagged):
        start, end = group[0][0], group[-1][0] + 1
        replaced = dict(group)
        suggestion = "".join(replaced.get(k, text[k]) for k in range(start, end))
        yield _candidate(start, end, "traditional", "简体文稿中出现繁体字", (suggestion,), fix_safe=False)


def _groups(flagged: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Flagged characters at most two characters apart form one finding (國務院辦公廳)."""
    groups: list[list[tuple[int, str]]] = []
    for item in flagged:
        if groups and item[0] - groups[-1][-1][0] <= 3:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


@lru_cache(maxsize=1)
def _traditional_chars() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(traditional_to_simplified())) + "]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# --- casing of technical terms ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _term_casing() -> tuple[re.Pattern[str], dict[str, str]]:
    correct_of: dict[str, str] = {}
    for line in data_lines("typography_terms.txt"):
        correct, wrong = line.split("\t")
        for form in wrong.split():
            correct_of[form] = correct
    alternatives = "|".join(re.escape(w) for w in sorted(correct_of, key=len, reverse=True))
    pattern = re.compile(f"(?<![A-Za-z0-9_\\-./@])(?:{alternatives})(?![A-Za-z0-9_\\-@]|\\.[A-Za-z])")
    return pattern, correct_of


def _term_case(text: str, protected: list[tuple[int, int]]) -> Iterator[Candidate]:
    pattern, correct_of = _term_casing()
    for match in pattern.finditer(text):
        if _inside(protected, match.start()):
            continue
        correct = correct_of[match.group()]
        yield _candidate(
            match.start(),
            match.end(),
            "term-case",
            f"技术名词的规范写法是“{correct}”",
            (correct,),
            severity=Severity.info,
            fix_safe=True,
        )


class TypographyDetector(Detector):
    name = "typography"

    def detect(self, scan: Scan) -> list[Candidate]:
        text = scan.text
        protected = _protected_spans(text)
        found: list[Candidate] = []
        found += _repeated_words(text)
        found += _redundant_conjunctions(text)
        found += _half_width_punctuation(text, protected)
        found += _paired_marks(text)
        found += _doubled_punctuation(text)
        found += _stray_spaces(text)
        found += _year_numerals(text)
        found += _traditional(text)
        found += _term_case(text, protected)
        return found
