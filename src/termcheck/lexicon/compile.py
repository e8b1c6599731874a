"""Compile validated lexicons into one Aho-Corasick automaton plus rule tables, cached on disk."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import cached
from ..errors import LexiconError
from ..matcher import Matcher, resolve_backend
from ..models import Category, Severity
from ..text.confusion import domain_vocabulary
from ..text.normalize import fold
from .lazy import LazyValues
from .patterns import COLLOCATION, CORRECT, HIT, MEMBER, PatternRef

if TYPE_CHECKING:
    from .loader import LoadedLexicon
# The YAML loader and the pydantic schema are imported only when a lexicon is really
# compiled: a run that finds its lexicons in the cache starts faster without them.

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def bundled_lexicon_dir() -> Path:
    """The bundled lexicons: inside the installed package, or ``lexicons/`` of a source checkout."""
    installed = PACKAGE_DIR / "lexicons"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parents[1] / "lexicons"


def bundled_lexicon_paths() -> list[Path]:
    return sorted(bundled_lexicon_dir().rglob("*.yaml"))


@dataclass(frozen=True, slots=True)
class Rule:
    """What a finding needs to know about the entry that produced it."""

    id: str
    kind: str
    category: Category
    severity: Severity
    message: str
    source: str
    lexicon: str
    suggestions: tuple[str, ...] = ()
    boundary: str = "none"
    allow_contexts: tuple[str, ...] = ()
    only_with: tuple[str, ...] = ()
    not_with: tuple[str, ...] = ()
    effective: object = None
    expires: object = None
    subcategory: str | None = None
    unverified: bool = False
    bundled: bool = True

    def applies_on(self, day) -> bool:
        if self.effective and day < self.effective:
            return False
        return not (self.expires and day >= self.expires)

    # Unpickled through the constructor: the dataclass default looks up fields() once per
    # object, which made loading the cached lexicons several times slower.
    def __reduce__(self):
        return Rule, tuple(getattr(self, name) for name in self.__slots__)


@dataclass
class Compiled:
    rules: Mapping[str, Rule]
    entries: Mapping[str, object]  # leader / formulation / protected entries, for deeper detectors
    automaton: Matcher  # pattern id -> refs[pattern id]
    lexicons: list[dict] = field(default_factory=list)
    protected_forms: dict[str, str] = field(default_factory=dict)  # folded form -> rule id
    domain_words: tuple[str, ...] = ()
    # Per category: one per term, per wrong form, per leader, name or formulation.
    term_counts: dict[str, int] = field(default_factory=dict)
    titles: frozenset = frozenset()  # every title form, for near-miss context
    confusion: dict[str, dict[str, str]] = field(default_factory=dict)  # char -> {confusable: kind}
    refs: list[tuple[PatternRef, ...]] = field(default_factory=list)  # by pattern id
    phrases: object = None  # the PhraseIndex of every protected phrase, if any lexicon lists some
    source_key: str = ""  # hash of the lexicon files it was compiled from, and of the backend
    # The rule ids of every leader entry by name, an entry with a whole career first: a leader's
    # posts on record (lexicons/names/officials.yaml) may add to the leader lexicon's.
    leader_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def leader_entries(self, name: str) -> list[tuple[str, object]]:
        """(rule id, entry) of every leader entry of ``name``, the whole career first."""
        return [(rule_id, self.entries[rule_id]) for rule_id in self.leader_ids.get(name, ())]

    def hits(self, folded_text: str) -> list[tuple[int, int, PatternRef]]:
        """Every (start, end, ref) of every pattern, overlapping ones included."""
        refs = self.refs
        return [(start, end, ref) for index, start, end in self.automaton.find(folded_text) for ref in refs[index]]


def _default_message(entry) -> str:
    from . import messages

    return messages.default_message(entry)


def _rule(entry, lexicon: LoadedLexicon, suggestions=()) -> Rule:
    data = lexicon.data
    return Rule(
        id=entry.id,
        kind=entry.kind,
        category=entry.category or data.category,
        severity=entry.severity,
        message=entry.message or _default_message(entry),
        source=entry.source or data.source or "",
        lexicon=data.lexicon,
        suggestions=tuple(suggestions),
        boundary=getattr(entry, "boundary", "none"),
        allow_contexts=tuple(fold(c).text for c in getattr(entry, "allow_contexts", ())),
        only_with=tuple(fold(c).text for c in getattr(entry, "only_with", ())),
        not_with=tuple(fold(c).text for c in getattr(entry, "not_with", ())),
        effective=entry.effective,
        expires=entry.expires,
        subcategory=getattr(entry, "subcategory", None),
        unverified=entry.unverified,
        bundled=lexicon.bundled,
    )


def _suggestions(entry) -> list[str]:
    """What a finding of the entry's own rule suggests writing instead."""
    if entry.kind == "term":
        return entry.suggest
    if entry.kind == "substitution":
        return entry.right
    if entry.kind == "formulation":
        return [entry.replaced_by or entry.term]
    if entry.kind == "collocation":
        return [entry.right]
    return []


class _Builder:
    def __init__(self):
        self.patterns: dict[str, list[PatternRef]] = defaultdict(list)
        self.rules: dict[str, Rule] = {}
        self.entries: dict[str, object] = {}
        self.lexicons: list[dict] = []
        self.protected_forms: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self.term_counts: dict[str, int] = defaultdict(int)
        self.titles: frozenset = frozenset()  # filled by register_variants
        self.confusion: dict[str, dict[str, str]] = {}
        self.phrases: dict[str, str] = {}  # protected phrase -> rule id (the first lexicon to list it)

    def add(self, surface: str, ref: PatternRef) -> None:
        surface = fold(surface).text
        if surface:
            self.patterns[surface].append(PatternRef(ref.rule_id, ref.role, len(surface), ref.target, ref.detail))

    def add_lexicon(self, lexicon: LoadedLexicon) -> None:
        counts: dict[str, int] = defaultdict(int)
        for index, entry in enumerate(lexicon.data.entries):
            if entry.id in self.rules:
                line = lexicon.entry_lines[index] if index < len(lexicon.entry_lines) else "?"
                raise LexiconError(
                    f"{lexicon.path}:{line}: entry {entry.id}, field 'id': duplicate id (first in {self.where[entry.id]})"
                )
            self.where[entry.id] = lexicon.path
            counts[entry.kind] += 1
            self._add_entry(entry, lexicon)
            category = (entry.category or lexicon.data.category).value
            listed = getattr(entry, "terms", None) or getattr(entry, "wrong", None) or getattr(entry, "phrases", None)
            self.term_counts[category] += len(listed or [1])
        self.lexicons.append(
            {
                "name": lexicon.data.lexicon,
                "path": lexicon.path,
                "bundled": lexicon.bundled,
                "category": lexicon.data.category.value,
                "entries": len(lexicon.data.entries),
                "kinds": dict(sorted(counts.items())),
            }
        )

    def _add_entry(self, entry, lexicon: LoadedLexicon) -> None:
        """The rule of an entry and its surface forms, by the entry's kind."""
        self.rules[entry.id] = _rule(entry, lexicon, _suggestions(entry))
        if entry.kind not in ("term", "substitution"):
            self.entries[entry.id] = entry  # deeper detectors read the entry itself
        getattr(self, f"_add_{entry.kind}")(entry)

    def _add_term(self, entry) -> None:
        for term in entry.terms:
            self.add(term, PatternRef(entry.id, HIT, 0, tuple(entry.suggest)))

    def _add_substitution(self, entry) -> None:
        for wrong in entry.wrong:
            self.add(wrong, PatternRef(entry.id, HIT, 0, tuple(entry.right)))

    def _add_formulation(self, entry) -> None:
        if len(entry.members) >= 3:
            for index, member in enumerate(entry.members):
                # Shortened members also start a list check (不敢、不能、不想).
                pieces = {member, member[:-1], member[1:]} if len(member) >= 3 else {member}
                for piece in sorted(pieces):
                    self.add(piece, PatternRef(entry.id, MEMBER, 0, (entry.term,), str(index)))
        for variant in entry.variants:
            self.add(variant, PatternRef(entry.id, HIT, 0, (entry.term,), "variant"))
        for form in (entry.term, *entry.allowed):
            self._protect(form, entry.id)

    def _add_collocation(self, entry) -> None:
        for neighbour in entry.before:
            self.add(neighbour + entry.word, PatternRef(entry.id, COLLOCATION, 0, (entry.right,), str(len(neighbour))))
        for neighbour in entry.after:
            for joined in (entry.word + neighbour, entry.word + "的" + neighbour):
                self.add(joined, PatternRef(entry.id, COLLOCATION, 0, (entry.right,), "0"))

    def _add_phrases(self, entry) -> None:
        for phrase in entry.phrases:
            self.phrases.setdefault(fold(phrase).text, entry.id)

    def _add_protected(self, entry) -> None:
        for form in (entry.term, *entry.aliases):
            self._protect(form, entry.id)

    def _add_leader(self, entry) -> None:
        self._protect(entry.name, entry.id)

    def _protect(self, form: str, rule_id: str) -> None:
        self.add(form, PatternRef(rule_id, CORRECT, 0, (form,)))
        self.protected_forms.setdefault(fold(form).text, rule_id)

    def build(self, backend: str | None = None) -> Compiled:
        from .phrases import PhraseIndex
        from .variants import register_variants

        register_variants(self)
        automaton = Matcher(list(self.patterns), backend)
        # Words the window tokenizer must keep whole: protected forms and present-day government
        # words jieba's dictionary lacks (抗疫, 因城施策).
        domain_words = sorted({f for f in self.protected_forms if len(f) <= 8} | set(domain_vocabulary()))
        phrases = PhraseIndex(list(self.phrases.items()), backend) if self.phrases else None
        return Compiled(
            LazyValues(self.rules),
            LazyValues(self.entries),
            automaton,
            self.lexicons,
            self.protected_forms,
            tuple(domain_words),
            dict(self.term_counts),
            self.titles,
            self.confusion,
            _shared_refs(self.patterns.values()),
            phrases,
            leader_ids=self._leader_ids(),
        )

    def _leader_ids(self) -> dict[str, tuple[str, ...]]:
        from .schema import LeaderEntry

        by_name: dict[str, list[str]] = defaultdict(list)
        for rule_id, entry in self.entries.items():
            if isinstance(entry, LeaderEntry):
                by_name[entry.name].append(rule_id)
        return {
            name: tuple(sorted(ids, key=lambda rule_id: not self.entries[rule_id].titles_complete))
            for name, ids in by_name.items()
        }


def _shared_refs(groups) -> list[tuple[PatternRef, ...]]:
    """The refs by pattern id, equal refs one object: a third as many to unpickle at start-up."""
    shared: dict[PatternRef, PatternRef] = {}
    return [tuple(shared.setdefault(ref, ref) for ref in refs) for refs in groups]


def _read_all(paths: list[tuple[Path, bool]]) -> list[bytes]:
    contents = []
    for path, _ in paths:
        try:
            contents.append(path.read_bytes())
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror}") from None
    return contents


def compile_lexicons(
    paths: list[tuple[Path, bool]], *, use_cache: bool = True, matcher: str | None = None
) -> Compiled:
    """Compile ``(path, bundled)`` pairs, reusing a cached result keyed by content hash and matcher backend."""
    contents = _read_all(paths)
    backend = resolve_backend(matcher)
    key = hashlib.sha256(backend.encode())
    for (path, bundled), content in zip(paths, contents):
        key.update(f"\0{path}\0{bundled}\0".encode())
        key.update(hashlib.sha256(content).digest())

    def build() -> Compiled:
        from .loader import load_lexicon

        builder = _Builder()
        for path, bundled in paths:
            builder.add_lexicon(load_lexicon(path, bundled=bundled))
        return builder.build(backend)

    compiled = cached("compiled", key.digest(), build, keep=8, use_cache=use_cache)
    compiled.source_key = key.hexdigest()  # which lexicon files, as they read, made it
    return compiled
