"""The blame analysis: who a subject is, the development set, the corpus, and fixture hygiene.

The development set (tests/fixtures/review/blame_dev.tsv) is written by the team for the kinds
of sentence the rules must judge, not copied from the evaluation sample; a test checks that no
sentence of the sample appears in any fixture.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from postmortems.document import parse_file, parse_text
from postmortems.review import LintConfig, review
from postmortems.review.language.blame import detect_text
from postmortems.review.language.factors import is_person_action, names_person
from postmortems.review.language.people import People, Who
from postmortems.review.language.tokens import tokenize
from support import FIXTURES, SHARED, corpus_files, needs_corpus

DEV = FIXTURES / "review" / "blame_dev.tsv"
BLAME = LintConfig(select=("blame",))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize(
    ("phrase", "who"),
    [
        ("Alice", Who.NAME),
        ("The on-call engineer", Who.ROLE),
        ("the release manager", Who.ROLE),
        ("the secrets manager", Who.THING),
        ("The Prometheus operator", Who.THING),
        ("An operator", Who.ROLE),
        ("Engineer X", Who.NAME),
        ("Alice's deploy", Who.THING),
        ("The alert sent to the on-call engineer", Who.THING),
        ("Appointing an incident manager", Who.ACTIVITY),
        ("We", Who.WE),
        ("No one", Who.NOBODY),
        ("Flux", Who.THING),
        ("Zbigniew", Who.THING),
    ],
)
def test_who_a_phrase_refers_to(phrase: str, who: Who) -> None:
    assert People.of([]).classify(tokenize(phrase)) is who


def test_declared_names_count_even_when_uncommon() -> None:
    people = People.of(["Zbigniew Nowak", "@lucasheri"])
    assert people.classify(tokenize("Zbigniew")) is Who.NAME
    assert people.classify(tokenize("Nowak")) is Who.NAME
    assert detect_text("Zbigniew forgot to renew the certificate.", people)
    assert not detect_text("Zbigniew forgot to renew the certificate.", People.of([]))


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("The cache failed to refresh.", []),
        ("Alice failed to refresh the cache.", ["blame.counterfactual"]),
        ("14:11 Bob rolls back the deploy", []),
        ("We ran kill -9 on the master after it crashed and dropped packets.", []),
        ('The log said "operator failed to respond".', []),
        ("Bob's sloppy change caused the outage.", ["blame.judgmental", "blame.person-as-cause"]),
        ("This was not human error.", []),
        ("It was human error.", ["blame.human-error"]),
        ("Retrain the anomaly model.", []),
        ("Retrain Bob on the deploy tool.", ["blame.punitive-action"]),
    ],
)
def test_detected_rules(sentence: str, rules: list[str]) -> None:
    people = People.of(["Alice Smith", "Bob Jones"])
    assert sorted({h.rule for h in detect_text(sentence, people)}) == rules


def test_hits_carry_a_message_and_a_suggestion() -> None:
    (found,) = detect_text("Engineer X should be more careful during deploys.", People.of([]))
    assert "be more careful" in found.message
    assert found.suggestion and "easy to get wrong" in found.suggestion


def _flagged(row: dict[str, str]) -> bool:
    names = [n.strip() for n in row["participants"].split(",") if n.strip()]
    front = "---\ntitle: Outage\n" + (f"participants: [{', '.join(names)}]\n" if names else "")
    body = (
        f"- {row['sentence']}"
        if row["section"] in ("Timeline", "Action items")
        else row["sentence"]
    )
    text = front + f"---\n\n## {row['section']}\n\n{body}\n"
    line = text.count("\n")
    return any(f.line == line for f in review(parse_text(text), BLAME))


def test_dev_set_precision_and_recall() -> None:
    rows = _rows(DEV)
    assert len(rows) >= 200
    assert {r["label"] for r in rows} == {"blame", "clean"}
    results = [(_flagged(r), r["label"] == "blame") for r in rows]
    tp = sum(1 for got, want in results if got and want)
    fp = sum(1 for got, want in results if got and not want)
    fn = sum(1 for got, want in results if not got and want)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.90


@pytest.mark.skipif(
    not (SHARED / "eval" / "blame_sentences.tsv").exists(), reason="../shared/eval is absent"
)
def test_no_evaluation_sentence_is_in_our_fixtures_or_code() -> None:
    rows = _rows(SHARED / "eval" / "blame_sentences.tsv")
    sample = {r["sentence"].strip().lower() for r in rows}
    root = Path(__file__).resolve().parents[1]
    review_code = root / "src" / "postmortems" / "review"
    places = [
        *(FIXTURES / "review").rglob("*"),
        *(review_code / "language").rglob("*.py"),
        *(review_code / "rules" / "blame").rglob("*.py"),
        *(review_code / "rules" / "cause").rglob("*.py"),
        root / "benchmarks" / "eval_review.py",
        *(root / "tests").glob("test_review_language_*.py"),
    ]
    for path in places:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="ignore").lower()
            leaked = [s for s in sample if s in text]
            assert not leaked, f"{path} contains evaluation sentences: {leaked[:2]}"


@pytest.mark.parametrize(
    ("factor", "person"),
    [
        ("The engineer ran the cleanup script against production.", True),
        ("Alice skipped the checklist.", True),
        ("Human error.", True),
        ("The cleanup script defaults to production.", False),
        ("Priority-classes not implemented", False),
        ("Missed alert on queue depth", False),
    ],
)
def test_person_action(factor: str, person: bool) -> None:
    assert is_person_action(factor, People.of(["Alice Smith"])) is person


def test_names_person() -> None:
    people = People.of(["Alice Smith"])
    assert names_person("Alice deployed without a dry run.", people) == "Alice"
    assert names_person("The migration tool has no dry run.", people) is None


@pytest.mark.corpus
@needs_corpus
def test_corpus_has_at_most_one_blame_finding_per_five_documents() -> None:
    files = corpus_files()
    found = [f for path in files for f in review(parse_file(path), BLAME)]
    assert len(found) <= len(files) / 5, [f"{f.path}:{f.line} {f.rule}" for f in found]
