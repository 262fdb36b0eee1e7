"""Who a noun phrase refers to: a named person, a role, a pronoun, a group of people, or a thing.

"The cache failed to refresh" is fine and "Alice failed to refresh the cache" is not: the same
words are blame or not depending on who the subject is. This module answers that question for a
noun phrase, from three sources: names the document and configuration declare (front matter
participants, authors, owners, facilitator, attendees, configured extra names), common given
names (:mod:`.names`), and role nouns ("the on-call engineer", "the release manager").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import cache

from postmortems.document.lazyre import lazy
from postmortems.model.record import Record
from postmortems.review.language.names import given_names
from postmortems.review.language.tokens import Token
from postmortems.review.language.wordlists import words


class Who(StrEnum):
    """What a noun phrase refers to."""

    NAME = "name"  # a named person: "Alice", "Engineer X", "@alice"
    ROLE = "role"  # a role or group of people: "the on-call engineer", "the team"
    PRONOUN = "pronoun"  # he, she, I, someone, anyone
    WE = "we"  # the writers themselves
    NOBODY = "nobody"  # nobody, no one
    ACTIVITY = "activity"  # a gerund phrase: "Appointing an incident manager"
    THING = "thing"  # anything else: a system, a change, an alert
    NONE = "none"  # no subject could be found

    @property
    def person(self) -> bool:
        """True for a person or people other than the collective "we"."""
        return self in (Who.NAME, Who.ROLE, Who.PRONOUN)


# Role head nouns that always mean people.
_ROLES = words(
    """
    engineer engineers developer developers dev devs sre sres operator operators admin admins
    administrator administrators sysadmin sysadmins dba dbas on-call oncall on-caller on-callers
    oncaller responder responders commander commanders ic reviewer reviewers approver approvers
    tester testers contractor contractors intern interns employee employees staff colleague
    colleagues teammate teammates coworker coworkers co-worker co-workers person people individual
    individuals human humans team teams squad programmer programmers coder coders deployer
    maintainer maintainers committer committers technician technicians architect architects
    analyst analysts newcomer newcomers hire hires junior juniors author authors member members
    folks manager managers lead leads owner owners whoever
    """
)
# Heads that are people only with a qualifier: "release manager" but not "secrets manager".
_QUALIFIED = {
    "manager": words(
        """
        release incident engineering product project delivery change team hiring line ops
        operations program programme account shift duty the a an our their his her
        """
    ),
    "managers": words(
        """
        release incident engineering product project the our
        """
    ),
    "lead": words(
        """
        team tech technical incident engineering project the a our their
        """
    ),
    "leads": frozenset(["team", "tech", "technical", "the", "our"]),
    "owner": words(
        """
        service code product system component the a an our their
        """
    ),
    "owners": frozenset(["service", "code", "product", "system", "component", "the", "our"]),
    "author": frozenset(["the", "a", "an", "its", "change", "pr", "commit", "patch"]),
    "member": frozenset(["team", "staff", "a", "the", "one", "another"]),
    "members": frozenset(["team", "staff", "the"]),
    # "Management ignored the warnings" (but not "memory management").
    "management": frozenset(["", "the", "senior", "upper", "middle", "our", "engineering"]),
    "leadership": frozenset(["", "the", "senior", "our", "engineering", "company"]),
    "agent": frozenset(["support"]),
    "agents": frozenset(["support"]),
}
_PRONOUNS = words(
    """
    he she i me him her someone somebody anyone anybody everyone everybody whoever
    """
)
_WE = frozenset(["we", "us"])
_NOT_NAMES = words(
    """
    the a an this that these those it its our we i if as at on in by for of to and or but so no
    not all any some each every after before during when while then monday tuesday wednesday
    thursday friday saturday sunday january february march july september october november
    december
    """
)
_HANDLE = lazy(r"^@[A-Za-z0-9][\w.-]*$")


@cache
def _person_words() -> frozenset[str]:
    """The gate words that mention a person in any document: role words and pronouns."""
    role_words = {
        part
        for role in _ROLES | set(_QUALIFIED)
        for part in re.findall("[a-z]+", role)
        if len(part) > 2 and part != "call"
    }
    return frozenset(
        role_words
        | _PRONOUNS
        | {"call", "oncall", "ic", "nobody", "those", "them", "involved", "responsible"}
    )


class People(Record):
    """The people a document may mention: declared names and roles, plus common given names."""

    __slots__ = ("_gate", "_gate_we", "_given", "names", "roles")

    names: frozenset[str]
    roles: frozenset[str]
    _given: frozenset[str]
    _gate: frozenset[str] | None
    _gate_we: frozenset[str] | None

    def __init__(
        self,
        names: frozenset[str] = frozenset(),
        roles: frozenset[str] = frozenset(),
        _given: frozenset[str] | None = None,
        _gate: frozenset[str] | None = None,
        _gate_we: frozenset[str] | None = None,
    ) -> None:
        self.names = names
        self.roles = roles
        self._given = given_names() if _given is None else _given
        self._gate = _gate
        self._gate_we = _gate_we

    @property
    def gate(self) -> frozenset[str]:
        """Lower-case words any one of which a sentence needs to mention a person."""
        if self._gate is None:
            self._gate = self.names | self.roles | self._given | _person_words()
        return self._gate

    @property
    def gate_we(self) -> frozenset[str]:
        """:attr:`gate` with "we" and "us": for hindsight the writers apply to themselves."""
        if self._gate_we is None:
            self._gate_we = self.gate | _WE
        return self._gate_we

    @classmethod
    def of(cls, names: Iterable[str] = (), roles: Iterable[str] = ()) -> People:
        """Build from full names ("Nadia Karim", "@nadia") and extra role nouns.

        Every part of a full name counts ("Nadia", "Karim"), as does a handle without its "@".
        """
        parts: set[str] = set()
        for name in names:
            for part in re.split(r"[\s,]+", name.strip()):
                part = part.strip("@()<>\"'.")
                if len(part) >= 2 and part.lower() not in _NOT_NAMES:
                    parts.add(part.lower())
                    parts.update(p for p in re.split(r"[._-]", part.lower()) if len(p) >= 3)
        extra = {word.lower() for role in roles for word in role.split()[-1:]}
        return cls(frozenset(parts), frozenset(extra))

    def is_name(self, token: Token, declared_only: bool = False) -> bool:
        """True when ``token`` is a person's name (declared, a handle, or a common given name)."""
        if token.kind != "word":
            return False
        if _HANDLE.match(token.text):
            return True
        low = token.low
        if low in self.names and (token.text[0].isupper() or len(low) >= 4):
            return True
        if declared_only:
            return False
        return token.capitalised and low in self._given

    def classify(self, phrase: list[Token]) -> Who:
        """What the noun phrase ``phrase`` (already cut to the subject) refers to."""
        words = [t for t in phrase if t.kind in ("word", "poss")]
        if not words:
            return Who.NONE
        first = words[0].low
        if first.endswith("ing") and len(words) > 1 and first not in ("during", "nothing"):
            return Who.ACTIVITY
        if len(words) >= 2 and words[-2].low == "no" and words[-1].low == "one":
            return Who.NOBODY
        head_index = _head(words)
        head = words[head_index]
        low = head.low
        if low in ("nobody", "noone", "none"):
            return Who.NOBODY
        if low in _WE:
            return Who.WE
        if low in _PRONOUNS:
            return Who.PRONOUN
        if self.is_name(head):
            return Who.NAME
        if (
            head_index > 0
            and len(head.text) == 1
            and head.text.isupper()
            and words[head_index - 1].low in _ROLES
        ):
            return Who.NAME  # "Engineer X", "Developer A"
        if low in _QUALIFIED:
            qualifier = words[head_index - 1].low if head_index > 0 else ""
            return Who.ROLE if qualifier in _QUALIFIED[low] else Who.THING
        if low in _ROLES or low in self.roles:
            product = words[head_index - 1] if head_index > 0 else None
            if (
                low.startswith("operator")
                and product is not None
                and product.capitalised
                and product.low not in _NOT_NAMES
            ):
                return Who.THING  # "the Prometheus operator"
            return Who.ROLE
        return Who.THING

    def mentions(self, tokens: list[Token]) -> list[int]:
        """Indexes of tokens that name a person (declared names, handles, given names)."""
        return [i for i, t in enumerate(tokens) if self.is_name(t)]


_STOP = words(
    """
    to from of for on in with by at about during after before into onto over under via through
    across per without within against between among towards toward like who which that whose whom
    where
    """
)


def _head(words: list[Token]) -> int:
    """Index of the head noun of a noun phrase: the last word before any modifier after it.

    "the engineer on call" -> engineer; "the alert sent to the on-call engineer" -> alert;
    "Alice's deploy" -> deploy; "Alice and Bob" -> Bob.
    """
    if words[0].low in _STOP:
        # A leading prepositional phrase ("During the deploy Alice"): the subject comes last.
        index = len(words) - 1
    else:
        index = len(words) - 1
        for k in range(1, len(words)):
            low = words[k].low
            noun_before = words[k - 1].kind == "word" and words[k - 1].low not in _STOP
            if low in _STOP or (noun_before and _participle(low) and k >= 2):
                index = k - 1
                break
    while index > 0 and words[index].kind == "poss":
        index -= 1
    return index


def _participle(low: str) -> bool:
    return low.endswith("ed") and len(low) > 4 and low not in ("need", "speed", "seed", "feed")
