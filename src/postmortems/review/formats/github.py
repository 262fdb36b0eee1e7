"""``--format github``: GitHub Actions workflow commands that annotate the pull request.

Escaping follows GitHub's toolkit (``@actions/core`` ``command.ts``): in the message ``%``,
``\\r`` and ``\\n`` become ``%25``, ``%0D`` and ``%0A``; in properties ``:`` and ``,`` also
become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from postmortems.review.finding import Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.review.session import LintRun

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """One ``::error file=...::message`` line for ``finding``."""
    props = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return f"::{LEVELS[finding.severity]} {joined}::{escape_data(message)}"


class GithubFormat:
    """One annotation per finding; files that could not be read become error annotations."""

    name = "github"
    description = "GitHub Actions annotations"

    def render(self, run: LintRun, *, color: bool = False) -> str:
        lines = []
        for report in run.files:
            if report.error is not None:
                props = f"file={escape_property(report.path)}"
                if report.error.line:
                    props += f",line={report.error.line}"
                lines.append(f"::error {props}::{escape_data(str(report.error))}")
            lines.extend(annotation(f) for f in report.findings)
        return "".join(line + "\n" for line in lines)
