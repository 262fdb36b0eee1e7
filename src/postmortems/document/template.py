"""New postmortems from the kind's template: every front-matter key, every section, guidance.

A template is a canonical document with nothing filled in yet. Each section carries its guidance
as an HTML comment right under the heading, so the writer sees what belongs there and why while
the rendered page stays clean; the review (``postmortems lint``) reports guidance left in place
as unfinished work. Near-miss and chaos-experiment templates are short because their kinds list
fewer sections: a form that takes an afternoon will not be filled in for an incident that did no
harm.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import textwrap
import unicodedata
from pathlib import Path

from postmortems.document import frontmatter
from postmortems.errors import InputError, UsageError
from postmortems.model.kinds import get_kind, kinds
from postmortems.model.sections import SECTION_BY_KEY

#: Front-matter keys in canonical order. A template writes every one, empty where unknown.
FRONT_MATTER_KEYS: tuple[str, ...] = frontmatter.KEY_ORDER

#: Keys whose value is a list; a template writes them as ``[]``, the way the renderer writes an
#: empty list, so that a new document is already canonical.
LIST_KEYS: frozenset[str] = frozenset(
    {"services", "tags", "authors", "participants", "owners", "attendees", "links"}
)

#: The zone a new document's timeline is written in. UTC avoids the daylight-saving gaps and
#: repeats that make local-time timelines ambiguous; a writer may change both places.
DEFAULT_ZONE = "UTC"

TIMELINE_HEADER = "| Time | Event | Actor | Source | Moment |\n| --- | --- | --- | --- | --- |"
ACTION_ITEMS_HEADER = (
    "| ID | Action | Owner | Due | Status | Priority | Type | Tracker |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- |"
)

#: Longest slug, in characters; long titles are cut at a word boundary.
MAX_SLUG = 60

# Letters NFKD does not take apart into an ASCII base letter and a mark.
_TRANSLITERATE = str.maketrans(
    {
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "&": " and ",
        "@": " at ",
        "+": " plus ",
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CODE_SPAN = re.compile(r"`[^`]*`")
_NBSP = "\u00a0"


def slugify(title: str, *, max_length: int = MAX_SLUG) -> str:
    """The file-name slug for ``title``: ASCII, lower-case, words joined by hyphens.

    Accented letters lose their accents, other characters outside ``a-z0-9`` become word breaks,
    and a long title is cut at the last word boundary within ``max_length``. A title with no
    ASCII letters or digits at all gives ``"postmortem"``.

    >>> slugify("Checkout: 502s after the 14:05 deploy (EU)")
    'checkout-502s-after-the-14-05-deploy-eu'
    >>> slugify("Ærø ferry bookings lost")
    'aero-ferry-bookings-lost'
    """
    text = unicodedata.normalize("NFKD", title.translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
        slug = slug.strip("-")
    return slug or "postmortem"


def file_name(title: str, date: dt.date) -> str:
    """``YYYY-MM-DD-slug.md``: the archive sorts by date and reads by title."""
    return f"{date.isoformat()}-{slugify(title)}.md"


def guidance_comment(key: str, *, width: int = 100) -> str:
    """The guidance of section ``key`` as an HTML comment wrapped to ``width`` columns."""
    text = SECTION_BY_KEY[key].guidance.replace("-->", "->")
    # Keep `inline code` on one line: it reads as a command to copy.
    text = _CODE_SPAN.sub(lambda m: m.group(0).replace(" ", _NBSP), text)
    wrapped = textwrap.fill(
        f"<!-- {text} -->", width=width, break_long_words=False, break_on_hyphens=False
    )
    return wrapped.replace(_NBSP, " ")


def new_document(
    title: str,
    kind: str = "incident",
    date: dt.date | None = None,
    *,
    timezone: str = DEFAULT_ZONE,
) -> str:
    """A new, empty postmortem of ``kind`` in canonical form.

    Every front-matter key appears (empty where unknown: ``[]`` for lists, nothing for the rest;
    ``status`` starts at ``draft``), then every section the kind's template lists, in order, each
    with its guidance as an HTML comment. The Timeline states its zone and has an empty table
    header; Action items has an empty table header.

    Args:
        title: The incident's title, as people will search for it.
        kind: A registered kind (``incident``, ``near-miss``, ``chaos-experiment``, ...).
        date: The document date; today when ``None``.
        timezone: The IANA zone of the timeline's times.

    Returns:
        The document text, ending with exactly one newline.

    Raises:
        UsageError: ``kind`` is not registered or ``title`` is empty.
    """
    title = " ".join(title.split())
    if not title:
        raise UsageError("the title is empty", hint='give one, e.g. "Checkout errors after deploy"')
    if kind not in kinds():
        raise UsageError(f"unknown kind {kind!r}", hint=f"one of: {', '.join(sorted(kinds()))}")
    spec = get_kind(kind)
    day = date or dt.date.today()
    values: dict[str, object] = {
        "title": title,
        "kind": spec.name,
        "status": "draft",
        "date": day,
        "timezone": timezone,
    }
    data = {key: values.get(key, [] if key in LIST_KEYS else None) for key in FRONT_MATTER_KEYS}
    # The renderer's own YAML writer, so quoting and empty values match canonical form exactly.
    parts = ["---\n" + frontmatter.dump(data) + "---"]
    for key in spec.template:
        section = [f"## {SECTION_BY_KEY[key].title}", guidance_comment(key)]
        if key == "timeline":
            section += [f"All times in {timezone}.", TIMELINE_HEADER]
        elif key == "action_items":
            section.append(ACTION_ITEMS_HEADER)
        parts.append("\n\n".join(section))
    return "\n\n".join(parts) + "\n"


def create_document(
    title: str,
    kind: str = "incident",
    *,
    directory: str | os.PathLike[str] = ".",
    date: dt.date | None = None,
    force: bool = False,
) -> Path:
    """Write a new postmortem to ``directory/YYYY-MM-DD-slug.md`` and return its path.

    The directory is created when missing. An existing file is kept unless ``force`` is true,
    because a postmortem in progress is hours of someone's work.

    Raises:
        UsageError: the kind is unknown or the title empty.
        InputError: the file exists (without ``force``) or cannot be written.
    """
    day = date or dt.date.today()
    text = new_document(title, kind, day)
    folder = Path(directory)
    path = folder / file_name(title, day)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise InputError(
            "a postmortem with this date and title already exists",
            path=str(path),
            hint="open it, choose another title, or pass --force to overwrite it",
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot write the new postmortem: {exc.strerror or exc}",
            path=str(path),
            hint="check the directory exists and is writable",
        ) from None
    return path
