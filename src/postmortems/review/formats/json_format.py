"""``--format json``: a list of findings, the contract other tools read."""

from __future__ import annotations

import json

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.review.session import LintRun


class JsonFormat:
    """A JSON list of objects with keys path, line, column, end_line, end_column, rule,
    severity, message, suggestion (null when there is none), in file then position order."""

    name = "json"
    description = "a JSON list of findings"

    def render(self, run: LintRun, *, color: bool = False) -> str:
        return json.dumps([f.to_dict() for f in run.findings], indent=2, ensure_ascii=False) + "\n"
