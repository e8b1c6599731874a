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

from ..models import Category, Severity
from ..text import segment
from ..text.places import AUTONOMOUS, MIN_CORE, SUFFIXES, Places, core_of, mask, places, province_forms, slip_kind
from .base import Candidate, Detector, Scan

# A slip that jieba knows as a word this frequent, and at least as frequent as the name, is that word.
WORD_FREQUENCY = 50
# A slip in the first character whose other characters are a word this frequent is a character
# and that word (的山区, 来全县); so is a later one that starts such a word (三小区).
REST_WORD_FREQUENCY = 200
NUMERALS = frozenset("一二三四五六七八九十两百千")
SOURCE = "国家统计局《2023年统计用区划代码》"
_SUFFIX = re.compile(f"[{SUFFIXES}]")


def _is_a_word(found: str, name: str, whole: bool = False) -> bool:
    """荷泽 (9) is a slip jieba lists; a word as frequent as the name (or, without ``whole``, as the
    name's own part) is that word."""
    if not whole:
        suffix = len(name) - len(core_of(name))
        found, name = found[:-suffix], name[:-suffix]
    frequency = segment.word_frequency(found)
    return frequency >= WORD_FREQUENCY and frequency >= segment.word_frequency(name)


def _ordinary_prose(text: str, start: int, end: int, window: str, name: str, index: int, data: Places) -> bool:
    """The guards, cheapest first: an old name (宁乡县 for today's 宁乡市), a character and a word
    (的山区, 与城区, 他和县), a whole word (地州市), a word the window cuts (采暖城市, 和团市委)."""
    suffix = len(name) - len(core_of(name))
    if window[:-suffix] in data.cores:
        return True
    rest = window[max(index, 1) :] if index >= 0 else ""  # index -1: a dropped character
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
            for name, at in data.one_changed.get(mask(window, index), ()):
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
                        f"“{name}”属{home}，不属{province}", suggestions=(province_forms(home)[-1] + city,),
                        confidence=0.85, source=SOURCE,
                    )
                break
