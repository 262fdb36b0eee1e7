"""Round trips: canonical documents render byte for byte; any document re-parses the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortems.document import parse_file, parse_text, render
from postmortems.document.convert import convert
from support import FIXTURES, GOLDEN, ROOT, content

CANONICAL = sorted((FIXTURES / "documents" / "canonical").glob("*.md")) + sorted(
    (ROOT / "examples").glob("*-*.md")
)
FREEFORM = sorted((FIXTURES / "documents" / "freeform").glob("*.md"))


@pytest.mark.parametrize("path", CANONICAL, ids=lambda p: p.name)
def test_canonical_documents_render_byte_identical(path):
    text = path.read_text(encoding="utf-8")
    assert render(parse_text(text, path=str(path))) == text


@pytest.mark.parametrize("path", CANONICAL + FREEFORM, ids=lambda p: p.name)
def test_reparse_of_render_equals_parse(path):
    pm = parse_file(path)
    assert content(parse_text(render(pm), path=str(path))) == content(pm)


@pytest.mark.parametrize("path", FREEFORM, ids=lambda p: p.name)
def test_convert_matches_golden(path, update_golden):
    golden = GOLDEN / "convert" / path.name
    converted = convert(parse_file(path))
    if update_golden:
        golden.write_text(converted, encoding="utf-8")
    assert converted == golden.read_text(encoding="utf-8")
    # A converted document is canonical, and converting it again changes nothing.
    assert render(parse_text(converted)) == converted
    assert convert(parse_text(converted, path=str(path))) == converted


@pytest.mark.parametrize("path", FREEFORM, ids=lambda p: p.name)
def test_convert_keeps_the_content(path):
    before = parse_file(path)
    after = parse_text(convert(before), path=str(path))
    assert after.meta.title == before.meta.title
    assert after.meta.origin.get("title") == "front-matter"
    assert [e.utc() for e in after.timeline] == [e.utc() for e in before.timeline]
    assert [(a.text, a.owner, a.due) for a in after.action_items] == [
        (a.text, a.owner, a.due) for a in before.action_items
    ]
    assert [s.key for s in after.sections if s.key] == [s.key for s in before.sections if s.key]


def test_fmt_is_idempotent_on_freeform(tmp_path: Path):
    for path in FREEFORM:
        once = render(parse_file(path))
        assert render(parse_text(once)) == once
