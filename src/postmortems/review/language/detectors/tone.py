"""Judgment and exhortation: "careless", "dropped the ball", "be more careful", "remember to".

Judgmental words make people defend themselves instead of explaining what they saw; exhortations
ask people to try harder and leave the system that produced the error unchanged. Neither is
reported when the words are about technology ("lazy loading"), negated, or when the writer says
the system must stop relying on people ("so no one needs to remember to").
"""

from __future__ import annotations

import re

from postmortems.review.language.clauses import first_subject
from postmortems.review.language.detectors.common import (
    EXHORTATION,
    JUDGMENTAL,
    Hit,
    gated,
    hit,
    mentions_person,
    negated,
    scan,
    system_explained,
)
from postmortems.review.language.lexicon import patterns
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text

_MSG_JUDGE = (
    "'{w}' judges a person or their work. Judgment makes people defend themselves instead of "
    "explaining what they saw; describe what happened and what made sense at the time."
)
_SUG_JUDGE = (
    "Describe the situation neutrally, e.g. 'The warning appeared in a channel with 200 other "
    "alerts a day' instead of judging how someone responded."
)
_MSG_EXHORT = (
    "'{w}' asks people to try harder. Exhortations do not change the system, so the same "
    "conditions will produce the same outcome; change what made the error easy to make."
)
_SUG_EXHORT = (
    "Ask what made the change easy to get wrong and fix that, e.g. 'Staging did not exercise "
    "batch sizes above 100' -> 'Add a staging load test with production-sized batches.'"
)


def judgmental(text: Text) -> list[Hit]:
    """Judgmental words and phrases about people or their work."""
    p = patterns()
    hits: list[Hit] = []
    strong = gated(text, "judgmental") or gated(text, "judgmental_phrase")
    for name in ("judgmental", "bother", "completely", "competent"):
        found = text.find(p.judgmental) if name == "judgmental" and strong else scan(text, name)
        if name == "judgmental" and not strong:
            found = []
        for match in found:
            first, last = text.tokens_of(match)
            word = match.group(0)
            if name == "judgmental":
                if word.startswith("lazy") and p.lazy_tech.match(text.norm[match.start() :]):
                    continue  # "lazy loading"
                if negated(text, first, 2) and not re.search(r"know|bother|round", word):
                    continue
            message = _MSG_JUDGE.format(w=text.words(first, last))
            hits.append(hit(text, JUDGMENTAL, first, last, message, _SUG_JUDGE))
    if scan(text, "obviously") and p.hindsight_words.search(text.norm):
        for match in scan(text, "obviously"):
            first, last = text.tokens_of(match)
            message = (
                f"'{text.words(first, last)}' is hindsight: what is obvious now was not obvious "
                "then. Explain what the people involved could see at the time."
            )
            suggestion = (
                "Drop 'obviously' and say what information was (not) available, e.g. 'The "
                "dry-run flag was not the default and the script gave no preview.'"
            )
            hits.append(hit(text, JUDGMENTAL, first, last, message, suggestion))
    for match in scan(text, "too_long"):
        first, last = text.tokens_of(match)
        subject = first_subject(text.tokens, first, text.people)
        if system_explained(text, last):
            continue  # "we lost 20 minutes because the dashboard was down"
        if subject.person or subject.who is Who.WE or mentions_person(text, subject.start, first):
            message = (
                f"'{text.words(first, last)}' judges a person's speed or decisions. Give the "
                "times and what was known when, and ask what slowed or misled the response "
                "(paging, access, unclear dashboards)."
            )
            suggestion = (
                "State the durations and their reasons, e.g. 'The page reached the secondary "
                "after 25 minutes because the primary's phone had no signal.'"
            )
            hits.append(hit(text, JUDGMENTAL, first, last, message, suggestion))
    return hits


def exhortation(text: Text) -> list[Hit]:
    """Calls on people to be more careful, pay attention, remember, learn."""
    p = patterns()
    hits: list[Hit] = []
    for match in scan(text, "exhortation"):
        first, last = text.tokens_of(match)
        before = text.norm[max(0, match.start() - 50) : match.start()]
        if p.exhort_exempt.search(before):
            continue
        if match.group(0).startswith("learn") and not re.search(
            r"(?:need|needs|needed|must|should|has|have|had|to) $", before
        ):
            continue
        subject = text.subject(first)
        if subject.who is Who.NOBODY:
            continue
        if subject.who is Who.THING and not _dummy(text, subject.start):
            continue
        message = _MSG_EXHORT.format(w=text.words(first, last))
        hits.append(hit(text, EXHORTATION, first, last, message, _SUG_EXHORT))
    return hits


def _dummy(text: Text, index: int) -> bool:
    """ "It is important to be careful": a dummy subject that still exhorts people."""
    return index < len(text.tokens) and text.tokens[index].low in ("it", "this", "there")
