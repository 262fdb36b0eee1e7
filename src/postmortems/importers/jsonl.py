"""Generic JSON Lines: one object per line, fields named or guessed like the CSV reader's.

Also reads a JSON array of objects. Nested fields are not flattened; name top-level keys.
"""

from __future__ import annotations

import json
from pathlib import Path

from postmortems.errors import InputError
from postmortems.importers._io import Window, head, json_lines, read_text, too_deep
from postmortems.importers._tabular import CANDIDATES, resolve_columns, row_event
from postmortems.importers.base import ImportOptions, ImportResult
from postmortems.timeline.event import Skipped

SOURCE = "jsonl"


class JsonlImporter:
    """Generic JSON Lines (or a JSON array of flat objects)."""

    name = "jsonl"
    description = "generic JSON Lines, one object per line (time, text, actor, kind fields)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        first = next((line for line in head(path).splitlines() if line.strip()), "")
        try:
            value = json.loads(first)
        except (json.JSONDecodeError, RecursionError):
            return False
        times = set(CANDIDATES["time"])
        return isinstance(value, dict) and any(key.lower() in times for key in value)

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        text = read_text(path)
        stripped = text.lstrip()
        if stripped.startswith("["):
            try:
                rows = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"not valid JSON ({exc.msg})", path=str(path), line=exc.lineno
                ) from None
            except RecursionError:
                raise too_deep(path) from None
            records = [(f"{path.name}#{i}", 0, row, "") for i, row in enumerate(rows)]
        else:
            records = [
                (f"{path.name}:{line}", line, row, error) for line, row, error in json_lines(text)
            ]
        result = ImportResult(source=SOURCE)
        keys: dict[str, None] = {}
        for _, _, row, _ in records[:50]:
            if isinstance(row, dict):
                keys.update(dict.fromkeys(row))
        if not keys:
            raise InputError("no JSON objects found", path=str(path), hint="expected JSON Lines")
        layout = resolve_columns(keys, options, str(path))
        window = Window(options)
        for position, line, row, error in records:
            if error or not isinstance(row, dict):
                result.skipped.append(Skipped(SOURCE, position, error or "not a JSON object"))
                continue
            try:
                event = row_event(row, layout, SOURCE, position, str(path), line or 1)
            except ValueError as exc:
                result.skipped.append(Skipped(SOURCE, position, str(exc)))
                continue
            if window.admits(event.time, event.end):
                result.events.append(event)
        return result


IMPORTER = JsonlImporter()
