"""Coverage-guided fuzz target for the public ``termcheck.check`` (atheris / libFuzzer).

    python tests/fuzz_check.py -atheris_runs=20000 [corpus_dir ...]

An input is read two ways. Starting with byte 0x01 it is a recipe: pieces of arbitrary
Unicode alternating with wrong forms and protected terms of the bundled lexicons, joined by
separators, zero-width characters or line breaks. Otherwise it is UTF-8 text (bad bytes become
U+FFFD), so seeds can be plain prose. Any exception, or any finding whose offsets do not point
at its text, is a crash; libFuzzer then writes the input to ``crash-*`` and exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

# The detectors load lazily; they are imported here so that they are instrumented too.
with atheris.instrument_imports(include=["termcheck"]):
    import termcheck
    import termcheck.detect.confusable_typo
    import termcheck.detect.exact
    import termcheck.detect.formulation
    import termcheck.detect.near_miss
    import termcheck.detect.privacy
    import termcheck.detect.secrecy
    import termcheck.detect.titles
    import termcheck.detect.typography
    from termcheck.text.normalize import fold

AS_OF = dt.date(2025, 6, 1)
JOINERS = ["", " ", "\u200b", "\u200d", "\ufeff", "\u0301", "*", "·", "\r\n", "\n", "\u3000", "😀"]


def _terms() -> list[str]:
    compiled = termcheck.default_checker().compiled
    patterns = compiled.automaton.patterns()
    return sorted({patterns[i] for i, refs in enumerate(compiled.refs) if any(r.role in ("hit", "correct", "near") for r in refs)})


TERMS: list[str] = []
PATTERNS: frozenset[str] = frozenset()


class BrokenOffsets(AssertionError):
    pass


def _text(data: bytes) -> str:
    if not data.startswith(b"\x01"):
        return data.decode("utf-8", errors="replace")
    provider = atheris.FuzzedDataProvider(data[1:])
    pieces = []
    while provider.remaining_bytes() > 0:
        pieces.append(provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 12)))
        term = TERMS[provider.ConsumeIntInRange(0, len(TERMS) - 1)]
        if len(term) > 1 and provider.ConsumeBool():
            at = provider.ConsumeIntInRange(1, len(term) - 1)
            term = term[:at] + JOINERS[provider.ConsumeIntInRange(0, len(JOINERS) - 1)] + term[at:]
        pieces.append(term)
    return "".join(pieces)


def check_one(text: str) -> None:
    for f in termcheck.check(text, as_of=AS_OF):
        if not (0 <= f.start < f.end <= len(text)) or text[f.start : f.end] != f.text:
            raise BrokenOffsets(f"{f.rule} [{f.start}, {f.end}) {f.text!r} in {text!r}")
        if f.line != text.count("\n", 0, f.start) + 1:
            raise BrokenOffsets(f"{f.rule} line {f.line} at {f.start} in {text!r}")
        if f.detector == "exact" and fold(f.text).text not in PATTERNS:
            raise BrokenOffsets(f"{f.rule} span {f.text!r} is not a lexicon form, in {text!r}")


def test_one_input(data: bytes) -> None:
    check_one(_text(data))


def main(argv: list[str]) -> None:
    global TERMS, PATTERNS
    TERMS = _terms()
    PATTERNS = frozenset(termcheck.default_checker().compiled.automaton.patterns())
    check_one("截止目前，各单位要再接再励。")  # warm up: the tokenizer loads before fuzzing starts
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
