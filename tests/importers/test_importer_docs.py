"""docs/importers.md documents every registered importer, and plugins register like built-ins."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from postmortems.errors import InputError
from postmortems.importers import registry

DOC = Path(__file__).resolve().parents[2] / "docs" / "importers.md"


@pytest.mark.parametrize("name", registry.names())
def test_every_importer_has_a_section(name: str) -> None:
    headings = [
        line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    ]
    assert any(f"`{name}`" in heading for heading in headings), headings


_PLUGIN = """
from postmortems.importers.base import ImportResult


class Plugin:
    name = "servicenow-test"
    description = "test plugin"

    def sniff(self, path):
        return path.suffix == ".snow"

    def read(self, path, options):
        return ImportResult(source=self.name)
"""


def test_entry_point_plugins_are_detected_before_the_generic_readers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A plugin installed as a distribution with an entry point in ``postmortems.importers``."""
    (tmp_path / "acme_importer.py").write_text(_PLUGIN, encoding="utf-8")
    dist = tmp_path / "acme_importer-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text(
        "[postmortems.importers]\nservicenow-test = acme_importer:Plugin\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "acme_importer", raising=False)
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


def test_a_broken_plugin_is_one_input_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dist = tmp_path / "broken_importer-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text(
        "[postmortems.importers]\nbroken = no_such_module_here:Plugin\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_registered", {})
    monkeypatch.setattr(registry, "_order", [])
    monkeypatch.setattr(registry, "_loaded", False)
    with pytest.raises(InputError, match="importer plugin 'broken'"):
        registry.names()


def test_register_rejects_what_is_not_an_importer() -> None:
    with pytest.raises(TypeError):
        registry.register(object())  # type: ignore[arg-type]
