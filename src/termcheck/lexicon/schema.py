"""Pydantic models of a lexicon file. A file that does not fit them does not load."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import Category, Severity

ENTRY_ID = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
Form = Annotated[str, Field(min_length=1)]  # a wrong or right form: never empty


def _as_list(value):
    if isinstance(value, str):
        return [value]
    return value


class Example(BaseModel):
    """A text that must (``expect`` non-empty) or must not (``expect: []``) be flagged."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str = Field(min_length=1)
    expect: list[str] = []
    as_of: _dt.date | None = None


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    id: str = Field(pattern=ENTRY_ID)
    category: Category | None = None  # defaults to the file's category
    severity: Severity = Severity.error
    message: str | None = None
    source: str | None = None  # defaults to the file's source
    unverified: bool = False
    note: str | None = None
    examples: list[Example] = []
    # The entry applies only to documents dated inside [effective, expires).
    effective: _dt.date | None = None
    expires: _dt.date | None = None

    @model_validator(mode="after")
    def _unverified_is_a_warning(self):
        if self.unverified and self.severity is Severity.error:
            raise ValueError("an unverified entry must have severity warning or info")
        return self


class _Matching(BaseModel):
    model_config = ConfigDict(defer_build=True)

    boundary: Literal["word", "none"] = "none"
    # If the hit lies inside an occurrence of one of these strings, it is not reported.
    allow_contexts: list[str] = []
    # If set, the hit is reported only when one of these strings is in the same sentence
    # (提案 is wrong for 人大代表, right for 政协委员).
    only_with: list[str] = []
    # ... and not when one of these is in the same sentence (人大代表和政协委员).
    not_with: list[str] = []


class TermEntry(_Entry, _Matching):
    """A term that must not appear (sensitive words, absolute advertising terms)."""

    kind: Literal["term"]
    terms: Annotated[list[str], Field(min_length=1)]
    suggest: list[str] = []
    subcategory: str | None = None

    _split = field_validator("terms", "suggest", mode="before")(_as_list)


class SubstitutionEntry(_Entry, _Matching):
    """A known wrong form and its correction(s), best first."""

    kind: Literal["substitution"]
    wrong: Annotated[list[Form], Field(min_length=1)]
    right: Annotated[list[Form], Field(min_length=1)]
    subcategory: str | None = None

    _split = field_validator("wrong", "right", mode="before")(_as_list)


class ProtectedEntry(_Entry):
    """A correct form (a state, body, place or law name) that near-miss detection guards."""

    kind: Literal["protected"]
    term: str = Field(min_length=2)
    aliases: list[str] = []  # other correct forms, e.g. a legal short name
    near_miss: bool = True
    # No other name is one character from it (中华人民共和国): a change of any character is a slip,
    # even one that makes a word (中共人民共和国), unless the whole is a word of its own.
    one_of_a_kind: bool = False


class Title(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    title: str = Field(min_length=2)
    start: _dt.date | None = Field(None, alias="from")
    end: _dt.date | None = Field(None, alias="to")  # None: still in office
    # Short forms that name this title next to the name (总理 for 国务院总理).
    short: list[str] = []
    source: str | None = None
    unverified: bool = False

    def held_on(self, day: _dt.date) -> bool:
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


class LeaderEntry(_Entry):
    """A party or state leader: a protected name with dated titles."""

    kind: Literal["leader"]
    name: str = Field(min_length=2)
    titles: Annotated[list[Title], Field(min_length=1)]
    # Known correct words that look like near misses of this name (李克勤 for 李克强).
    lookalikes: list[str] = []
    # Rank on the Politburo Standing Committee, by Central Committee number ({20: 2}).
    pbsc_rank: dict[int, int] = {}
    near_miss: bool = True
    # False where the titles are the posts on record, not a whole career (lexicons/names/officials.yaml):
    # then a title that is not listed is no error, only a listed one held on another date.
    titles_complete: bool = True


class FormulationEntry(_Entry):
    """A canonical wording; optionally an enumeration with members in official order."""

    kind: Literal["formulation"]
    term: str = Field(min_length=2)
    members: list[str] = []
    variants: list[str] = []  # known wrong forms, flagged with ``term`` as the suggestion
    allowed: list[str] = []  # legitimate abbreviations that must not be flagged
    introduced: _dt.date | None = None
    superseded: _dt.date | None = None
    replaced_by: str | None = None
    near_miss: bool = True


PHRASE = r"^[\u3400-\u4dbf\u4e00-\u9fff]{4,16}$"


def _phrase_lines(value):
    """A block of phrases, one a line (blank lines and # comments skipped), or a list of them."""
    if isinstance(value, str):
        lines = (line.strip() for line in value.splitlines())
        return [line for line in lines if line and not line.startswith("#")]
    return value


class PhrasesEntry(_Entry):
    """Protected phrases (idioms, fixed phrases, phrases of official documents): a one-character
    slip of any of them (a sound-alike or similar-shape character, a doubled one, a swap; in
    longer phrases also a dropped one) is reported with the phrase as the suggestion."""

    kind: Literal["phrases"]
    phrases: Annotated[list[Annotated[str, Field(pattern=PHRASE)]], Field(min_length=1)]
    severity: Severity = Severity.warning
    # A slip of these phrases reads as an insult or a political error: reported as an error.
    offensive_reading: bool = False
    # Idioms are fixed as a whole, so a slip that turns one of their words into another word is a
    # slip still (金榜提名 for 金榜题名). Phrases made of ordinary words leave this off: there it
    # is another phrase (管理重心 beside 管理中心, 社会心态 beside 社会形态).
    real_word_slips: bool = False

    _lines = field_validator("phrases", mode="before")(_phrase_lines)


Neighbour = Annotated[str, Field(min_length=1, max_length=6)]


class CollocationEntry(_Entry):
    """A real word that its neighbours show to be the wrong one (群众反应的问题: 反映): ``word`` is
    reported where one of ``before`` ends right before it, or one of ``after`` starts right after
    it (or after it and 的), unless ``not_before``/``not_after`` stand there."""

    kind: Literal["collocation"]
    word: str = Field(min_length=1, max_length=4)
    right: str = Field(min_length=1, max_length=6)
    before: list[Neighbour] = []
    after: list[Neighbour] = []
    not_before: list[Neighbour] = []
    not_after: list[Neighbour] = []
    severity: Severity = Severity.warning

    @model_validator(mode="after")
    def _has_a_neighbour(self):
        if not (self.before or self.after):
            raise ValueError("a collocation needs at least one neighbour in 'before' or 'after'")
        if self.word == self.right:
            raise ValueError("'right' must differ from 'word'")
        return self


Entry = Annotated[
    Union[TermEntry, SubstitutionEntry, ProtectedEntry, LeaderEntry, FormulationEntry, PhrasesEntry, CollocationEntry],
    Field(discriminator="kind"),
]


class LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    lexicon: str = Field(min_length=1, description="short name of this lexicon")
    category: Category
    description: str = ""
    source: str | None = None
    entries: list[Entry]
