"""Which characters are easily typed for which: same pinyin, near pinyin, similar shape.

Built once at lexicon-compile time (pypinyin runs here, never on a whole text) and stored in
the compiled lexicons, so a scan only looks characters up.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from functools import lru_cache

from ..datafiles import DATA_DIR, data_lines

COMMON_CHARS = 6000
HOMOPHONES_PER_SYLLABLE = 40

HOMOPHONE, NEAR_PINYIN, SHAPE, OBSERVED = "homophone", "near-pinyin", "shape", "observed"

# Fuzzy pinyin pairs most input-method slips come from.
_INITIAL_PAIRS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FINAL_PAIRS = (("ang", "an"), ("eng", "en"), ("ing", "in"), ("iang", "ian"), ("uang", "uan"))


@lru_cache(maxsize=1)
def dictionary() -> dict[str, int]:
    """jieba's dictionary as word -> frequency, read once for every compile-time use."""
    import jieba

    words: dict[str, int] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            parts = line.split(" ")
            if len(parts) >= 2:
                words[parts[0]] = int(parts[1])
    return words


@lru_cache(maxsize=1)
def char_frequency() -> dict[str, int]:
    """Character frequency summed over jieba's dictionary words."""
    counts: Counter[str] = Counter()
    for word, frequency in dictionary().items():
        for char in word:
            counts[char] += frequency
    return dict(counts)


@lru_cache(maxsize=1)
def common_chars() -> list[str]:
    frequency = char_frequency()
    han = [c for c in frequency if "\u4e00" <= c <= "\u9fff"]
    return sorted(han, key=lambda c: -frequency[c])[:COMMON_CHARS]


def readings(char: str) -> set[str]:
    from pypinyin import Style, pinyin

    return {r for r in pinyin(char, style=Style.NORMAL, heteronym=True)[0] if r.isalpha()}


def living_readings(char: str) -> set[str]:
    """The character's usual reading and those it has in some word of pypinyin's phrase list.

    pypinyin lists every dictionary reading (是 ti, 家 jie, 担 jie); a typist meets only the
    living ones, and the archaic ones made 担 a "homophone" of 结."""
    from pypinyin import Style, pinyin

    usual = {r for r in pinyin(char, style=Style.NORMAL)[0] if r.isalpha()}
    return usual | (readings(char) & _phrase_readings().get(char, set()))


@lru_cache(maxsize=1)
def _phrase_readings() -> dict[str, set[str]]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.phrases_dict import phrases_dict

    found: defaultdict[str, set[str]] = defaultdict(set)
    for phrase, syllables in phrases_dict.items():
        for char, options in zip(phrase, syllables):
            found[char].update(to_normal(option) for option in options)
    return found


def _fuzzy(syllable: str) -> set[str]:
    variants = {syllable}
    for a, b in _INITIAL_PAIRS:
        for s in list(variants):
            if s.startswith(a):
                variants.add(b + s[len(a) :])
            elif s.startswith(b) and not s.startswith(a):
                variants.add(a + s[len(b) :])
    for a, b in _FINAL_PAIRS:
        for s in list(variants):
            if s.endswith(a):
                variants.add(s[: -len(a)] + b)
            elif s.endswith(b):
                variants.add(s[: -len(b)] + a)
    variants.discard(syllable)
    return variants


@lru_cache(maxsize=2)
def _syllable_index(living_only: bool = False) -> dict[str, list[str]]:
    read = living_readings if living_only else readings
    index: dict[str, list[str]] = defaultdict(list)
    for char in common_chars():  # most frequent first
        for reading in read(char):
            index[reading].append(char)
    return index


@lru_cache(maxsize=1)
def shape_table() -> dict[str, tuple[str, ...]]:
    path = DATA_DIR / "shape_similar.tsv"
    if not path.exists():
        return {}
    linked: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        char, similar = line.split("\t", 1)
        for other in similar.replace(" ", "").replace(",", ""):
            if other != char:
                linked[char].append(other)
    # Similar shape is symmetric, but each row keeps only its closest characters.
    for char, others in list(linked.items()):
        for other in others:
            if char not in linked[other]:
                linked[other].append(char)
    return {char: tuple(others) for char, others in linked.items()}


@lru_cache(maxsize=1)
def wubi_neighbours() -> dict[str, str]:
    """Characters whose full 五笔86 codes differ in one key (民/氏, 设/没): data/wubi_neighbours.tsv."""
    table = {}
    for line in data_lines("wubi_neighbours.tsv"):
        char, _, others = line.partition("\t")
        table[char] = others
    return table


CLOSEST_SHAPES = 3  # the most similar characters of a shape-table row, which are kept whatever else


def close_shapes(char: str) -> str:
    """Characters most likely written for ``char`` by shape: the closest of its shape-table row, and
    the others of that row that are also one 五笔 key away (设 -> 没)."""
    row = shape_table().get(char, ())
    wubi = wubi_neighbours().get(char, "")
    return "".join(dict.fromkeys([*row[:CLOSEST_SHAPES], *(c for c in row[CLOSEST_SHAPES:] if c in wubi)]))


def confusables(char: str, living_only: bool = False) -> dict[str, str]:
    """Characters likely typed instead of ``char``, mapped to the kind of slip; ``living_only``
    ignores archaic readings (see living_readings)."""
    found: dict[str, str] = {}
    index = _syllable_index(living_only)
    own = living_readings(char) if living_only else readings(char)
    for reading in own:
        for other in index.get(reading, ())[:HOMOPHONES_PER_SYLLABLE]:
            found.setdefault(other, HOMOPHONE)
    for reading in own:
        for near in _fuzzy(reading):
            for other in index.get(near, ())[: HOMOPHONES_PER_SYLLABLE // 2]:
                found.setdefault(other, NEAR_PINYIN)
    for other in shape_table().get(char, ()):
        found.setdefault(other, SHAPE)
    found.pop(char, None)
    return found


def observed_slips() -> list[tuple[str, str]]:
    """(wrong, right) character slips seen in the training sets (scripts/typos/mine_char_data.py)."""
    return [tuple(line.split("\t")[:2]) for line in data_lines("confusion_observed.tsv")]


@lru_cache(maxsize=4)
def often_confused(min_count: int) -> dict[str, str]:
    """Characters written for another at least ``min_count`` times in the training corrections,
    with the characters meant (应 -> 因, 门 -> 们)."""
    meant: defaultdict[str, str] = defaultdict(str)
    for line in data_lines("confusion_observed.tsv"):
        wrong, right, count = line.split("\t")[:3]
        if int(count) >= min_count:
            meant[wrong] += right
    return dict(meant)


def variants_seen_correct() -> frozenset[str]:
    """Would-be variants that occur in correct training sentences, hence real word parts."""
    return frozenset(data_lines("variants_seen_correct.txt"))


@lru_cache(maxsize=1)
def domain_vocabulary() -> tuple[str, ...]:
    """Present-day government words jieba's dictionary lacks (data/domain_vocabulary.txt)."""
    return tuple(data_lines("domain_vocabulary.txt"))
