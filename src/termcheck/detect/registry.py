"""The detector registry: a new detector is one module in this package whose class follows
`base.Detector`, and one line in `DETECTORS`. Detectors run in this order; the order matters only for
candidates that tie in every respect when overlaps are resolved.
"""

from __future__ import annotations

from .base import Detector, DetectorSettings
from .char_ngram_typo import CharNgramTypoDetector
from .confusable_typo import ConfusableTypoDetector
from .exact import ExactDetector
from .formulation import FormulationDetector
from .near_miss import NearMissDetector
from .phrase_slips import PhraseSlipDetector
from .place_names import PlaceNameDetector
from .privacy import PrivacyDetector
from .secrecy import SecrecyDetector
from .titles import TitleDetector
from .typography import TypographyDetector

DETECTORS: tuple[type[Detector], ...] = (
    ExactDetector,
    NearMissDetector,
    FormulationDetector,
    TitleDetector,
    PhraseSlipDetector,
    PlaceNameDetector,
    ConfusableTypoDetector,
    CharNgramTypoDetector,
    TypographyDetector,
    PrivacyDetector,
    SecrecyDetector,
)


def default_detectors(settings: DetectorSettings = DetectorSettings()) -> list[Detector]:
    """One of each registered detector, built from the checker's settings."""
    return [detector.from_settings(settings) for detector in DETECTORS]
