"""Lists of prose items: contributing factors, root causes, lessons, what went well or poorly."""

from __future__ import annotations

from postmortems.document.blocks import Block
from postmortems.model import Item


def read_items(blocks: list[Block]) -> list[Item]:
    """The top-level list items of a section; a section without a list gives its paragraphs.

    Table rows count as items too (their cells joined), so a factors table is read as well.
    """
    listed = [b for b in blocks if b.kind in ("item", "row") and b.text.strip()]
    if listed:
        depth = min((b.depth for b in listed if b.kind == "item"), default=0)
        return [
            Item(" ".join(b.text.split()), b.line)
            for b in listed
            if b.kind == "row" or b.depth == depth
        ]
    return [
        Item(" ".join(b.text.split()), b.line)
        for b in blocks
        if b.kind == "paragraph" and b.text.strip() and b.depth == 0
    ]
