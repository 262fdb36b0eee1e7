"""docs/importers.md documents every registered importer, and plugins register like built-ins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from postmortems.importers import registry
from postmortems.importers.base import ImportOptions, ImportResult

DOC = Path(__file__).resolve().parents[2] / "docs" / "importers.md"


@pytest.mark.parametrize("name", registry.names())
def test_every_importer_has_a_section(name: str) -> None:
    headings = [
        line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    ]
    assert any(f"`{name}`" in heading for heading in headings), headings


class _Plugin:
    name = "servicenow-test"
    description = "test plugin"

    def sniff(self, path: Path) -> bool:
        return path.suffix == ".snow"

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        return ImportResult(source=self.name)


class _EntryPoint:
    name = "servicenow-test"
    value = "tests:_Plugin"

    def load(self) -> Any:
        return _Plugin


def test_entry_point_plugins_are_detected_before_the_generic_readers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [_EntryPoint()])
    monkeypatch.setattr(registry, "_registered", {})
    monkeypatch.setattr(registry, "_order", [])
    monkeypatch.setattr(registry, "_loaded", False)
    names = registry.names()
    assert names.index("servicenow-test") == len(names) - 3
    assert names[-2:] == ["jsonl", "csv"]
    source = tmp_path / "export.snow"
    source.write_text("time,text\n", encoding="utf-8")
    assert registry.detect(source).name == "servicenow-test"
    assert registry.load(f"servicenow-test:{source}").source == "servicenow-test"


def test_register_rejects_what_is_not_an_importer() -> None:
    with pytest.raises(TypeError):
        registry.register(object())  # type: ignore[arg-type]
