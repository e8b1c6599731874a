"""China's place names as the 统计用区划代码 spells them: 荷泽市 for 菏泽市, 齐齐哈市 for 齐齐哈尔市,
甘肃银川 for 宁夏银川, 黔东南侗族苗族自治州 for 黔东南苗族侗族自治州.

A place name ends in its administrative suffix (市 县 区 州 旗 盟), so the detector looks only
where one stands. The characters before it are a slip when they differ from a prefecture- or
county-level name in one character of the same pinyin and tone or a similar shape, or lack one
interior character of it, and are no real place name themselves (data/place_names.tsv, built by
scripts/places/build_places.py). A province name directly before a prefecture city of another
province is a wrong pairing. An autonomous area whose peoples are named in another order is a
wrong name: the order is part of the name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from ..datafiles import data_lines
from ..models import Category, Severity
from ..text import confusion, segment
from ..text.normalize import fold
from .base import Candidate, Detector, Scan

SUFFIXES = "市县区州旗盟"
AUTONOMOUS = ("自治州", "自治县", "自治旗")
# The part of a name that says what kind of division it is; slips are looked for before it.
ADMIN_SUFFIXES = (*AUTONOMOUS, "地区", "新区", "林区", "特区", "市", "县", "区", "旗", "盟")
MIN_CORE = 2  # names like 沙县 or 礼县 are too short to tell a slip from a word
# A slip that jieba knows as a word this frequent, and at least as frequent as the name, is that word.
WORD_FREQUENCY = 50
# A slip in the first character whose other characters are a word this frequent is a character
# and that word (的山区, 来全县); so is a later one that starts such a word (三小区).
REST_WORD_FREQUENCY = 200
NUMERALS = frozenset("一二三四五六七八九十两百千")
SOURCE = "国家统计局《2023年统计用区划代码》"
ETHNIC_GROUPS = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族"
    " 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族"
    " 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族"
    " 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
).split()
_SUFFIX = re.compile(f"[{SUFFIXES}]")
_ETHNIC = re.compile("|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)))


@dataclass(frozen=True)
class Places:
    names: frozenset[str]  # every real name, at any level
    cores: frozenset[str]  # names without their suffix (宁乡 of 宁乡市), and autonomous areas' places (天祝)
    province_of: dict[str, str]  # prefecture or county name -> its province
    one_changed: dict[str, tuple[tuple[str, int], ...]]  # name with one core character masked -> (name, index)
    one_dropped: dict[str, tuple[str, ...]]  # name without one interior core character -> names
    lengths: tuple[int, ...]
    misordered: dict[str, str]  # autonomous name with its peoples reordered -> the name
    city_province: dict[str, tuple[str, str]]  # prefecture city (full or without 市) -> (full name, province)
    province_forms: re.Pattern
    province_form_of: dict[str, str]  # 甘肃, 甘肃省 -> 甘肃省


def _core(name: str) -> str:
    """The name before its administrative suffix: 和田 of 和田地区."""
    return name[: len(name) - len(next((x for x in ADMIN_SUFFIXES if name.endswith(x)), ""))]


def _mask(name: str, index: int) -> str:
    return name[:index] + "\0" + name[index + 1 :]


def _province_forms(province: str) -> list[str]:
    forms = [province]
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        if province.endswith(suffix) and len(province) > len(suffix) + 1:
            forms.append(province[: -len(suffix)])
            break
    return forms


@lru_cache(maxsize=1)
def places() -> Places:
    names: set[str] = set()
    cores: set[str] = set()
    province_of: dict[str, str] = {}
    one_changed: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
    one_dropped: defaultdict[str, list[str]] = defaultdict(list)
    misordered: dict[str, str] = {}
    city_province: dict[str, tuple[str, str]] = {}
    provinces: list[str] = []
    for line in data_lines("place_names.tsv"):
        name, level, province = line.split("\t")
        names.update((name, fold(name).text))  # the scan reads 乾安县 folded as 干安县
        if level == "province":
            provinces.append(name)
            continue
        if level == "other":
            continue
        province_of[name] = province
        if level == "prefecture" and province[-1] != "市":
            city_province[name] = (name, province)
            if name.endswith("市") and len(name) >= 3:
                city_province[name[:-1]] = (name, province)
        core = len(_core(name))
        cores.add(_core(name))
        if name.endswith(AUTONOMOUS):
            first = _ETHNIC.search(name)
            if first:
                cores.add(name[: first.start()])
        if core < MIN_CORE:
            continue
        for index in range(core):
            one_changed[_mask(name, index)].append((name, index))
        if core >= 3:
            for index in range(1, core):
                one_dropped[name[:index] + name[index + 1 :]].append(name)
        if name.endswith(AUTONOMOUS):
            misordered.update(_reorderings(name))
    # 吉林 is a province and a city of it: in 黑龙江吉林辽宁 it is the province.
    for form in (f for p in provinces for f in _province_forms(p)):
        city_province.pop(form, None)
    # A municipality's districts share names with prefecture cities elsewhere (北京朝阳).
    province_form_of = {form: p for p in provinces if not p.endswith("市") for form in _province_forms(p)}
    pattern = re.compile("|".join(sorted(province_form_of, key=len, reverse=True)))
    lengths = tuple(sorted({len(n) for n in names if len(n) > MIN_CORE}, reverse=True))
    return Places(
        frozenset(names), frozenset(c for c in cores if len(c) >= MIN_CORE), province_of, {k: tuple(v) for k, v in one_changed.items()},
        {k: tuple(v) for k, v in one_dropped.items()}, lengths,
        {wrong: right for wrong, right in misordered.items() if wrong not in names},
        city_province, pattern, province_form_of,
    )


def inside_place_name(text: str, index: int) -> bool:
    """True when the character at ``index`` belongs to a real place name written out (乾安县)."""
    data = places()
    for length in data.lengths:
        for start in range(max(0, index - length + 1), min(index, len(text) - length) + 1):
            if text[start : start + length] in data.names:
                return True
    return False


def _reorderings(name: str) -> dict[str, str]:
    """The name with its peoples in every other order: 黔东南侗族苗族自治州 for 黔东南苗族侗族自治州."""
    body, suffix = name[:-3], name[-3:]
    peoples = _ETHNIC.findall(body)
    first = _ETHNIC.search(body)
    if len(peoples) < 2 or first is None or "".join(peoples) != body[first.start() :]:
        return {}
    place = body[: first.start()]
    return {place + "".join(order) + suffix: name for order in permutations(peoples) if list(order) != peoples}


@lru_cache(maxsize=1)
def _homophones() -> dict[str, str]:
    """Characters of place names -> their same-tone homophones (data/place_homophones.tsv)."""
    return dict(line.split("\t", 1) for line in data_lines("place_homophones.tsv"))


def slip_kind(written: str, meant: str) -> str | None:
    """同音字 when the two characters share a reading with its tone, 形近字 when they look alike."""
    if written in _homophones().get(meant, ""):
        return "同音字"
    if written in confusion.shape_table().get(meant, ()) or written in confusion.wubi_neighbours().get(meant, ""):
        return "形近字"
    return None


def _is_a_word(found: str, name: str, whole: bool = False) -> bool:
    """荷泽 (9) is a slip jieba lists; a word as frequent as the name (or, without ``whole``, as the
    name's own part) is that word."""
    if not whole:
        suffix = len(name) - len(_core(name))
        found, name = found[:-suffix], name[:-suffix]
    frequency = segment.word_frequency(found)
    return frequency >= WORD_FREQUENCY and frequency >= segment.word_frequency(name)


def _ordinary_prose(text: str, start: int, end: int, window: str, name: str, index: int, data: Places) -> bool:
    """The guards, cheapest first: an old name (宁乡县 for today's 宁乡市), a character and a word
    (的山区, 与城区, 他和县), a whole word (地州市), a word the window cuts (采暖城市, 和团市委)."""
    suffix = len(name) - len(_core(name))
    if window[:-suffix] in data.cores:
        return True
    rest = window[1:] if index == 0 else window[index:] if index > 0 else ""
    if rest in data.names or segment.word_frequency(rest) >= REST_WORD_FREQUENCY:
        return True
    if _is_a_word(window, name, whole=True) or _is_a_word(window, name):
        return True
    piece, offset = segment.window(text, start, end)
    edges = segment.boundaries(piece)
    return start - offset not in edges or end - offset not in edges


class PlaceNameDetector(Detector):
    name = "place-names"

    def detect(self, scan: Scan) -> list[Candidate]:
        text = scan.folded.text
        data = places()
        found = [*self._misordered(text, data), *self._pairings(text, data)]
        taken = [(c.start, c.end) for c in found]
        for candidate in self._slips(text, data):
            if not any(s < candidate.end and candidate.start < e for s, e in taken):
                found.append(candidate)
        return found

    def _slips(self, text: str, data: Places):
        for suffix in _SUFFIX.finditer(text):
            end = suffix.end()
            windows = [text[end - length : end] for length in data.lengths if length <= end]
            if any(window in data.names for window in windows if len(window) > MIN_CORE):
                continue  # the suffix ends a real name (two-character ones, 城区 or 沙县, are too generic to tell)
            for window in windows:
                slip = self._slip(window, data)
                if slip is None:
                    continue
                name, index, kind = slip
                start = end - len(window)
                if _ordinary_prose(text, start, end, window, name, index, data):
                    continue
                yield self.candidate(
                    start, end, "name/place", Category.name, Severity.warning,
                    f"“{window}”疑为地名“{name}”之误（{kind}）",
                    suggestions=(name,), confidence=0.8 if kind != "漏字" else 0.75, source=SOURCE,
                )
                break

    @staticmethod
    def _slip(window: str, data: Places) -> tuple[str, int, str] | None:
        for index in range(len(window) - 1):
            for name, at in data.one_changed.get(_mask(window, index), ()):
                if window[at] in NUMERALS:
                    continue  # 六城区, 一城一县: a count, not a slip
                kind = slip_kind(window[at], name[at])
                if kind:
                    return name, at, kind
        names = data.one_dropped.get(window, ())
        return (names[0], -1, "漏字") if len(names) == 1 else None

    def _misordered(self, text: str, data: Places):
        for suffix in AUTONOMOUS:
            position = text.find(suffix)
            while position != -1:
                end = position + len(suffix)
                for length in range(len(suffix) + 4, min(end, 20) + 1):
                    right = data.misordered.get(text[end - length : end])
                    if right:
                        yield self.candidate(
                            end - length, end, "name/place-order", Category.name, Severity.error,
                            f"自治地方名称中民族的排列顺序有误，应为“{right}”",
                            suggestions=(right,), confidence=0.9, source=SOURCE,
                        )
                        break
                position = text.find(suffix, end)

    def _pairings(self, text: str, data: Places):
        for match in data.province_forms.finditer(text):
            province = data.province_form_of[match.group()]
            after = match.end()
            for length in range(8, 1, -1):
                city = text[after : after + length]
                entry = data.city_province.get(city)
                if entry is None:
                    continue
                name, home = entry
                own_county = any(
                    data.province_of.get(text[after : after + size]) == province for size in range(length + 1, length + 4)
                )  # 吉林朝阳区 is 长春's district, not 辽宁's 朝阳市
                if home != province and not own_county and (
                    city == name or segment.on_word_boundaries(text, after, after + length)
                ):
                    yield self.candidate(
                        match.start(), after + length, "name/place-province", Category.name, Severity.warning,
                        f"“{name}”属{home}，不属{province}", suggestions=(_province_forms(home)[-1] + city,),
                        confidence=0.85, source=SOURCE,
                    )
                break
