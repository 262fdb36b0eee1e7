"""From Markdown to sections: headings (ATX, setext and bold pseudo-headings) and their bodies.

A heading whose title names a canonical section always starts a section. A heading that names no
canonical section starts a custom section when it is at the level of the current section or
above, and stays inside the current section's body when it is deeper (a "### Immediate actions"
under "## Remediation" belongs to the remediation).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from postmortems.document.lazyre import lazy
from postmortems.model import Section, section_key
from postmortems.model.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.document.tree import Node


_PSEUDO = lazy(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]{2,80}?)(?::\s*)?(?:\*\*|__)\s*:?\s*$")
# "**Summary**: Search was down for 66 minutes." (the Google SRE template's opening lines).
_LABEL = lazy(
    r"^(?P<label>\s*(?:\*\*|__)(?P<title>[^*_\n]{2,40}?)(?::\s*)?(?:\*\*|__)\s*:?[ \t]*)(?=\S)"
)


class Heading(Record):
    """A heading found in the body (0-based line indexes relative to the whole document)."""

    __slots__ = ("end", "label", "level", "pseudo", "start", "title")

    title: str
    level: int
    start: int
    end: int
    pseudo: bool
    #: For a label heading ("**Impact**: ..."), the length of the label on its line.
    label: int

    def __init__(
        self,
        title: str,
        level: int,
        start: int,
        end: int,
        pseudo: bool = False,
        label: int = 0,
    ) -> None:
        self.title = title
        self.level = level
        self.start = start
        self.end = end
        self.pseudo = pseudo
        self.label = label


def markdown_lines(text: str, keepends: bool = False) -> list[str]:
    """``text``'s lines as Markdown (and the parser's byte offsets) count them: a line ends at
    ``\n`` only (``\r\n`` and ``\r`` are made ``\n`` before parsing). ``str.splitlines`` also
    breaks at form feeds, U+0085, U+2028 and the ASCII separators, which Markdown keeps inside a
    line: a heading ``# a\x1cb`` would be cut in two."""
    parts = text.split("\n")
    if not keepends:
        return parts[:-1] if parts[-1] == "" else parts
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


class LineMap:
    """Byte offsets of the parsed text (what the Markdown tree reports) to document lines."""

    __slots__ = ("offset", "starts")

    def __init__(self, data: bytes, offset: int) -> None:
        starts = [0]
        find = data.find
        index = find(b"\n")
        while index != -1:
            starts.append(index + 1)
            index = find(b"\n", index + 1)
        self.starts = starts
        self.offset = offset

    def line(self, byte: int) -> int:
        """The 0-based document line holding ``byte``."""
        return bisect_right(self.starts, byte) - 1 + self.offset

    def span(self, srcmap: tuple[int, int]) -> tuple[int, int]:
        """[start, end) document lines of a node's byte span."""
        start, end = srcmap
        return self.line(start), self.line(max(start, end - 1)) + 1


def find_headings(root: Node, lines: list[str], where: LineMap) -> list[Heading]:
    """Every top-level heading, plus bold pseudo-headings that name a canonical section."""
    from postmortems.document.blocks import plain

    headings: list[Heading] = []
    last_level = 1
    real = 0
    for node in root.children:
        name = node.name
        if name == "heading":
            start, end = where.span(node.srcmap)
            level = int(node.meta["level"])
            headings.append(Heading(plain(node)[0].strip(), level, start, end))
            last_level = level
            if not (real == 0 and level == 1 and len(headings) == 1):
                real += 1  # a heading other than the document's title
        elif name == "paragraph":
            start = where.line(node.srcmap[0])
            first = lines[start].rstrip("\n") if start < len(lines) else ""
            match = _PSEUDO.match(first)
            if match and section_key(match.group("title")) is not None:
                title = match.group("title").strip().rstrip(":").strip()
                headings.append(Heading(title, last_level + 1, start, start + 1, pseudo=True))
                continue
            label = _LABEL.match(first)
            # Labels open sections only at the top of a document, before any real section
            # heading: further down, "**Impact:** 38% of requests" is a line inside a section.
            if label and real == 0 and section_key(label.group("title")) is not None:
                title = label.group("title").strip().rstrip(":").strip()
                headings.append(
                    Heading(title, 2, start, start, pseudo=True, label=len(label.group("label")))
                )
    return headings


def build_sections(
    lines: list[str], headings: list[Heading], body_start: int
) -> tuple[Heading | None, list[tuple[Heading, int]]]:
    """Choose the title heading and the headings that start sections.

    Returns the title heading (the first heading, when it is a level-1 heading naming no
    canonical section) and the section-starting headings with the index where each section ends.
    """
    title: Heading | None = None
    first = headings[0] if headings else None
    if (
        first is not None
        and first.level == 1
        and not first.pseudo
        and section_key(first.title) is None
        and _only_blank(lines, body_start, first.start)
    ):
        title = first
    starts: list[Heading] = []
    current: Heading | None = None
    for heading in headings:
        if heading is title:
            continue
        key = section_key(heading.title)
        if key is None and current is not None and heading.level > current.level:
            continue
        starts.append(heading)
        current = heading
    bounds = [
        (h, starts[i + 1].start if i + 1 < len(starts) else len(lines))
        for i, h in enumerate(starts)
    ]
    return title, bounds


def _only_blank(lines: list[str], start: int, end: int) -> bool:
    """True when lines[start:end] hold nothing but blank lines and HTML comments."""
    text = "".join(lines[start:end])
    return not re.sub(r"<!--.*?-->", "", text, flags=re.S).strip()


def trim_blank(lines: list[str], start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to exclude leading and trailing blank lines."""
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return start, end


def make_section(lines: list[str], heading: Heading, end: int) -> Section:
    """A :class:`Section` for ``heading`` whose text runs to line index ``end``."""
    body_start, body_end = trim_blank(lines, heading.end, end)
    body = "".join(lines[body_start:body_end]).rstrip("\r\n")
    raw_heading = "".join(lines[heading.start : heading.end]).rstrip("\r\n")
    if heading.label:
        # The body starts on the label's own line, after the label.
        raw_heading = lines[heading.start][: heading.label].rstrip()
        body_start = heading.start
        body = (
            lines[heading.start][heading.label :] + "".join(lines[heading.start + 1 : body_end])
        ).rstrip("\r\n")
    return Section(
        title=heading.title,
        key=section_key(heading.title),
        body=body,
        level=heading.level,
        line=heading.start + 1,
        end_line=max(body_end, heading.end),
        heading=raw_heading,
        body_line=body_start + 1 if body else heading.start + 1,
    )


_COMMENT = lazy(r"<!--.*?-->", re.S)


def strip_comments(text: str) -> str:
    """``text`` without HTML comments (template guidance)."""
    return _COMMENT.sub("", text)
