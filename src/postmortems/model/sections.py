"""Canonical sections: their keys, titles and the headings real templates use for them.

The synonyms come from the templates teams actually use: Google SRE (Summary, Impact, Root Causes,
Trigger, Resolution, Detection, Action Items, Lessons Learned, What went well / wrong, Where we
got lucky, Timeline, Supporting information), Atlassian (Incident summary, Leadup, Fault, Detection,
Response, Recovery, Five whys, Blameless root cause, Related records), PagerDuty (Overview, What
happened, Resolution, Contributing factors, Responders, Action items), DFDS (Contributing Factors,
Attendees, Stats) and PostHog (DERP checklist: Detection, Escalation, Recovery, Prevention;
Follow-ups; Remediation).
"""

from __future__ import annotations

import re
from functools import lru_cache

from postmortems.model.record import Record


class SectionSpec(Record):
    """A canonical section."""

    __slots__ = ("guidance", "key", "synonyms", "title")

    key: str
    title: str
    synonyms: tuple[str, ...]
    guidance: str

    def __init__(
        self,
        key: str,
        title: str,
        synonyms: tuple[str, ...],
        guidance: str,
    ) -> None:
        self.key = key
        self.title = title
        self.synonyms = synonyms
        self.guidance = guidance


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "summary",
        "Summary",
        (
            "summary",
            "incident summary",
            "executive summary",
            "overview",
            "incident overview",
            "tl dr",
            "tldr",
            "abstract",
            "description",
            "incident description",
            "what happened",
            "synopsis",
        ),
        "Two to four sentences a reader can stop after: what happened, who was affected and "
        "for how long, how it ended, and what it cost against the SLO. Write it last, once "
        "the rest is settled.",
    ),
    SectionSpec(
        "impact",
        "Impact",
        (
            "impact",
            "customer impact",
            "user impact",
            "business impact",
            "incident impact",
            "impact assessment",
            "impact and severity",
            "blast radius",
            "scope",
            "scope of impact",
            "who was affected",
        ),
        "Measure it, from data: users or customers affected, failed or slowed requests, "
        "duration, money, support tickets, and the share of the error budget consumed. Say "
        "where each figure comes from; numbers beat adjectives.",
    ),
    SectionSpec(
        "timeline",
        "Timeline",
        (
            "timeline",
            "incident timeline",
            "timeline summary",
            "timeline of events",
            "detailed timeline",
            "chronology",
            "sequence of events",
            "events",
        ),
        "From the first change that made this possible to full resolution, every entry with "
        "its time, the zone stated once. Build it from chat logs, pages, alerts, deploys and "
        "metrics (`postmortems timeline`), not from memory, and mark the moments: trigger, "
        "started, detected, acknowledged, mitigated, resolved.",
    ),
    SectionSpec(
        "trigger",
        "Trigger",
        # Atlassian's "Leadup": the circumstances and the change that led to the incident.
        (
            "trigger",
            "triggers",
            "what triggered the incident",
            "triggering event",
            "leadup",
            "lead up",
            "lead-up",
        ),
        "The change or event that set the incident off. It is not the root cause: the same "
        "trigger on a better-defended system would have done no harm.",
    ),
    SectionSpec(
        "root_cause",
        "Root cause",
        (
            "root cause",
            "root causes",
            "root cause analysis",
            "rca",
            "cause",
            "causes",
            "identified cause",
            "technical root cause",
            "blameless root cause",
            "underlying cause",
            "why did it happen",
            "what caused it",
            "five whys",
            "5 whys",
            "analysis",
            "causal analysis",
        ),
        "Why the system let the trigger do harm. Keep asking why until you reach conditions "
        "the organisation can change; when the answer is a person's action, ask what made "
        "that action reasonable at the time.",
    ),
    SectionSpec(
        "contributing_factors",
        "Contributing factors",
        (
            "contributing factors",
            "contributing factor",
            "contributing causes",
            "contributors",
            "factors",
            "findings",
            "why it wasn t caught",
            "why it was not caught",
        ),
        "Incidents have several causes, rarely one. List the conditions that made this one "
        "possible or worse: missing safeguards, misleading signals, risky defaults, time "
        "pressure, unclear ownership. Ask what made the wrong thing easy, not who did it.",
    ),
    SectionSpec(
        "detection",
        "Detection",
        (
            "detection",
            "how was it detected",
            "how we found out",
            "how it was detected",
            "how did we find out",
            "how did we detect it",
        ),
        "How we found out (alert, page, customer report, someone noticing) and how long after"
        " impact began. If a person noticed before an alert did, name the signal that would "
        "have caught it.",
    ),
    SectionSpec(
        "response",
        "Response",
        ("response", "incident response", "escalation", "responders"),
        "Who responded, how they were reached and what they tried. Note what slowed them "
        "down: paging gaps, missing access, unclear runbooks, waiting for an approval.",
    ),
    SectionSpec(
        "resolution",
        "Resolution",
        (
            "resolution",
            "recovery",
            "mitigation",
            "mitigation and resolution",
            "mitigation and recovery",
            "how it was fixed",
            "how did we fix it",
            "how we fixed it",
            "mitigation steps",
            "fix",
            "the fix",
        ),
        "What stopped the impact and what restored full service, how long each took, and "
        "whether it was a rollback, a workaround or a repair.",
    ),
    SectionSpec(
        "went_well",
        "What went well",
        (
            "what went well",
            "went well",
            "things that went well",
            "what worked",
            "what worked well",
            "what went right",
        ),
        "What helped: tools, practices, decisions, knowledge. Name it so that it is kept and "
        "spread.",
    ),
    SectionSpec(
        "went_poorly",
        "What went poorly",
        (
            "what went poorly",
            "what went wrong",
            "what went badly",
            "things that went wrong",
            "what didn t go well",
            "what did not go well",
            "what didn t go so well",
            "what did not go so well",
            "what went less well",
            "what didn t work",
            "what did not work",
            "what could have been better",
            "what could we have done better",
            "what could have gone better",
            "what could be improved",
            "went poorly",
            "went wrong",
            "challenges",
        ),
        "Where tools, process or the system made the response slower or harder. Describe the "
        "conditions, not the people in them.",
    ),
    SectionSpec(
        "lucky",
        "Where we got lucky",
        (
            "where we got lucky",
            "lucky",
            "what was lucky",
            "luck",
            "where we were lucky",
            "where did we get lucky",
        ),
        "What limited the damage by chance: timing, low traffic, the right person happening "
        "to be online. Each is a safeguard we do not have yet.",
    ),
    SectionSpec(
        "lessons",
        "Lessons learned",
        (
            "lessons learned",
            "lessons learnt",
            "lessons",
            "learnings",
            "key learnings",
            "key takeaways",
            "takeaways",
            "what we learned",
            "reflections",
        ),
        "What this taught us about the system and how we work, written so that someone who "
        "was not there can act on it.",
    ),
    SectionSpec(
        "action_items",
        "Action items",
        (
            "action items",
            "action item",
            "actions",
            "follow ups",
            "follow up",
            "followups",
            "follow up actions",
            "follow up items",
            "next steps",
            "remediation",
            "remediations",
            "remediation items",
            "corrective actions",
            "preventive actions",
            "preventative actions",
            "corrective and preventative actions",
            "action plan",
            "todo",
            "to do",
            "prevention",
            "preventive measures",
            "preventative measures",
            "what are we doing to prevent it",
            "how are we preventing it from happening again",
            "improvements",
            "future work",
        ),
        "Specific, owned, dated changes that prevent a recurrence, detect it sooner or limit "
        "its impact. Each has one owner (a person, not a team), a due date, a tracker link, "
        'and an end state someone can check: not "Improve monitoring" but "Page on checkout '
        '5xx above 2% for 5 minutes".',
    ),
    SectionSpec(
        "supporting_info",
        "Supporting information",
        (
            "supporting information",
            "supporting info",
            "supporting material",
            "appendix",
            "references",
            "related records",
            "related links",
            "links",
            "resources",
            "additional information",
            "additional context",
        ),
        "Graphs, dashboards, logs, chat transcripts and tickets a reader needs to check the "
        "story for themselves.",
    ),
    SectionSpec(
        "participants",
        "Participants",
        ("participants", "attendees", "atendees", "people involved", "who was involved", "people"),
        "Who took part in the response and the review, with roles. Listed for context and "
        "thanks, never for blame.",
    ),
    SectionSpec(
        "hypothesis",
        "Hypothesis",
        ("hypothesis", "experiment hypothesis", "steady state hypothesis", "expectation"),
        "What we expected the system to do under the fault, written before the experiment, "
        "with the steady-state signal and threshold that show it held.",
    ),
    SectionSpec(
        "experiment",
        "Experiment",
        (
            "experiment",
            "method",
            "experiment design",
            "setup",
            "fault injected",
            "blast radius and abort conditions",
        ),
        "The fault injected, where and for how long, the blast radius, and the abort "
        "condition with who could call it.",
    ),
    SectionSpec(
        "results",
        "Results",
        ("results", "result", "observations", "outcome", "what we observed"),
        "What happened, with the signals that show it, and where it departed from the "
        "hypothesis. A disproved hypothesis is a finding, not a failure.",
    ),
)

SECTION_BY_KEY: dict[str, SectionSpec] = {s.key: s for s in SECTIONS}

_SYNONYMS: dict[str, str] = {syn: spec.key for spec in SECTIONS for syn in spec.synonyms}

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.|[a-z]\))\s+")
_PAREN = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize_title(title: str) -> str:
    """Lower-case a heading and strip numbering, emoji, brackets and punctuation."""
    text = title.strip().lower()
    text = _NUMBERING.sub("", text)
    text = _PAREN.sub(" ", text)
    text = text.replace("&", " and ").replace("’", "'")
    text = _NON_WORD.sub(" ", text).strip()
    return text


@lru_cache(maxsize=4096)
def section_key(title: str) -> str | None:
    """The canonical key a heading stands for, or ``None`` for a custom section.

    >>> section_key("## Root Causes")
    'root_cause'
    >>> section_key("Contributing Factors (findings)")
    'contributing_factors'
    >>> section_key("Follow-ups")
    'action_items'
    """
    text = normalize_title(title.lstrip("#"))
    if not text:
        return None
    if text in _SYNONYMS:
        return _SYNONYMS[text]
    # "Timeline summary", "Incident timeline (UTC)", "Action items for Q3": a known head
    # followed or preceded by a qualifier. Only multi-word or distinctive synonyms qualify, so
    # "Impact on revenue" maps but "Fix the build" does not.
    for prefix in ("incident ", "the ", "our ", "key ", "detailed "):
        if text.startswith(prefix) and text[len(prefix) :] in _SYNONYMS:
            return _SYNONYMS[text[len(prefix) :]]
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in _SYNONYMS and head in _QUALIFIABLE:
            return _SYNONYMS[head]
    return None


_QUALIFIABLE: frozenset[str] = frozenset(
    {
        "summary",
        "impact",
        "customer impact",
        "timeline",
        "root cause",
        "root causes",
        "root cause analysis",
        "contributing factors",
        "action items",
        "lessons learned",
        "what went well",
        "what went wrong",
        "what went poorly",
        "where we got lucky",
        "follow ups",
        "remediation",
        "detection",
        "resolution",
        "supporting information",
        "attendees",
        "participants",
    }
)
