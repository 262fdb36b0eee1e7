"""Counterfactuals and hindsight about people: "should have", "had she checked", "failed to".

Counterfactuals describe a world that did not happen and judge people against knowledge they did
not have at the time (Dekker; Allspaw on hindsight). About a system they are a design note ("the
alert should have included a link to the runbook"); about a person they are blame. So every
pattern here fires only when its subject is a person, a role or "we": "The cache failed to
refresh" is fine, "Alice failed to refresh the cache" is not. A passive ("Bob should have been
paged") is about the paging, not about Bob.
"""

from __future__ import annotations

from postmortems.review.language import verbs
from postmortems.review.language.detectors.common import (
    COUNTERFACTUAL,
    Hit,
    hit,
    negated,
    scan,
    system_explained,
    who_name,
)
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text
from postmortems.review.language.wordlists import words

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import Protocol

    from postmortems.review.language.tokens import Token

_MSG = (
    "'{w}' is hindsight: it judges {who} against a world that did not happen. Describe what "
    "they saw and why their actions made sense at the time."
)
_SUGGESTION = (
    "Say what made the better action hard to see at the time, e.g. 'The alert did not say which "
    "replica was lagging, and the runbook did not mention replication lag.'"
)
_IRREGULAR_PARTICIPLES = words(
    """
    known done seen taken given gone been caught run written spoken thought found made put set
    shut sent spent brought built held kept left lost met paid read said told understood won begun
    broken chosen driven fallen forgotten gotten hidden risen stolen woken thrown grown drawn
    flown shown withdrawn undertaken hit let cut quit split spread struck stuck dealt felt heard
    led meant taught fought bought sought become come
    """
)


if TYPE_CHECKING:  # a protocol is only for the type checker

    class _Add(Protocol):
        def __call__(self, first: int, last: int, who: str = "someone") -> None: ...


_HEDGES = frozenset(["really", "definitely", "probably", "also", "just", "at", "least"])
# "It would be easy to say the engineer should have checked": the writer is rejecting hindsight.
_REJECTING = (
    "easy to say",
    "tempting to say",
    "tempting to conclude",
    "easy to conclude",
    "rather than saying",
    "instead of saying",
    "not that",
    "hindsight",
)
# Verbs of belief before "could have" make it a possibility, not a judgment.
_BELIEF = frozenset(["assume", "assumed", "assuming", "thought", "believed", "hoped", "expected"])


def is_participle(word: str) -> bool:
    """True for a past participle ("paged", "known"), by ending or from a short list."""
    word = word.lower()
    return (word.endswith("ed") and len(word) > 3) or word in _IRREGULAR_PARTICIPLES


def counterfactual(text: Text) -> list[Hit]:
    """Hindsight and counterfactuals with a person, role or "we" as their subject."""
    if any(phrase in text.norm for phrase in _REJECTING):
        return []
    hits: list[Hit] = []

    def add(first: int, last: int, who: str = "someone") -> None:
        message = _MSG.format(w=text.words(first, last), who=who)
        hits.append(hit(text, COUNTERFACTUAL, first, last, message, _SUGGESTION))

    _modal_perfect(text, add)
    _conditionals(text, add)
    _omissions(text, add)
    return hits


def _modal_perfect(text: Text, add: _Add) -> None:
    """ "Mia should have paged", "the IC ought to have declared", "could've rolled back"."""
    for match in scan(text, "modal_perfect"):
        tokens = text.tokens
        first, last = text.tokens_of(match)
        rest = [w for w in match.group("rest").split() if w not in _HEDGES]
        if not rest or not (rest[0] == "been" or is_participle(rest[0])):
            continue  # "should have a talk", "should have to"
        modal = match.group("modal")
        subject = text.subject(first)
        allow_we = modal.startswith(("should", "ought"))
        if not (subject.person or (allow_we and subject.who is Who.WE)):
            continue
        if rest[0] == "been" and len(rest) > 1 and is_participle(rest[1]):
            continue  # passive: "Bob should have been paged" is about the paging
        if modal.startswith("could") and any(
            t.low in _BELIEF for t in tokens[max(0, subject.start - 3) : subject.start]
        ):
            continue  # "not assume we could have started it faster": a possibility
        add(first, min(last, len(tokens)), who_name(text, subject.start))


def _conditionals(text: Text, add: _Add) -> None:
    """ "If the on-call had looked ...", "Had Nadia waited ...", "if only"."""
    for match in scan(text, "if_had"):
        tokens = text.tokens
        first, _ = text.tokens_of(match)
        if not is_participle(match.group("verb")):
            continue
        start = text.index_at(match.start("subject"))
        end = text.index_at(match.end("subject") - 1) + 1
        who = text.people.classify(tokens[start:end])
        if who.person or who is Who.WE:
            add(first, min(end + 2, len(tokens)), who_name(text, start))
    for match in scan(text, "had_inverted"):
        tokens = text.tokens
        start = text.index_at(match.start("subject"))
        end = text.index_at(match.end("subject") - 1) + 1
        if text.people.classify(tokens[start:end]).person:
            add(start - 1, min(end + 1, len(tokens)), who_name(text, start))
    for match in scan(text, "if_only"):
        first, last = text.tokens_of(match)
        add(first, last)
    # "If the on-call looked at the logs first, we would have found it": a person in the
    # condition of a counterfactual conditional, in the simple past.
    if scan(text, "would_have") and text.has_any(_IF):
        tokens = text.tokens
        for k, token in enumerate(tokens):
            if token.low != "if" or k + 1 >= len(tokens):
                continue
            end = k + 1
            while end < len(tokens) and end - k <= 5 and tokens[end].kind == "word":
                if end > k + 1 and (tokens[end].low.endswith("ed") or tokens[end].low == "had"):
                    break
                end += 1
            who = text.people.classify(tokens[k + 1 : end])
            if who.person and end < len(tokens) and is_participle(tokens[end].low):
                add(k, min(end + 1, len(tokens)), who_name(text, k + 1))


def _omissions(text: Text, add: _Add) -> None:
    """ "failed to", "neglected", "forgot", "ignored", "did not check", "missed" by a person."""
    for match in scan(text, "failed_to"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if not negated(text, first, 2) and (subject.person or subject.who is Who.WE):
            add(first, last, who_name(text, subject.start))
    # Most sentences hold none of the words below; a diligence verb counts only after a
    # negation (see _omitted).
    if not text.has_any(_OMISSION_WORDS) and not (
        text.has_any(verbs.DILIGENCE) and text.has_any(_NEGATIONS)
    ):
        return
    tokens = text.tokens
    for index, token in enumerate(tokens):
        low = token.low
        if low in verbs.OMISSIONS:
            if negated(text, index, 2) or (index > 0 and tokens[index - 1].low in ("be", "been")):
                continue  # "the alert was ignored" is about the alert's noise
            if _induced(tokens, index):
                continue  # "alerts that page for nothing train people to ignore them"
            subject = text.subject(index)
            if subject.person or subject.who is Who.WE:
                add(index, index + 1, who_name(text, subject.start))
        elif (
            low in verbs.MISSES
            and not low.endswith("ing")
            and index + 1 < len(tokens)
            and not negated(text, index, 2)
        ):
            subject = text.subject(index)
            if subject.person and not system_explained(text, index + 1):
                add(index, index + 1, who_name(text, subject.start))
        elif low in verbs.DILIGENCE and index > 0 and _omitted(text, index):
            subject = text.subject(index)
            if subject.person and not system_explained(text, index + 1, procedure=False):
                start = index - 1
                while start > 0 and tokens[start - 1].low in ("did", "do", "does", "never", "not"):
                    start -= 1
                add(start, index + 1, who_name(text, subject.start))


_IF = frozenset(["if"])
#: Verbs that put an omission down to the system: "train people to ignore", "easy to overlook".
_INDUCING = words(
    """
    train trains trained training teach teaches taught teaching condition conditions conditioned
    encourage encourages encouraged lead leads led cause causes caused make makes made
    tend tends tended easy easier likely invite invites invited
    """
)


def _induced(tokens: list[Token], index: int) -> bool:
    """True for an infinitive omission a system induces ("train people to ignore them")."""
    if index == 0 or tokens[index - 1].low != "to":
        return False
    return any(t.low in _INDUCING for t in tokens[max(0, index - 5) : index - 1])


# The words _omissions looks for, to skip sentences that hold none of them.
_OMISSION_WORDS = verbs.OMISSIONS | verbs.MISSES
_NEGATIONS = frozenset(["never", "not", "n't"])


def _omitted(text: Text, index: int) -> bool:
    """True when the verb at ``index`` is an omission: "did not check", "never tested"."""
    tokens = text.tokens
    before = tokens[index - 1].low
    if before == "never":
        return True
    if before in ("not", "n't") and index > 1:
        return tokens[index - 2].low in ("did", "does", "do", "has", "have", "had")
    if before == "even" and index > 2:
        return tokens[index - 2].low in ("not", "n't")
    return False
