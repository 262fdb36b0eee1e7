"""Accuracy of the action-item rules on labelled items (issue 3, acceptance).

Each item of a TSV file with columns ``expect`` (``vague``, ``no-owner``, ``no-due`` or ``ok``)
and ``item`` is placed in a canonical document's Action items section, once as a list item and
once as a table row (Action | Owner | Due, the owner and due date moved to their columns when
the item states them as "Owner: ..." and "Due: ..."), and reviewed with the action rules. An
item is right when the finding its label asks for is on its line (``action.vague``,
``action.no-owner``, ``action.no-due``), or, for ``ok``, when none of the three is.

    python -m benchmarks._eval_actions                      # ../shared/eval + the dev set
    python -m benchmarks._eval_actions FILE.tsv -v          # one file, listing the misses
    python -m benchmarks._eval_actions --min 0.9    # exit 1 below 90% on any file (make eval)

Besides that score, the strict score also counts a wrong extra finding (an ``ok``-worthy
aspect reported: a vague finding on a no-owner item, say) as a miss.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "action_items.tsv"
DEV_SET = ROOT / "tests" / "fixtures" / "review" / "action_items_dev.tsv"

RULES = {"vague": "action.vague", "no-owner": "action.no-owner", "no-due": "action.no-due"}
LABELS = ("vague", "no-owner", "no-due", "ok")
FORMS = ("list", "table")

HEADER = """---
title: Action item check
kind: incident
date: 2025-02-01
review_date: 2025-02-04
---

# Action item check

## Action items

"""
_FIELD = re.compile(
    r"(?:^|(?<=[.;,]\s)|(?<=\s))(?P<label>owner|owners|assignee|due|deadline|eta)\s*:\s*"
    r"(?P<value>.*?)\s*[.;]?\s*(?=(?:\b(?:owner|owners|assignee|due|deadline|eta)\s*:)|$)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Score:
    """Counts for one file and one form of placing the items."""

    total: int = 0
    right: int = 0
    strict: int = 0
    by_label: Counter[str] = field(default_factory=Counter)
    right_by_label: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def strict_accuracy(self) -> float:
        return self.strict / self.total if self.total else 0.0


def read_items(path: Path) -> list[tuple[str, str]]:
    """(expect, item) pairs of a labelled TSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = []
    for row in rows:
        expect = (row.get("expect") or "").strip()
        item = (row.get("item") or "").strip()
        if expect not in LABELS:
            raise SystemExit(f"{path}: unknown label {expect!r} (expected one of {LABELS})")
        out.append((expect, item))
    return out


def split_fields(item: str) -> tuple[str, str, str]:
    """(action, owner, due) of an item written "Action. Owner: X. Due: Y."; forms without
    labels stay whole in the action."""
    matches = list(_FIELD.finditer(item))
    if not matches:
        return item, "", ""
    action = item[: matches[0].start()].strip().rstrip(".;").strip()
    owner = due = ""
    for match in matches:
        label = match.group("label").lower()
        value = match.group("value").strip()
        if label in ("owner", "owners", "assignee"):
            owner = value
        else:
            due = value
    return action, owner, due


def document(item: str, form: str) -> tuple[str, int]:
    """The text of a document holding ``item`` and the line it is on."""
    line = HEADER.count("\n") + 1
    if form == "list":
        return HEADER + f"- {item}\n", line
    action, owner, due = split_fields(item)
    cells = [c.replace("|", "\\|") for c in (action, owner, due)]
    table = "| Action | Owner | Due |\n| --- | --- | --- |\n" + "| " + " | ".join(cells) + " |\n"
    return HEADER + table, line + 2


def evaluate(items: Sequence[tuple[str, str]], form: str) -> Score:
    """Review every item placed in ``form`` and score the findings on its line."""
    from postmortems.document import parse_text
    from postmortems.review import LintConfig, review
    from postmortems.review.engine import enabled_rules

    config = LintConfig(select=tuple(RULES.values()))
    rules = enabled_rules(config)
    score = Score()
    for expect, item in items:
        text, line = document(item, form)
        found = review(parse_text(text, path="eval.md"), config, rules=rules)
        on_line = sorted({f.rule for f in found if f.line == line})
        wanted = RULES.get(expect)
        right = (wanted in on_line) if wanted else not on_line
        strict = on_line == ([wanted] if wanted else [])
        score.total += 1
        score.by_label[expect] += 1
        if right:
            score.right += 1
            score.right_by_label[expect] += 1
        else:
            score.misses.append((expect, item, on_line))
        score.strict += strict
    return score


def report(name: str, scores: dict[str, Score], verbose: bool) -> list[str]:
    """Lines describing the scores of one file."""
    lines = []
    for form, score in scores.items():
        per_label = ", ".join(
            f"{label} {score.right_by_label[label]}/{score.by_label[label]}"
            for label in LABELS
            if score.by_label[label]
        )
        lines.append(
            f"{name} [{form}]: {score.right}/{score.total} right = {score.accuracy:.1%} "
            f"(strict {score.strict_accuracy:.1%}; {per_label})"
        )
        if verbose:
            for expect, item, rules in score.misses:
                lines.append(f"    miss: expected {expect}, got {rules or 'nothing'}: {item}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Score each labelled file given (default: the shared sample and the dev set)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled TSV files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--min", type=float, default=None, help="exit 1 below this accuracy")
    args = parser.parse_args(argv)
    files = args.files or [p for p in (SHARED_EVAL, DEV_SET) if p.is_file()]
    if not files:
        print("no labelled files found (../shared/eval is absent)", file=sys.stderr)
        return 2
    failed = False
    for path in files:
        items = read_items(path)
        scores = {form: evaluate(items, form) for form in FORMS}
        for line in report(path.name, scores, args.verbose):
            print(line)
        if args.min is not None and any(s.accuracy < args.min for s in scores.values()):
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
