"""Write a :class:`Postmortem` back as Markdown in canonical form.

Canonical form: YAML front matter in canonical key order, no title heading (the title lives in
the front matter), then the preamble and the sections, each heading written as an ATX heading at
its level, one blank line between blocks, one newline at the end. Section bodies are written
verbatim, so nothing the writer typed is lost.
"""

from __future__ import annotations

from postmortems.document import frontmatter
from postmortems.model import Postmortem, Section
from postmortems.model.sections import section_key


def render(pm: Postmortem) -> str:
    """The canonical Markdown text of ``pm``."""
    blocks: list[str] = []
    meta = pm.meta
    present = tuple(k for k, v in meta.origin.items() if v == "front-matter")
    data = frontmatter.meta_to_data(meta, present=present)
    if data:
        blocks.append("---\n" + frontmatter.dump(data) + "---")
    title_in_body = meta.origin.get("title") == "heading"
    if pm.title_heading and (
        title_in_body
        or _heading_title(pm.title_heading) != (meta.title or "")
        or _would_become_title(pm)
    ):
        blocks.append(pm.title_heading)
    if pm.preamble:
        blocks.append(pm.preamble)
    for section in pm.sections:
        blocks.append(render_section(section))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render_section(section: Section) -> str:
    """One section: an ATX heading at the section's level, a blank line, the body."""
    heading = "#" * max(1, min(section.level, 6)) + " " + section.title
    return heading + ("\n\n" + section.body if section.body else "")


def _would_become_title(pm: Postmortem) -> bool:
    """True when, without the title heading, the first section would be read as the title: a
    level-1 heading naming no canonical section, with nothing before it."""
    if pm.preamble or not pm.sections:
        return False
    first = pm.sections[0]
    return first.level == 1 and section_key(first.title) is None


def _heading_title(raw: str) -> str:
    first = raw.split("\n", 1)[0]
    return first.lstrip("#").strip().rstrip("#").strip()


__all__ = ["render", "render_section"]
