"""Test-only rules and helpers for the review engine (the real rules are tested by examples)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import ClassVar

from postmortems.model import Postmortem
from postmortems.review import Example, Finding, ReviewContext, Rule, RuleRegistry, Severity

_WORD = re.compile(r"\bcareless\b", re.IGNORECASE)


class DemoWord(Rule):
    id = "demo.word"
    severity = Severity.WARNING
    summary = "The word 'careless' judges a person"
    rationale = "Judging people hides the conditions that made the mistake easy."
    anti_pattern = "A careless engineer ran the script."
    better = "The script ran against production because no environment check existed."
    options: ClassVar[dict[str, str]] = {"word": "careless"}
    examples = (
        Example.passing("## Summary\n\nThe script had no environment check.\n"),
        Example.failing("## Summary\n\nA careless engineer ran it.\n", lines=[3]),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        word = re.compile(rf"\b{re.escape(str(ctx.options['word']))}\b", re.IGNORECASE)
        for match in word.finditer(ctx.text):
            yield ctx.finding_at_offsets(
                match.start(),
                match.end(),
                message=f"'{match.group()}' judges a person, not the system",
                suggestion="Describe what made the mistake easy to make",
            )


class DemoSummary(Rule):
    id = "demo.summary"
    severity = Severity.ERROR
    summary = "The document has no Summary section"
    rationale = "Readers stop after the summary."
    examples = (
        Example.passing("# T\n\n## Summary\n\nShort.\n"),
        Example.failing("# T\n\n## Impact\n\nNone.\n", lines=[1]),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        if not any(line.strip().lower() == "## summary" for line in ctx.lines):
            yield ctx.document_finding()


class DemoTodo(Rule):
    id = "other.todo"
    severity = Severity.INFO
    summary = "A TODO is left in the text"
    rationale = "Placeholders mean the review is not finished."
    examples = (
        Example.passing("Done.\n"),
        Example.failing("TODO: fill in\n", lines=[1]),
    )

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        for number, line in enumerate(ctx.lines, start=1):
            column = line.find("TODO")
            if column >= 0:
                yield ctx.finding(number, column + 1, end_column=column + 5)


class Crashing(Rule):
    id = "demo.crash"
    summary = "Always crashes"
    rationale = "To test the engine."
    examples = (Example.passing("x\n"), Example.failing("y\n", lines=[1]))

    def check(self, ctx: ReviewContext) -> Iterable[Finding]:
        raise ZeroDivisionError("boom")


TEST_RULES = (DemoWord, DemoSummary, DemoTodo)


def registry(*rules: type[Rule]) -> RuleRegistry:
    """A registry with only the given rules (default: the demo rules)."""
    reg = RuleRegistry(builtin_package=None, plugins=False)
    for rule in rules or TEST_RULES:
        reg.register(rule)
    return reg


def doc(text: str, path: str = "doc.md") -> Postmortem:
    """A Postmortem holding only its source: enough for the demo rules."""
    return Postmortem(source=textwrap.dedent(text).lstrip("\n"), path=path)
