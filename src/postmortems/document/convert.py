"""Turn a free-form postmortem into a canonical one.

Metadata found in the text ("**Date**: ...", a "Stats" list) and the title heading move to the
front matter; a custom section left empty by the move is dropped; a timeline or action-item list
or table is rewritten as the canonical table when every entry was read completely, and left as
written otherwise (nothing is ever dropped to make a document look canonical).
"""

from __future__ import annotations

import copy

from postmortems.document.blocks import Block
from postmortems.document.parse import parse_blocks
from postmortems.document.structure import markdown_lines
from postmortems.document.tables import action_items_body, timeline_section_body
from postmortems.document.timeline import _columns as timeline_columns
from postmortems.document.writer import render
from postmortems.document.zones import resolve_zone, zone_statement
from postmortems.model import Postmortem

_TIMELINE_ROLES = {"time", "date", "event", "actor", "source", "marker"}


def convert(pm: Postmortem) -> str:
    """The canonical Markdown text for ``pm`` (parsed from a free-form document)."""
    lines = markdown_lines(pm.source, keepends=True)
    drop: set[int] = set()
    for key, origin in pm.meta.origin.items():
        if origin == "text" and key in pm.meta.lines:
            drop.add(pm.meta.lines[key] - 1)
    if pm.title_heading and pm.meta.origin.get("title") == "heading":
        first = pm.meta.lines.get("title", 1) - 1
        drop.update(range(first, first + pm.title_heading.count("\n") + 1))
    text = "".join(line for index, line in enumerate(lines) if index not in drop)
    result, per_section, _ = parse_blocks(text, pm.path)
    result.meta = copy.deepcopy(pm.meta)
    result.meta.origin = {
        k: ("front-matter" if v in ("text", "heading") else v) for k, v in pm.meta.origin.items()
    }
    result.title_heading = ""
    kept = []
    for section, blocks in zip(result.sections, per_section, strict=True):
        if section.key is None and not section.body.strip():
            continue
        if section.key == "timeline" and _timeline_convertible(result, section.line, blocks):
            events = [e for e in result.timeline if section.line < e.line <= section.end_line]
            zone = next((e.zone for e in events if e.zone and resolve_zone(e.zone)), "UTC")
            section.body = timeline_section_body(events, zone)
        elif section.key == "action_items" and _actions_convertible(blocks):
            items = [a for a in result.action_items if section.line < a.line <= section.end_line]
            section.body = action_items_body(items)
        kept.append(section)
    result.sections = kept
    return render(result)


def _timeline_convertible(pm: Postmortem, line: int, blocks: list[Block]) -> bool:
    entries = [b for b in blocks if b.kind in ("row", "item")]
    if not entries:
        return False
    for block in blocks:
        if block.kind == "paragraph" and not zone_statement(block.text):
            return False
        if block.kind == "heading":
            return False
        if block.kind == "header" and set(timeline_columns(block.cells)) - _TIMELINE_ROLES:
            return False
        if block.kind == "header" and len(timeline_columns(block.cells)) < len(block.cells):
            return False
    if len({b.depth for b in entries if b.kind == "item"}) > 1:
        return False
    events = [e for e in pm.timeline if e.line in {b.line for b in entries}]
    return len(events) == len(entries) and all(e.time is not None for e in events)


def _actions_convertible(blocks: list[Block]) -> bool:
    entries = [b for b in blocks if b.kind in ("row", "item")]
    if not entries or any(b.kind in ("paragraph", "heading") for b in blocks):
        return False
    return len({b.depth for b in entries if b.kind == "item"}) <= 1 and all(
        b.text.strip() for b in entries
    )
