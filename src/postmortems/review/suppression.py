"""Inline suppression comments.

Two forms, written as HTML comments so they never show in rendered Markdown:

``<!-- postmortems: ignore RULE[, RULE...] -->``
    Drops the findings of those rules (ids or families; none = every rule) in one **block**:

    * when the comment stands alone on its line(s), the block is the next Markdown block after
      it: the first non-blank construct that follows, taken whole: a paragraph, a heading, one
      list item (with anything nested in it), a whole table (a comment cannot sit between
      rows), a block quote, a fenced or indented code block. Other suppression comments
      in between are skipped, so several can be stacked above one block.
    * when the comment shares its line with text (``| 14:02 | ... | <!-- postmortems: ignore
      blame -->``), the block is that line: the way to silence one table row or one line of a
      paragraph.

``<!-- postmortems: disable RULE[, RULE...] -->`` ... ``<!-- postmortems: enable RULE... -->``
    Drops findings of those rules from the line of ``disable`` up to the line of the matching
    ``enable`` (or the end of the document). Without ids, ``disable`` turns off every rule and
    ``enable`` turns every rule back on. Ranges nest the obvious way: for each finding, the last
    ``disable``/``enable`` above it that names its rule (by id, family or no id) decides.

Rule lists are separated by commas and/or spaces. A finding is matched by the line it starts
on. Comments inside fenced code blocks or code spans are examples, not directives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from postmortems.document.lazyre import lazy
from postmortems.model.record import Record
from postmortems.review.context import SourceIndex, Span
from postmortems.review.finding import Finding

ACTIONS = ("ignore", "disable", "enable")
_COMMENT = lazy(r"<!--\s*postmortems\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_MARKER = "postmortems"


class Directive(Record):
    """One suppression comment: its action, the rule selectors it names and where it is."""

    __slots__ = ("action", "error", "selectors", "span", "standalone")

    action: str
    selectors: tuple[str, ...]
    span: Span
    standalone: bool
    #: Why the comment could not be understood ('' when it is valid).
    error: str

    def __init__(
        self,
        action: str,
        selectors: tuple[str, ...],
        span: Span,
        standalone: bool,
        error: str = "",
    ) -> None:
        self.action = action
        self.selectors = selectors
        self.span = span
        self.standalone = standalone
        self.error = error

    def matches(self, rule_id: str) -> bool:
        """True when this directive names ``rule_id`` (no selectors names every rule)."""
        if not self.selectors:
            return True
        family = rule_id.partition(".")[0]
        return any(s in (rule_id, family, "ALL") for s in self.selectors)


def parse_directives(index: SourceIndex) -> list[Directive]:
    """Every ``<!-- postmortems: ... -->`` comment in the document, in order."""
    text = index.text
    # Cheap tests first: no comment, or no "postmortems" in any case. The marker is looked for
    # in the UTF-8 bytes lower-cased (ASCII only): no other character lower-cases to one of
    # its letters, and folding a whole long document with str.lower() costs more than the rest.
    if "<!--" not in text:
        return []
    if (
        _MARKER not in text
        and _MARKER.encode() not in text.encode("utf-8", "surrogatepass").lower()
    ):
        return []
    out: list[Directive] = []
    fenced = _fenced_lines(index.lines) if ("```" in text or "~~~" in text) else set()
    for match in _COMMENT.finditer(text):
        span = index.span(match.start(), match.end())
        first = index.line_text(span.line)[: span.column - 1]
        if span.line in fenced or first.count("`") % 2:
            continue  # an example in a code block or code span, not a directive
        last = index.line_text(span.end_line)[span.end_column - 1 :]
        standalone = not first.strip() and not last.strip()
        words = match.group("body").replace(",", " ").split()
        action = words[0].lower() if words else ""
        selectors = tuple(w.rstrip(".") for w in words[1:])
        error = ""
        if action not in ACTIONS:
            error = f"unknown action {action!r} (use ignore, disable or enable)"
        out.append(Directive(action, selectors, span, standalone, error))
    return out


_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})")


def _fenced_lines(lines: Sequence[str]) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (fences included)."""
    inside: set[int] = set()
    opener = ""
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if opener:
            inside.add(number)
            fence = match.group(1) if match else ""
            rest = line[match.end() :] if match else "x"
            if fence[:1] == opener[0] and len(fence) >= len(opener) and not rest.strip():
                opener = ""
        elif match:
            opener = match.group(1)
            inside.add(number)
    return inside


class Suppressions:
    """Decides, for each finding, whether a comment suppresses it."""

    def __init__(self, directives: Sequence[Directive], index: SourceIndex) -> None:
        valid = [d for d in directives if not d.error]
        self._ranges: list[tuple[int, int, Directive]] = []
        blocks = None
        for directive in valid:
            if directive.action != "ignore":
                continue
            if not directive.standalone:
                self._ranges.append((directive.span.line, directive.span.end_line, directive))
                continue
            if blocks is None:
                blocks = _blocks(index.text)
            block = _next_block(blocks, directive.span.end_line, valid)
            if block:
                self._ranges.append((block[0], block[1], directive))
        self._switches = [d for d in valid if d.action in ("disable", "enable")]

    def __bool__(self) -> bool:
        return bool(self._ranges or self._switches)

    def suppressed(self, finding: Finding) -> bool:
        """True when a comment silences ``finding``."""
        line = finding.line
        for start, end, directive in self._ranges:
            if start <= line <= end and directive.matches(finding.rule):
                return True
        state = None
        for directive in self._switches:
            if directive.span.line > line:
                break
            if directive.matches(finding.rule):
                state = directive.action
        return state == "disable"


_BLOCKS = frozenset(
    {"paragraph", "heading", "list_item", "table", "blockquote", "fence", "html_block", "hr"}
)


def _blocks(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, kind) of every block, outermost first, in document order."""
    import bisect

    from postmortems.document.tree import Node, parse_tree

    data = text.encode("utf-8")
    newlines = []
    at = data.find(b"\n")
    while at >= 0:
        newlines.append(at)
        at = data.find(b"\n", at + 1)

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    out: list[tuple[int, int, str]] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if child.name in _BLOCKS:
                start, end = child.srcmap
                out.append((line_of(start), line_of(max(end - 1, start)), child.name))
            if child.name in _BLOCKS or child.name in ("bullet_list", "ordered_list", "root"):
                walk(child)

    walk(parse_tree(text))
    return out


def _next_block(
    blocks: list[tuple[int, int, str]], after: int, directives: Sequence[Directive]
) -> tuple[int, int] | None:
    comment_lines = {
        n for d in directives if d.standalone for n in range(d.span.line, d.span.end_line + 1)
    }
    for start, end, kind in blocks:
        if start <= after:
            continue
        if kind == "html_block" and all(n in comment_lines for n in range(start, end + 1)):
            continue
        # Blocks come outermost first, so this is the list item, table or quote, not the
        # paragraph inside it.
        return start, end
    return None
