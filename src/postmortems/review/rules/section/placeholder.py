"""section.placeholder: template text or placeholders left in the document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from postmortems.document.lazyre import lazy
from postmortems.model import SECTION_BY_KEY, Section
from postmortems.model.record import Record
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.section._text import (
    COMMENT,
    code_lines,
    front_matter_lines,
    guidance_key,
    is_empty,
)

_FILL = "replace it with what is known, or say what is unknown and why"
_WHEN = "write the real date and time, taken from chat logs, alerts or deploy history"


class _Pattern(Record):
    __slots__ = ("hints", "lower", "needs", "regex", "timestamp", "whole_value", "why")

    regex: re.Pattern[str]
    why: str
    #: Date and time placeholders on a timeline entry are timeline.no-time's to report.
    timestamp: bool
    #: Counts only when it is the whole value of a cell, list item or "Label:" line.
    whole_value: bool
    #: Substrings one of which a match must contain (in the line as written, or lower-cased when
    #: ``lower``): lines without any are skipped without running the expression, since most
    #: lines hold no placeholder at all.
    hints: tuple[str, ...]
    lower: bool
    #: Lower-case words one of which any match holds: a line of ASCII text (where ignoring case
    #: is plain ASCII folding) that has none is not read even when a hint is there, since a
    #: common hint ("here" in "where" and "there") would otherwise run the expression on many
    #: lines. Empty: no such test.
    needs: tuple[str, ...]

    def __init__(
        self,
        regex: re.Pattern[str],
        why: str,
        timestamp: bool = False,
        whole_value: bool = False,
        hints: tuple[str, ...] = (),
        lower: bool = False,
        needs: tuple[str, ...] = (),
    ) -> None:
        self.regex = regex
        self.why = why
        self.timestamp = timestamp
        self.whole_value = whole_value
        self.hints = hints
        self.lower = lower
        self.needs = needs


_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        lazy(
            r"(?<![\w-])(?:YYYY|yyyy|20[xX]{2}|19[xX]{2}|\d{4})[-/.](?:MM|mm|[xX]{2}|\?\?|\d{1,2})"
            r"[-/.](?:DD|dd|[xX]{2}|\?\?)(?![\w-])"
            r"|(?<![\w-])(?:DD|dd)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy|YY|yy)(?![\w-])"
            r"|(?<![\w-])(?:MM|mm)[-/.](?:DD|dd)[-/.](?:YYYY|yyyy)(?![\w-])"
        ),
        _WHEN,
        timestamp=True,
        hints=("YYYY", "yyyy", "xx", "XX", "MM", "DD", "??"),
    ),
    _Pattern(
        lazy(r"(?<![\w:])(?:HH|hh):?(?:mm|MM)(?::ss|:SS)?(?![\w])|(?<![\w])\?\?:\?\?"),
        _WHEN,
        timestamp=True,
        hints=("HH", "hh", "??"),
    ),
    _Pattern(lazy(r"(?<![\w?])\?{2,}(?![\w])"), _FILL, timestamp=True, hints=("??",)),
    _Pattern(
        lazy(
            r"(?<![\w-])(?:TODO|XXX+|YYY+|ZZZ+)(?![\w-])|(?<![\w-])(?i:tbd|tba|tbc|fixme)(?![\w-])"
        ),
        _FILL,
        hints=("todo", "xxx", "yyy", "zzz", "tbd", "tba", "tbc", "fixme"),
        lower=True,
    ),
    _Pattern(
        lazy(r"(?<![\w/])(?i:n/a)(?![\w/])"),
        "'N/A' hides whether the answer is 'none' or 'we don't know'; "
        "state the value, or why there is none",
        whole_value=True,
        hints=("n/a",),
        lower=True,
    ),
    _Pattern(lazy(r"(?<![\w?])\?(?![\w?])"), _FILL, whole_value=True, hints=("?",)),
    _Pattern(
        lazy(
            r"(?i:someone\s+fromtheteam|\(use\s+initials\)|short\s+event\s+description|"
            r"lorem\s+ipsum|to\s+be\s+done\s+(?:pre-?meeting|in\s+the\s+meeting|before\s+the\s+"
            r"meeting)|copy\s+these\s+from\b|fill\s+(?:this|me|it)\s+in\b|"
            r"\b(?:insert|describe|add|write|put|paste)\b[^.\n|]{0,40}?\bhere\b"
            r"(?=\s*[.:)\]>*_]*\s*(?:$|\|)))"
        ),
        "template text left in; " + _FILL,
        hints=(
            "fromtheteam",
            "initials",
            "short event",
            "lorem",
            "to be done",
            "copy these",
            "fill ",
            "here",
        ),
        lower=True,
        # A word each alternative cannot match without, in the order written above.
        needs=(
            "fromtheteam",
            "initials",
            "description",
            "lorem",
            "done",
            "copy",
            "fill",
            "insert",
            "describe",
            "add",
            "write",
            "put",
            "paste",
        ),
    ),
    _Pattern(
        lazy(
            r"(?i:\[(?:link|url|here|todo|tbd|name|owner|date|time|ticket|jira|issue|pr|"
            r"dashboard|graph|screenshot|(?:link|insert|add|your)\s[^\]\n]{1,40})\])(?![(\[:])"
            r"|(?i:<(?:owner|name|person|team|service(?:[ _-]name)?|link|url|date|time|ticket|id|"
            r"description|title|value|tbd|todo|email|who|what|when|component|system|region|env|"
            r"environment|version|number|(?:your|insert)\s[a-z ]{1,30})>)"
            r"|\{\{\s*[\w.]+\s*\}\}"
            r"|(?i:\{(?:service|owner|name|team|date|time|link|url|ticket|id|title|description|"
            r"value|env|environment|region|component|version|number|incident)(?:[ _-](?:name|id|"
            r"link|url))?\})"
        ),
        "a fill-in-the-blank marker left in; " + _FILL,
        hints=("[", "<", "{"),
    ),
)
# A code span: its first backtick written out, so that re searches for it instead of trying
# the expression at every character (group 1 holds the other backticks of the fence).
_INLINE_CODE = lazy(r"`(`*)(?:(?!`\1).)+?`\1")
_HEADING = lazy(r"^\s{0,3}#{1,6}\s")
_LIST_OR_LABEL = lazy(r"^[\s>*_+-]*(?:\d+[.)]\s*)?(?:[^:|]{1,40}:)?[\s*_]*$")
_TRAILING = lazy(r"^[\s*_.,;)\]]*$")
_TODO_LABEL = lazy(r"^\W*(?:TODO|FIXME)\s*[:-]\s*\w+(?:\W+\w+){2,}")
_PLACEHOLDER_TITLES = {"incident title", "title", "untitled", "incident name", "postmortem title"}
_TITLE_WORDS = lazy(r"[^a-z]+")


def _mask(text: str) -> str:
    """``text`` with HTML comments and inline code blanked out (columns kept)."""
    if "<!--" in text:
        text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    if "`" not in text:
        return text
    # A code span never holds a line break (the expression's "." does not match one), so the
    # whole text is masked at once: the same spans as line by line, without splitting it.
    return _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)


def _segment(line: str, start: int, end: int) -> tuple[str, str]:
    """What stands before and after ``line[start:end]`` in its table cell (or on its line)."""
    left = line.rfind("|", 0, start)
    right = line.find("|", end)
    before = line[left + 1 if left >= 0 else 0 : start]
    after = line[end : right if right >= 0 else len(line)]
    return before, after


def _is_whole_value(line: str, start: int, end: int) -> bool:
    before, after = _segment(line, start, end)
    return bool(_LIST_OR_LABEL.match(before)) and bool(_TRAILING.match(after))


class Placeholder(Rule):
    id = "section.placeholder"
    severity = Severity.WARNING
    summary = "Template text or a placeholder is left in"
    rationale = (
        "Placeholders are promises that something will be filled in, and a review published "
        'with "TBD" impact or "HH:mm" times tells readers the facts were never collected. '
        "Reported: TBD, TODO, FIXME, TBA, XXX/YYY/ZZZ, `??`, `N/A` or `?` as a whole value, "
        "time and date masks (`HH:mm`, `YYYY-MM-DD`, `20xx-MM-DD`, `DD/MM/YYYY`), fill-in "
        "markers (`[link]`, `<owner>`, `{service}`, `{{ var }}`), text known from common "
        'templates ("Incident Title", "Short event description", "Someone Fromtheteam") and '
        "the guidance comments of our own templates. A section whose only content is its "
        "guidance comment is reported by `section.empty`; a guidance comment left beside "
        "written content is harmless to readers (comments do not render), so it is reported "
        "at info level as tidying up. Timestamps that are placeholders on timeline entries "
        "are reported by `timeline.no-time`, and placeholder owners and due dates of action "
        "items by `action.no-owner` and `action.no-due`. Code and HTML comments are not read."
    )
    anti_pattern = """
        ## Impact

        Number of affected users: TBD.

        ## Participants

        - Someone Fromtheteam (use initials)
        """
    better = """
        ## Impact

        About 12,400 users could not log in (identity service 401 count, 09:20-10:55 UTC).

        ## Participants

        - MH, WC, AN
        """
    examples = (
        Example.passing(
            """
            ## Impact

            38% of checkout requests failed for 40 minutes (`HH:mm` in the logs is local time).

            ## Action items

            - TODO: add a canary stage that halts at 1% errors. Owner: Leo. Due: 2025-03-01.
            - Page at 80% disk. Owner: TBD. Due: TBD.
            """,
            note="code spans, a TODO label before real text, and owner/due left to action.*",
        ),
        Example.failing(
            """
            # Incident Title

            ## Impact

            Number of affected users: TBD. Graph: [link]. Cost: ??

            | Metric | Value |
            | --- | --- |
            | Time to detection | N/A |

            ## Attendees

            - Someone Fromtheteam (use initials)
            """,
            lines=[1, 5, 5, 5, 9, 13, 13],
        ),
        Example.failing(
            """
            ## Summary

            <!-- Two to four sentences a reader can stop after: what happened, who was affected
            and for how long, how it ended, and what it cost against the SLO. -->

            Checkout failed for 40 minutes after the 14:05 deploy.
            """,
            lines=[3],
            note="guidance left beside written content: info",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        yield from self._title(ctx)
        yield from self._guidance(ctx)
        yield from self._text(ctx)

    def _title(self, ctx: ReviewContext) -> Iterator[Finding]:
        title = ctx.pm.meta.title or ""
        if _TITLE_WORDS.sub(" ", title.lower()).strip() in _PLACEHOLDER_TITLES:
            yield ctx.finding_for_text(
                title,
                ctx.title_line(),
                message=f"The title '{title}' is the template's placeholder",
                suggestion="name the incident the way people will search for it, e.g. "
                "'Checkout errors after the payments deploy'",
            )

    def _guidance(self, ctx: ReviewContext) -> Iterator[Finding]:
        pm = ctx.pm
        for match in COMMENT.finditer(ctx.text):
            key = guidance_key(match.group(1))
            if key is None:
                continue
            line, _ = ctx.index.position(match.start())
            section = _section_at(pm.sections, line)
            if section is None or is_empty(pm, section):
                continue  # section.empty reports a section holding only its guidance
            yield ctx.finding_at_offsets(
                match.start(),
                match.end(),
                message=(
                    f"Template guidance for '{SECTION_BY_KEY[key].title}' is left beside the "
                    "written content; remove it now that the section is written"
                ),
                severity=Severity.INFO,
            )

    def _text(self, ctx: ReviewContext) -> Iterator[Finding]:
        pm = ctx.pm
        text = _mask(ctx.text)
        lines = text.split("\n")
        candidates = _candidates(text)
        if not candidates:
            return
        skip = code_lines(lines)
        first = front_matter_lines(ctx.lines) + 1
        untimed = {e.line for e in pm.timeline if e.time is None}
        fields: dict[int, set[str]] = {}
        for item in pm.action_items:
            values = {v.strip().lower() for v in (item.owner, item.due_text) if v}
            fields.setdefault(item.line, set()).update(values)
        action_lines = {
            n for s in pm.sections if s.key == "action_items" for n in range(s.line, s.end_line + 1)
        }
        title_line = ctx.title_line()
        for number in sorted(candidates):
            if number < first or number in skip or number == title_line:
                continue
            line = lines[number - 1]
            heading = bool(_HEADING.match(line))
            taken: list[tuple[int, int]] = []
            folded: str | None = None
            for index in sorted(candidates[number]):
                pattern = _PATTERNS[index]
                if pattern.timestamp and number in untimed:
                    continue
                if pattern.needs and line.isascii():
                    folded = line.lower() if folded is None else folded
                    if not any(map(folded.__contains__, pattern.needs)):
                        continue
                for match in pattern.regex.finditer(line):
                    start, end = match.span()
                    found = match.group(0)
                    if any(a < end and start < b for a, b in taken):
                        continue
                    if pattern.whole_value and not _is_whole_value(line, start, end):
                        continue
                    if found.lower() in fields.get(number, ()):
                        continue
                    if found in ("TODO", "FIXME") and (
                        heading or (number in action_lines and _TODO_LABEL.match(line[start:]))
                    ):
                        continue
                    taken.append((start, end))
                    yield ctx.finding(
                        number,
                        start + 1,
                        end_column=end + 1,
                        message=f"Placeholder '{found.strip()}' left in: {pattern.why}",
                    )


def _candidates(text: str) -> dict[int, set[int]]:
    """Line number -> indexes of the patterns whose hints occur on that line.

    Hints are found with ``bytes.find`` over the whole text, so a line is only read by the
    expressions that could match it, and most lines by none. The text is searched as UTF-8,
    lower-cased with ``bytes.lower`` (ASCII letters only): hints are ASCII, and no character
    outside ASCII lower-cases to a run of ASCII letters that could complete one, so the lines
    found are those ``str.lower`` would give, without folding every character of the document.
    """
    raw = text.encode("utf-8", "surrogatepass")
    folded = raw.lower()
    wanted: dict[tuple[bool, str], list[int]] = {}
    for index, pattern in enumerate(_PATTERNS):
        for hint in pattern.hints:
            wanted.setdefault((pattern.lower, hint), []).append(index)
    out: dict[int, set[int]] = {}
    for (lower, hint), indexes in wanted.items():
        haystack = folded if lower else raw
        needle = hint.encode()
        line, counted = 1, 0
        position = haystack.find(needle)
        while position != -1:
            line += haystack.count(b"\n", counted, position)
            counted = position
            out.setdefault(line, set()).update(indexes)
            line_end = haystack.find(b"\n", position)
            if line_end == -1:
                break
            position = haystack.find(needle, line_end)
    return out


def _section_at(sections: list[Section], line: int) -> Section | None:
    found = None
    for section in sections:
        if section.line <= line:
            found = section
        else:
            break
    return found
