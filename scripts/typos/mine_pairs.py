#!/usr/bin/env python3
"""Mine word-level typo pairs (wrong -> right) from the CSC training sets.

Reads ONLY ../shared/data/*_train.tsv (id<TAB>source<TAB>target; the source has
the errors, the target is correct).  For every changed character the target is
segmented with jieba (HMM off) and each word of >= 2 characters that covers a
changed position gives a pair: the target span is the right form, the same span of
the source is the wrong form.  The filters and thresholds are described in
docs/typos.md and in the constants below.  Writes lexicons/typos/mined.yaml
(sorted, deterministic) and prints a summary.

    python scripts/typos/mine_pairs.py [--data DIR] [--out FILE] [--report FILE]
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import sys
from pathlib import Path

import jieba
import opencc
import yaml
from pypinyin.phrases_dict import phrases_dict

ROOT = Path(__file__).resolve().parents[2]  # /work/main
DEFAULT_DATA = ROOT.parent / "shared" / "data"

# --- thresholds (documented in docs/typos.md) -------------------------------------
RIGHT_MIN_FREQ = 3        # right word: jieba dictionary frequency >= this (len >= 3)
RIGHT_MIN_FREQ_2 = 50     # right word of 2 characters: stricter
WRONG_MAX_FREQ = 3         # wrong form of >= 3 chars may be in jieba's dict only with freq <= this
FREQUENT_WORD = 100        # the wrong form must not be a substring of a jieba word this frequent
EXPECTED_MAX = 2.0         # reject a wrong form that jieba can read as a run of real tokens whose
                           # independent co-occurrence count in jieba's corpus (N * prod(f_i / N)) >= this
REAL_WORDS_MAX_LEN = 4     # a wrong form this short that reads as real words only is dropped
MIN_WRONG_LEN = 2

# 的/地/得 choices depend on grammar, not on the word: never mined.
PARTICLES = set("的地得")

CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def read_rows(data_dir: Path):
    files = sorted(glob.glob(str(data_dir / "*_train.tsv")))
    if not files:
        sys.exit(f"no *_train.tsv files in {data_dir}")
    for path in files:
        name = os.path.basename(path)
        if "_test" in name or "clean" in path:
            continue  # never read held-out data
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3:
                    continue
                yield name, parts[0], parts[1], parts[2]


def extract(rows):
    """Return ({(wrong, right): [(file, row_id), ...]}, [target sentences])."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = collections.defaultdict(list)
    targets: list[str] = []
    for name, row_id, src, tgt in rows:
        targets.append(tgt)
        if len(src) != len(tgt) or src == tgt:
            continue
        changed = [k for k in range(len(tgt)) if src[k] != tgt[k]]
        pos = 0
        for word in jieba.lcut(tgt, HMM=False):
            start, end = pos, pos + len(word)
            pos = end
            if end - start < MIN_WRONG_LEN:
                continue
            if any(start <= k < end for k in changed):
                pairs[(src[start:end], tgt[start:end])].append((name, row_id))
    return pairs, targets


def substrings(words, min_len=2):
    out = set()
    for w in words:
        n = len(w)
        for length in range(min_len, n + 1):
            for i in range(n - length + 1):
                out.add(w[i:i + length])
    return out


def expected_run(text: str, freq, total: int) -> float:
    """How often jieba's corpus would show ``text`` as a run of its tokens if they were independent.

    A wrong form that reads as ordinary words side by side (应/改 in 应改尽改, 三年/及 in
    三年及以上) turns up in correct text; one whose tokens are rare together does not."""
    tokens = jieba.lcut(text, HMM=False)
    if len(tokens) == 1:
        return 0.0  # one dictionary token: judged by WRONG_MAX_FREQ instead
    expected = float(total)
    for token in tokens:
        expected *= freq.get(token, 0) / total
    return expected


def words_only(text: str, freq) -> bool:
    """True if jieba reads ``text`` as two or more dictionary words of >= 2 characters
    (一份/收获): a phrase of real words is not a typo out of context."""
    tokens = jieba.lcut(text, HMM=False)
    return len(tokens) > 1 and all(len(t) >= 2 and freq.get(t, 0) > 0 for t in tokens)


def correct_forms_of_other_lexicons(own_dir: Path, own_name: str = "mined"):
    """Correct forms named by lexicons other than lexicons/typos/<own_name>*.yaml, and their wrong forms."""
    forms, wrongs = set(), {}
    for path in sorted((ROOT / "lexicons").rglob("*.yaml")):
        if path.parent.resolve() == own_dir.resolve() and path.name.startswith(own_name):
            continue  # the calling script's own output
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except Exception:  # a file being written in parallel may be half done
            continue
        for e in data.get("entries") or []:
            if not isinstance(e, dict):
                continue
            kind = e.get("kind")
            def lst(key):
                v = e.get(key) or []
                return [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]
            if kind == "substitution":
                forms.update(lst("right"))
                for w in lst("wrong"):
                    wrongs[w] = str(path.relative_to(ROOT))
            elif kind == "term":
                forms.update(lst("suggest"))
                forms.update(lst("allow_contexts"))
            elif kind == "protected":
                forms.update(lst("term") + lst("aliases"))
            elif kind == "leader":
                forms.update(lst("name") + lst("lookalikes"))
                for t in e.get("titles") or []:
                    if isinstance(t, dict):
                        forms.add(str(t.get("title", "")))
                        forms.update(x for x in t.get("short") or [] if isinstance(x, str))
            elif kind == "formulation":
                forms.update(lst("term") + lst("members") + lst("allowed"))
            elif kind == "phrases":
                phrases = e.get("phrases") or []
                forms.update(phrases.split() if isinstance(phrases, str) else phrases)
            if kind in ("substitution", "term"):
                forms.update(lst("allow_contexts"))
    forms.discard("")
    return forms, wrongs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "lexicons" / "typos" / "mined.yaml")
    ap.add_argument("--report", type=Path, default=None, help="write rejected pairs here (tsv)")
    args = ap.parse_args(argv)

    jieba.setLogLevel(60)
    jieba.initialize()
    freq = jieba.dt.FREQ
    total = jieba.dt.total
    fold = opencc.OpenCC("t2s")

    pairs, targets = extract(read_rows(args.data))
    corpus = "\n".join(targets)
    frequent_subs = substrings([w for w, f in freq.items() if f >= FREQUENT_WORD and len(w) >= 2])
    pinyin_words = set(phrases_dict)
    any_subs_2 = {s for s in substrings([w for w in freq if len(w) >= 2] + list(pinyin_words))
                  if len(s) == 2}

    other_forms, other_wrongs = correct_forms_of_other_lexicons(args.out.parent)

    stats = collections.Counter()
    rejected = []
    kept: dict[str, dict[str, list]] = collections.defaultdict(dict)
    for (wrong, right), where in sorted(pairs.items()):
        reason = None
        wf, rf = freq.get(wrong, 0), freq.get(right, 0)
        if not (CJK.match(wrong) and CJK.match(right)) or wrong == right:
            reason = "not-cjk"
        elif all(a in PARTICLES and b in PARTICLES for a, b in zip(wrong, right) if a != b):
            reason = "de-particle"
        elif fold.convert(wrong) != wrong or fold.convert(right) != right:
            reason = "folds"  # the matcher folds traditional forms: would not match as written
        elif rf < (RIGHT_MIN_FREQ_2 if len(right) == 2 else RIGHT_MIN_FREQ):
            reason = "right-rare"
        elif len(wrong) == 2 and (wrong in freq or wrong in pinyin_words):
            reason = "wrong-is-word"
        elif wf > WRONG_MAX_FREQ or wrong in pinyin_words:
            reason = "wrong-is-word"
        elif wrong in corpus:
            reason = "wrong-in-correct-text"
        elif wrong in frequent_subs:
            reason = "inside-frequent-word"
        elif len(wrong) == 2 and wrong in any_subs_2:
            reason = "inside-dict-word"
        elif len(wrong) <= REAL_WORDS_MAX_LEN and words_only(wrong, freq):
            reason = "real-words"
        elif expected_run(wrong, freq, total) >= EXPECTED_MAX:
            reason = "composable"
        elif wrong in other_forms:
            reason = "correct-form-elsewhere"
        elif wrong in other_wrongs:
            reason = "listed-elsewhere"
        if reason:
            stats[reason] += 1
            rejected.append((reason, wrong, right, where[0][0], where[0][1]))
            continue
        kept[wrong][right] = where

    # No loops or chains: a wrong form may not be any right form, nor sit inside one.
    all_rights = set(other_forms)
    for rights in kept.values():
        all_rights.update(rights)
    right_subs = substrings(all_rights)
    for wrong in sorted(kept):
        for right in [r for r in kept[wrong] if r in other_wrongs]:  # A->B where B is itself wrong
            stats["right-is-wrong-elsewhere"] += 1
            rejected.append(("right-is-wrong-elsewhere", wrong, right, *kept[wrong][right][0]))
            del kept[wrong][right]
        if not kept[wrong]:
            del kept[wrong]
            continue
        if wrong in right_subs:
            stats["inside-a-right-form"] += len(kept[wrong])
            for right, where in kept[wrong].items():
                rejected.append(("inside-a-right-form", wrong, right, where[0][0], where[0][1]))
            del kept[wrong]

    entries = []
    for n, wrong in enumerate(sorted(kept), 1):
        rights = sorted(kept[wrong], key=lambda r: (-len(kept[wrong][r]), -freq.get(r, 0), r))
        where = sorted({w for r in rights for w in kept[wrong][r]})
        files = sorted({f for f, _ in where})
        ids = [i for _, i in where]
        shown = ", ".join(ids[:3]) + (f" …; {len(ids)} rows" if len(ids) > 3 else "")
        entry = {
            "id": f"TYPO-M-{n:05d}",
            "kind": "substitution",
            "wrong": wrong,
            "right": rights[0] if len(rights) == 1 else rights,
            "boundary": "word",
        }
        if len(wrong) == 2:
            entry["severity"] = "warning"
        entry["source"] = "mined from " + ", ".join(f"../shared/data/{f}" for f in files) + f" (row id {shown})"
        entries.append(entry)

    doc = {
        "lexicon": "typos-mined",
        "category": "typo",
        "description": ("Word-level typo pairs mined from the CSC training sets by "
                        "scripts/typos/mine_pairs.py; see docs/typos.md. Do not edit by hand."),
        "source": "mined from ../shared/data/*_train.tsv by scripts/typos/mine_pairs.py",
        "entries": entries,
    }
    header = "# Generated by scripts/typos/mine_pairs.py — do not edit by hand; rerun the script.\n"
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
    args.out.write_text(header + text, encoding="utf-8")

    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            for row in sorted(rejected):
                fh.write("\t".join(row) + "\n")
    by_len = collections.Counter(len(w) for w in kept)
    print(f"candidate pairs: {len(pairs)}; kept wrong forms: {len(kept)} "
          f"(by length {dict(sorted(by_len.items()))})", file=sys.stderr)
    print("rejected: " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
