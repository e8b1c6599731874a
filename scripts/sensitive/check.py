"""Approximate the termcheck matcher to test the generated examples before the real one exists.

Exact match after folding (full-width -> half-width, traditional -> simplified); allow_contexts
suppress a hit lying inside one of their occurrences; boundary: word checks the hit edges against
jieba segmentations of several windows, with and without the lexicon terms added to jieba's
dictionary. An example passes only if every variant gives exactly the expected rule ids.
"""
import logging

import jieba

from termcheck.text.sentences import sentence_bounds

jieba.setLogLevel(logging.ERROR)
try:
    import opencc
    _T2S = opencc.OpenCC("t2s")
except Exception:  # pragma: no cover
    _T2S = None

WINDOWS = (None, 3, 6, 10)


def fold(text):
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif o == 0x3000:
            ch = " "
        out.append(ch)
    text = "".join(out)
    if _T2S:
        text = _T2S.convert(text)
    return text


def occurrences(text, sub):
    i = text.find(sub)
    while i != -1:
        yield i
        i = text.find(sub, i + 1)


def boundaries(tok, text):
    pos, b = 0, {0}
    for w in tok.cut(text, HMM=True):
        pos += len(w)
        b.add(pos)
    return b


def hit_ok(tok, text, s, e, window):
    if window is None:
        lo, hi = 0, len(text)
    else:
        lo, hi = max(0, s - window), min(len(text), e + window)
    b = boundaries(tok, text[lo:hi])
    return (s - lo) in b and (e - lo) in b


def sentence(text, s, e):
    left, right = sentence_bounds(text, s, e)
    return text[left:right]


def findings(entries, text, tok, window):
    text = fold(text)
    found = set()
    for ent in entries:
        allows = [fold(a) for a in ent.get("allow_contexts", [])]
        spans = []
        for a in allows:
            for i in occurrences(text, a):
                spans.append((i, i + len(a)))
        for term in ent["terms"]:
            t = fold(term)
            for s in occurrences(text, t):
                e = s + len(t)
                if any(a <= s and e <= b for a, b in spans):
                    continue
                if ent.get("boundary") == "word" and not hit_ok(tok, text, s, e, window):
                    continue
                if ent.get("only_with") and not any(fold(n) in sentence(text, s, e) for n in ent["only_with"]):
                    continue
                found.add(ent["id"])
                break
            if ent["id"] in found:
                break
    return found


def run(entries):
    plain = jieba.Tokenizer()
    aug = jieba.Tokenizer()
    for ent in entries:
        for t in ent["terms"]:
            aug.add_word(fold(t))
    bad = 0
    total = 0
    for ent in entries:
        for ex in ent["examples"]:
            total += 1
            want = set(ex["expect"])
            results = []
            for tok in (plain, aug):
                for w in WINDOWS:
                    results.append(frozenset(findings(entries, ex["text"], tok, w)))
            if any(r != want for r in results):
                bad += 1
                got = sorted(set().union(*results))
                print(f"FAIL {ent['id']}: {ex['text']!r} expect={sorted(want)} got(any variant)={got} "
                      f"variants={sorted(set(tuple(sorted(r)) for r in results))}")
    print(f"{total - bad}/{total} examples pass")
    return 1 if bad else 0
