"""Blame in a whole document: every prose sentence analysed once, shared by the blame rules.

The six ``blame.*`` rules each ask for their own kind of hit; the document is read once and the
result kept for the next rule (the engine runs the rules one after another on one document).
Front matter is never read as prose; section headings and bodies are, with the section's
canonical key attached to each hit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from postmortems.document.lazyre import lazy
from postmortems.model import Postmortem
from postmortems.model.record import Record
from postmortems.review.language.blame import Hit, could_blame, detect_text
from postmortems.review.language.lexicon import GATE_WORDS
from postmortems.review.language.people import People
from postmortems.review.language.sentences import sentences

_FRONT_MATTER = lazy(r"\A(?:\ufeff)?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


class Located(Record):
    """A hit with its place in the source (1-based; ``end_column`` exclusive)."""

    __slots__ = ("column", "end_column", "end_line", "hit", "line", "section", "sentence")

    hit: Hit
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: str
    section: str | None

    def __init__(
        self,
        hit: Hit,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        sentence: str,
        section: str | None,
    ) -> None:
        self.hit = hit
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.sentence = sentence
        self.section = section


def analyse(
    source: str, people: People, sections: Sequence[tuple[int, str | None]] = ()
) -> list[Located]:
    """Every blame hit in the Markdown ``source``, located.

    Args:
        source: the whole document, front matter included (it is skipped).
        people: names and roles the document declares.
        sections: ``(first line, canonical key)`` of each section, in order, to tag hits with.
    """
    match = _FRONT_MATTER.match(source)
    first_line = 1
    if match:
        first_line += match.group(0).count("\n")
        source = source[match.end() :]
    starts = [line for line, _ in sections]
    out: list[Located] = []

    def keep(words: frozenset[str]) -> bool:
        return could_blame(words, people)

    for sentence in sentences(source, first_line, keep, GATE_WORDS):
        index = bisect.bisect_right(starts, sentence.line) - 1
        key = sections[index][1] if index >= 0 else None
        for hit in detect_text(sentence.text, people, key):
            line, column = sentence.position(hit.start)
            end_line, end_column = sentence.position(max(hit.end - 1, hit.start))
            out.append(
                Located(hit, line, column, end_line, end_column + 1, sentence.text.strip(), key)
            )
    return out


# The last document analysed: the engine runs every rule on one document before the next.
_last: tuple[Postmortem, tuple[str, ...], tuple[str, ...], list[Located]] | None = None


def blame_in(pm: Postmortem, names: Sequence[str] = (), roles: Sequence[str] = ()) -> list[Located]:
    """Every blame hit in ``pm`` (cached for the document most recently analysed).

    Args:
        pm: the parsed document (its ``source`` is read).
        names: the people it names: front matter people and configured extra names.
        roles: roles that stand for a person, besides the built-in ones.
    """
    global _last
    key_names, key_roles = tuple(names), tuple(roles)
    if _last is not None and _last[0] is pm and _last[1] == key_names and _last[2] == key_roles:
        return _last[3]
    people = People.of(names, roles)
    sections = [(s.line, s.key) for s in pm.sections]
    found = analyse(pm.source, people, sections)
    _last = (pm, key_names, key_roles, found)
    return found
