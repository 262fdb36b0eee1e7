"""The blocks of a section that the structured views are read from: paragraphs, list items,
table rows and nested headings, each with its line and plain text."""

from __future__ import annotations

from collections.abc import Sequence

from postmortems.document.lazyre import lazy
from postmortems.model.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Protocol

    from postmortems.document.structure import LineMap
    from postmortems.document.tree import Node


class Block(Record):
    """One block. ``kind`` is ``paragraph``, ``item``, ``row``, ``header``, ``heading``.

    ``text`` is plain text (Markdown emphasis and link syntax removed, soft breaks kept as
    newlines), ``raw`` the Markdown source of the inline content, ``line`` 1-based. Table rows
    carry ``cells`` (plain) and ``raw_cells``; list items carry ``depth``, ``checked``
    (``True``/``False`` for task-list boxes, else ``None``) and ``ordered``.
    """

    __slots__ = (
        "cells",
        "checked",
        "depth",
        "kind",
        "level",
        "line",
        "links",
        "ordered",
        "raw",
        "raw_cells",
        "table",
        "text",
    )

    kind: str
    line: int
    text: str
    raw: str
    cells: list[str]
    raw_cells: list[str]
    links: list[tuple[str, str]]
    depth: int
    checked: bool | None
    ordered: bool
    table: int
    level: int

    def __init__(
        self,
        kind: str,
        line: int,
        text: str = "",
        raw: str = "",
        cells: list[str] | None = None,
        raw_cells: list[str] | None = None,
        links: list[tuple[str, str]] | None = None,
        depth: int = 0,
        checked: bool | None = None,
        ordered: bool = False,
        table: int = -1,
        level: int = 0,
    ) -> None:
        self.kind = kind
        self.line = line
        self.text = text
        self.raw = raw
        self.cells = [] if cells is None else cells
        self.raw_cells = [] if raw_cells is None else raw_cells
        self.links = [] if links is None else links
        self.depth = depth
        self.checked = checked
        self.ordered = ordered
        self.table = table
        self.level = level


_TASK = lazy(r"^\[([ xX])\]\s+")
_BREAKS = frozenset({"softbreak", "hardbreak"})
_LISTS = frozenset({"bullet_list", "ordered_list"})
_CONTAINERS = frozenset({"blockquote"})


def plain(node: HasChildren) -> tuple[str, list[tuple[str, str]]]:
    """Plain text of a node's inline content and the links in it as (text, href)."""
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    _plain(node, parts, links)
    return "".join(parts), links


def _plain(node: HasChildren, parts: list[str], links: list[tuple[str, str]]) -> None:
    for child in node.children:
        name = child.name
        if name == "text" or name == "code_inline":
            parts.append(child.content)
        elif name in _BREAKS:
            parts.append("\n")
        elif name == "link":
            start = len(parts)
            _plain(child, parts, links)
            links.append(("".join(parts[start:]), str(child.meta.get("url", ""))))
        elif name == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append("\n")
        else:  # strong, em, strikethrough, image: their text counts
            _plain(child, parts, links)


class _Collector:
    """Walks the Markdown tree and flattens it into blocks, in document order."""

    def __init__(self, data: bytes, where: LineMap) -> None:
        self.data = data
        self.where = where
        self.blocks: list[Block] = []
        self.table = -1

    def raw(self, node: Node) -> str:
        start, end = node.srcmap
        return self.data[start:end].decode("utf-8", "replace")

    def line(self, node: Node) -> int:
        return self.where.line(node.srcmap[0]) + 1

    def walk(self, nodes: Sequence[Node], depth: int, ordered: bool) -> None:
        for node in nodes:
            name = node.name
            if name == "paragraph":
                text, links = plain(node)
                self.blocks.append(
                    Block(
                        "paragraph", self.line(node), text, self.raw(node), links=links, depth=depth
                    )
                )
            elif name in _LISTS:
                self.walk(node.children, depth + 1, name == "ordered_list")
            elif name == "list_item":
                self.item(node, depth, ordered)
            elif name == "heading":
                text, links = plain(node)
                self.blocks.append(
                    Block(
                        "heading",
                        self.line(node),
                        text,
                        self.raw(node),
                        links=links,
                        level=int(node.meta["level"]),
                    )
                )
            elif name == "table":
                self.rows(node)
            elif name in _CONTAINERS:
                self.walk(node.children, depth, ordered)

    def item(self, node: Node, depth: int, ordered: bool) -> None:
        item = Block("item", self.line(node), depth=depth, ordered=ordered)
        checked = node.meta.get("checked")
        item.checked = None if checked is None else bool(checked)
        self.blocks.append(item)
        inline: list[Node] = []
        rest: list[Node] = []
        for child in node.children:
            if child.name == "paragraph" and not item.raw and not inline:
                item.text, item.links = plain(child)
                item.raw = self.raw(child)
            elif child.name in _BLOCK_NAMES or item.raw:
                rest.append(child)
            else:
                inline.append(child)  # a tight list item holds its inline nodes directly
        if inline:
            item.text, item.links = plain(_Holder(inline))
            start, end = inline[0].srcmap[0], inline[-1].srcmap[1]
            item.raw = self.data[start:end].decode("utf-8", "replace")
        if item.checked is None:
            match = _TASK.match(item.text)
            if match:  # "[ ]" that the Markdown parser did not read as a task box
                item.checked = match.group(1) != " "
                item.text = item.text[match.end() :]
        self.walk(rest, depth, ordered)

    def rows(self, table: Node) -> None:
        self.table += 1
        for part in table.children:
            # The header holds its cells directly; body rows follow it as siblings.
            kind = "header" if part.name == "thead" else "row"
            block = Block(kind, self.line(part), table=self.table)
            for cell in part.children:
                text, links = plain(cell)
                block.cells.append(text.strip())
                block.raw_cells.append(self.raw(cell).strip())
                block.links.extend(links)
            block.text = " | ".join(block.cells)
            self.blocks.append(block)


class _Holder:
    """Lets :func:`_plain` read a list of sibling inline nodes as if they had one parent."""

    __slots__ = ("children",)

    def __init__(self, children: Sequence[Node]) -> None:
        self.children = children


if TYPE_CHECKING:  # a protocol is only for the type checker

    class HasChildren(Protocol):
        """A tree node, or anything holding inline nodes."""

        @property
        def children(self) -> Sequence[Node]: ...


_BLOCK_NAMES = frozenset(
    {
        "paragraph",
        "bullet_list",
        "ordered_list",
        "table",
        "heading",
        "lheading",
        "blockquote",
        "fence",
        "code_block",
        "html_block",
        "hr",
    }
)


def collect(root: Node, data: bytes, where: LineMap) -> list[Block]:
    """Flatten the Markdown tree of ``data`` into blocks, in document order."""
    collector = _Collector(data, where)
    collector.walk(root.children, 0, False)
    return collector.blocks


_URL = lazy(r"https?://[^\s)>\]|]+")


def urls(block: Block) -> list[str]:
    """Every URL in a block: link targets first, then bare URLs in the text."""
    found = [href for _, href in block.links if href.startswith(("http://", "https://"))]
    for url in _URL.findall(block.text):
        if url not in found:
            found.append(url.rstrip(".,;"))
    return found
