"""Where a sentence blames a person, and why: the entry point of the blame detectors.

Each detector reads a :class:`~postmortems.review.language.text.Text` and returns
:class:`~postmortems.review.language.detectors.common.Hit` objects tagged with the rule they
belong to; the rules in :mod:`postmortems.review.rules.blame` pick their own, so a sentence is
analysed once however many rules look at it.

The approach is shallow and explainable: phrase lexicons matched over tokens, plus the one piece
of grammar that separates blame from description, *who the subject is*. "The deploy failed" and
"the cache failed to refresh" describe a system; "Alice failed to refresh the cache" judges a
person. Negation ("this was not human error"), quotation (a log line that says "failed to") and
an explanation that puts the cause in the system ("... because of a missing environment check")
are honoured. Every pattern is gated on words it needs, so sentences without any are never
tokenised.
"""

from __future__ import annotations

from collections.abc import Callable

from postmortems.review.language.detectors.cause import human_error, person_as_cause
from postmortems.review.language.detectors.common import (
    COUNTERFACTUAL,
    EXHORTATION,
    HUMAN_ERROR,
    JUDGMENTAL,
    PERSON_AS_CAUSE,
    PUNITIVE,
    Hit,
)
from postmortems.review.language.detectors.hindsight import counterfactual
from postmortems.review.language.detectors.punitive import punitive
from postmortems.review.language.detectors.tone import exhortation, judgmental
from postmortems.review.language.lexicon import open_patterns, opens_any
from postmortems.review.language.people import People
from postmortems.review.language.text import Text, gate_words

__all__ = [
    "COUNTERFACTUAL",
    "EXHORTATION",
    "HUMAN_ERROR",
    "JUDGMENTAL",
    "PERSON_AS_CAUSE",
    "PUNITIVE",
    "RULES",
    "Hit",
    "could_blame",
    "detect",
    "detect_text",
    "open_patterns",
]

#: The blame rules, in the order their detectors run.
RULES = (PERSON_AS_CAUSE, HUMAN_ERROR, COUNTERFACTUAL, JUDGMENTAL, EXHORTATION, PUNITIVE)

_DETECTORS: tuple[Callable[[Text], list[Hit]], ...] = (
    person_as_cause,
    human_error,
    counterfactual,
    judgmental,
    exhortation,
    punitive,
)


def could_blame(words: frozenset[str], people: People) -> bool:
    """True when a sentence with these gate words could hold blame (a cheap pre-check)."""
    return opens_any(words, people)


def detect(text: Text) -> list[Hit]:
    """Every blame hit in a prepared sentence, one per rule and overlapping span."""
    hits: list[Hit] = []
    for detector in _DETECTORS:
        for found in detector(text):
            if not any(
                h.rule == found.rule and h.start < found.end and found.start < h.end for h in hits
            ):
                hits.append(found)
    return sorted(hits, key=lambda h: (h.start, h.rule))


def detect_text(sentence: str, people: People, section: str | None = None) -> list[Hit]:
    """Every blame hit in ``sentence`` (plain text, already free of Markdown)."""
    gate = gate_words(sentence)
    opened = open_patterns(gate, people)
    if not opened:
        return []
    return detect(Text.of(sentence, people, section, gate, opened))
