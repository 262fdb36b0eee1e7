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
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A canonical section."""

    key: str
    title: str
    synonyms: tuple[str, ...]
    guidance: str


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
        "Two to four sentences a busy reader can stop after: what broke, who was affected, for "
        "how long, and what it cost against the SLO or the business. Write it last.",
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
            "fault",
        ),
        "Measure it: users or customers affected, failed requests, duration, revenue, support "
        "tickets, and how much error budget was consumed. Numbers beat adjectives.",
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
            "leadup",
            "lead up",
        ),
        "From the first change that made this possible to full resolution, with timestamps and "
        "the zone. Build it from chat logs, alerts, pages, deploys and metrics "
        "(`postmortems timeline`), not from memory. Mark when impact started, when it was "
        "detected, acknowledged, mitigated and resolved.",
    ),
    SectionSpec(
        "trigger",
        "Trigger",
        ("trigger", "triggers", "what triggered the incident", "triggering event"),
        "The change or event that set the incident off. A trigger is not a root cause: the same "
        "trigger on a better system would have done no harm.",
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
        "Why the system allowed the trigger to cause harm. Keep asking why until you reach "
        "conditions the organisation can change; never stop at a person's action.",
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
        "Incidents have several causes. List the structural conditions that made this one "
        "possible or worse: missing safeguards, misleading signals, time pressure, unclear "
        "ownership. Ask what made the wrong thing easy, not who did it.",
    ),
    SectionSpec(
        "detection",
        "Detection",
        ("detection", "how was it detected", "how we found out", "how it was detected"),
        "How and when we learned of the problem: which alert, which customer report, and how "
        "long after impact began. Could we have known sooner?",
    ),
    SectionSpec(
        "response",
        "Response",
        ("response", "incident response", "escalation", "responders"),
        "Who responded, how they were reached and what they did. Note delays and their reasons "
        "(paging gaps, missing access, unclear runbooks).",
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
            "fix",
            "the fix",
        ),
        "What stopped the impact and what restored full service, and how long each took.",
    ),
    SectionSpec(
        "went_well",
        "What went well",
        ("what went well", "went well", "things that went well", "what worked", "what worked well"),
        "Practices and tools that helped; they are worth keeping and spreading.",
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
            "what could have gone better",
            "what could be improved",
            "went poorly",
            "went wrong",
            "challenges",
        ),
        "Where the system, tooling or process made the response slower or harder. Describe "
        "conditions, not people.",
    ),
    SectionSpec(
        "lucky",
        "Where we got lucky",
        ("where we got lucky", "lucky", "what was lucky", "luck", "where we were lucky"),
        "Things that limited the damage by chance. Each is a safeguard we do not yet have.",
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
        "What this incident taught us about the system and how we work, stated so that someone "
        "who was not there can use it.",
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
            "improvements",
            "future work",
        ),
        "Specific, owned and dated changes that prevent recurrence, detect it sooner or limit its "
        "impact. One owner per item (a person, not a group), a due date, and a tracker link. "
        '"Improve monitoring" is not an action item; "Page on 5xx rate above 2% for 5 minutes '
        'on checkout" is.',
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
        "Graphs, dashboards, logs, chat transcripts and tickets a reader needs to check the story.",
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
        "What we expected the system to do under the injected fault, and the steady-state "
        "signal that tells us it did.",
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
        "What fault was injected, where, for how long, the blast radius and the abort condition.",
    ),
    SectionSpec(
        "results",
        "Results",
        ("results", "result", "observations", "outcome", "what we observed"),
        "What actually happened, with the signals that show it, and where it departed from the "
        "hypothesis.",
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
