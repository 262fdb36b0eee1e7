"""Punitive actions: retrain, warn, discipline, fire, revoke the access of, send to training.

A punishment teaches people to hide their mistakes, and the next review learns less. An action
is punitive when its object is a person or a group of staff: "Retrain the anomaly model",
"Warn users before their keys expire", "Fire a synthetic alert" and "Revoke the leaked token"
are not; "Retrain Alice", "Revoke Bob's production access" and "Send the on-call engineers to
training" are. Warning the on-call *when* something happens is alerting, not punishment.
"""

from __future__ import annotations

import re

from postmortems.document.lazyre import lazy
from postmortems.review.language.detectors.common import (
    PUNITIVE,
    STAFF,
    Hit,
    hit,
    mentions_person,
    scan,
)
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text
from postmortems.review.language.wordlists import words

_MSG = (
    "A punitive action item ('{w}') treats a person as the problem. Punishment teaches people "
    "to hide mistakes, and next time the review learns less; change the system instead."
)
_SUGGESTION = (
    "Replace with a change to the system, e.g. 'Make the deploy tool require a second approval "
    "for production database migrations.'"
)
_PASSIVE = words(
    """
    was were be been is are being get gets got getting
    """
)
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "those", "everyone", "everybody", "whoever"])
_ALERTING = lazy(r"(?:when|if|before|about|that|of|on|ahead|whenever|as)\b")


def punitive(text: Text) -> list[Hit]:
    """Action items (or reported actions) that punish or retrain a person or group."""
    hits: list[Hit] = []

    def add(first: int, last: int) -> None:
        message = _MSG.format(w=text.words(first, last))
        hits.append(hit(text, PUNITIVE, first, last, message, _SUGGESTION))

    for match in scan(text, "punitive_inherent"):
        first, last = text.tokens_of(match)
        if match.group(0).startswith(("hold", "held")):
            held = text.tokens[first + 1 : last - 1]
            if not held or not (
                text.people.classify(held) in STAFF
                or held[0].low in _OBJECT_PRONOUNS
                or mentions_person(text, first + 1, last - 1)
            ):
                continue
        add(first, last)
    for match in scan(text, "punitive_verb"):
        first, last = text.tokens_of(match)
        obj = text.object(last - 1)
        staff = obj.who in STAFF or (
            obj.start < len(text.tokens) and text.tokens[obj.start].low in _OBJECT_PRONOUNS
        )
        if not staff:
            # Passive: "the engineer was reprimanded", "make sure Thabo is retrained".
            passive = first > 0 and text.tokens[first - 1].low in _PASSIVE
            staff = passive and text.subject(first).who in STAFF
        if not staff or text.subject(first).who is Who.THING:
            continue  # "the monitoring warned them": a system, not a punishment
        if match.group(0).startswith(("warn", "fire")):
            tail = " ".join(t.low for t in text.tokens[obj.end : obj.end + 2])
            if _ALERTING.match(tail):
                continue  # "warn the on-call when the disk is 80% full" is alerting
        add(first, max(last, obj.end))
    for match in scan(text, "training"):
        first, last = text.tokens_of(match)
        if text.tokens[first].low.startswith("sen"):
            obj = text.object(first)
            if obj.who not in STAFF and not mentions_person(text, obj.start, obj.end):
                continue
        else:
            subject = text.subject(first)
            if subject.who not in STAFF and not (
                subject.who is Who.NONE or mentions_person(text, subject.start, subject.end)
            ):
                continue
        add(first, last)
    for match in scan(text, "access"):
        first, last = text.tokens_of(match)
        holder = (match.group("obj") or "") + " " + (match.group("tail") or "")
        if not holder.strip():
            continue
        start = text.index_at(match.start("obj")) if match.group("obj") else last
        if mentions_person(text, start, last) or re.search(
            r"\b(?:him|her|them|involved|responsible)\b", holder
        ):
            add(first, last)
    # "Remove Tariq from the on-call rotation", "take her off the pager".
    for match in scan(text, "rotation"):
        first, last = text.tokens_of(match)
        start, end = text.tokens_of(match, "obj")
        if mentions_person(text, start, end) or text.tokens[start].low in _OBJECT_PRONOUNS:
            add(first, last)
    return hits
