"""China's place names as the 统计用区划代码 spells them, as tables the place-name detector and the
traditional-script check look up: every real name, each prefecture's and county's province, the
names with one character masked or dropped, the autonomous areas with their peoples reordered.

Read from data/place_names.tsv and data/place_homophones.tsv (both built by
scripts/places/build_places.py) and cached on disk, so a scan neither parses the files nor loads
pypinyin.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from ..datafiles import data_lines
from . import confusion
from .normalize import fold

SUFFIXES = "市县区州旗盟"
AUTONOMOUS = ("自治州", "自治县", "自治旗")
# The part of a name that says what kind of division it is; slips are looked for before it.
ADMIN_SUFFIXES = (*AUTONOMOUS, "地区", "新区", "林区", "特区", "市", "县", "区", "旗", "盟")
MIN_CORE = 2  # names like 沙县 or 礼县 are too short to tell a slip from a word
ETHNIC_GROUPS = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族"
    " 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族"
    " 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族"
    " 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
).split()
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
    homophones: dict[str, str]  # a character of the names -> its same-tone homophones


def core_of(name: str) -> str:
    """The name before its administrative suffix: 和田 of 和田地区."""
    return name[: len(name) - len(next((x for x in ADMIN_SUFFIXES if name.endswith(x)), ""))]


def mask(name: str, index: int) -> str:
    return name[:index] + "\0" + name[index + 1 :]


def province_forms(province: str) -> list[str]:
    forms = [province]
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        if province.endswith(suffix) and len(province) > len(suffix) + 1:
            forms.append(province[: -len(suffix)])
            break
    return forms


@lru_cache(maxsize=1)
def places() -> Places:
    """The place-name tables, built once from the data files and cached on disk with the lexicons."""
    from ..cache import cached

    return cached("places", b"", _build, keep=1)


def _build() -> Places:
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
        core = core_of(name)
        cores.add(core)
        if name.endswith(AUTONOMOUS):
            first = _ETHNIC.search(name)
            if first:
                cores.add(name[: first.start()])
        if len(core) < MIN_CORE:
            continue
        for index in range(len(core)):
            one_changed[mask(name, index)].append((name, index))
        if len(core) >= 3:
            for index in range(1, len(core)):
                one_dropped[name[:index] + name[index + 1 :]].append(name)
        if name.endswith(AUTONOMOUS):
            misordered.update(_reorderings(name))
    # 吉林 is a province and a city of it: in 黑龙江吉林辽宁 it is the province.
    for form in (f for p in provinces for f in province_forms(p)):
        city_province.pop(form, None)
    # A municipality's districts share names with prefecture cities elsewhere (北京朝阳).
    province_form_of = {form: p for p in provinces if not p.endswith("市") for form in province_forms(p)}
    pattern = re.compile("|".join(sorted(province_form_of, key=len, reverse=True)))
    lengths = tuple(sorted({len(n) for n in names if len(n) > MIN_CORE}, reverse=True))
    return Places(
        frozenset(names), frozenset(c for c in cores if len(c) >= MIN_CORE), province_of, {k: tuple(v) for k, v in one_changed.items()},
        {k: tuple(v) for k, v in one_dropped.items()}, lengths,
        {wrong: right for wrong, right in misordered.items() if wrong not in names},
        city_province, pattern, province_form_of,
        dict(line.split("\t", 1) for line in data_lines("place_homophones.tsv")),
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


def slip_kind(written: str, meant: str) -> str | None:
    """同音字 when the two characters share a reading with its tone, 形近字 when they look alike."""
    if written in places().homophones.get(meant, ""):
        return "同音字"
    if written in confusion.shape_table().get(meant, ()) or written in confusion.wubi_neighbours().get(meant, ""):
        return "形近字"
    return None
