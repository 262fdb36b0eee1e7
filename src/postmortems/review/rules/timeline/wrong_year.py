"""timeline.wrong-year: a timeline entry dated in the wrong year."""

from __future__ import annotations

from collections.abc import Iterable

from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.rule import Example, Rule
from postmortems.review.rules.timeline._entries import year_typos

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import ClassVar


class WrongYear(Rule):
    id = "timeline.wrong-year"
    severity = Severity.WARNING
    summary = "A timeline entry is dated in the wrong year"
    rationale = (
        "A mistyped year (very often last year's, in the first weeks of January, or a date "
        "copied from an older document) puts an entry a year away from the incident: it sorts "
        "wrongly, and any duration computed from it is off by a year. Reported: an entry at "
        "least 300 days from the incident (front matter `started`, else `date`, else the "
        "median day of the timeline) whose month and day, with the incident's year, land "
        "within `max-days` (default 14) of the incident or of the entries beside it, and which "
        "either breaks the timeline's order or falls after the document was written. A "
        "lead-up entry a year earlier at the start of the timeline (a certificate issued, a "
        "script written) is in order and is not reported. A year the parser cannot read "
        "(20202) leaves the entry without a time: `timeline.no-time` reports it."
    )
    anti_pattern = """
        | 2026-05-26 10:35 | Rollback started |
        | 2025-05-26 10:40 | Config rolled back |
        | 2026-05-26 10:55 | Logins recover |
        """
    better = """
        | 2026-05-26 10:35 | Rollback started |
        | 2026-05-26 10:40 | Config rolled back |
        | 2026-05-26 10:55 | Logins recover |
        """
    options: ClassVar[dict[str, int]] = {"max-days": 14}
    examples = (
        Example.passing(
            """
            ---
            started: 2026-03-02T09:00:00Z
            ---
            ## Timeline

            All times in UTC.

            - 2025-03-02 10:00 The certificate is issued, valid for one year
            - 2026-03-02 09:00 The certificate expires; API clients fail
            - 2026-03-02 09:40 A new certificate is installed
            """,
            note="a lead-up entry a year before, in order",
        ),
        Example.failing(
            """
            ## Timeline

            All times in UTC.

            | Time | Event |
            | --- | --- |
            | 2026-05-26 09:14 | Config change deployed |
            | 2025-05-26 10:40 | Config rolled back |
            | 2026-05-26 10:55 | Logins recover |
            """,
            lines=[8],
        ),
        Example.failing(
            """
            ---
            date: 2026-01-05
            ---
            ## Timeline

            All times in UTC.

            - 2026-01-03 22:10 Disk fills on db-2
            - 2027-01-03 22:40 Replica promoted
            """,
            lines=[9],
            note="in order, but a year after the document was written",
        ),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        window = int(str(ctx.options.get("max-days", 14)))
        for typo in year_typos(ctx.pm, window):
            written = typo.written.isoformat()
            meant = typo.meant.isoformat()
            yield ctx.finding_for_text(
                str(typo.written.year),
                typo.event.line,
                message=(
                    f"Timeline entry is dated {written}, {abs((typo.meant - typo.written).days)} "
                    f"days from the incident; {meant} fits among the other entries: check the "
                    "year"
                ),
                suggestion=meant,
            )
