"""What every detector shares: the :class:`Hit` it returns and small readings of a sentence."""

from __future__ import annotations

import re

from postmortems.model.record import Record
from postmortems.review.language.clauses import AUXILIARIES
from postmortems.review.language.lexicon import open_patterns, patterns
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text
from postmortems.review.language.tokens import Token

PERSON_AS_CAUSE = "blame.person-as-cause"
HUMAN_ERROR = "blame.human-error"
COUNTERFACTUAL = "blame.counterfactual"
JUDGMENTAL = "blame.judgmental"
EXHORTATION = "blame.exhortation"
PUNITIVE = "blame.punitive-action"

#: Who can be punished, sent to training or held to blame (users and customers are not staff).
STAFF = frozenset((Who.NAME, Who.ROLE, Who.PRONOUN))


class Hit(Record):
    """One piece of blame found in a sentence (offsets into the sentence text)."""

    __slots__ = ("end", "message", "rule", "start", "suggestion")

    rule: str
    start: int
    end: int
    message: str
    suggestion: str | None

    def __init__(
        self,
        rule: str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
    ) -> None:
        self.rule = rule
        self.start = start
        self.end = end
        self.message = message
        self.suggestion = suggestion


def gated(text: Text, name: str) -> bool:
    """True when the sentence holds a word of every gate of the pattern called ``name``."""
    opened = text.opened
    if opened is None:
        opened = text.opened = open_patterns(text.gate, text.people)
    return name in opened


def scan(text: Text, name: str) -> list[re.Match[str]]:
    """Matches of the pattern called ``name`` in the sentence (none when its gates fail)."""
    if not gated(text, name):
        return []
    pattern: re.Pattern[str] = getattr(patterns(), name)
    return text.find(pattern)


def hit(text: Text, rule: str, first: int, last: int, message: str, suggestion: str) -> Hit:
    """A hit covering tokens ``first`` up to ``last`` (exclusive)."""
    start, end = text.char_span(first, max(last, first + 1))
    return Hit(rule, start, end, message, suggestion)


def negated(text: Text, index: int, span: int = 3) -> bool:
    """True when a negation sits in the ``span`` tokens before ``index`` in the same clause."""
    for k in range(index - 1, max(index - span - 1, -1), -1):
        token = text.tokens[k]
        if token.kind == "punct":
            return False
        if token.low in ("not", "n't", "never", "no", "nobody", "none"):
            return True
    return False


def mentions_person(text: Text, first: int, last: int) -> bool:
    """True when tokens ``first:last`` mention a person: a name, or a role or pronoun head."""
    phrase = text.tokens[first:last]
    return text.people.classify(phrase).person or names_in(text, first, last)


def names_in(text: Text, first: int, last: int) -> bool:
    """True when tokens ``first:last`` contain a person's name."""
    return any(text.people.is_name(t) for t in text.tokens[first:last])


def possessive_person(text: Text, first: int, last: int) -> bool:
    """True when a person or role owns something in tokens ``first:last`` ("the SRE's change")."""
    tokens = text.tokens
    for k in range(first, min(last, len(tokens)) - 1):
        if tokens[k + 1].kind == "poss" and (
            text.people.is_name(tokens[k]) or text.people.classify(tokens[first : k + 1]).person
        ):
            return True
    return False


def system_explained(text: Text, after: int, *, procedure: bool = True) -> bool:
    """True when the rest of the sentence puts the cause of the action in the system.

    "An engineer ran the documented script, which targeted production because of a missing
    environment check": the person followed a procedure, and the cause given is the missing check.
    ``procedure=False`` for omissions: "did not follow the runbook" names a procedure too, but
    says the person departed from it.
    """
    rest = " ".join(t.low for t in text.tokens[after:])
    p = patterns()
    if procedure and p.procedure.search(rest):
        return True
    match = p.explained.search(rest)
    if match is None:
        return False
    index = after + rest[: match.start("rest")].count(" ")
    phrase: list[Token] = []
    for token in text.tokens[index : index + 6]:
        if phrase and (token.low in AUXILIARIES or token.low.endswith("ed") or token.kind == "nt"):
            break
        phrase.append(token)
    who = text.people.classify(phrase)
    return bool(phrase) and not who.person and who is not Who.WE


def clause_break(low: str, kind: str) -> bool:
    """True for a token that ends the clause to its right."""
    if kind == "punct":
        return low in ",;:.!?()"
    return low in ("because", "since", "which", "but", "so", "and", "while", "when", "after")


def clause_end(text: Text, start: int, limit: int = 1000) -> int:
    """Index of the first clause break at or after ``start`` (at most ``limit`` tokens on)."""
    end = start
    tokens = text.tokens
    while (
        end < len(tokens)
        and end - start < limit
        and not clause_break(tokens[end].low, tokens[end].kind)
    ):
        end += 1
    return end


def who_name(text: Text, index: int, fallback: str = "them") -> str:
    """The name at token ``index``, or ``fallback``."""
    if 0 <= index < len(text.tokens) and text.people.is_name(text.tokens[index]):
        return text.tokens[index].text
    return fallback
