"""What a rule sees: the parsed document, the resolved configuration and position helpers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from postmortems.document.lazyre import lazy
from postmortems.model import Kind, Postmortem, get_kind
from postmortems.review.finding import Finding, Severity
from postmortems.review.registry import RULES, RuleRegistry

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, NamedTuple, TypeVar

    from postmortems.review.config import LintConfig
    from postmortems.review.rule import Rule

    _T = TypeVar("_T")
else:
    from postmortems.model.record import NamedTuple

_NEWLINE = lazy(r"\r\n|\r|\n")


class Span(NamedTuple):
    """A region of the source: 1-based lines and columns, ``end_column`` exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class SourceIndex:
    """The document's text split into lines, with offset <-> (line, column) conversion.

    Line endings are normalised to ``\\n`` the way the Markdown parser does (``\\r\\n`` and a lone
    ``\\r`` each end a line), so line numbers agree with the parsed model. Offsets refer to
    :attr:`text`, the normalised source.
    """

    __slots__ = ("_line_starts", "lines", "text")

    def __init__(self, source: str) -> None:
        self.text = source if "\r" not in source else _NEWLINE.sub("\n", source)
        self.lines = self.text.split("\n")
        self._line_starts: list[int] | None = None

    @property
    def _starts(self) -> list[int]:
        # Worked out on first use: the text report only reads lines.
        if self._line_starts is None:
            starts = [0]
            total = 0
            for line in self.lines[:-1]:
                total += len(line) + 1
                starts.append(total)
            self._line_starts = starts
        return self._line_starts

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending ('' past the end)."""
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def offset(self, line: int, column: int = 1) -> int:
        """The offset in :attr:`text` of 1-based ``line`` and ``column`` (clamped to the text)."""
        line = min(max(line, 1), len(self.lines))
        return min(self._starts[line - 1] + max(column, 1) - 1, len(self.text))

    def line_end(self, line: int) -> int:
        """The offset just past the last character of ``line`` (before its newline)."""
        line = min(max(line, 1), len(self.lines))
        return self._starts[line - 1] + len(self.lines[line - 1])

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset`` in :attr:`text`."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The span covering offsets ``start`` to ``end`` (exclusive) of :attr:`text`."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        return Span(line, column, end_line, end_column)

    def line_span(self, line: int) -> Span:
        """The span of the text on ``line``, leading and trailing blanks left out."""
        text = self.line_text(line)
        stripped = text.strip()
        if not stripped:
            return Span(line, 1, line, len(text) + 1)
        column = len(text) - len(text.lstrip()) + 1
        return Span(line, column, line, column + len(stripped))


class ReviewContext:
    """Everything a rule may read while it checks one document.

    The engine builds one context per document and gives each rule a copy bound to it
    (:meth:`for_rule`), so that :meth:`finding` and friends fill in the rule id, its severity and
    the document's path, and :attr:`options` holds that rule's settings.
    """

    __slots__ = (
        "_derived",
        "_index",
        "config",
        "kind",
        "options",
        "path",
        "people",
        "pm",
        "registry",
        "roles",
        "rule",
    )

    def __init__(
        self,
        pm: Postmortem,
        config: LintConfig,
        *,
        path: str | None = None,
        rule: Rule | None = None,
        options: Mapping[str, Any] | None = None,
        index: SourceIndex | None = None,
        registry: RuleRegistry | None = None,
    ) -> None:
        self.pm = pm
        #: The registry the rules come from (to check rule ids a document mentions).
        self.registry: RuleRegistry = registry or RULES
        #: The resolved lint configuration for this document.
        self.config = config
        #: The path findings are reported under (``<stdin>`` or ``--stdin-filename`` for stdin).
        self.path = path or pm.path or "<stdin>"
        #: The kind of review (incident, near-miss, chaos-experiment, ...) with its required
        #: sections; unknown kinds are judged as incidents.
        self.kind: Kind = get_kind(pm.meta.kind)
        #: Names of people: front matter authors, participants, owners, attendees, facilitator,
        #: then the configured extra names.
        self.people: tuple[str, ...] = _unique([*pm.meta.people(), *config.names])
        #: Roles people hold: those given to participants in front matter, then configured ones.
        self.roles: tuple[str, ...] = _unique(
            [*(p.role for p in pm.meta.participants if p.role), *config.roles]
        )
        #: The rule being run (``None`` outside a rule).
        self.rule = rule
        #: This rule's settings: its declared defaults updated with the configured values.
        self.options: Mapping[str, Any] = options or {}
        self._index = index
        self._derived: dict[str, Any] = {}

    def for_rule(self, rule: Rule) -> ReviewContext:
        """A copy of this context bound to ``rule`` and its options."""
        configured = self.config.rule_options.get(rule.id)
        defaults = type(rule).options
        # A copy of the slots, not a new context: what __init__ derives from the document
        # (people, roles, kind) is worked out once per document, not once per rule.
        ctx = object.__new__(ReviewContext)
        ctx.pm = self.pm
        ctx.registry = self.registry
        ctx.config = self.config
        ctx.path = self.path
        ctx.kind = self.kind
        ctx.people = self.people
        ctx.roles = self.roles
        ctx.rule = rule
        ctx.options = {**defaults, **configured} if configured else dict(defaults)
        ctx._index = self.index
        ctx._derived = self._derived
        return ctx

    def derived(self, key: str, make: Callable[[], _T]) -> _T:
        """What ``make()`` derives from the document, made once and shared by every rule.

        Several rules read the same thing (the open action items, say); the engine gives each
        rule a copy of one context per document, and the copies share this store. ``key``
        names the value; the same key must always be made by the same ``make``.
        """
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[no-any-return]

    # -- the source ------------------------------------------------------------------------

    @property
    def index(self) -> SourceIndex:
        """The line index of the source (built on first use, shared by every rule)."""
        if self._index is None:
            self._index = SourceIndex(self.pm.source)
        return self._index

    @property
    def text(self) -> str:
        """The source with line endings normalised to ``\\n``; offsets refer to this text."""
        return self.index.text

    @property
    def lines(self) -> Sequence[str]:
        """The source lines (0-based list: line ``n`` is ``lines[n - 1]``)."""
        return self.index.lines

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line``."""
        return self.index.line_text(line)

    @property
    def required_sections(self) -> tuple[tuple[str, ...], ...]:
        """The sections this document's kind requires, as alternatives, after configuration."""
        configured = self.config.required_sections.get(self.kind.name)
        return configured if configured is not None else self.kind.required

    @property
    def review_deadline_days(self) -> int:
        """Days after resolution by which the review meeting should be held."""
        return self.config.review_deadline_days

    def is_allowed(self, text: str) -> bool:
        """True when ``text`` contains a phrase the configuration allows."""
        return self.config.allows(text)

    def locate(self, needle: str, line: int = 1, *, end_line: int | None = None) -> Span | None:
        """The first occurrence of ``needle`` at or after ``line`` (case-insensitive).

        Whitespace in ``needle`` matches any run of whitespace, including a line break, so text
        the parser joined from a wrapped paragraph is still found. ``end_line`` bounds the search.
        """
        words = needle.split()
        if not words:
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        index = self.index
        start = index.offset(line, 1)
        end = len(index.text) if end_line is None else index.offset(end_line + 1, 1)
        match = pattern.search(index.text, start, max(end, start))
        return index.span(match.start(), match.end()) if match else None

    # -- making findings -------------------------------------------------------------------

    def finding(
        self,
        line: int,
        column: int = 1,
        *,
        end_line: int | None = None,
        end_column: int | None = None,
        message: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of the current rule at (``line``, ``column``).

        Without ``end_column`` the span runs to the end of the line's text; ``message``
        defaults to the rule's summary, ``severity`` to the rule's default.
        """
        if end_line is None:
            end_line = line
        if end_column is None:
            end_column = max(self.index.line_span(end_line).end_column, column + 1)
        rule = self.rule
        if rule is None:
            raise RuntimeError("ReviewContext.finding() needs a context bound to a rule")
        return Finding(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule.id,
            severity=severity or rule.severity,
            message=message or rule.summary,
            suggestion=suggestion,
        )

    def finding_at(self, span: Span, **kwargs: Any) -> Finding:
        """A finding covering ``span`` (from :meth:`locate` or :meth:`SourceIndex.span`)."""
        return self.finding(
            span.line, span.column, end_line=span.end_line, end_column=span.end_column, **kwargs
        )

    def finding_at_offsets(self, start: int, end: int, **kwargs: Any) -> Finding:
        """A finding covering offsets ``start`` to ``end`` of :attr:`text`."""
        return self.finding_at(self.index.span(start, end), **kwargs)

    def finding_on_line(self, line: int, **kwargs: Any) -> Finding:
        """A finding covering the text of ``line`` (blanks at either end left out)."""
        return self.finding_at(self.index.line_span(line), **kwargs)

    def finding_for_text(self, text: str, line: int, **kwargs: Any) -> Finding:
        """A finding on ``text`` as found at or after ``line``; the whole line if not found."""
        span = self.locate(text, line)
        if span is None or span.line > line + 50:
            return self.finding_on_line(line, **kwargs)
        return self.finding_at(span, **kwargs)

    def document_finding(self, **kwargs: Any) -> Finding:
        """A finding about the document as a whole, reported at its title (or first line)."""
        return self.finding_on_line(self.title_line(), **kwargs)

    def title_line(self) -> int:
        """The line of the document's title: the front matter ``title`` or first heading."""
        line = self.pm.meta.lines.get("title")
        if line:
            return line
        for number, text in enumerate(self.index.lines, start=1):
            if text.startswith("#"):
                return number
        return 1


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.strip(), None)
    return tuple(seen)
