"""Parse a Markdown postmortem, canonical or free-form, into a :class:`Postmortem`."""

from __future__ import annotations

import datetime as dt
import os
import re

from postmortems.document import frontmatter
from postmortems.document.actions import read_actions
from postmortems.document.blocks import Block, collect
from postmortems.document.impact import read_impact
from postmortems.document.items import read_items
from postmortems.document.lazyre import lazy
from postmortems.document.metadata import apply_metadata, find_metadata
from postmortems.document.structure import (
    Heading,
    LineMap,
    build_sections,
    find_headings,
    make_section,
    markdown_lines,
)
from postmortems.document.timeline import Context, read_timeline
from postmortems.document.times import find_date, find_year
from postmortems.document.tree import parse_tree
from postmortems.document.zones import zone_statement
from postmortems.errors import InputError
from postmortems.model import Meta, Person, Postmortem, Problem, Section

_FILE_DATE = lazy(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def parse_file(path: str | os.PathLike[str]) -> Postmortem:
    """Read and parse the document at ``path``.

    Raises:
        InputError: the file cannot be read, is binary, is not UTF-8 or has malformed front
            matter. The message names the path and line.
    """
    name = os.fspath(path)
    try:
        data = _read_bytes(name)
    except IsADirectoryError:
        raise InputError("is a directory, not a Markdown file", path=name) from None
    except FileNotFoundError:
        raise InputError("no such file", path=name, hint="check the path") from None
    except PermissionError:
        raise InputError(
            "permission denied", path=name, hint="check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=name) from None
    return parse_text(decode(data, name), path=name)


def _read_bytes(name: str) -> bytes:
    # open() rather than pathlib: importing pathlib costs a lint ~4 ms of start-up.
    with open(name, "rb") as handle:
        return handle.read()


def decode(data: bytes, path: str | None) -> str:
    """UTF-8 text of a document; binary and mis-encoded files are errors with a line number."""
    if b"\x00" in data[:8192]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(
            "binary file, not a Markdown document",
            path=path,
            line=line,
            hint="pass Markdown (.md) files only",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            line=line,
            hint="re-save the file as UTF-8",
        ) from None


def parse_text(text: str, path: str | None = None) -> Postmortem:
    """Parse ``text``; ``path`` is used in messages and to date a document named by date."""
    return parse_blocks(text, path)[0]


def parse_blocks(
    text: str, path: str | None = None
) -> tuple[Postmortem, list[list[Block]], list[Block]]:
    """Parse ``text`` and also return the blocks of each section and of the preamble."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = markdown_lines(text, keepends=True)
    problems: list[Problem] = []
    yaml_text, body_start = frontmatter.split(lines, path)
    meta = Meta()
    if yaml_text is not None:
        data = frontmatter.load(yaml_text, path)
        meta = frontmatter.to_meta(data, frontmatter.key_lines(yaml_text), problems)
    body = "".join(lines[body_start:])
    body_bytes = body.encode("utf-8")  # the tree reports byte offsets
    root = parse_tree(body)
    where = LineMap(body_bytes, body_start)
    headings = find_headings(root, lines, where)
    title, bounds = build_sections(lines, headings, body_start)
    sections = [make_section(lines, heading, end) for heading, end in bounds]
    blocks = collect(root, body_bytes, where)
    per_section, preamble_blocks = _distribute(blocks, bounds, title)

    pm = Postmortem(meta=meta, sections=sections, problems=problems, path=path, source=text)
    pm.has_front_matter = yaml_text is not None
    pre_end = bounds[0][0].start if bounds else len(lines)
    kept = [
        (index, line)
        for index, line in enumerate(lines[body_start:pre_end], body_start)
        if not (title and title.start <= index < title.end)
    ]
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    start = kept[0][0] if kept else 0
    pm.preamble = re.sub(r"\n{3,}", "\n\n", "".join(line for _, line in kept)).rstrip("\n")
    pm.preamble_line = start + 1 if pm.preamble else 0
    if title is not None:
        pm.title_heading = "".join(lines[title.start : title.end]).rstrip("\n")
        if meta.title is None:
            meta.title = title.title
            meta.lines.setdefault("title", title.start + 1)
            meta.origin.setdefault("title", "heading")

    _read_views(pm, per_section, preamble_blocks)
    pm.problems.sort(key=lambda p: p.line)
    return pm, per_section, preamble_blocks


def _distribute(
    blocks: list[Block], bounds: list[tuple[Heading, int]], title: Heading | None
) -> tuple[list[list[Block]], list[Block]]:
    """Assign blocks to the sections whose lines hold them; the rest form the preamble."""
    per_section: list[list[Block]] = [[] for _ in bounds]
    preamble: list[Block] = []
    starts = [(h.start, h.end, end) for h, end in bounds]
    index = 0
    for block in blocks:
        row = block.line - 1
        while index < len(starts) and row >= starts[index][2]:
            index += 1
        if index < len(starts) and starts[index][0] <= row:
            start, head_end, _ = starts[index]
            heading = bounds[index][0]
            if heading.label and row == start:
                # "**Impact**: 1.2B queries lost": the label is the heading, the rest the body.
                text = re.sub(rf"^\s*{re.escape(heading.title)}\s*:?\s*", "", block.text)
                block = Block(
                    block.kind,
                    block.line,
                    text,
                    block.raw,
                    links=block.links,
                    depth=block.depth,
                    checked=block.checked,
                )
            if row < head_end:
                # The paragraph of a bold pseudo-heading: drop its first line, keep the rest.
                if block.kind == "paragraph" and "\n" in block.text:
                    rest = block.text.split("\n", 1)[1]
                    per_section[index].append(
                        Block("paragraph", block.line + 1, rest, block.raw, links=block.links)
                    )
                continue
            per_section[index].append(block)
        elif title is None or row >= title.end or row < title.start:
            preamble.append(block)
    return per_section, preamble


def _read_views(pm: Postmortem, per_section: list[list[Block]], preamble: list[Block]) -> None:
    meta = pm.meta
    by_key: dict[str, list[list[Block]]] = {}
    for section, blocks in zip(pm.sections, per_section, strict=True):
        by_key.setdefault(section.key or "", []).append(blocks)

    def of(key: str) -> list[Block]:
        return [b for blocks in by_key.get(key, []) for b in blocks]

    # Where a document says when it happened, most likely first: title, opening, summary.
    date_texts = (
        [meta.title or ""] + [b.text for b in preamble[:6]] + [b.text for b in of("summary")[:4]]
    )
    year = meta.date.year if meta.date else (meta.started.year if meta.started else None)
    year = year or next(filter(None, map(find_year, date_texts)), None)
    file_date = _file_date(pm.path)
    if year is None and file_date is not None:
        year = file_date.year

    # Metadata written in the text (free-form documents): preamble, custom sections, summary.
    candidates = preamble + of("") + of("summary")[:8]
    found = find_metadata(candidates)
    zone = _document_zone(pm, per_section, preamble)
    doc_zone = zone or meta.timezone
    for line, message in apply_metadata(meta, found, year=year, date=None, zone=doc_zone):
        pm.problems.append(Problem(line, message))

    date = meta.date
    if date is None and meta.started is not None:
        date = meta.started.date()
    if date is None:
        found_dates = (find_date(text, default_year=year) for text in date_texts)
        date = next(filter(None, found_dates), None) or file_date
    if year is None and date is not None:
        year = date.year
    pm.document_zone = zone

    context = Context(date=date, year=year, zone=doc_zone)
    pm.timeline = read_timeline(
        [
            (s.title, blocks, s.key == "timeline")
            for s, blocks in zip(pm.sections, per_section, strict=True)
        ],
        context,
    )
    pm.problems.extend(context.problems)

    pm.trigger = read_items(of("trigger"))
    pm.root_causes = [i for blocks in by_key.get("root_cause", []) for i in read_items(blocks)]
    pm.contributing_factors = [
        i for blocks in by_key.get("contributing_factors", []) for i in read_items(blocks)
    ]
    pm.went_well = read_items(of("went_well"))
    pm.went_poorly = read_items(of("went_poorly"))
    pm.lucky = read_items(of("lucky"))
    pm.lessons = [i for blocks in by_key.get("lessons", []) for i in read_items(blocks)]
    base = meta.review_date or meta.date or date
    people = frozenset(meta.people())
    pm.action_items = [
        item
        for blocks in by_key.get("action_items", [])
        for item in read_actions(blocks, base, people)
    ]
    pm.impact = read_impact(of("impact") + of("summary"))
    _read_people(pm, per_section)


def _document_zone(
    pm: Postmortem, per_section: list[list[Block]], preamble: list[Block]
) -> str | None:
    """The zone the document states once ("All times in UTC"), wherever it says it."""
    for section in pm.sections:
        if section.key == "timeline":
            zone = zone_statement(section.title)
            if zone:
                return zone
    ordered = [(s.key, blocks) for s, blocks in zip(pm.sections, per_section, strict=True)]
    ordered.sort(key=lambda pair: pair[0] != "timeline")
    for _, blocks in [*ordered, (None, preamble)]:
        for block in blocks:
            if block.kind in ("paragraph", "heading", "header", "item"):
                zone = zone_statement(block.text)
                if zone:
                    return zone
    return None


def _read_people(pm: Postmortem, per_section: list[list[Block]]) -> None:
    meta = pm.meta
    for section, blocks in zip(pm.sections, per_section, strict=True):
        if section.key != "participants":
            continue
        names: list[str] = []
        for block in blocks:
            if block.kind in ("item", "row"):
                text = block.text if block.kind == "item" else " , ".join(block.cells)
                names.extend(n.strip() for n in re.split(r",|;", text) if n.strip())
        if "attend" in section.title.lower() or "atend" in section.title.lower():
            if meta.origin.get("attendees") != "front-matter":
                meta.attendees.extend(n for n in names if n not in meta.attendees)
                meta.origin.setdefault("attendees", "section")
                meta.lines.setdefault("attendees", section.line)
        elif meta.origin.get("participants") != "front-matter":
            meta.origin.setdefault("participants", "section")
            meta.lines.setdefault("participants", section.line)
            known = {p.name for p in meta.participants}
            for name in names:
                person, _, role = name.partition(" - ")
                if person not in known:
                    meta.participants.append(Person(person.strip(), role.strip() or None))


def _file_date(path: str | None) -> dt.date | None:
    if not path:
        return None
    match = _FILE_DATE.search(os.path.basename(path))
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def sections_missing(pm: Postmortem) -> list[tuple[str, ...]]:
    """Required alternatives of the document's kind that no section satisfies."""
    from postmortems.model import get_kind

    keys = {s.key for s in pm.sections if s.key}
    return get_kind(pm.meta.kind).missing(keys)


def section_of_line(pm: Postmortem, line: int) -> Section | None:
    """The section holding document line ``line`` (1-based), or ``None`` for the preamble."""
    found = None
    for section in pm.sections:
        if section.line <= line:
            found = section
        else:
            break
    return found
