"""A person as the cause: "Alice broke checkout", "due to Bob's mistake", "human error".

Describing what a person did is not blame ("14:11 Bob rolls back the deploy"); making the person
the *cause of the fault* is. The detectors look for a person or role as the subject of a verb of
breakage, of an action with a faulty object or a fault adverb ("pushed the wrong flag",
"accidentally deleted"), as the owner of a fault ("Ben's faulty deploy"), or as the object of a
causal phrase ("caused by the on-call engineer"). "Human error" and its kin are reported
whenever they are offered as a cause, not when negated or discussed as a term.
"""

from __future__ import annotations

import re

from postmortems.review.language import verbs
from postmortems.review.language.clauses import first_subject, main_subject
from postmortems.review.language.detectors.common import (
    HUMAN_ERROR,
    PERSON_AS_CAUSE,
    Hit,
    clause_end,
    gated,
    hit,
    mentions_person,
    names_in,
    negated,
    possessive_person,
    scan,
    system_explained,
)
from postmortems.review.language.lexicon import patterns
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text
from postmortems.review.language.wordlists import words

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Protocol

_MSG_HUMAN_ERROR = (
    "'{w}' offered as a cause ends the inquiry where it should start: say what made the error "
    "possible or easy (the tool, the interface, the time pressure, the missing guard)."
)
_SUG_HUMAN_ERROR = (
    "Name the conditions instead, e.g. 'The CLI applied the change to production without a "
    "confirmation step, and the runbook listed the commands in a different order.'"
)
_MSG_PERSON = (
    "Names {who} as the cause of the fault. A blameless review asks what made the action "
    "possible or easy (tooling, defaults, missing guards), not who did it."
)
_SUG_PERSON = (
    "Make the system the subject, e.g. 'The flag console applied the change to production "
    "without a confirmation step, which broke sign-up.'"
)
# Words before a causal word that make it a noun: "the cause", "a break".
_NOUN_BEFORE = words(
    """
    the a an root main primary likely probable real underlying this that its their his her our
    possible 's contributing proximate immediate first second single one no any every of
    """
)


if TYPE_CHECKING:  # a protocol is only for the type checker

    class _Add(Protocol):
        def __call__(self, first: int, last: int, who_index: int | None = None) -> None: ...


_OBJECT_START = words(
    """
    the a an our their his her its this that production prod staging main master
    """
)


def human_error(text: Text) -> list[Hit]:
    """ "Human error", "operator error", "a mistake by the on-call engineer" as a cause."""
    p = patterns()
    hits: list[Hit] = []
    for match in scan(text, "human_error"):
        before = text.norm[max(0, match.start() - 60) : match.start()]
        after = text.norm[match.end() : match.end() + 40]
        if p.human_error_exempt_before.search(before) or p.human_error_exempt_after.match(after):
            continue
        word = match.group(0)
        if word.startswith("user") and (
            word.endswith("s") or re.search(r"(?:4xx|400|http|client|api) $", before)
        ):
            continue  # "4xx user errors": the errors users see, a metric
        first, last = text.tokens_of(match)
        message = _MSG_HUMAN_ERROR.format(w=text.words(first, last))
        hits.append(hit(text, HUMAN_ERROR, first, last, message, _SUG_HUMAN_ERROR))
    for match in scan(text, "mistake_by"):
        first, _ = text.tokens_of(match)
        if not match.group("who"):
            continue
        start = text.index_at(match.start("who"))
        obj = text.object(start - 1)
        if not (obj.person or mentions_person(text, obj.start, obj.end)) or negated(text, first):
            continue
        message = (
            "A mistake attributed to a person is offered as the cause; ask what made the "
            "mistake easy to make and hard to catch."
        )
        hits.append(hit(text, HUMAN_ERROR, first, obj.end, message, _SUG_HUMAN_ERROR))
    return hits


def person_as_cause(text: Text) -> list[Hit]:
    """A person or role named as the cause or the agent of a fault."""
    hits: list[Hit] = []

    def add(first: int, last: int, who_index: int | None = None) -> None:
        tokens = text.tokens
        who = "a person"
        if (
            who_index is not None
            and 0 <= who_index < len(tokens)
            and text.people.is_name(tokens[who_index])
        ):
            who = f"'{tokens[who_index].text}'"
        message = _MSG_PERSON.format(who=who)
        hits.append(hit(text, PERSON_AS_CAUSE, first, last, message, _SUG_PERSON))

    # "Alice broke checkout", "Lena's decision caused", "..., which broke sign-up".
    for match in scan(text, "causal"):
        tokens = text.tokens
        first, last = text.tokens_of(match)
        if negated(text, first, 2) or (first > 0 and tokens[first - 1].low in _NOUN_BEFORE):
            continue
        if tokens[first].low in ("crash", "crashed", "crashes", "break", "breaks") and (
            last >= len(tokens) or tokens[last].low not in _OBJECT_START
        ):
            continue  # intransitive: "the server crashed"
        subject = text.subject(first)
        person = subject.person or names_in(text, subject.start, subject.end)
        if subject.who is Who.NONE and first > 0 and tokens[first - 1].low in ("which", "that"):
            person = first_subject(tokens, first - 1, text.people).person
        if person:
            add(subject.start if subject.end else first, last, subject.start)
    # "Priya ran the migration against production, which locked the orders table": the
    # person is the subject of the clause whose harm the relative clause tells. A timeline
    # entry states what happened in order ("Bob runs the backfill, which locks the table"),
    # and a cause the sentence gives in the system ("... because of a missing timeout") is
    # the point, so neither is flagged.
    if text.section != "timeline":
        for match in scan(text, "harm_which"):
            first, last = text.tokens_of(match)
            if first == 0 or system_explained(text, last):
                continue
            subject = main_subject(text.tokens, first, text.people)
            if subject.person and not negated(text, subject.end + 2, 2):
                add(subject.start, last, subject.start)
    # "Victor accidentally deleted the record", "set the flag by mistake".
    for match in scan(text, "fault_adverb"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.who in (Who.NONE, Who.THING):
            subject = first_subject(text.tokens, first, text.people)
        if subject.person:
            add(first, last, subject.start)
    # "Nadia pushed the wrong flag", "Grace merged the migration without review".
    if gated(text, "action") and text.has_any(verbs.ACTIONS):
        p = patterns()
        tokens = text.tokens
        for index, token in enumerate(tokens):
            if token.low not in verbs.ACTIONS:
                continue
            end = clause_end(text, index + 1)
            clause = " ".join(t.low for t in tokens[index:end])
            if not (p.fault_adjective.search(clause) or p.without.search(clause)):
                continue
            subject = text.subject(index)
            if (
                subject.person
                and not negated(text, index, 2)
                and not system_explained(text, index + 1)
            ):
                add(index, end, subject.start)
    # "Leo skipped the pre-deploy checklist".
    for index, token in enumerate(text.tokens if text.has_any(verbs.SKIPS) else ()):
        if token.low in verbs.SKIPS:
            subject = text.subject(index)
            if subject.person and not negated(text, index, 2):
                add(index, index + 1, subject.start)
    _owned_faults(text, add)
    _blame_phrases(text, add)
    return hits


def _owned_faults(text: Text, add: _Add) -> None:
    """ "Ben's faulty deploy", "Victor's mistake", "her mistake", "due to Omar's change"."""
    for match in scan(text, "possessive_fault"):
        tokens = text.tokens
        owner = text.index_at(match.start("owner"))
        if tokens[owner].low in ("it", "its", "that", "this", "there", "what", "who", "one"):
            continue
        if (
            mentions_person(text, owner, owner + 1)
            or text.people.classify(tokens[: owner + 1]).person
        ):
            add(owner, text.tokens_of(match)[1], owner)
    for match in scan(text, "pronoun_fault"):
        first, last = text.tokens_of(match)
        if not negated(text, first, 3):
            add(first, last)
    for match in scan(text, "because_person"):
        _agent(text, match, add)
    for match in scan(text, "cleft"):
        first, last = text.tokens_of(match)
        start, end = text.tokens_of(match, "obj")
        if mentions_person(text, start, end) and not negated(text, first + 2, 2):
            add(first, last, start)
    # "The production database was dropped by Kevin": a timeline entry may say who did what
    # in the passive ("10:05 the old table is dropped by Kevin, as planned").
    if text.section != "timeline":
        for match in scan(text, "harm_by"):
            _agent(text, match, add)


def _agent(text: Text, match: re.Match[str], add: _Add) -> None:
    """Flag ``match`` when the phrase in its ``rest`` group is a person: "caused by Alice"."""
    tokens = text.tokens
    first, _ = text.tokens_of(match)
    if not match.group("rest"):
        return
    rest = text.index_at(match.start("rest"))
    end = clause_end(text, rest, 8)
    noun = rest + 1
    while noun < end and not tokens[noun].low.endswith("ing"):
        noun += 1  # "caused by the on-call engineer running ...": the engineer
    head = text.people.classify(tokens[rest:noun])
    named = names_in(text, rest, end) or possessive_person(text, rest, end)
    if (head.person or named) and not negated(text, first, 3):
        add(first, end, rest)


def _blame_phrases(text: Text, add: _Add) -> None:
    """ "Alice is to blame", "the blame lies with", "the root cause was Alice"."""
    for match in scan(text, "to_blame"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.who is Who.NOBODY or negated(text, last - 1, 3):
            continue
        if subject.person or names_in(text, subject.start, subject.end):
            add(subject.start, last, subject.start)
    for match in scan(text, "blame_lies"):
        first, last = text.tokens_of(match)
        if not negated(text, first, 3):
            add(first, clause_end(text, last))
    for match in scan(text, "cause_was"):
        if not match.group("rest"):
            continue
        rest = text.index_at(match.start("rest"))
        end = clause_end(text, rest)
        phrase = text.tokens[rest:end]
        if text.people.classify(phrase).person or possessive_person(text, rest, end):
            add(text.tokens_of(match)[0], end, rest)
