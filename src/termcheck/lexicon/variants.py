"""Near-miss patterns of every protected form, generated when the lexicons are compiled.

The near-miss detector only looks these up at scan time:
- short forms (2-3 characters): each character swapped for a confusable one (same or near
  pinyin, similar shape), and adjacent characters transposed;
- long forms (4+ characters): their two halves as anchors. Any single edit leaves one half
  intact, so an anchor hit is checked against the form with a linear one-edit comparison;
- leader names: the name without its last character and words whose pinyin initials match
  the name (新加坡 for xjp), both reported only next to a title; and title+name forms
  (国家主席江泽民), whose anchors catch a title that lost a character.
"""

from __future__ import annotations

from functools import lru_cache

from ..text import confusion
from ..text.normalize import fold
from .patterns import ANCHOR, CORRECT, HIT, NEAR, PatternRef
from .schema import FormulationEntry, LeaderEntry, ProtectedEntry

# Words next to a name that make it a name in a title slot, besides the leaders' own titles.
GENERIC_TITLES = (
    "总书记", "主席", "副主席", "总理", "副总理", "委员长", "副委员长", "国务委员", "同志", "书记",
    "副书记", "省长", "副省长", "市长", "常委", "委员", "部长", "主任", "代表", "首长", "领导",
)
# Three-character words at least this frequent in jieba are the ones a pinyin-initial slip lands on.
INITIALS_WORD_FREQUENCY = 200


def register_variants(builder) -> None:
    """Add near-miss patterns of every protected form to the builder's automaton."""
    correct = set(builder.protected_forms)
    titles: set[str] = set(GENERIC_TITLES)
    forms: list[tuple[str, str]] = []
    combos: dict[str, tuple[str, int]] = {}  # title+name form -> (rule id, length of its title part)
    for rule_id, entry in builder.entries.items():
        protected = isinstance(entry, (LeaderEntry, FormulationEntry, ProtectedEntry))
        if isinstance(entry, LeaderEntry) and not entry.near_miss:  # an official: a name in a title slot all the same
            titles.update(fold(t).text for title in entry.titles for t in (title.title, *title.short))
        if not protected or not entry.near_miss:
            continue  # phrases have an index of their own (lexicon/phrases.py)
        if isinstance(entry, LeaderEntry):
            name = fold(entry.name).text
            forms.append((name, rule_id))
            _register_leader(builder, rule_id, entry, name, titles, combos, correct)
        elif isinstance(entry, FormulationEntry):
            forms.append((fold(entry.term).text, rule_id))
        else:
            forms.extend((fold(f).text, rule_id) for f in (entry.term, *entry.aliases))
    builder.titles = frozenset(titles)
    _register_titled_formulations(builder, forms)
    for combo, (rule_id, title_length) in combos.items():
        _register_halves(builder, combo, rule_id, f"{title_length}")
    confusable_cache: dict[str, dict[str, str]] = {}
    for form, rule_id in sorted(set(forms)):
        if len(form) >= 4:
            _register_halves(builder, form, rule_id, "")
        elif len(form) >= 2:
            leader = isinstance(builder.entries[rule_id], LeaderEntry)
            _register_short_variants(builder, form, rule_id, correct, confusable_cache, leader)
    for form, _ in forms:
        for char in form:
            if char not in confusable_cache:
                confusable_cache[char] = confusion.confusables(char)
    builder.confusion = confusable_cache


def _register_leader(builder, rule_id, entry, name, titles, combos, correct) -> None:
    """A leader's titles, title+name forms, the name cut short and its pinyin-initial words."""
    for title in entry.titles:
        titles.update(fold(t).text for t in (title.title, *title.short))
        if len(title.title) >= 3:
            # 国家主席江泽民 guards the title: 家主席江泽民 lost its first character.
            combo = fold(title.title).text + name
            builder.add(combo, PatternRef(rule_id, CORRECT, 0, (combo,)))
            correct.add(combo)
            combos[combo] = (rule_id, len(combo) - len(name))
    if len(name) == 3:
        builder.add(name[:2], PatternRef(rule_id, NEAR, 0, (name,), "trunc"))
        for word in _initial_matches(name, _three_char_words()):
            if word not in correct:
                builder.add(word, PatternRef(rule_id, NEAR, 0, (name,), "abbr"))


# Titles a writer puts after a leader's name out of habit (习近平总书记新时代…思想).
NAME_TITLES = ("总书记", "同志", "主席")


def _register_titled_formulations(builder, forms: list[tuple[str, str]]) -> None:
    """A formulation named after a leader with a title put after the name is a wrong form of it:
    习近平新时代中国特色社会主义思想 has no 总书记 in it."""
    leader_names = {form for form, rule_id in forms if isinstance(builder.entries[rule_id], LeaderEntry)}
    for form, rule_id in forms:
        entry = builder.entries[rule_id]
        if not isinstance(entry, FormulationEntry):
            continue
        for name in leader_names:
            if form.startswith(name) and len(form) > len(name) + 2:
                for title in NAME_TITLES:
                    titled = name + title + form[len(name):]
                    builder.add(titled, PatternRef(rule_id, HIT, 0, (entry.term,), "variant"))


def _register_halves(builder, form: str, rule_id: str, title_length: str) -> None:
    """The two halves of a long form as anchors; ``title_length`` is set for a title+name form."""
    half = len(form) // 2
    builder.add(form[:half], PatternRef(rule_id, ANCHOR, 0, (form,), "L" + title_length))
    builder.add(form[half:], PatternRef(rule_id, ANCHOR, 0, (form,), "R" + title_length))


def _register_short_variants(builder, form: str, rule_id: str, correct: set[str], cache: dict, leader: bool) -> None:
    """Every one-character confusable substitution and adjacent swap of a 2-3 character form; a
    leader's name also gets the characters one 五笔 key away (江泽氏 for 江泽民)."""
    wubi = confusion.wubi_neighbours() if leader else {}
    for index, char in enumerate(form):
        if char not in cache:
            cache[char] = confusion.confusables(char)
        others = cache[char]
        if leader:
            others = {**{other: confusion.SHAPE for other in wubi.get(char, "")}, **others}
        for other, kind in others.items():
            variant = form[:index] + other + form[index + 1 :]
            if variant not in correct:
                builder.add(variant, PatternRef(rule_id, NEAR, 0, (form,), kind))
    for index in range(len(form) - 1):
        swapped = form[:index] + form[index + 1] + form[index] + form[index + 2 :]
        if swapped != form and swapped not in correct:
            builder.add(swapped, PatternRef(rule_id, NEAR, 0, (form,), "swap"))


def _initial_matches(name: str, candidates: list[tuple[str, int]]) -> list[str]:
    """Frequent three-character words whose pinyin initials are the name's (新加坡 for 习近平)."""
    wanted = tuple(_initials(c) for c in name)
    if not all(wanted):
        return []
    words = []
    for word, _ in candidates:
        if all(_initials(c) & w for c, w in zip(word, wanted)) and word != name:
            words.append(word)
    return words


_INITIALS_CACHE: dict[str, frozenset[str]] = {}


def _initials(char: str) -> frozenset[str]:
    if char not in _INITIALS_CACHE:
        # the living readings only: a typist never meets 任 lin or 甬 dong (理事会 is no 任振鹤)
        _INITIALS_CACHE[char] = frozenset(r[0] for r in confusion.living_readings(char))
    return _INITIALS_CACHE[char]


@lru_cache(maxsize=1)
def _three_char_words() -> list[tuple[str, int]]:
    """Read only when a three-character leader name needs them: jieba's dictionary is large."""
    return [(w, f) for w, f in confusion.dictionary().items() if len(w) == 3 and f >= INITIALS_WORD_FREQUENCY]
