"""The rule seam: one small class per rule, one rule per module, documented by its examples.

A rule is a subclass of :class:`Rule` with a stable ``id`` (``family.name``), a default
``severity``, a one-line ``summary``, the ``rationale`` from the practice, an ``anti_pattern`` and a
``better`` version (Markdown shown in ``docs/rules.md``), and ``examples`` that run as tests. Its
:meth:`Rule.check` reads a :class:`~postmortems.review.context.ReviewContext` and yields
findings, usually through the context's helpers so that the rule id, severity and path are
filled in::

    class Judgmental(Rule):
        id = "blame.judgmental"
        severity = Severity.WARNING
        summary = "Judgmental word about a person"
        rationale = "..."
        examples = (
            Example.passing("## Summary\n\nThe deploy script targeted production.\n"),
            Example.failing("## Summary\n\nA careless engineer broke it.\n", lines=[3]),
        )

        def check(self, ctx: ReviewContext) -> Iterable[Finding]:
            for line, column, end in find_words(ctx.lines):
                yield ctx.finding(line, column, end_column=end)

Built-in rules live in ``postmortems/review/rules/<family>/<name>.py`` (the module name is the
rule name with ``-`` written ``_``); third-party rules register through the ``postmortems.rules``
entry point group. Both go through :class:`~postmortems.review.registry.RuleRegistry`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence

from postmortems.document.lazyre import lazy
from postmortems.model.record import Record
from postmortems.review.finding import Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from postmortems.review.context import ReviewContext

#: A rule id: a family and a name, lower case, the name may contain dashes.
RULE_ID = lazy(r"^[a-z][a-z0-9]*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Example(Record):
    """A pass or fail case of a rule, run as a test and checked whenever the rule changes.

    ``document`` is a whole Markdown document or a fragment (a section or two); it is dedented
    and its leading newlines removed before it is parsed, so line 1 is its first non-empty
    line. ``lines`` lists the lines the rule must report, one entry per expected finding; an
    empty tuple makes a pass case (the rule must report nothing). ``config`` is a lint
    configuration table (the keys of ``[tool.postmortems.lint]``) to review the example with.
    """

    __slots__ = ("config", "document", "lines", "note")

    document: str
    lines: tuple[int, ...]
    config: Mapping[str, Any]
    note: str

    def __init__(
        self,
        document: str,
        lines: tuple[int, ...] = (),
        config: Mapping[str, Any] | None = None,
        note: str = "",
    ) -> None:
        self.document = document
        self.lines = lines
        self.config = {} if config is None else config
        self.note = note

    @classmethod
    def passing(
        cls, document: str, *, config: Mapping[str, Any] | None = None, note: str = ""
    ) -> Example:
        """A case the rule must not report."""
        return cls(document, (), dict(config or {}), note)

    @classmethod
    def failing(
        cls,
        document: str,
        lines: Sequence[int],
        *,
        config: Mapping[str, Any] | None = None,
        note: str = "",
    ) -> Example:
        """A case the rule must report, once per entry of ``lines``."""
        if not lines:
            raise ValueError("a failing example needs at least one expected line")
        return cls(document, tuple(lines), dict(config or {}), note)

    @property
    def passes(self) -> bool:
        """True for a pass case."""
        return not self.lines

    @property
    def text(self) -> str:
        """The document as it is parsed: dedented, leading newlines removed."""
        import textwrap  # only examples need it (tests and docs), not a review

        return textwrap.dedent(self.document).lstrip("\n")


class Rule(ABC):
    """Base class of review rules. Subclasses set the class attributes and implement check.

    Rules are instantiated once per review run and must keep no state between documents.
    ``options`` declares the rule's settings and their defaults; a user sets them in
    ``[tool.postmortems.lint.rules."family.name"]`` and the rule reads them from
    :attr:`ReviewContext.options <postmortems.review.context.ReviewContext.options>`. Keys a
    rule does not declare are configuration errors.
    """

    id: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]
    rationale: ClassVar[str]
    anti_pattern: ClassVar[str] = ""
    better: ClassVar[str] = ""
    examples: ClassVar[Sequence[Example]] = ()
    options: ClassVar[Mapping[str, Any]] = {}

    @abstractmethod
    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        """Yield the findings of this rule on the document in ``ctx``."""

    @classmethod
    def family(cls) -> str:
        """The part of the id before the dot (``blame`` for ``blame.judgmental``)."""
        return cls.id.partition(".")[0]

    @classmethod
    def problems(cls) -> list[str]:
        """What is wrong with this rule's declaration (empty when it is complete)."""
        out: list[str] = []
        rule_id = getattr(cls, "id", None)
        if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
            out.append(f"id {rule_id!r} is not of the form 'family.name' (lower case)")
        for attr in ("summary", "rationale"):
            value = getattr(cls, attr, None)
            if not isinstance(value, str) or not value.strip():
                out.append(f"{attr} is missing")
        summary = getattr(cls, "summary", "")
        if isinstance(summary, str) and "\n" in summary.strip():
            out.append("summary must be one line")
        if not isinstance(cls.severity, Severity):
            out.append(f"severity {cls.severity!r} is not a Severity")
        if not any(e.passes for e in cls.examples) or all(e.passes for e in cls.examples):
            out.append("examples need at least one passing and one failing case")
        return out
