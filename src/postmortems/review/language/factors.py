"""Reading contributing factors: is this factor a person's action, does it name a person?

A list of factors that are all people's actions ("Engineer ran the script", "Alice skipped the
checklist", "Human error") shows the review stopped at the first human it met. A root cause
that names a person makes the person the cause.
"""

from __future__ import annotations

from postmortems.review.language.blame import HUMAN_ERROR, PERSON_AS_CAUSE, detect_text
from postmortems.review.language.clauses import first_subject, is_boundary
from postmortems.review.language.people import People, Who
from postmortems.review.language.tokens import mask_quotes, tokenize


def is_person_action(text: str, people: People) -> bool:
    """True when the factor ``text`` is something a person did (its subject is a person).

    "The on-call engineer restarted the primary" and "Alice skipped the checklist" are; "The
    failover script did not check replication lag" and "Missing alert on queue depth" are not.
    "Human error" and other blame of a person count as a person's action too.
    """
    tokens = tokenize(mask_quotes(text))
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    if not words:
        return False
    end = next((i for i in range(words[0] + 1, len(tokens)) if is_boundary(tokens[i])), None)
    subject = first_subject(tokens, len(tokens) if end is None else end, people)
    if subject.person or subject.who is Who.WE:
        return True
    return any(hit.rule in (PERSON_AS_CAUSE, HUMAN_ERROR) for hit in detect_text(text, people))


def names_person(text: str, people: People) -> str | None:
    """The person ``text`` names (a declared or common given name, or a handle), or ``None``.

    A role as the agent of the fault ("the on-call engineer's mistake") counts too, and is
    returned as the words that name it.
    """
    tokens = tokenize(mask_quotes(text))
    for token in tokens:
        if people.is_name(token):
            return token.text
    for hit in detect_text(text, people):
        if hit.rule in (PERSON_AS_CAUSE, HUMAN_ERROR):
            return text[hit.start : hit.end]
    return None
