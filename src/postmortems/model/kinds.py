"""Kinds of review and the sections each requires.

A full incident review asks for every section; near-misses and chaos-experiment failures get
lightweight reviews, because cheap learning is only cheap if the form is short. Kinds form a
registry: a team can add its own (``security-incident``, ``game-day``) with
:func:`register_kind`.
"""

from __future__ import annotations

from postmortems.model.record import Record
from postmortems.model.sections import SECTION_BY_KEY


class Kind(Record):
    """A kind of postmortem.

    ``required`` is a tuple of alternatives: each entry is satisfied by any one of its keys (a
    document with a Root cause section but no Contributing factors heading still explains why).
    ``template`` is the order of sections in a new document of this kind.
    """

    __slots__ = ("lightweight", "min_contributing_factors", "name", "required", "template", "title")

    name: str
    title: str
    required: tuple[tuple[str, ...], ...]
    template: tuple[str, ...]
    lightweight: bool
    min_contributing_factors: int

    def __init__(
        self,
        name: str,
        title: str,
        required: tuple[tuple[str, ...], ...],
        template: tuple[str, ...],
        lightweight: bool = False,
        min_contributing_factors: int = 3,
    ) -> None:
        self.name = name
        self.title = title
        self.required = required
        self.template = template
        self.lightweight = lightweight
        self.min_contributing_factors = min_contributing_factors

    def missing(self, keys: set[str]) -> list[tuple[str, ...]]:
        """The required alternatives none of whose keys is in ``keys``."""
        return [alts for alts in self.required if not keys.intersection(alts)]


_KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Add or replace a kind in the registry."""
    unknown = [k for k in kind.template if k not in SECTION_BY_KEY]
    if unknown:
        raise ValueError(f"kind {kind.name!r} names unknown sections: {', '.join(unknown)}")
    _KINDS[kind.name] = kind
    return kind


def get_kind(name: str | None) -> Kind:
    """The kind called ``name``; unknown or missing names fall back to ``incident``."""
    return _KINDS.get((name or "incident").strip().lower(), _KINDS["incident"])


def kinds() -> dict[str, Kind]:
    """Every registered kind, by name."""
    return dict(_KINDS)


INCIDENT = register_kind(
    Kind(
        name="incident",
        title="Incident review",
        required=(
            ("summary",),
            ("impact",),
            ("timeline",),
            ("root_cause", "contributing_factors"),
            ("went_well",),
            ("went_poorly",),
            ("lessons",),
            ("action_items",),
        ),
        template=(
            "summary",
            "impact",
            "timeline",
            "trigger",
            "root_cause",
            "contributing_factors",
            "detection",
            "resolution",
            "went_well",
            "went_poorly",
            "lucky",
            "lessons",
            "action_items",
            "supporting_info",
        ),
    )
)

NEAR_MISS = register_kind(
    Kind(
        name="near-miss",
        title="Near-miss review",
        required=(
            ("summary",),
            ("contributing_factors", "root_cause"),
            ("lessons", "lucky"),
            ("action_items",),
        ),
        template=(
            "summary",
            "timeline",
            "contributing_factors",
            "lucky",
            "lessons",
            "action_items",
        ),
        lightweight=True,
        min_contributing_factors=1,
    )
)

CHAOS_EXPERIMENT = register_kind(
    Kind(
        name="chaos-experiment",
        title="Chaos-experiment review",
        required=(
            ("hypothesis",),
            ("experiment",),
            ("results",),
            ("lessons", "contributing_factors"),
            ("action_items",),
        ),
        template=(
            "summary",
            "hypothesis",
            "experiment",
            "results",
            "contributing_factors",
            "lessons",
            "action_items",
        ),
        lightweight=True,
        min_contributing_factors=1,
    )
)
