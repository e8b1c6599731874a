"""Scan clean corpora for hits (false-positive check): python scripts/sensitive/fpscan.py FILE.tsv [col]"""
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build
import check
import jieba

all_entries = {m.SUB: build.build_module(m) for m in build.MODULES}
build.longer_terms_win(all_entries)
flat = [e for es in all_entries.values() for e in es]
tok = jieba.Tokenizer()
col = int(sys.argv[2]) if len(sys.argv) > 2 else 2
counts = collections.Counter()
for path in sys.argv[1].split(","):
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) <= col:
            continue
        text = parts[col]
        f = check.findings(flat, text, tok, None)
        for rid in f:
            counts[rid] += 1
            if counts[rid] <= 3:
                print(rid, text[:120])
print(counts.most_common())
