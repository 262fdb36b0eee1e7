"""The blocks of a section that the structured views are read from: paragraphs, list items,
table rows and nested headings, each with its line and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(slots=True)
class Block:
    """One block. ``kind`` is ``paragraph``, ``item``, ``row``, ``header``, ``heading``.

    ``text`` is plain text (Markdown emphasis and link syntax removed, soft breaks kept as
    newlines), ``raw`` the Markdown source of the inline content, ``line`` 1-based. Table rows
    carry ``cells`` (plain) and ``raw_cells``; list items carry ``depth``, ``checked``
    (``True``/``False`` for task-list boxes, else ``None``) and ``ordered``.
    """

    kind: str
    line: int
    text: str = ""
    raw: str = ""
    cells: list[str] = field(default_factory=list)
    raw_cells: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    depth: int = 0
    checked: bool | None = None
    ordered: bool = False
    table: int = -1
    level: int = 0


_TASK = re.compile(r"^\[([ xX])\]\s+")


def plain(inline: Token) -> tuple[str, list[tuple[str, str]]]:
    """Plain text of an inline token and the links in it as (text, href)."""
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    href: str | None = None
    link_start = 0
    for child in inline.children or ():
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            link_start = len(parts)
        elif kind == "link_close" and href is not None:
            links.append(("".join(parts[link_start:]), href))
            href = None
        elif kind == "image":
            parts.append(child.content)
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    text = "".join(parts)
    # Autolinks <https://...> arrive as link tokens; bare URLs stay text and are found later.
    return text, links


def collect(tokens: list[Token], offset: int) -> list[Block]:
    """Flatten the token stream into blocks, in document order."""
    blocks: list[Block] = []
    depth = 0
    ordered_stack: list[bool] = []
    item_stack: list[Block | None] = []
    table_index = -1
    in_header = False
    row: Block | None = None
    heading_level = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            ordered_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            ordered_stack.pop()
        elif kind == "list_item_open":
            line = (token.map[0] if token.map else 0) + offset + 1
            item_stack.append(Block("item", line, depth=depth, ordered=ordered_stack[-1]))
        elif kind == "list_item_close":
            item = item_stack.pop() if item_stack else None
            if item is not None and not item.raw:
                blocks.append(item)  # an empty item ("- " in a template) still counts
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "inline":
            text, links = plain(token)
            parent = tokens[index - 1] if index else None
            line = offset + 1 + (token.map[0] if token.map else 0)
            if parent is not None and parent.type == "heading_open":
                blocks.append(
                    Block("heading", line, text, token.content, links=links, level=heading_level)
                )
            elif parent is not None and parent.type in ("th_open", "td_open"):
                if row is not None:
                    row.cells.append(text.strip())
                    row.raw_cells.append(token.content.strip())
                    row.links.extend(links)
            elif item_stack and item_stack[-1] is not None and not item_stack[-1].raw:
                item = item_stack[-1]
                match = _TASK.match(text)
                if match:
                    item.checked = match.group(1) != " "
                    text = text[match.end() :]
                item.text, item.raw, item.links, item.line = text, token.content, links, line
                blocks.append(item)
            elif item_stack and item_stack[-1] is not None:
                # A later paragraph of the same list item: its own block at the item's depth.
                blocks.append(
                    Block("paragraph", line, text, token.content, links=links, depth=depth)
                )
            else:
                blocks.append(Block("paragraph", line, text, token.content, links=links))
        elif kind == "table_open":
            table_index += 1
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            line = offset + 1 + (token.map[0] if token.map else 0)
            row = Block("header" if in_header else "row", line, table=table_index)
        elif kind == "tr_close" and row is not None:
            row.text = " | ".join(row.cells)
            blocks.append(row)
            row = None
    return blocks


_URL = re.compile(r"https?://[^\s)>\]|]+")


def urls(block: Block) -> list[str]:
    """Every URL in a block: link targets first, then bare URLs in the text."""
    found = [href for _, href in block.links if href.startswith(("http://", "https://"))]
    for url in _URL.findall(block.text):
        if url not in found:
            found.append(url.rstrip(".,;"))
    return found
