"""Read lexicon files; every problem becomes one LexiconError naming file, line, entry and field."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import LexiconError
from .schema import LexiconFile


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so pydantic reports bad ones with their field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class LoadedLexicon:
    path: str
    data: LexiconFile
    entry_lines: tuple[int, ...]
    bundled: bool = False


def _entry_lines(text: str) -> list[int]:
    """1-based line of each item of the top-level ``entries`` sequence."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _describe(err: ValidationError, raw: dict, lines: list[int], path: str) -> str:
    first = err.errors()[0]
    loc = list(first["loc"])
    where, entry_id = "", ""
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        index = loc[1]
        if index < len(lines):
            where = f":{lines[index]}"
        entries = raw.get("entries") or []
        if index < len(entries) and isinstance(entries[index], dict):
            entry_id = str(entries[index].get("id", ""))
        loc = loc[2:]
        kinds = {"term", "substitution", "protected", "leader", "formulation", "phrases", "collocation"}
        if loc and loc[0] in kinds:
            loc = loc[1:]
        label = f"entry {entry_id or '#' + str(index + 1)}"
    else:
        label = "file"
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        loc = ["kind"]
    field = ".".join(str(part) for part in loc) or "(entry)"
    return f"{path}{where}: {label}, field '{field}': {first['msg']}"


def load_lexicon(path: str | Path, *, bundled: bool = False) -> LoadedLexicon:
    path = Path(path)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{shown}: lexicon file not found") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{shown}: lexicon is not valid UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise LexiconError(f"{shown}: cannot read lexicon: {exc.strerror}") from None
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise LexiconError(f"{shown}{line}: invalid YAML: {problem}") from None
    if not isinstance(raw, dict):
        raise LexiconError(f"{shown}: a lexicon must be a mapping with 'lexicon', 'category' and 'entries'")
    lines = _entry_lines(text)
    try:
        data = LexiconFile.model_validate(raw)
    except ValidationError as exc:
        raise LexiconError(_describe(exc, raw, lines, shown)) from None
    for index, entry in enumerate(data.entries):
        if not (entry.source or data.source):
            line = f":{lines[index]}" if index < len(lines) else ""
            raise LexiconError(f"{shown}{line}: entry {entry.id}, field 'source': every entry needs a source note")
    return LoadedLexicon(shown, data, tuple(lines), bundled)


def main(argv: list[str] | None = None) -> int:
    """``python -m termcheck.lexicon.loader FILE...``: validate files against the schema."""
    status = 0
    for name in argv if argv is not None else sys.argv[1:]:
        try:
            lexicon = load_lexicon(name)
        except LexiconError as exc:
            print(exc, file=sys.stderr)
            status = 2
        else:
            print(f"{name}: {len(lexicon.data.entries)} entries OK")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
