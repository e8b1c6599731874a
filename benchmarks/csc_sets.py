"""Generic spelling-check figures on the public CSC sets in ../shared/data (report only).

termcheck is built for government wording, not for learner essays, so these sets measure its
generic typo detection, not its purpose. Nothing is tuned on the *_test files.
For each set:

- sentence-level detection: a sentence counts as flagged when it has an error or warning
  finding, and as rightly flagged when one of them overlaps a changed character; precision,
  recall and F1 over the sentences with an error, and the false-alarm rate on those without;
- sentence-level correction as pycorrector defines it: the prediction is the sentence with
  the first suggestion of every error/warning finding applied. A sentence with an error is
  a true positive when the prediction equals the gold sentence, else a false negative; a
  sentence without one is a false positive when the prediction changed it.

Each figure comes with and without the typography detector (the sets' own punctuation is
often half-width, which typography rightly reports).

    python benchmarks/csc_sets.py [--typo-sensitivity high] [name ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import termcheck

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("ecspell_odw_test", "ecspell_law_test", "sighan15_test", "csc_hard_news_paper")


@dataclass(frozen=True)
class CscFigures:
    name: str
    skipped: tuple[str, ...]
    sentences: int
    with_error: int
    flagged: int
    rightly_flagged: int
    found: int
    clean_flagged: int
    correction_tp: int
    correction_fp: int
    correction_fn: int
    seconds: float

    @property
    def detection_precision(self) -> float:
        return self.rightly_flagged / self.flagged if self.flagged else 0.0

    @property
    def detection_recall(self) -> float:
        return self.found / self.with_error if self.with_error else 0.0

    @property
    def detection_f1(self) -> float:
        return _f1(self.detection_precision, self.detection_recall)

    @property
    def false_alarm_rate(self) -> float:
        clean = self.sentences - self.with_error
        return self.clean_flagged / clean if clean else 0.0

    @property
    def correction_precision(self) -> float:
        tp, fp = self.correction_tp, self.correction_fp
        return tp / (tp + fp) if tp else 0.0

    @property
    def correction_recall(self) -> float:
        tp, fn = self.correction_tp, self.correction_fn
        return tp / (tp + fn) if tp else 0.0

    @property
    def correction_f1(self) -> float:
        return _f1(self.correction_precision, self.correction_recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def corrected(source: str, findings) -> str:
    """``source`` with the first suggestion of each finding applied, left to right, never overlapping."""
    pieces, position = [], 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if not finding.suggestions or finding.start < position:
            continue
        pieces.append(source[position : finding.start])
        pieces.append(finding.suggestions[0])
        position = finding.end
    pieces.append(source[position:])
    return "".join(pieces)


def evaluate(name: str, skip: frozenset[str] = frozenset(), checker=None) -> CscFigures | None:
    """Figures for ``../shared/data/<name>.tsv``, or None when the file is absent."""
    import time

    path = DATA / f"{name}.tsv"
    if not path.exists():
        return None
    checker = checker or termcheck.default_checker()
    counts = dict.fromkeys(
        ("sentences", "with_error", "flagged", "rightly_flagged", "found", "clean_flagged", "tp", "fp", "fn"), 0
    )
    started = time.perf_counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        source, target = parts[1], parts[2]
        changed = {i for i, (a, b) in enumerate(zip(source, target)) if a != b} or (
            {len(source)} if source != target else set()
        )
        findings = [f for f in checker.check(source) if f.severity.value != "info" and f.category.value not in skip]
        hit = any(any(f.start <= i < f.end for i in changed) for f in findings)
        prediction = corrected(source, findings)
        counts["sentences"] += 1
        if findings:
            counts["flagged"] += 1
            counts["rightly_flagged"] += hit
        if source != target:
            counts["with_error"] += 1
            counts["found"] += hit
            counts["tp" if prediction == target else "fn"] += 1
        else:
            counts["clean_flagged"] += bool(findings)
            counts["fp"] += prediction != source
    return CscFigures(
        name,
        tuple(sorted(skip)),
        counts["sentences"],
        counts["with_error"],
        counts["flagged"],
        counts["rightly_flagged"],
        counts["found"],
        counts["clean_flagged"],
        counts["tp"],
        counts["fp"],
        counts["fn"],
        time.perf_counter() - started,
    )


def measure(name: str, skip: frozenset[str] = frozenset(), checker=None) -> str:
    figures = evaluate(name, skip, checker)
    if figures is None:
        return f"{name}: not found"
    f = figures
    label = f"{name} (without {', '.join(f.skipped)})" if f.skipped else name
    return (
        f"{label}: detection precision {f.detection_precision:.1%} ({f.rightly_flagged}/{f.flagged} flagged sentences), "
        f"recall {f.detection_recall:.1%} ({f.found}/{f.with_error}), F1 {f.detection_f1:.3f}; "
        f"clean sentences flagged {f.false_alarm_rate:.1%} ({f.clean_flagged}/{f.sentences - f.with_error}); "
        f"correction (pycorrector) P {f.correction_precision:.3f} R {f.correction_recall:.3f} F1 {f.correction_f1:.3f} "
        f"(TP {f.correction_tp}, FP {f.correction_fp}, FN {f.correction_fn}); "
        f"{f.sentences / f.seconds:,.0f} sentences/s"
    )


def main(argv: list[str]) -> int:
    names, checker = list(argv), None
    if "--typo-sensitivity" in names:
        at = names.index("--typo-sensitivity")
        sensitivity = names[at + 1]
        del names[at : at + 2]
        checker = termcheck.Checker(typo_sensitivity=sensitivity)
        print(f"typo sensitivity: {sensitivity}")
    for name in names or SETS:
        print(measure(name, checker=checker))
        print(measure(name, frozenset({"typography"}), checker))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
