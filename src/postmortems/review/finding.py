"""What a rule reports: a :class:`Finding` at a span of the source, with a :class:`Severity`."""

from __future__ import annotations

from enum import StrEnum

from postmortems.model.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any


class Severity(StrEnum):
    """How much a finding matters. ``--fail-on`` compares against :attr:`rank`."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """The severity called ``value`` (case-insensitive); ``ValueError`` names the choices."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (choose error, warning or info)"
            ) from None


_RANK = {"info": 0, "warning": 1, "error": 2}


class Finding(Record):
    """One problem found in one document.

    Positions are 1-based. ``column`` counts characters (Unicode code points) from the start of
    the line; ``end_column`` is exclusive: it is the column just after the last character of the
    span, so a one-character span at column 5 has ``end_column`` 6. A finding about the document
    as a whole points at its first line.
    """

    __slots__ = (
        "column",
        "end_column",
        "end_line",
        "line",
        "message",
        "path",
        "rule",
        "severity",
        "suggestion",
    )

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str | None

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        rule: str,
        severity: Severity,
        message: str,
        suggestion: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.rule = rule
        self.severity = severity
        self.message = message
        self.suggestion = suggestion

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: keys path, line, column, end_line, end_column, rule, severity, message,
        suggestion (``None`` when there is none)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of reports: by file, position, then rule id."""
        return (self.path, self.line, self.column, self.rule, self.message)
