"""The gates in front of the blame patterns only skip work: with or without the finer ways
in (lexicon.REFINED), every sentence the team has written down gets the same findings."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from postmortems.review.language import lexicon
from postmortems.review.language.blame import detect_text
from postmortems.review.language.document import analyse
from postmortems.review.language.people import People
from postmortems.review.language.sentences import sentences
from support import FIXTURES, ROOT, SHARED, corpus_files

TSVS = [FIXTURES / "review" / "blame_dev.tsv", SHARED / "eval" / "blame_sentences.tsv"]


def _sentences() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for path in TSVS:
        if not path.exists():
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                names = tuple(n.strip() for n in (row["participants"] or "").split(",") if n)
                rows.append((row["sentence"], row["section"], names))
    return rows


def _documents() -> list[Path]:
    return [*sorted((ROOT / "examples").glob("*.md")), *corpus_files()]


def _hits(rows, documents):
    out = []
    for sentence, section, names in rows:
        people = People.of(names)
        out.append([(h.rule, h.start, h.end, h.message) for h in detect_text(sentence, people)])
        out.append([(h.rule, h.start, h.end) for h in detect_text(sentence, People.of(), section)])
    for path in documents:
        text = path.read_text(encoding="utf-8")
        out.append([(f.hit.rule, f.line, f.column) for f in analyse(text, People.of())])
    return out


def test_refined_gates_change_no_finding(monkeypatch):
    rows, documents = _sentences(), _documents()
    assert len(rows) > 300
    refined = _hits(rows, documents)
    monkeypatch.setattr(lexicon, "REFINED", {})
    assert _hits(rows, documents) == refined


@pytest.mark.parametrize("name", sorted(lexicon.REFINED))
def test_refinements_belong_to_gated_patterns(name):
    # A way in narrows the pattern's gates; it never opens a pattern the gates keep shut.
    assert name in lexicon.GATES
    for way in lexicon.REFINED[name]:
        assert way and all(isinstance(words, frozenset) and words for words in way)


def test_refinements_skip_sentences():
    # The point of them: a long document's "check" and "errors" no longer open the pattern.
    text = "## Impact\n\nThe health check returned errors for ten minutes.\n"
    people = People.of()
    kept = list(sentences(text, 1, lambda words: bool(lexicon.open_patterns(words, people))))
    assert kept == []
