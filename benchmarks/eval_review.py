"""Accuracy of the blame review, measured through the real pipeline (parser + review engine).

``python -m benchmarks.eval_review`` (``make eval``; also part of ``make bench``):

1. Labelled sentences: ``../shared/eval/blame_sentences.tsv`` (the team's sample) and our own
   development set ``tests/fixtures/review/blame_dev.tsv``. Each sentence is placed in a
   canonical document under its section, with its participants in front matter (a timeline
   entry or an action item as a list item); a ``blame.*`` finding on its line counts as
   "blame". Precision and recall are reported per set; targets: precision >= 0.95 and
   recall >= 0.90.
2. Real postmortems (``../shared/corpus``, blameless in intent): every ``blame.*`` finding is
   listed with ``file:line`` and its sentence so a person can judge it; target: at most one per
   five documents. The time to parse and review each document is reported too.

3. Labelled action items (``../shared/eval/action_items.tsv`` and our development set
   ``tests/fixtures/review/action_items_dev.tsv``), scored by :mod:`benchmarks._eval_actions`:
   each item as a list item and as a table row; target: at least 90% right.

Exit status 1 when a target is missed, 0 otherwise (2 when the shared material is absent).
"""

from __future__ import annotations

import csv
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from postmortems.document import parse_file, parse_text
from postmortems.review import LintConfig
from postmortems.review.engine import enabled_rules, review

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SAMPLE = SHARED / "eval" / "blame_sentences.tsv"
DEV = ROOT / "tests" / "fixtures" / "review" / "blame_dev.tsv"
CORPUS = SHARED / "corpus"
PRECISION, RECALL, CORPUS_RATE = 0.95, 0.90, 0.2
_LIST_SECTIONS = {"timeline", "action items"}


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled sentence."""

    blame: bool
    section: str
    participants: tuple[str, ...]
    sentence: str


def load(path: Path) -> list[Case]:
    """Read a TSV of ``label, section, participants, sentence``."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Case(
                row["label"].strip() == "blame",
                row["section"].strip(),
                tuple(n.strip() for n in (row["participants"] or "").split(",") if n.strip()),
                row["sentence"].strip(),
            )
            for row in rows
        ]


def document(case: Case, layout: str = "list") -> tuple[str, int]:
    """A realistic canonical document holding the case's sentence, and the sentence's line.

    ``layout`` "list" writes a timeline entry or an action item as a bullet; "table" writes a
    timeline entry as a table row (time | event) and an action item as a numbered item.
    """
    front = {"title": "Checkout outage", "kind": "incident", "status": "draft"}
    if case.participants:
        front["participants"] = list(case.participants)
    head = "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n"
    head += "# Checkout outage\n\n" + f"## {case.section}\n\n"
    section = case.section.lower()
    if layout == "table" and section == "timeline":
        stamp = re.match(r"(\d{1,2}:\d{2})\s+(.*)", case.sentence)
        time_text, event = (stamp.group(1), stamp.group(2)) if stamp else ("", case.sentence)
        head += "| Time (UTC) | Event |\n|---|---|\n"
        return head + f"| {time_text} | {event} |\n", head.count("\n") + 1
    line = head.count("\n") + 1
    if section in _LIST_SECTIONS:
        body = f"{'1.' if layout == 'table' else '-'} {case.sentence}\n"
    else:
        body = f"{case.sentence}\n"
    return head + body, line


def is_flagged(case: Case, config: LintConfig, layout: str = "list") -> bool:
    """True when the review reports a ``blame.*`` finding on the sentence's line."""
    text, line = document(case, layout)
    findings = review(parse_text(text, path="eval.md"), config)
    return any(f.rule.startswith("blame.") and f.line <= line <= f.end_line for f in findings)


def score(name: str, cases: list[Case], config: LintConfig, layout: str = "list") -> bool:
    """Print precision and recall on ``cases`` and each miss; True when both targets hold."""
    tp = fp = fn = tn = 0
    misses: list[str] = []
    for case in cases:
        flagged = is_flagged(case, config, layout)
        if flagged and case.blame:
            tp += 1
        elif flagged:
            fp += 1
            misses.append(f"  false positive [{case.section}] {case.sentence}")
        elif case.blame:
            fn += 1
            misses.append(f"  missed         [{case.section}] {case.sentence}")
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    ok = precision >= PRECISION and recall >= RECALL
    print(
        f"{name}: {len(cases)} sentences ({tp + fn} blame, {fp + tn} clean)  "
        f"precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
        f"  {'ok' if ok else 'BELOW TARGET'}"
    )
    for miss in misses:
        print(miss)
    return ok


def corpus(config: LintConfig) -> bool:
    """List every blame finding on the corpus; True when at most one per five documents."""
    files = sorted(CORPUS.rglob("*.md"))
    rules = enabled_rules(config)
    found = 0
    elapsed = 0.0
    for path in files:
        started = time.perf_counter()
        pm = parse_file(path)
        findings = [f for f in review(pm, config, rules=rules) if f.rule.startswith("blame.")]
        elapsed += time.perf_counter() - started
        lines = pm.source.splitlines()
        for f in findings:
            found += 1
            source = lines[f.line - 1]
            start = max(0, f.column - 1 - 70)
            text = re.sub(r"\s+", " ", source[start : f.column - 1 + 110]).strip()
            text = ("..." if start else "") + text
            print(f"  {path.relative_to(CORPUS)}:{f.line}:{f.column}: {f.rule}: {text}")
    rate = found / len(files) if files else 0.0
    ok = rate <= CORPUS_RATE
    per_doc = elapsed / len(files) * 1000 if files else 0.0
    print(
        f"corpus: {len(files)} documents, {found} blame findings ({rate:.2f} per document, "
        f"target <= {CORPUS_RATE})  {'ok' if ok else 'ABOVE TARGET'}"
    )
    print(f"corpus: parse + blame review {per_doc:.1f} ms per document (warm)")
    return ok


def main(argv: list[str]) -> int:
    """Run the evaluation; see the module docstring."""
    if not SAMPLE.exists() or not CORPUS.exists():
        print(f"eval_review: shared material not found under {SHARED.resolve()}; skipped")
        return 2
    config = LintConfig(select=("blame",))
    sample, dev = load(SAMPLE), load(DEV)
    results = [
        score("eval sample (../shared/eval/blame_sentences.tsv)", sample, config),
        score("eval sample, timeline as table rows", sample, config, "table"),
        score("dev set (tests/fixtures/review/blame_dev.tsv)", dev, config),
        score("dev set, timeline as table rows", dev, config, "table"),
        corpus(config),
    ]
    from benchmarks import _eval_actions as eval_actions

    print("\naction items (action.vague, action.no-owner, action.no-due):")
    results.append(eval_actions.main(["--min", "0.9"]) == 0)
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
