"""Project settings from ``termcheck.toml`` or ``[tool.termcheck]`` in ``pyproject.toml``.

Settings are found in the current directory or the nearest parent that has them; the
command line's ``--config FILE`` names a file directly. Keys are kebab-case, as in
pyproject tables of other tools::

    lexicons = ["lexicons/city.yaml"]      # relative to the config file
    select = ["leader", "name", "TYPO"]
    ignore = ["typography"]
    allow = ["李克勤"]
    fail-on = "warning"
    as-of = 2025-01-01
    typo-sensitivity = "high"              # default | high: warn about more unlisted typos
    include = ["*.txt", "*.md", "*.html"]
    exclude = ["archive/*"]

    [severity]                               # selector -> error | warning | info
    privacy = "warning"
"""

from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import TermcheckError
from .models import Severity
from .sources import DEFAULT_INCLUDE

CONFIG_NAME = "termcheck.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(TermcheckError):
    """A configuration file cannot be read or has a bad key."""


@dataclass(frozen=True)
class Config:
    """Resolved settings; ``path`` is None when no file was found."""

    path: Path | None = None
    lexicons: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    as_of: _dt.date | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    typo_sensitivity: str = "default"


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)

    lexicons: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    allow: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    as_of: _dt.date | None = None
    include: list[str] | None = None
    exclude: list[str] = []
    typo_sensitivity: Literal["default", "high"] = "default"

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_date(cls, value):
        # TOML has a native date (as-of = 2025-01-01); a quoted ISO string is accepted too.
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form") from None
        if isinstance(value, _dt.datetime):
            raise ValueError("give a date (YYYY-MM-DD), not a date and time")
        return value


_KEYS = {"fail-on": "fail_on", "as-of": "as_of", "typo-sensitivity": "typo_sensitivity"}


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def _read_toml(path: Path) -> dict:
    tomllib = _toml()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); TOML files must be UTF-8") from None


def _section(path: Path) -> tuple[dict | None, str]:
    """The termcheck table of a file and the prefix its keys are named with in errors."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("termcheck") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: key 'tool.termcheck': must be a table")
        return table, "tool.termcheck."
    return data, ""


def find_config(start: Path | None = None) -> Path | None:
    """The nearest termcheck.toml, or pyproject.toml with a [tool.termcheck] table, upwards from start."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            try:
                table, _ = _section(pyproject)
            except ConfigError:
                # A broken pyproject that may not even be ours: only an explicit --config reports it.
                continue
            if table is not None:
                return pyproject
    return None


def load_config(path: Path) -> Config:
    """Read and validate one config file; errors name the file and the key."""
    path = Path(path)
    table, prefix = _section(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.termcheck] table")
    renamed = {}
    for key, value in table.items():
        if key in _KEYS.values():
            kebab = next(k for k, v in _KEYS.items() if v == key)
            raise ConfigError(f"{path}: key '{prefix}{key}': unknown key (did you mean '{kebab}'?)")
        renamed[_KEYS.get(key, key)] = value
    try:
        parsed = _Table.model_validate(renamed)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [next((k for k, v in _KEYS.items() if v == part), part) for part in error["loc"]]
        key = ".".join(str(part) for part in loc)
        message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        raise ConfigError(f"{path}: key '{prefix}{key}': {message}") from None
    base = path.resolve().parent
    return Config(
        path=path,
        lexicons=tuple((base / p) if not Path(p).is_absolute() else Path(p) for p in parsed.lexicons),
        select=tuple(parsed.select),
        ignore=tuple(parsed.ignore),
        allow=tuple(parsed.allow),
        severity={k: Severity(v) for k, v in parsed.severity.items()},
        fail_on=parsed.fail_on,
        as_of=parsed.as_of,
        include=tuple(parsed.include) if parsed.include is not None else DEFAULT_INCLUDE,
        exclude=tuple(parsed.exclude),
        typo_sensitivity=parsed.typo_sensitivity,
    )


def resolve_config(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """The config named on the command line, else the nearest one found, else defaults."""
    if explicit is not None:
        return load_config(Path(explicit))
    found = find_config(start)
    return load_config(found) if found else Config()
