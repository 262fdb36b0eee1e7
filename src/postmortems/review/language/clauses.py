"""Finding the subject of a verb without a parser: walk left to the start of the clause.

Postmortem prose is short and plain, so a shallow reading is enough: from the verb, skip the
auxiliaries and adverbs in front of it ("did not", "should have", "accidentally"), then take the
words back to the start of the clause (a comma, a conjunction, a time stamp, the start of the
sentence). A relative pronoun ("the release manager who approved") points at the noun before it;
a clause that starts with its verb ("... and took the site down") shares the subject of the
clause before it.
"""

from __future__ import annotations

from postmortems.model.record import Record
from postmortems.review.language.people import People, Who
from postmortems.review.language.tokens import Token
from postmortems.review.language.wordlists import words

AUXILIARIES = words(
    """
    do does did done had has have 've having need needs needed was were is are am be been being
    should could would 'd must might may will 'll shall can not n't never ought to got get gets
    also then just still again even only already ever now later soon first finally once twice all
    both each simply really actually apparently unfortunately initially subsequently eventually
    immediately quickly always usually often sometimes
    """
)
_BOUNDARY_WORDS = words(
    """
    and but or nor because since so when whenever while whilst after before although though as if
    that which who whom whose where then until once unless whereas meaning hence thus therefore
    however whether than instead
    """
)
_RELATIVE = frozenset(("who", "that", "which", "whom"))
_PUNCT_BOUNDARY = frozenset(",;:()[]—–-|/•")


def is_boundary(token: Token) -> bool:
    """True when ``token`` ends the clause to its left."""
    if token.kind == "punct":
        return token.text in _PUNCT_BOUNDARY or token.text in ".!?"
    if token.kind in ("time", "num"):
        return True
    return token.low in _BOUNDARY_WORDS


def is_adverb(token: Token) -> bool:
    """A word that may sit between a subject and its verb."""
    low = token.low
    return low in AUXILIARIES or (low.endswith("ly") and len(low) > 4 and low != "supply")


class Subject(Record):
    """The subject found for a verb: what it is, and the token span it covers."""

    __slots__ = ("end", "start", "who")

    who: Who
    start: int
    end: int  # exclusive

    def __init__(
        self,
        who: Who,
        start: int,
        end: int,
    ) -> None:
        self.who = who
        self.start = start
        self.end = end

    @property
    def person(self) -> bool:
        """A named person, a role or a personal pronoun."""
        return self.who.person


NO_SUBJECT = Subject(Who.NONE, 0, 0)


def clause_start(tokens: list[Token], index: int) -> int:
    """Index of the boundary token before ``index`` (-1 for the start of the sentence)."""
    j = index - 1
    while j >= 0 and not is_boundary(tokens[j]):
        j -= 1
    return j


def subject_of(tokens: list[Token], index: int, people: People, depth: int = 0) -> Subject:
    """The subject of the verb group that starts at ``tokens[index]``.

    Args:
        tokens: the sentence's tokens.
        index: the first token of the verb group (an auxiliary, an adverb or the verb).
        people: the names and roles the document knows.
        depth: recursion guard for chained clauses.
    """
    controlled = index >= 2 and tokens[index - 1].low == "to" and tokens[index - 2].low in _CONTROL
    if controlled and depth < 3:
        # "Bob decided to ignore the alert": the subject of "decided" does the ignoring.
        return subject_of(tokens, index - 2, people, depth + 1)
    end = index
    while end > 0 and tokens[end - 1].kind in ("word", "aux", "nt") and is_adverb(tokens[end - 1]):
        end -= 1
    start = clause_start(tokens, end)
    phrase = tokens[start + 1 : end]
    if phrase and start >= 0 and tokens[start].low == "who" and _has_verb(phrase):
        # "the release manager who approved the change is to blame": the relative clause sits
        # between the subject and its verb.
        phrase = []
    if phrase:
        return Subject(people.classify(phrase), start + 1, end)
    if start < 0 or depth > 3:
        return NO_SUBJECT
    boundary = tokens[start]
    if boundary.low in _RELATIVE:
        # "the release manager who approved": the noun phrase before the relative pronoun.
        k = start
        if k > 0 and tokens[k - 1].text == ",":
            k -= 1
        left = k - 1
        while left >= 0 and not is_boundary(tokens[left]) and tokens[left].low not in _STOPWORDS:
            left -= 1
        phrase = tokens[left + 1 : k]
        return Subject(people.classify(phrase), left + 1, k) if phrase else NO_SUBJECT
    if boundary.low in ("and", "or", "then", "but") or boundary.text == ",":
        # "Victor deleted the record and took the site down": the earlier clause's subject.
        return first_subject(tokens, start, people, depth + 1)
    return NO_SUBJECT


#: Verbs whose subject also does what the infinitive after them says ("chose to skip").
_CONTROL = words(
    """
    decided decides chose chooses opted opts tried tries wanted wants refused refuses
    elected elects preferred prefers attempted attempts
    """
)
_DETERMINERS = words(
    """
    the a an this that these those our their his her its my your
    """
)
_STOPWORDS = words(
    """
    to from of for on in with by at about during into onto over under via through per
    """
)


def first_subject(tokens: list[Token], before: int, people: People, depth: int = 0) -> Subject:
    """The subject of the clause that ends just before ``tokens[before]``."""
    start = clause_start(tokens, before)
    # Skip chained boundaries like ", and".
    while start >= 0 and tokens[start + 1 : before] == [] and start > 0:
        before = start
        start = clause_start(tokens, before)
    span = tokens[start + 1 : before]
    if not span:
        return NO_SUBJECT
    # The subject runs up to the first word that looks like a verb or an auxiliary.
    stop = len(span)
    for k, token in enumerate(span):
        if k == 0:
            continue
        if span[k - 1].low in _DETERMINERS:
            continue  # "the test", "a set": nouns after a determiner
        if token.kind in ("aux", "nt") or token.low in AUXILIARIES or _verbish(token):
            stop = k
            break
    phrase = span[:stop]
    if stop == len(span) and len(span) > 1:
        phrase = span[:1]
    who = people.classify(phrase)
    return Subject(who, start + 1, start + 1 + len(phrase))


def main_subject(tokens: list[Token], before: int, people: People) -> Subject:
    """The subject of the clause a relative clause at ``tokens[before]`` hangs from.

    "Priya ran the migration against production instead of staging, which locked the table":
    the clause right before "which" is the prepositional "instead of staging", so the search
    steps back over clauses that open with a preposition (or have no words) to the clause
    with a subject, here "Priya".
    """
    subject = first_subject(tokens, before, people)
    for _ in range(3):
        if subject.person or subject.start <= 0:
            break
        if subject.end > subject.start and tokens[subject.start].low not in _STOPWORDS:
            break
        subject = first_subject(tokens, subject.start - 1, people)
    return subject


def _has_verb(phrase: list[Token]) -> bool:
    return any(t.low in AUXILIARIES or t.kind == "nt" or _verbish(t) for t in phrase)


def _verbish(token: Token) -> bool:
    low = token.low
    if token.kind != "word" or token.capitalised:
        return False
    return (
        low.endswith(("ed", "ly")) or (low.endswith("s") and not low.endswith("ss")) or low in _PAST
    )


# Common irregular past tenses: where a subject ends when no "-ed" verb follows it.
_PAST = words(
    """
    ran took made went got saw knew thought left forgot did had was were said told sent found kept
    broke brought began gave held lost put set spent wrote chose shut hit let read understood
    drove fell rose stood sat upgraded overwrote
    """
)


def object_of(tokens: list[Token], index: int, people: People) -> Subject:
    """The noun phrase right after the verb at ``tokens[index]`` (its object)."""
    start = index + 1
    end = start
    while end < len(tokens) and not is_boundary(tokens[end]) and tokens[end].low not in _STOPWORDS:
        end += 1
    phrase = tokens[start:end]
    if not phrase:
        return NO_SUBJECT
    return Subject(people.classify(phrase), start, end)
