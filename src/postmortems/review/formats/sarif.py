"""``--format sarif``: SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code, ...).

One run; ``tool.driver.rules`` describes every rule that ran (id, summary, rationale, help with
the anti-pattern and better version); each finding is a result pointing at its region. Columns
count Unicode code points (``columnKind``), end columns are exclusive as SARIF wants. Files that
could not be read are tool execution notifications, and make ``executionSuccessful`` false.
"""

from __future__ import annotations

import json
import os

from postmortems import __version__
from postmortems.review.finding import Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Any

    from postmortems.review.rule import Rule
    from postmortems.review.session import LintRun

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_UNRESERVED = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@"
)


def to_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (to ``%SRCROOT%``),
    separators become ``/``, other characters are percent-encoded."""
    path = path.replace(os.sep, "/")
    encoded = "".join(
        c if c in _UNRESERVED else "".join(f"%{b:02X}" for b in c.encode()) for c in path
    )
    return "file://" + encoded if path.startswith("/") else encoded


def _rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    help_md = rule.rationale
    if rule.anti_pattern:
        help_md += f"\n\nInstead of:\n\n```markdown\n{rule.anti_pattern.rstrip()}\n```"
    if rule.better:
        help_md += f"\n\nWrite:\n\n```markdown\n{rule.better.rstrip()}\n```"
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": rule.rationale, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _location(path: str, region: dict[str, int] | None = None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": to_uri(path)}
    if not path.startswith(("/", "<")):
        artifact["uriBaseId"] = "%SRCROOT%"
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


class SarifFormat:
    """A SARIF 2.1.0 log."""

    name = "sarif"
    description = "SARIF 2.1.0 log for code-scanning tools"

    def render(self, run: LintRun, *, color: bool = False) -> str:
        rules = {rule_id: _rule_descriptor(r) for rule_id, r in sorted(run.rules.items())}
        for finding in run.findings:  # a finding from a rule that is not listed still needs one
            rules.setdefault(finding.rule, _placeholder(finding))
        order = {rule_id: i for i, rule_id in enumerate(rules)}
        results = []
        for finding in run.findings:
            text = finding.message
            if finding.suggestion:
                text += f"\nSuggestion: {finding.suggestion}"
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": order[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": text},
                "locations": [_location(finding.path, _region(finding))],
            }
            if finding.suggestion:
                result["properties"] = {"suggestion": finding.suggestion}
            results.append(result)
        notifications = [
            {
                "level": "error",
                "message": {"text": str(report.error)},
                "locations": [
                    _location(
                        report.path,
                        {"startLine": report.error.line} if report.error.line else None,
                    )
                ],
            }
            for report in run.files
            if report.error is not None
        ]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "postmortems",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": list(rules.values()),
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": not notifications,
                            "toolExecutionNotifications": notifications,
                        }
                    ],
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": to_uri(os.getcwd()) + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _placeholder(finding: Finding) -> dict[str, Any]:
    return {"id": finding.rule, "shortDescription": {"text": finding.rule}}
