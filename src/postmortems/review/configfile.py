"""Finding and reading lint configuration files.

For each document the nearest configuration wins, looking in the document's folder and then
each parent: a ``.postmortems.toml`` (its ``[lint]`` table, the file's other tables belong to
other commands), else a ``pyproject.toml`` that has a ``[tool.postmortems.lint]`` table (one
without it is skipped, as ruff does). No file found means the defaults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from postmortems.document.lazyre import lazy
from postmortems.errors import UsageError
from postmortems.review.config import LintConfig, parse_config
from postmortems.review.paths import folders_up, has_suffix
from postmortems.review.registry import RULES, RuleRegistry

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

DEDICATED = ".postmortems.toml"
PYPROJECT = "pyproject.toml"
_PREFIX = {DEDICATED: ("lint",), PYPROJECT: ("tool", "postmortems", "lint")}


class ConfigFinder:
    """Resolves the configuration of each document, reading each file once."""

    def __init__(self, registry: RuleRegistry | None = None) -> None:
        self.registry = registry or RULES
        self._by_dir: dict[str, LintConfig] = {}
        self._by_file: dict[str, LintConfig] = {}

    def for_document(self, document: str | os.PathLike[str]) -> LintConfig:
        """The configuration that applies to ``document`` (an absolute file path, maybe not
        existing)."""
        path = os.fspath(document)
        start = os.path.dirname(path) if has_suffix(path) else path
        return self.for_directory(os.path.realpath(start))

    def for_directory(self, directory: str) -> LintConfig:
        """The configuration of the nearest file at or above ``directory`` (resolved)."""
        chain: list[str] = []
        found: LintConfig | None = None
        for folder in folders_up(directory):
            if folder in self._by_dir:
                found = self._by_dir[folder]
                break
            chain.append(folder)
            config_file = _config_file_in(folder)
            if config_file is not None:
                found = self.load(config_file)
                break
        config = found if found is not None else LintConfig()
        for folder in chain:
            self._by_dir[folder] = config
        return config

    def load(self, path: str | os.PathLike[str]) -> LintConfig:
        """Read and validate the configuration file ``path`` (cached)."""
        resolved = os.path.realpath(path)
        if resolved not in self._by_file:
            self._by_file[resolved] = load_config(resolved, self.registry)
        return self._by_file[resolved]


def _config_file_in(folder: str) -> str | None:
    dedicated = os.path.join(folder, DEDICATED)
    if os.path.isfile(dedicated):
        return dedicated
    pyproject = os.path.join(folder, PYPROJECT)
    if os.path.isfile(pyproject):
        try:
            with open(pyproject, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return None
        # Cheap test before parsing: only files that mention our table count.
        if _OUR_TABLE.search(text):
            return pyproject
    return None


_OUR_TABLE = lazy(r"^\s*\[\s*tool\s*\.\s*postmortems\s*\.\s*lint", re.MULTILINE)


def load_config(path: str | os.PathLike[str], registry: RuleRegistry | None = None) -> LintConfig:
    """Read the lint configuration from ``path`` (a ``.postmortems.toml``, a
    ``pyproject.toml`` or any TOML file holding a ``[lint]`` table).

    Raises:
        UsageError: the file cannot be read, is not valid TOML, or says something unknown; the
            message names the file and line.
    """
    import tomllib

    registry = registry or RULES
    shown = os.fspath(path)
    try:
        with open(shown, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot read configuration: {reason}", path=shown) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at (line|end of document).*\)$", "", str(exc))
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in str(exc):
            line = len(text.rstrip().splitlines()) or 1
        raise UsageError(f"invalid TOML: {message}", path=shown, line=line) from None
    name = os.path.basename(shown)
    prefix = _PREFIX.get(name, ("lint",))
    if name != PYPROJECT and "lint" not in data and "tool" in data:
        prefix = _PREFIX[PYPROJECT]
    table: Any = data
    for key in prefix:
        table = table.get(key, {}) if isinstance(table, Mapping) else None
    if not isinstance(table, Mapping):
        raise UsageError(
            f"[{'.'.join(prefix)}] must be a table", path=shown, line=_locator(text)(prefix)
        )
    return parse_config(table, registry, source=shown, locate=_locator(text), prefix=prefix)


_HEADER = lazy(r"^\s*\[\[?\s*(?P<keys>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ONE_KEY = r"(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)"
_ASSIGN = lazy(rf"^\s*(?P<keys>{_ONE_KEY}(?:\s*\.\s*{_ONE_KEY})*)\s*=")
_KEY = lazy(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)")


def _split(keys: str) -> tuple[str, ...]:
    return tuple(a or b or c for a, b, c in _KEY.findall(keys))


def _locator(text: str) -> Any:
    """A function giving the line of a key path in ``text`` (best effort, for messages)."""
    entries: list[tuple[tuple[str, ...], int]] = []
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split(header.group("keys"))
            entries.append((table, number))
            continue
        assign = _ASSIGN.match(line)
        if assign:
            keys = (*table, *_split(assign.group("keys")))
            entries.append((keys, number))
            # Inline tables: `severity = { "blame.x" = "error" }` puts keys on the same line.
            rest = line[assign.end() :]
            for inner in re.finditer(r"(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)\s*=", rest):
                entries.append(((*keys, *_split(inner.group(1))), number))

    def locate(path: tuple[str, ...]) -> int | None:
        best, best_len = None, 0
        for keys, number in entries:
            common = 0
            for a, b in zip(keys, path, strict=False):
                if a.replace("_", "-") != b.replace("_", "-"):
                    break
                common += 1
            if common == len(path) and common == len(keys):
                return number
            if common > best_len and common == len(keys):
                best, best_len = number, common
        return best

    return locate
