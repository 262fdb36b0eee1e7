"""Markdown prose as sentences, each knowing where in the file every character came from.

The language rules read prose, not Markdown: code (fenced, indented, inline), HTML comments (the
template's guidance lives there), URLs, link targets, images and quotations (``>`` blocks are
someone else's words: a vendor's docs, a log excerpt) are not the author's voice and are never
analysed. Each table cell is its own piece of text, so a timeline row's time and its event do not
run together.

Masked characters become spaces rather than being removed, so an offset in a sentence maps back to
the exact line and column of the source. The scanner is line based and linear; it does not need a
full CommonMark parse to find prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from postmortems.document.lazyre import lazy
from postmortems.model.record import Record
from postmortems.review.language.wordlists import letter_words, words


class Sentence(Record):
    """One sentence of prose.

    ``text`` is the sentence with markup and code masked by spaces. ``_spans`` maps offsets in
    ``text`` back to the source: each entry is ``(offset, line, column)`` for the start of a run
    of characters that sit contiguously on one source line (1-based line and column).
    """

    __slots__ = ("spans", "text")

    text: str
    spans: tuple[tuple[int, int, int], ...]

    def __init__(
        self,
        text: str,
        spans: tuple[tuple[int, int, int], ...],
    ) -> None:
        self.text = text
        self.spans = spans

    @property
    def line(self) -> int:
        """The line the sentence starts on."""
        return self.position(0)[0]

    @property
    def column(self) -> int:
        """The column the sentence starts at."""
        return self.position(0)[1]

    def position(self, offset: int) -> tuple[int, int]:
        """The source ``(line, column)`` of the character at ``offset`` in :attr:`text`."""
        index = bisect.bisect_right(self.spans, (offset, 1 << 30, 0)) - 1
        start, line, column = self.spans[max(index, 0)]
        return line, column + max(offset - start, 0)


# A run of source text: the line number, the column its first character sits at, and the text.
_Run = tuple[int, int, str]

_FENCE = lazy(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = lazy(r"^\s{0,3}#{1,6}(?:\s+|$)")
_SETEXT = lazy(r"^\s{0,3}(?:=+|-+)\s*$")
_THEMATIC = lazy(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = lazy(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(?:\s+|$)")
_QUOTE = lazy(r"^\s{0,3}>")
_TABLE_DELIM = lazy(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_BLOCK = lazy(r"^\s{0,3}</?[A-Za-z][^>]*>\s*$")
_DEFINITION = lazy(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
# The first non-blank characters the expressions above can start with: a line starting with
# anything else is not tested against them.
_FENCE_START = frozenset("`~")
_THEMATIC_START = frozenset("*-_")
_SETEXT_START = frozenset("=-")
_LIST_START = frozenset("-*+")

# Inline pieces that are not prose, each replaced by spaces of the same length. Each runs only
# when the character that starts it occurs in the line (most lines have none of them).
_INLINE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("`", lazy(r"`(`*)(?:(?!`\1).)+?`\1")),  # code span (first backtick written out: searched for)
    ("!", lazy(r"!\[[^\]]*\]\([^)]*\)")),  # image
    ("]", lazy(r"\]\([^)]*\)|\]\[[^\]]*\]")),  # link target after the link text
    ("<", lazy(r"<(?:https?|mailto|ftp):[^>]*>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
    ("/", lazy(r"\b(?:https?|ftp)://[^\s)\]>]+")),  # URL
    ("www.", lazy(r"\bwww\.[^\s)\]>]+")),
    ("@", lazy(r"[\w.+-]+@[\w-]+\.[\w.-]+")),  # e-mail
    ("[^", lazy(r"\[\^[^\]]*\]")),  # footnote reference
    ("*", lazy(r"\*{1,3}")),
    ("~", lazy(r"~~")),
    ("_", lazy(r"(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])")),
)

_ABBREVIATIONS = words(
    """
    e.g i.e etc vs mr mrs ms dr prof approx no fig cf al inc ltd co st jan feb mar apr jun jul aug
    sep sept oct nov dec min max est
    """
)
# A run of stops, closing quotes or brackets, then a capital (or digit) or the end. Written with
# one branch that starts with a character class: ``re`` then skips ahead to the next stop
# instead of trying the expression at every character (several times faster on prose).
_BOUNDARY = lazy(r"[.!?][.!?]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9@`]|\s*$)")


def _mask_inline(text: str) -> str:
    """Replace inline code, links' targets, tags and emphasis marks with spaces."""

    masked = text
    for char, pattern in _INLINE:
        if char in masked:
            masked = pattern.sub(_blank, masked)
    # The opening bracket of a link or reference: "[text]" reads as " text ".
    return masked.replace("[", " ").replace("]", " ")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _strip_comments(lines: list[str]) -> list[str]:
    """Blank out HTML comments, which may span lines, keeping every column in place."""
    out: list[str] = []
    inside = False
    for line in lines:
        if not inside and "<!--" not in line:
            out.append(line)
            continue
        chars = list(line)
        i = 0
        while i < len(line):
            if inside:
                end = line.find("-->", i)
                stop = len(line) if end < 0 else end + 3
                for j in range(i, stop):
                    chars[j] = " "
                if end < 0:
                    break
                inside = False
                i = stop
            else:
                start = line.find("<!--", i)
                if start < 0:
                    break
                inside = True
                i = start
        out.append("".join(chars))
    return out


# A pipe not escaped with a backslash; the look-behind comes after the pipe so that ``re`` can
# search for the pipe itself.
_PIPE = lazy(r"\|(?<!\\\|)")


def _cells(line: str, number: int) -> Iterator[_Run]:
    """The cells of a table row, each as a run of text with its column."""
    start = 0
    stripped = line.rstrip()
    for match in _PIPE.finditer(stripped):
        cell = stripped[start : match.start()]
        if cell.strip():
            yield number, start + 1, cell
        start = match.end()
    tail = stripped[start:]
    if tail.strip():
        yield number, start + 1, tail


def blocks(
    markdown: str, first_line: int = 1, needs: frozenset[str] | None = None
) -> Iterator[list[_Run]]:
    """Blocks of prose (paragraph, list item, heading, table cell) as runs of source text.

    Args:
        markdown: Markdown text.
        first_line: the source line of the first line of ``markdown``.
        needs: when given, a table row with none of these words (as :func:`letter_words`
            reads them) yields no cells: none of its cells could hold one.
    """
    lines = _strip_comments(markdown.splitlines())
    fence: str | None = None
    current: list[_Run] = []
    in_table = False
    in_list = False
    previous_blank = True
    for index, raw in enumerate(lines):
        number = first_line + index
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            previous_blank = False
            continue
        stripped = raw.lstrip()
        # Each block expression below needs its first non-blank character to be one of a few;
        # most lines are prose and start with a letter, so most expressions never run.
        first = stripped[:1]
        opening = _FENCE.match(raw) if first in _FENCE_START else None
        if opening:
            fence = opening.group(1)[0] * 3
            if current:
                yield current
                current = []
            continue
        if not stripped:
            if current:
                yield current
                current = []
            in_table = False
            previous_blank = True
            continue
        if (
            previous_blank
            and not in_list
            and (raw.startswith("    ") or raw.startswith("\t"))
            and not current
        ):
            continue  # indented code block
        previous_blank = False
        if in_table or (first == "|" and "|" in raw.strip()[1:]):
            in_table = True
            if current:
                yield current
                current = []
            if not ("--" in raw and _TABLE_DELIM.match(raw)) and _may_hold(raw, needs):
                for run in _cells(raw, number):
                    yield [run]
            continue
        if "|" in raw:
            next_line = lines[index + 1] if index + 1 < len(lines) else ""
            if "-" in next_line and _TABLE_DELIM.match(next_line):
                in_table = True
                if current:
                    yield current
                    current = []
                if _may_hold(raw, needs):
                    for run in _cells(raw, number):
                        yield [run]
                continue
        if (
            (first == ">" and _QUOTE.match(raw))
            or (first in _THEMATIC_START and _THEMATIC.match(raw))
            or (first == "[" and _DEFINITION.match(raw))
        ):
            if current:
                yield current
                current = []
            continue
        if first == "<" and _HTML_BLOCK.match(raw):
            continue
        if first in _SETEXT_START and current and _SETEXT.match(raw):
            yield current
            current = []
            continue
        heading = _HEADING.match(raw) if first == "#" else None
        if heading:
            if current:
                yield current
                current = []
            text = raw.rstrip().rstrip("#")
            yield [(number, heading.end() + 1, text[heading.end() :])]
            continue
        item = _LIST.match(raw) if first in _LIST_START or first.isdecimal() else None
        if item:
            in_list = True
            if current:
                yield current
            current = [(number, item.end() + 1, raw[item.end() :])]
            continue
        if not raw.startswith((" ", "\t")):
            in_list = in_list and bool(current)
        indent = len(raw) - len(stripped)
        current.append((number, indent + 1, stripped))
    if current:
        yield current


def _may_hold(line: str, needs: frozenset[str] | None) -> bool:
    # A cell's words are words of its row: pipes are not letters, so none spans two cells.
    return needs is None or not needs.isdisjoint(letter_words(line))


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_LETTER_CHARS = _WORD_CHARS - {"."}


def _word_before(text: str, start: int, dot: int) -> str | None:
    """The word that the full stop at ``dot`` ends (letters and dots, from a letter), looking
    no further back than ``start``: what ``([A-Za-z][A-Za-z.]*)\\.$`` finds in
    ``text[start:dot + 1]``, read backwards from the stop instead of tried at every offset."""
    first = dot
    while first > start and text[first - 1] in _WORD_CHARS:
        first -= 1
    while first < dot and text[first] not in _LETTER_CHARS:
        first += 1
    return text[first:dot] if first < dot else None


def _split(text: str) -> Iterator[tuple[int, int]]:
    """Sentence boundaries in a block's text, as ``(start, end)`` offsets."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0).startswith("."):
            word = _word_before(text, start, match.start())
            if word:
                token = word.lower().rstrip(".")
                if token in _ABBREVIATIONS or len(token) == 1:
                    continue
        if text[start:end].strip():
            yield start, end
        start = end
    if text[start:].strip():
        yield start, len(text)


def sentences(
    markdown: str,
    first_line: int = 1,
    keep: Callable[[frozenset[str]], bool] | None = None,
    needs: frozenset[str] | None = None,
) -> Iterator[Sentence]:
    """Every sentence of prose in ``markdown``, with source positions.

    Args:
        markdown: Markdown text (a section body, or a whole document without front matter).
        first_line: the source line of the first line of ``markdown``.
        keep: a cheap filter on a block's lower-case words (letters only); blocks it rejects
            are skipped before any masking or splitting.
        needs: words ``keep`` needs one of: a block with none of them is skipped without
            asking ``keep``.
    """
    for runs in blocks(markdown, first_line, needs if keep is not None else None):
        if keep is not None:
            block_text = runs[0][2] if len(runs) == 1 else " ".join(r[2] for r in runs)
            words = letter_words(block_text)
            if needs is not None and needs.isdisjoint(words):
                continue
            if not keep(frozenset(words)):
                continue
        if len(runs) == 1:
            # One run (a list item, a heading, a table cell: most blocks): each sentence is
            # one piece of one line, its column the run's plus the sentence's offset.
            number, column, text = runs[0]
            joined = _mask_inline(text)
            for start, end in _split(joined):
                piece = joined[start:end]
                start += len(piece) - len(piece.lstrip())
                yield Sentence(joined[start:end].rstrip(), ((0, number, column + start),))
            continue
        parts: list[str] = []
        spans: list[tuple[int, int, int]] = []
        offset = 0
        for number, column, text in runs:
            if parts:
                parts.append(" ")
                offset += 1
            masked = _mask_inline(text)
            spans.append((offset, number, column))
            parts.append(masked)
            offset += len(masked)
        joined = "".join(parts)
        for start, end in _split(joined):
            lead = len(joined[start:end]) - len(joined[start:end].lstrip())
            start += lead
            pieces = tuple(
                (max(o - start, 0), line, col + max(start - o, 0))
                for o, line, col in _runs_from(spans, start, end)
            )
            yield Sentence(joined[start:end].rstrip(), pieces)


def _runs_from(
    spans: list[tuple[int, int, int]], start: int, end: int
) -> list[tuple[int, int, int]]:
    """The spans that cover ``start:end``, the first one clipped to begin at ``start``."""
    index = max(bisect.bisect_right(spans, (start, 1 << 30, 0)) - 1, 0)
    out = [spans[index]]
    out.extend(span for span in spans[index + 1 :] if span[0] < end)
    return out
