"""``--format text``: findings for people, grouped by file, with the line and a caret.

::

    examples/poor.md
      14:3  warning  'careless' judges a person, not the system  blame.judgmental
         |
      14 | A careless engineer ran the script.
         |   ^^^^^^^^
         = suggestion: Describe what made the mistake easy to make

    2 problems (1 error, 1 warning) in 1 of 3 files.

Colours are plain ANSI escapes (``rich`` would cost ~60 ms of start-up for the same effect).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from postmortems.review.context import SourceIndex
from postmortems.review.finding import Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.review.session import FileReport, LintRun

_Paint = Callable[[str, str], str]

TAB = 4
_RESET = "\x1b[0m"
STYLES = {
    "path": "\x1b[1;4m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "rule": "\x1b[2m",
    "gutter": "\x1b[34m",
    "suggestion": "\x1b[32m",
    "summary": "\x1b[1m",
}


class TextFormat:
    """Human-readable report."""

    name = "text"
    description = "findings grouped by file, with the source line and a caret (default)"

    def render(self, run: LintRun, *, color: bool = False) -> str:
        def paint(style: str, text: str) -> str:
            return f"{STYLES[style]}{text}{_RESET}" if color and text else text

        out: list[str] = []
        for report in run.files:
            if report.findings:
                out.extend(_file_block(report, paint))
                out.append("")
        out.append(paint("summary", summary(run)))
        return "\n".join(out) + "\n"


def _file_block(report: FileReport, paint: _Paint) -> list[str]:
    index = SourceIndex(report.source)
    lines = [paint("path", report.path)]
    width = len(str(max(f.line for f in report.findings)))
    for finding in report.findings:
        lines.extend(_finding_block(finding, index, width, paint))
    return lines


def _finding_block(finding: Finding, index: SourceIndex, width: int, paint: _Paint) -> list[str]:
    sev = finding.severity.value
    where = f"{finding.line}:{finding.column}"
    head = f"  {where:<{width + 4}} {paint(sev, f'{sev:<7}')}  {finding.message}  "
    lines = [head + paint("rule", finding.rule)]
    source = index.line_text(finding.line)
    if source.strip():
        shown, start, end = _caret_span(source, finding)
        pad = " " * (width + 2)
        bar = paint("gutter", "|")
        lines.append(f"  {pad}{bar}")
        lines.append(f"  {paint('gutter', str(finding.line).rjust(width + 1))} {bar} {shown}")
        caret = "^" * max(end - start, 1)
        if finding.end_line > finding.line:
            caret += f" (to line {finding.end_line})"
        lines.append(f"  {pad}{bar} {' ' * start}{paint(sev, caret)}")
        if finding.suggestion:
            lines.append(
                f"  {pad}{paint('gutter', '=')} {paint('suggestion', 'suggestion:')} "
                f"{finding.suggestion}"
            )
    elif finding.suggestion:
        lines.append(f"  {' ' * (width + 2)}= suggestion: {finding.suggestion}")
    return lines


def _caret_span(source: str, finding: Finding) -> tuple[str, int, int]:
    """The line with tabs expanded, and the display columns the caret covers."""
    start = max(finding.column - 1, 0)
    end = len(source) if finding.end_line > finding.line else finding.end_column - 1
    end = min(max(end, start + 1), max(len(source), start + 1))
    before = source[:start].expandtabs(TAB)
    marked = source[:end].expandtabs(TAB)
    return source.expandtabs(TAB), len(before), len(marked)


def summary(run: LintRun) -> str:
    """The closing line: problems by severity, files with problems, unreadable files."""
    counts = Counter(f.severity for f in run.findings)
    total = sum(counts.values())
    files = len(run.files)
    errors = len(run.errors)
    checked = f"{files} file{'s' if files != 1 else ''}"
    if total:
        parts = [
            f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
            for s in Severity
            if counts[s]
        ]
        with_findings = sum(1 for r in run.files if r.findings)
        noun = "problem" if total == 1 else "problems"
        text = f"{total} {noun} ({', '.join(parts)}) in {with_findings} of {checked}"
    else:
        text = f"No problems in {checked}"
    if errors:
        text += f"; {errors} could not be read"
    return text + "."
