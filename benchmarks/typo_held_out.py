"""How the unlisted-typo detectors do on documents their data never saw (training data only).

For each ECSpell training domain (odw 公文, law, med), and for SIGHAN's learner essays (once
without any SIGHAN training file, once without the 2015 ones only, which is how the shipped data
meets the SIGHAN 2015 test set), the
confusion tables and the character model are rebuilt without that domain's training files,
into a temporary data folder (``TERMCHECK_DATA_DIR``), and the two detectors
(``typo/confusable``, ``typo/char-ngram``) are run on its file at each sensitivity:

- precision and recall over its sentences with an error (a sentence is rightly flagged when a
  warning overlaps a changed character);
- false alarms per 10,000 characters of its correct sentences.

This is how the thresholds were chosen: the false alarms on unseen domains are the closest
stand-in for unfamiliar documents that the rules let us tune on. Nothing here reads a test
set or clean/ (the model builder reads them only to leave overlapping sentences out).

    python benchmarks/typo_held_out.py [odw law med sighan sighan15]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
# Held-out file by fold; a fold leaves out every training file whose name contains its key, so
# "sighan" measures learner essays with all SIGHAN training sentences out of the tables and model,
# and "sighan15" with only the 2015 ones out, as the SIGHAN 2015 test set meets the shipped data.
FOLDS = {
    "odw": "ecspell_odw_train",
    "law": "ecspell_law_train",
    "med": "ecspell_med_train",
    "sighan": "sighan15_train",
    "sighan15": "sighan15_train",
}

MEASURE = r"""
import json, sys
import termcheck
path, sensitivity = sys.argv[1], sys.argv[2]
checker = termcheck.Checker(select=["typo/confusable", "typo/char-ngram"], typo_sensitivity=sensitivity)
def warnings(text):
    return [f for f in checker.check(text) if f.severity.value != "info"]
counts = dict(errors=0, flagged=0, right=0, correct_chars=0, false_alarms=0)
seen = set()
for line in open(path, encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 3 or len(parts[1]) != len(parts[2]):
        continue
    source, target = parts[1], parts[2]
    if target not in seen:
        seen.add(target)
        counts["correct_chars"] += len(target)
        counts["false_alarms"] += len(warnings(target))
    if source == target:
        continue
    changed = [i for i, (a, b) in enumerate(zip(source, target)) if a != b]
    found = warnings(source)
    counts["errors"] += 1
    counts["flagged"] += bool(found)
    counts["right"] += any(f.start <= i < f.end for f in found for i in changed)
print(json.dumps(counts))
"""


def build_fold(fold: str, folder: Path) -> None:
    shutil.copytree(ROOT / "src" / "termcheck" / "data", folder, dirs_exist_ok=True)
    env = dict(os.environ, TERMCHECK_DATA_DIR=str(folder), TERMCHECK_CACHE_DIR=str(folder / "cache"))
    scripts = ROOT / "scripts" / "typos"
    for script, out in (("mine_char_data.py", folder), ("build_char_ngrams.py", folder / "char_ngrams.tsv.gz")):
        command = [sys.executable, str(scripts / script), "--skip", fold, "--out", str(out)]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def measure(fold: str, folder: Path, sensitivity: str) -> dict:
    env = dict(os.environ, TERMCHECK_DATA_DIR=str(folder), TERMCHECK_CACHE_DIR=str(folder / "cache"))
    path = DATA / f"{FOLDS[fold]}.tsv"
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), sensitivity], check=True, env=env, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def main(argv: list[str]) -> int:
    folds = argv or list(FOLDS)
    if not DATA.exists():
        print(f"{DATA} not found; nothing to measure")
        return 0
    print("| held-out file | sensitivity | precision | recall | false alarms per 10k |")
    print("|---|---|---|---|---|")
    for fold in folds:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "data"
            build_fold(fold, folder)
            for sensitivity in ("default", "high"):
                c = measure(fold, folder, sensitivity)
                precision = c["right"] / c["flagged"] if c["flagged"] else 0.0
                recall = c["right"] / c["errors"] if c["errors"] else 0.0
                rate = c["false_alarms"] / c["correct_chars"] * 10_000
                label = f"{FOLDS[fold]} (without *{fold}*)"
                print(f"| {label} | {sensitivity} | {precision:.1%} | {recall:.1%} | {rate:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
