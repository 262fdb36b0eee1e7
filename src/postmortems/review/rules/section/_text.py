"""What counts as written content in a section, and where the template's own text sits.

Shared by the section rules and by rules of other families that must not report a fault the
section rules already report (an empty Timeline is ``section.empty``, not also
``timeline.missing``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from postmortems.document.lazyre import lazy
from postmortems.model import SECTIONS, Postmortem, Section

COMMENT = lazy(r"<!--(.*?)-->", re.DOTALL)
_FENCE = lazy(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING_LINE = lazy(r"^\s{0,3}#{1,6}(?:\s|$)")
_TABLE_DELIMITER = lazy(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
# A bare list marker or an unticked task box: what a template leaves for the writer to fill.
_BARE_MARKER = lazy(r"^\s*(?:[-*+]|\d+[.)])(?:\s+\[[ xX]?\])?\s*$")
# "All times in UTC." on its own is scaffolding a template writes above an empty table.
_ZONE_ONLY = lazy(
    r"^\s*[*_]*(?:all\s+)?times?\s+(?:are\s+)?(?:in|shown in|given in)\s+[\w/+:-]+(?:\s+time)?"
    r"[*_.]*\s*$",
    re.IGNORECASE,
)


def front_matter_lines(lines: Sequence[str]) -> int:
    """How many lines at the top of the document the YAML front matter takes (0 if none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def code_lines(lines: Sequence[str]) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (fences included)."""
    inside: set[int] = set()
    fence: str | None = None
    for number, text in enumerate(lines, start=1):
        # A fence line holds three backticks or tildes; most lines have neither.
        match = _FENCE.match(text) if "```" in text or "~~~" in text else None
        if fence is None:
            if match:
                fence = match.group(1)[0] * len(match.group(1))
                inside.add(number)
        else:
            inside.add(number)
            if match and match.group(1).startswith(fence):
                fence = None
    return inside


def strip_comments(text: str) -> str:
    """``text`` with every HTML comment removed."""
    return COMMENT.sub("", text)


def has_content(body: str) -> bool:
    """True when a section body says something once template scaffolding is removed.

    Scaffolding is: HTML comments (the template's guidance), blank lines, nested heading lines,
    bare list markers and unticked task boxes, table header and delimiter rows with no data row
    (or data rows whose cells are all empty), and a lone "All times in UTC." statement.
    """
    text = strip_comments(body)
    lines = [line for line in text.split("\n") if line.strip()]
    rows: list[str] = []
    for index, line in enumerate(lines):
        if _HEADING_LINE.match(line) or _BARE_MARKER.match(line) or _ZONE_ONLY.match(line):
            continue
        if _TABLE_DELIMITER.match(line) and "-" in line:
            continue
        if line.lstrip().startswith("|"):
            is_header = index + 1 < len(lines) and bool(_TABLE_DELIMITER.match(lines[index + 1]))
            if not is_header:
                rows.append(line)
            continue
        return True
    return any(cell.strip() for row in rows for cell in row.strip().strip("|").split("|"))


def has_children(pm: Postmortem, section: Section) -> bool:
    """True when the next section is nested under ``section`` (a deeper heading)."""
    index = next((i for i, s in enumerate(pm.sections) if s is section), -1)
    following = pm.sections[index + 1] if 0 <= index < len(pm.sections) - 1 else None
    return following is not None and following.level > section.level


def is_empty(pm: Postmortem, section: Section) -> bool:
    """True when ``section`` has no content of its own and no nested section under it."""
    return not has_content(section.body) and not has_children(pm, section)


def all_empty(pm: Postmortem, key: str) -> bool:
    """True when the document has sections with ``key`` and every one of them is empty."""
    found = pm.sections_with(key)
    return bool(found) and all(is_empty(pm, s) for s in found)


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", text.lower()).split())


@lru_cache(maxsize=1)
def _guidance() -> tuple[tuple[str, str], ...]:
    return tuple((spec.key, _normalise(spec.guidance)) for spec in SECTIONS)


def guidance_key(comment: str) -> str | None:
    """The section whose template guidance ``comment`` holds (``None`` for other comments).

    Matching allows for re-wrapping and small edits: the comment and the guidance agree on
    their first 60 normalised characters.
    """
    text = _normalise(comment)
    if len(text) < 30:
        return None
    for key, guidance in _guidance():
        head = guidance[:60]
        if text.startswith(head) or guidance.startswith(text[:60]):
            return key
    return None


def section_span_lines(section: Section) -> range:
    """The 1-based lines of the section's body."""
    start = section.body_line or section.line + 1
    return range(start, max(section.end_line, start - 1) + 1)
