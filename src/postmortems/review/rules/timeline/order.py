"""timeline.order: timeline entries out of chronological order."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._entries import When, moments, year_typos


def displaced(entries: Sequence[When]) -> list[int]:
    """Indexes of the fewest entries whose removal leaves the rest in order (equal times are in
    order). Among equally small choices, the later entries are the ones called out of place:
    a reader meets the earlier one first and takes it as the story's order."""
    # Longest non-increasing run read backwards = longest non-decreasing run read forwards,
    # preferring to keep earlier entries.
    values = [_seconds(w) for w in reversed(entries)]
    tails: list[float] = []
    tail_index: list[int] = []
    parent = [-1] * len(values)
    for index, value in enumerate(values):
        key = -value
        position = bisect.bisect_right(tails, key)
        if position == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[position] = key
            tail_index[position] = index
        parent[index] = tail_index[position - 1] if position else -1
    keep: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        keep.add(len(values) - 1 - index)
        index = parent[index]
    return [i for i in range(len(entries)) if i not in keep]


_EPOCH = dt.datetime(1970, 1, 1)
_EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _seconds(when: When) -> float:
    # An aware moment is in UTC: its distance from the aware epoch is its wall-clock distance
    # from the naive one (datetime.replace is slow enough to matter on a long timeline).
    at = when.at
    return (at - (_EPOCH if at.tzinfo is None else _EPOCH_UTC)).total_seconds()


def _running(group: Sequence[When], *, latest: bool) -> list[When]:
    """For each position, the latest (or earliest) entry up to it; on a tie, the first one."""
    out: list[When] = []
    best: When | None = None
    for when in group:
        if best is None or (when.at > best.at if latest else when.at < best.at):
            best = when
        out.append(best)
    return out


class Order(Rule):
    id = "timeline.order"
    severity = Severity.WARNING
    summary = "Timeline entries are out of chronological order"
    rationale = (
        "Readers take the order of a timeline as the order of events, and durations are read "
        "off it. An entry out of place usually means a mistyped time or a memory that did not "
        "match the logs, and it hides which came first: the page or the customer report. "
        "Times are compared in UTC when their zone is known (entries written in different "
        "zones are converted); entries with no zone are compared with each other. Equal times "
        "are in order. The fewest entries that would put the rest in order are reported, and "
        "an entry whose year is mistyped is left to `timeline.wrong-year`."
    )
    anti_pattern = """
        - 09:58 Support tells us customers cannot log in
        - 09:52 The on-call looks at the login dashboard
        """
    better = """
        - 09:52 The on-call looks at the login dashboard
        - 09:58 Support tells us customers cannot log in
        """
    examples = (
        Example.passing(
            """
            ## Timeline

            All times in UTC.

            - 2025-02-14 23:50 Queue starts to grow
            - 00:10 Consumers restarted
            - 2025-02-15 01:12 CET Backlog drained (00:12 UTC)
            - 00:12 UTC Alert resolves
            """
        ),
        Example.failing(
            """
            ## Timeline

            | Time | Event |
            | --- | --- |
            | 2026-05-26 09:14 | Config change deployed |
            | 2026-05-26 09:58 | Support reports failing logins |
            | 2026-05-26 09:52 | The on-call opens the dashboard |
            | 2026-05-26 10:40 | Config rolled back |
            """,
            lines=[7],
            note="no zone anywhere: entries still compare with each other",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        typos = {t.event.line for t in year_typos(ctx.pm)}
        entries = [w for w in moments(ctx.pm) if w.event.line not in typos]
        for aware in (True, False):
            group = [w for w in entries if w.aware == aware]
            latest = _running(group, latest=True)
            earliest = _running(group[::-1], latest=False)[::-1]
            for index in displaced(group):
                entry = group[index]
                previous = latest[index - 1] if index else None
                if previous is not None and previous.at > entry.at:
                    other, relation = previous, "after"
                else:
                    other, relation = earliest[index + 1], "before"
                zone = " UTC" if aware else ""
                yield ctx.finding_on_line(
                    entry.event.line,
                    message=(
                        f"Timeline entry at {entry.at:%Y-%m-%d %H:%M}{zone} is listed {relation} "
                        f"the entry at {other.at:%Y-%m-%d %H:%M}{zone} (line {other.event.line}): "
                        "check the time against the logs, or move the entry"
                    ),
                )
