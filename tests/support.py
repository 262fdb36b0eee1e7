"""Shared test helpers: where the shared corpus lives, and a content view of parsed documents.

Imported by name (`from support import ...`): pytest puts tests/ on the path (pyproject).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from postmortems.model.record import Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

#: Fields that say where something was, not what it is: a rendered document moves lines.
LOCATION_FIELDS = {
    "line",
    "end_line",
    "body_line",
    "lines",
    "source",
    "path",
    "has_front_matter",
    "title_heading",
    "preamble_line",
    "heading",
    "column",
}


def content(obj: Any) -> Any:
    """A parsed document as plain data without source locations, for equality checks."""
    if isinstance(obj, Record):
        return {
            name: content(getattr(obj, name))
            for name in obj.__slots__
            if name not in LOCATION_FIELDS
        }
    if isinstance(obj, list):
        return [content(x) for x in obj]
    if isinstance(obj, dict):
        return {k: content(v) for k, v in obj.items()}
    return obj


def corpus_files() -> list[Path]:
    """Every Markdown file of the shared corpus (empty when ../shared is absent)."""
    corpus = SHARED / "corpus"
    return sorted(corpus.glob("*/*.md")) if corpus.is_dir() else []


needs_corpus = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(),
    reason="the shared corpus (../shared/corpus beside the checkout) is not present",
)
