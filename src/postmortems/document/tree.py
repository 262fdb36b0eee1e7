"""The Markdown syntax tree the parser reads: CommonMark with GitHub tables, task lists and
strikethrough, built from pulldown-cmark's events (via pyromark), with UTF-8 byte ranges.

Nodes are deliberately small: ``name``, ``meta``, ``srcmap`` (start and end byte) and
``children``. Names follow markdown-it's vocabulary (``paragraph``, ``bullet_list``,
``list_item``, ``tcell``, ``code_inline``, ...), which is what most Python Markdown code knows.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from pyromark import Options

_OPTIONS: Options | None = None

# pulldown-cmark container tags -> node names.
_CONTAINERS: dict[str, str] = {
    "Paragraph": "paragraph",
    "BlockQuote": "blockquote",
    "CodeBlock": "fence",
    "HtmlBlock": "html_block",
    "Item": "list_item",
    "Table": "table",
    "TableHead": "thead",
    "TableRow": "trow",
    "TableCell": "tcell",
    "Emphasis": "em",
    "Strong": "strong",
    "Strikethrough": "strikethrough",
    "Link": "link",
    "Image": "image",
    "Heading": "heading",
    "List": "list",
    "FootnoteDefinition": "footnote",
    "MetadataBlock": "metadata",
    "DefinitionList": "dl",
    "DefinitionListTitle": "dt",
    "DefinitionListDefinition": "dd",
    "Superscript": "sup",
    "Subscript": "sub",
}
_LEAVES: dict[str, str] = {
    "Text": "text",
    "Code": "code_inline",
    "InlineHtml": "html_inline",
    "Html": "html",
    "FootnoteReference": "text",
    "InlineMath": "code_inline",
    "DisplayMath": "code_inline",
}


_NO_META: dict[str, Any] = {}


class Node:
    """One node of the tree. Leaves (text, code, html) carry their text in ``content``."""

    __slots__ = ("children", "content", "meta", "name", "srcmap")

    def __init__(
        self,
        name: str,
        start: int,
        end: int,
        meta: dict[str, Any] | None = None,
        content: str = "",
    ) -> None:
        self.name = name
        self.srcmap = (start, end)
        # Leaves (most nodes) share one empty mapping; only containers are given attributes.
        self.meta: dict[str, Any] = meta if meta is not None else _NO_META
        self.children: list[Node] = []
        self.content = content

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.name!r}, {self.srcmap}, {self.meta!r}, {len(self.children)} children)"


def _options() -> Options:
    global _OPTIONS
    if _OPTIONS is None:
        from pyromark import Options

        _OPTIONS = Options.ENABLE_TABLES | Options.ENABLE_STRIKETHROUGH | Options.ENABLE_TASKLISTS
    return _OPTIONS


def parse_tree(text: str) -> Node:
    """The syntax tree of ``text``; ``srcmap`` holds UTF-8 byte offsets into ``text``."""
    import pyromark

    root = Node("root", 0, len(text.encode("utf-8")), {})
    stack = [root]
    parent = root
    leaves, units = _LEAVES, _UNITS
    kind: str
    value: Any
    # The loop runs once per Markdown event (tens of thousands in a long document): text, the
    # commonest event, is handled first and without building a dict per node.
    for event, span in pyromark.events_with_range(text, options=_options(), merge_text=True):
        if type(event) is dict:
            # pyromark types each event as its own TypedDict; each holds one item, read
            # generically (unpacked in C: the loop runs tens of thousands of times).
            ((kind, value),) = event.items()
            if kind == "Text":
                parent.children.append(Node("text", span["start"], span["end"], None, value))
            elif kind == "Start":
                parent = _open(stack, value, span["start"], span["end"])
            elif kind == "End":
                if len(stack) > 1:
                    stack.pop()
                    parent = stack[-1]
            elif kind == "TaskListMarker":
                parent.meta["checked"] = bool(value)
            else:
                name = leaves.get(kind) or "text"
                if name == "html" and parent.name != "html_block":
                    name = "html_inline"
                parent.children.append(Node(name, span["start"], span["end"], None, str(value)))
        else:  # unit events: "SoftBreak", "HardBreak", "Rule"
            name = units.get(str(event), "softbreak")
            parent.children.append(Node(name, span["start"], span["end"]))
    return root


_UNITS = {"SoftBreak": "softbreak", "HardBreak": "hardbreak", "Rule": "hr"}


def _open(stack: list[Node], value: Any, start: int, end: int) -> Node:
    tag: str
    attrs: Any
    if isinstance(value, dict):
        ((tag, attrs),) = value.items()
    else:
        tag, attrs = str(value), None
    name = _CONTAINERS.get(tag) or tag.lower()
    meta: dict[str, Any] = {}
    if tag == "Heading":
        meta["level"] = int(str(attrs["level"])[1:])
    elif tag == "List":
        name = "bullet_list" if attrs is None else "ordered_list"
    elif tag in ("Link", "Image"):
        meta["url"] = attrs["dest_url"]
    node = Node(name, start, end, meta)
    stack[-1].children.append(node)
    stack.append(node)
    return node
