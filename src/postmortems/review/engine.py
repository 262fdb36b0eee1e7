"""The review engine: run the enabled rules on a parsed postmortem and filter what they find."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from postmortems.errors import PostmortemsError
from postmortems.model import Postmortem
from postmortems.review.config import LintConfig
from postmortems.review.context import ReviewContext
from postmortems.review.finding import Finding, Severity
from postmortems.review.registry import RULES, RuleRegistry
from postmortems.review.rule import Rule
from postmortems.review.suppression import Suppressions, parse_directives


class RuleCrash(PostmortemsError):
    """A rule raised an exception: a bug in the rule, reported with the rule and the file."""


def enabled_rules(config: LintConfig, registry: RuleRegistry | None = None) -> list[Rule]:
    """Instances of the rules ``config`` enables, in id order."""
    registry = registry or RULES
    return [registry.get(rule_id)() for rule_id in registry.select(config.select, config.ignore)]


def review(
    pm: Postmortem,
    config: LintConfig | None = None,
    *,
    registry: RuleRegistry | None = None,
    rules: Sequence[Rule] | None = None,
    path: str | None = None,
) -> list[Finding]:
    """Review ``pm`` against the practice and return what is wrong, sorted by position.

    Args:
        pm: The parsed document (``pm.source`` must hold its text, for positions and inline
            suppression comments).
        config: Settings; the defaults run every rule.
        registry: Where rules come from (default: built-ins and plugins).
        rules: Rule instances to run instead of those ``config`` selects (reuse them across
            documents to skip the selection step).
        path: The path to report (default ``pm.path``, else ``<stdin>``).

    Returns:
        The findings after severity overrides, inline suppressions and allowed phrases.

    Raises:
        RuleCrash: a rule raised an exception (a bug; the message names the rule).
    """
    config = config or LintConfig()
    if rules is None:
        rules = enabled_rules(config, registry)
    ctx = ReviewContext(pm, config, path=path, registry=registry)
    found: list[Finding] = []
    for rule in rules:
        try:
            found.extend(rule.check(ctx.for_rule(rule)))
        except PostmortemsError:
            raise
        except Exception as exc:
            raise RuleCrash(
                f"rule {rule.id} crashed: {type(exc).__name__}: {exc}",
                path=ctx.path,
                hint="this is a bug in the rule; please report it with the document",
            ) from exc
    return finalize(found, ctx)


def finalize(found: Iterable[Finding], ctx: ReviewContext) -> list[Finding]:
    """Apply severity overrides, suppression comments and allowed phrases; sort; drop repeats."""
    config = ctx.config
    suppressions = Suppressions(parse_directives(ctx.index), ctx.index)
    out: dict[tuple[object, ...], Finding] = {}
    for finding in found:
        finding = _clamped(finding, ctx)
        severity = _override(finding.rule, config.severity)
        if severity is not None and severity != finding.severity:
            finding = _with_severity(finding, severity)
        if suppressions and suppressions.suppressed(finding):
            continue
        if config.allowed_phrases and _allowed(finding, ctx):
            continue
        key = (finding.line, finding.column, finding.rule, finding.message)
        out.setdefault(key, finding)
    return sorted(out.values(), key=Finding.sort_key)


def _override(rule_id: str, overrides: dict[str, Severity]) -> Severity | None:
    if not overrides:
        return None
    family = rule_id.partition(".")[0]
    for key in (rule_id, family, "ALL"):
        if key in overrides:
            return overrides[key]
    return None


def _with_severity(finding: Finding, severity: Severity) -> Finding:
    return Finding(
        finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule,
        severity,
        finding.message,
        finding.suggestion,
    )


def _clamped(finding: Finding, ctx: ReviewContext) -> Finding:
    # A rule's off-by-one must not produce a position a viewer cannot show.
    lines = max(len(ctx.lines), 1)
    line = min(max(finding.line, 1), lines)
    end_line = min(max(finding.end_line, line), lines)
    column = max(finding.column, 1)
    end_column = finding.end_column
    if end_line == line and end_column <= column:
        end_column = column + 1
    if (line, end_line, column, end_column) == (
        finding.line,
        finding.end_line,
        finding.column,
        finding.end_column,
    ):
        return finding
    return Finding(
        finding.path,
        line,
        column,
        end_line,
        end_column,
        finding.rule,
        finding.severity,
        finding.message,
        finding.suggestion,
    )


def _allowed(finding: Finding, ctx: ReviewContext) -> bool:
    """True when the finding's span contains an allowed phrase or lies inside one (the span
    "kill" inside the allowed "kill -9")."""
    index = ctx.index
    start = index.offset(finding.line, finding.column)
    end = index.offset(finding.end_line, finding.end_column)
    if ctx.config.allows(index.text[start:end]):
        return True
    low = index.offset(finding.line, 1)
    high = index.line_end(finding.end_line)
    return any(a <= start and b >= end for a, b in ctx.config.allowed_spans(index.text, low, high))
