"""Mine the fixed phrases of authoritative documents into scripts/phrases/official_phrases.tsv.

The texts are not kept in the project: scripts/phrases/extract_texts.py writes them, one file
a document with a header naming its key, title, date, URL and source. Then

    python scripts/phrases/extract_texts.py /work/.mirror /tmp/official_texts
    python scripts/phrases/mine_official.py /tmp/official_texts
    python scripts/phrases/build_official.py

A phrase is a run of two to four jieba words inside one clause, 4-12 Chinese characters long,
made of content words only (nouns, verbs, adjectives, idioms, abbreviations; no particle,
preposition, conjunction, pronoun, number or name), found at least MIN_COUNT times in all the
documents together. A phrase that only ever occurs inside one longer phrase is left to it. Each
phrase is credited to the document that uses it most (the first listed on a tie). Phrases whose
one-character slip reads as an insult or a political error carry the offensive flag: those of
OFFENSIVE_PHRASES that were mined.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "scripts" / "phrases" / "official_phrases.tsv"

FIRST = ("ERSHIDA-BAOGAO", "ZFGZBG-2024", "XIANFA")
MIN_COUNT = 2
MIN_CHARS, MAX_CHARS = 4, 12
MAX_WORDS = 4
# jieba part-of-speech tags of content words (nouns but no names of people, verbs, adjectives,
# 成语 i, 习用语 l, abbreviations j, 区别词 b).
CONTENT_TAGS = re.compile(r"^(n|ns|nt|nz|nl|ng|v|vn|vd|a|an|ad|i|l|j|b)$")
# Verbs and adjectives too light to open or close a fixed phrase.
LIGHT_WORDS = frozenset(
    "是 有 要 会 能 可 应 应当 可以 能够 必须 需要 进行 加以 给予 予以 使 让 得 作 做 成为 为 称 等 用 看 说 "
    "一定 所有 一切 其他 有关 相关 上述 下列 以下 以上 前款 本款 本条 本法 该 各 每 有权 具有 存在 不能 相应 "
    "规定 人员 是否 不得 属于 包括 涉及 依照 按照 根据 作出 提出 实行 具备 组织 决定 采取 追究 负责 履行 "
    "执行 经 由 对于 同时 重要 重大 主要 一般 特别 必要 有效 相关 下列 其中 方面 情况 情形 工作 问题".split()
)
# A phrase ends in a noun (党风廉政建设, 破坏民族团结); one that ends in a verb or an adjective is
# kept only as two words whose first is not a verb (沉痛悼念, 一体推进).
NOMINAL_TAGS = re.compile(r"^(n|ns|nt|nz|nl|ng|vn|an|i|l|j)$")
# Phrases whose one-character slip reads as an insult or a political error.
OFFENSIVE_PHRASES = frozenset(
    "中国共产党领导 党的领导 人民代表大会制度 社会主义制度 社会主义国家 人民民主专政 中华民族伟大复兴 "
    "祖国统一 民族团结 国家统一 国家主权 领土完整 英雄烈士 革命先烈 人民英雄 中国人民解放军 中央军事委员会 "
    "全国人民代表大会 全国人民代表大会常务委员会 中国人民政治协商会议 社会主义现代化强国 中国特色社会主义 "
    "中国特色社会主义制度 中国特色社会主义道路 党中央权威 集中统一领导 马克思主义 共产主义".split()
)
# Words after which a phrase has ended.
CLOSERS = frozenset("等 和 与 及 以及 并 并且 或者 或 是 为 要 应当 必须 不得 可以 作为".split())
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
NOT_BODY = re.compile(r"^\s*(#|\d{4}年\d{1,2}月\d{1,2}日)")
HEADER = re.compile(r"^#(key|title|date|url|source): (.*)$")


def clauses(text: str):
    for line in text.splitlines():
        if not NOT_BODY.match(line):
            yield from HAN_RUN.findall(line)


def phrases_of(clause: str, cut) -> dict[str, bool]:
    """The candidate phrases of a clause, each with whether it stood free there: a clause edge or a
    function word (的, 和, 在 …) on both sides, not a content word it might be a fragment of."""
    words = [(pair.word, pair.flag) for pair in cut(clause)]
    found: dict[str, bool] = {}
    for first in range(len(words)):
        for last in range(first + 1, min(first + MAX_WORDS, len(words))):
            run = words[first : last + 1]
            if not all(_content(word, flag) for word, flag in run):
                break
            if any(word in LIGHT_WORDS for word, _ in run):
                continue
            if not NOMINAL_TAGS.match(run[-1][1]) and (len(run) > 2 or run[0][1].startswith("v")):
                continue
            phrase = "".join(word for word, _ in run)
            if MIN_CHARS <= len(phrase) <= MAX_CHARS:
                free = _free_before(words, first - 1) and _free_after(words, last + 1)
                found[phrase] = found.get(phrase, False) or free
    return found


def _content(word: str, flag: str) -> bool:
    # jieba's dictionary tags a few four-character terms as names of people (党风廉政 nr)
    return bool(CONTENT_TAGS.match(flag)) or (flag == "nr" and len(word) >= 4)


def _free_before(words: list[tuple[str, str]], index: int) -> bool:
    return index < 0 or not CONTENT_TAGS.match(words[index][1]) or words[index][0] in LIGHT_WORDS


def _free_after(words: list[tuple[str, str]], index: int) -> bool:
    # not 的, a localiser or a content word: 倾听人民的意见, 利用职务上的便利 are not phrases ending there
    return index >= len(words) or words[index][0] in CLOSERS or words[index][1] in ("c", "ul", "y")


def read_documents(folder: Path) -> list[tuple[dict[str, str], str]]:
    documents = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = dict(match.groups() for line in text.splitlines()[:5] if (match := HEADER.match(line)))
        if "key" not in header:
            print(f"{path}: no #key header, skipped", file=sys.stderr)
            continue
        documents.append((header, text))
    # the Party Congress report and the government work report first: they win ties
    return sorted(documents, key=lambda doc: (doc[0]["key"] not in FIRST, doc[0]["key"]))


def mine(documents) -> tuple[dict[str, str], dict[str, int]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    counts: dict[str, Counter] = defaultdict(Counter)
    stood_free: set[str] = set()
    for header, text in documents:
        key = header["key"]
        for clause in clauses(text):
            for phrase, free in phrases_of(clause, lambda text: jieba.posseg.lcut(text, HMM=False)).items():
                # count each occurrence, not each clause: a phrase twice in a clause counts twice
                counts[phrase][key] += clause.count(phrase)
                if free:
                    stood_free.add(phrase)
    total = {phrase: sum(by_doc.values()) for phrase, by_doc in counts.items()}
    kept = {phrase for phrase, count in total.items() if count >= MIN_COUNT and phrase in stood_free}
    kept = {phrase for phrase in kept if not _only_inside_a_longer(phrase, kept, total)}
    order = {header["key"]: index for index, (header, _) in enumerate(documents)}
    source = {
        phrase: min(counts[phrase], key=lambda key: (-counts[phrase][key], order[key]))
        for phrase in kept
    }
    return source, total


def _only_inside_a_longer(phrase: str, kept: set[str], total: dict[str, int]) -> bool:
    return any(
        other != phrase and phrase in other and total[other] == total[phrase]
        for other in _longer_containing(phrase, kept)
    )


_BY_FIRST_CHAR: dict[int, dict[str, list[str]]] = {}


def _longer_containing(phrase: str, kept: set[str]):
    index = _BY_FIRST_CHAR.setdefault(id(kept), _index_by_chars(kept))
    return index.get(phrase[:2], ())


def _index_by_chars(kept: set[str]) -> dict[str, list[str]]:
    index = defaultdict(list)
    for other in kept:
        for start in range(len(other) - 1):
            index[other[start : start + 2]].append(other)
    return index


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], "\nusage: mine_official.py TEXT_FOLDER", file=sys.stderr)
        return 2
    documents = read_documents(Path(argv[0]))
    source, total = mine(documents)
    lines = ["# Mined by scripts/phrases/mine_official.py; phrase, document key, count, offensive (1) or not (0)\n"]
    lines += [f"#doc {h['key']}\t{h['title']}\t{h['date']}\t{h['url']}\t{h['source']}\n" for h, _ in documents]
    for phrase in sorted(source, key=lambda p: (source[p], -total[p], p)):
        lines.append(f"{phrase}\t{source[phrase]}\t{total[phrase]}\t{int(phrase in OFFENSIVE_PHRASES)}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(source)} phrases from {len({*source.values()})} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
