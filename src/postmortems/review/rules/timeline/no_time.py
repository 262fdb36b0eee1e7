"""timeline.no-time: a timeline entry without a time of day."""

from __future__ import annotations

import re
from collections.abc import Iterable

from postmortems.document.lazyre import lazy
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._entries import entry_date, has_time_of_day

_NOTE = lazy(r"^\W*(?:notes?|n\.?b\.?|aside|context)\s*[:\-–—]", re.IGNORECASE)


class NoTime(Rule):
    id = "timeline.no-time"
    severity = Severity.WARNING
    summary = "A timeline entry has no time"
    rationale = (
        "Minutes matter in a timeline: they tell how long the incident went unnoticed, how long "
        "a page waited, how long mitigation took. An entry without a time cannot be placed, "
        "and a placeholder (`HH:mm`, `??:??`, `--:--`, `14:??`) is the same gap written down. "
        "Take times from chat logs, alerts, pages and deploy history rather than memory. An "
        "entry with only a date is fine on a day when nothing else has a time (a lead-up "
        "change weeks before, a follow-up days after); on a day whose other entries have "
        'times it is reported at info level. Notes inside a timeline ("Note: ...") are not entries.'
    )
    anti_pattern = """
        | Time | Event |
        | --- | --- |
        | 2022-06-02 HH:mm | The limit range in the traefik namespace was deleted |
        """
    better = """
        | Time | Event |
        | --- | --- |
        | 2022-06-02 10:41 | The limit range in the traefik namespace was deleted |
        """
    examples = (
        Example.passing(
            """
            ## Timeline

            All times in UTC.

            - 2021-12-10 The vulnerability is published
            - 2021-12-13 09:02 Scanning starts
            - 2021-12-13 11:40 All clusters patched
            - Note: the scanner's clock was 2 minutes behind.
            """
        ),
        Example.failing(
            """
            ## Timeline

            All times in UTC.

            | Time | Event |
            | --- | --- |
            | 2022-06-02 HH:mm | Limit range deleted |
            | 2022-06-02 14:?? | Pods restarted |
            | 2022-06-02 15:10 | Errors stop |
            | 2022-06-02 | Confirmed with the team |
            """,
            lines=[7, 8, 10],
        ),
        Example.failing(
            """
            ## Timeline

            - The deploy went out
            - Errors started
            """,
            lines=[3, 4],
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        events = ctx.pm.timeline
        timed_days = {entry_date(e) for e in events if has_time_of_day(e)}
        for event in events:
            if has_time_of_day(event) or _NOTE.match(event.text):
                continue
            day = entry_date(event)
            placeholder = (bool(event.time_text) and day is None) or _placeholder(event.time_text)
            if day is not None and not placeholder and day not in timed_days:
                continue  # a day-level entry on a day with no timed entries
            if placeholder:
                message = (
                    f"Timeline entry time '{event.time_text}' is a placeholder: find the real "
                    "time in chat logs, alerts, pages or deploy history"
                )
            elif day is not None:
                message = (
                    "Timeline entry has a date but no time, on a day whose other entries have "
                    "times; add the time so it can be placed among them"
                )
                yield ctx.finding_on_line(event.line, message=message, severity=Severity.INFO)
                continue
            else:
                message = (
                    "Timeline entry has no time: every entry needs one to measure how long "
                    "detection, mitigation and resolution took"
                )
            yield ctx.finding_on_line(event.line, message=message)


_PLACEHOLDER = lazy(r"[?xX]{2}|HH|hh|mm|--", re.ASCII)


def _placeholder(time_text: str) -> bool:
    return bool(time_text) and bool(_PLACEHOLDER.search(time_text))
