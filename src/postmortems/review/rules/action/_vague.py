"""Is an action item vague? A small reader of how follow-ups are written.

A follow-up is concrete when someone can check that it is done: it names a change to a specific
thing ("Set a 30-second statement timeout on the reporting user"), a condition and a threshold
("page when replication lag exceeds 30 seconds"), or a deliverable ("... and write up a
recommendation"). It is vague when it names an activity with no end ("investigate", "look into",
"consider"), a wish with no mechanism ("ensure this does not happen again"), an improvement with
no measure ("improve monitoring"), a category instead of a change ("add more tests"), or an
exhortation ("be more careful").

The whole item is read, not just its first word: a vague opener followed by a specific,
verifiable clause is fine ("Ensure the backup job alerts when a run takes over 2 hours"), and a
concrete verb with only a generic object is not ("Add more monitoring").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from postmortems.document.lazyre import lazy
from postmortems.document.words import (
    ACTION_VERBS,
    KNOWN_VAGUE,
    NOT_OWNERS,
    is_action_verb,
    lemma,
    wordset,
)
from postmortems.model.record import Record


class Vagueness(Record):
    """Why an item is vague: the words that make it so (``cue``), the kind of vagueness
    (``exhortation``, ``inquiry``, ``improvement``, ``wish``, ``topic``, ``category`` or
    ``hedge``) and what would make it concrete (``advice``)."""

    __slots__ = ("advice", "cue", "kind")

    cue: str
    kind: str
    advice: str

    def __init__(
        self,
        cue: str,
        kind: str,
        advice: str,
    ) -> None:
        self.cue = cue
        self.kind = kind
        self.advice = advice


ADVICE = {
    "exhortation": (
        "asks people to try harder, and vigilance is not a fix that lasts; change the system "
        "so the mistake is hard to make or is caught automatically"
    ),
    "inquiry": (
        "names an activity with no end, so nobody can tell when it is done; state the "
        "deliverable (a decision, a write-up) or the change itself"
    ),
    "improvement": (
        "has no measurable target; say what will change and how anyone can check it: a "
        "threshold, a number, a named check"
    ),
    "wish": "states a wish, not a mechanism; say what will make it so and how it is checked",
    "topic": "names a topic, not an action; say what will be changed and how it is checked",
    "category": (
        "names a category of work, not a specific change; say which check, alert or test, on "
        "what, at what threshold"
    ),
    "hedge": (
        "leaves the end state open; say exactly what will be done, or split it into items "
        "that can each be finished"
    ),
}

# -- lexicon -----------------------------------------------------------------------------------

_EXHORTATION = lazy(
    r"^(?:(?:be|stay|remain|get)\s+(?:a\s+lot\s+|much\s+|far\s+)?(?:more\s+|extra\s+|very\s+|"
    r"super\s+)?(?:careful|vigilant|aware|mindful|cautious|diligent|attentive|thorough|alert|"
    r"proactive|disciplined)|pay\s+(?:more\s+|closer\s+|extra\s+|better\s+)?attention|"
    r"take\s+(?:more\s+|extra\s+|better\s+)?care|(?:remember|don'?t\s+forget|do\s+not\s+forget)"
    r"\s+to|(?:double|triple)[- ]?check|(?:do|work|try)\s+(?:better|harder)|try\s+(?:not\s+)?to|"
    r"remind\b|(?:raise|increase|create|build|spread)\s+awareness|educate\b|"
    r"communicate\s+(?:better|more)|stop\s+(?:making|doing|being)|avoid\b|learn\s+from\b)",
    re.IGNORECASE,
)
_INQUIRY = lazy(
    r"^(?:investigate|look\s+(?:into|at|over)|explore|evaluate|assess|research|consider|"
    r"think\s+(?:about|through)|reflect|discuss|talk\s+(?:about|to|with)|have\s+a\s+(?:talk|"
    r"chat|discussion|conversation)|figure\s+out|understand|study|analy[sz]e|review|revisit|"
    r"reconsider|re-?evaluate|re-?assess|re-?think|brainstorm|find\s+(?:out|ways?|a\s+way|"
    r"options)|identify\s+(?:ways?|options|opportunities|(?:a\s+)?(?:clear\s+)?path|"
    r"improvements|how|why|what|whether)|determine|decide\s+(?:whether|if|how|on)|"
    r"see\s+(?:if|whether|how|what)|agree\s+(?:on|as|how)|align\s+(?:on|with)|sync\s+(?:on|"
    r"with|up)|follow[- ]up|check\s+(?:whether|if|on|with|in\s+with)|keep\s+(?:an\s+eye|"
    r"monitoring|watching|track)|continue|work\s+(?:on|towards?|with)|get\s+(?:a\s+)?better\s+"
    r"(?:understanding|idea|picture|handle)|learn(?:\s+more)?\s+about|dig\s+into|"
    r"deep[- ]dive|try\s+out|experiment\s+with|explore|(?:do|perform|conduct|run|hold|have|"
    r"take)\s+(?:a|an|some)\s+(?:deep[- ]dive|review|retro(?:spective)?|investigation|"
    r"analysis|look|assessment|evaluation|audit|discussion|post-?mortem)|observe|watch|"
    r"(?:schedule|set\s+up|arrange|book|organi[sz]e|hold|have|plan)\s+(?:a|an|some)\s+"
    r"(?:meeting|discussion|call|chat|session|workshop|talk|sync|conversation))\b",
    re.IGNORECASE,
)
_CHECK = lazy(r"^(?:check|inspect|audit|examine|test)\b(?!\s+(?:that|whether|if)\b)", re.I)
_IMPROVE = lazy(
    r"^(?:improve|enhance|optimi[sz]e|strengthen|harden|streamline|refine|boost|bolster|"
    r"revamp|overhaul|moderni[sz]e|rework|clean\s+up|tidy(?:\s+up)?|simplify|speed\s+up|"
    r"beef\s+up|level\s+up|mature|uplift|tighten\s+up|address|tackle|deal\s+with|handle|"
    r"sort\s+out|work\s+out|take\s+care\s+of|focus\s+on|invest\s+in|pay\s+down|look\s+after|"
    r"get\s+on\s+top\s+of|get\s+a\s+handle\s+on|solve|resolve|double\s+down\s+on|"
    r"shore\s+up|step\s+up|work\s+on|raise\s+the\s+bar\s+(?:on|for)|up\s+our\s+game)\b",
    re.IGNORECASE,
)
_MEASURE = lazy(
    r"^(?:increase|decrease|reduce|lower|raise|minimi[sz]e|maximi[sz]e|shorten|lessen|cut|"
    r"expand|extend|grow|limit|bring\s+down|cut\s+down|drive\s+down|scale\s+up|prioriti[sz]e)\b",
    re.IGNORECASE,
)
_WISH = lazy(r"^(?:ensure|make\s+sure|guarantee|assure|make\s+certain)\b", re.IGNORECASE)
_MAKE_QUALITY = lazy(
    r"^make\s+(?:[\w'-]+\s+){1,6}?(?:more|less|better|safer|faster|easier|clearer|simpler|"
    r"stronger|robust|reliable|resilient|stable|scalable|secure|visible|smarter|"
    r"bulletproof|foolproof|fault[- ]tolerant|highly\s+available)\b",
    re.IGNORECASE,
)
_PREVENT_VAGUE = lazy(
    r"^(?:prevent|stop|avoid)\s+(?:this|it|that|similar|such|recurrences?|a\s+recurrence|"
    r"future|the\s+same|repeats?|a\s+repeat|incidents?|issues?|problems?|outages?|errors?|"
    r"mistakes?|these|them)\b",
    re.IGNORECASE,
)
_TOPIC = lazy(
    r"^(?:more|better|improved|additional|further|extra|increased|enhanced|proper|stronger|"
    r"greater|clearer|tighter|some|general|various|comprehensive|deeper|broader|enhanced)\b",
    re.IGNORECASE,
)
_HEDGE = lazy(
    r"\b(?:where\s+(?:possible|feasible|needed|necessary|appropriate|applicable)|"
    r"if\s+(?:possible|feasible|needed|necessary|appropriate|applicable|we\s+can)|"
    r"as\s+(?:needed|necessary|appropriate|required)|when\s+(?:possible|needed|necessary|"
    r"appropriate)|etc\.?|and\s+so\s+on|somehow|in\s+general|generally|going\s+forward|"
    r"(?:does\s*n[o']t|do\s*n[o']t|won'?t|will\s+not|never|cannot|can'?t)\s+happen\s+again|"
    r"from\s+happening\s+again|happen(?:s|ing)?\s+again|in\s+the\s+future|more\s+often|"
    r"as\s+much\s+as\s+possible|to\s+some\s+extent|properly|better|some\s+kind\s+of|"
    r"(?:any|all)\s+(?:the\s+)?(?:relevant|necessary|appropriate)|anything|everything|"
    r"(?:might|may|could)\s+(?:be|help|want|need)|maybe|perhaps|possibly|ideally|"
    r"something\s+like|(?:even\s+)?more\s+(?:robust|reliable|resilient|stable|effective|"
    r"efficient|visible|generic|clear|consistent|careful|secure|scalable|sustainable|"
    r"predictable|mature|comprehensive|thorough|proactive|precise|descriptive|"
    r"organic)|even\s+more)\b",
    re.IGNORECASE,
)
_OUTCOME_ONLY = lazy(
    r"\b(?:happen(?:s|ing)?\s+again|recur(?:s|ring)?|recurrence|similar\s+(?:incidents?|"
    r"issues?|problems?|outages?)|the\s+same\s+(?:thing|issue|problem|mistake))\b",
    re.IGNORECASE,
)
_NUMBER = lazy(
    r"(?<![\w.-])\d+(?:[.,]\d+)*(?:\s*%|(?![\w-]))|\b(?:once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|sixty|hundred|thousand|half|double|every\s+(?:minute|hour|day|"
    r"week|month|quarter|deploy|release|run|build|commit|merge|change)|daily|weekly|hourly|"
    r"nightly|monthly|quarterly|annually)\b",
    re.IGNORECASE,
)
_CONDITION = lazy(
    r"\b(?:when(?:ever)?|if|unless|before|after|once|until|while|on\s+(?:every|each|any)|"
    r"for\s+(?:every|each|any)|each\s+time|every\s+time|instead\s+of|without|so\s+that)\s+"
    r"(?!possible\b|needed\b|necessary\b|appropriate\b|feasible\b|applicable\b|we\s+can\b|"
    r"it\s+happens\b|this\s+happens\b)\w+",
    re.IGNORECASE,
)
_DELIVERABLE = lazy(
    r"\b(?:and|then|to)\s+(?:write|file|publish|document|produce|present|share|propose|"
    r"decide|report|open|create|record|summari[sz]e|list|recommend|pick|choose|select|post|"
    r"send|present|circulate)\b|\b(?:a|the)\s+(?:summary|report|findings)\b|"
    r"\bnext\s+steps\b|"
    r"\bwrite[- ]?up\b|\brfc\b|\bdesign\s+doc|\bproposal\b|\bdecision\s+(?:record|doc)|"
    r"\badr\b|\brecommendation\b|\breport\s+(?:back|the\s+findings|findings)\b|\bspike\b|"
    r"\btime-?box",
    re.IGNORECASE,
)
_IDENTIFIER = lazy(
    r"`[^`]+`|https?://|\b\w+[._/:#@]\w[\w./:#@-]*|(?<![\w-])--?[a-z][\w-]+|"
    r"\b[A-Za-z]+\d[\w-]*|\b\d+[A-Za-z]+\w*|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*|"
    r"\b[A-Z]{2,6}s?\b|\"[^\"]+\"|'[^']{3,}'|\u201c[^\u201d]+\u201d"
)
_PROPER = lazy(r"(?<=[a-z,;:)] )[A-Z][a-z]{2,}\b")

_GENERIC = wordset(
    """monitoring alerting alerts alert tests testing test coverage docs documentation doc
    process processes procedure procedures things stuff thing issue issues problem problems
    bug bugs it this that them everything system systems checks check safeguards guardrails
    visibility observability automation tooling tools tool logging logs metrics dashboards
    dashboard runbooks runbook resilience reliability stability security safety quality
    communication communications awareness training knowledge understanding capacity
    performance robustness validation validations reviews review improvements improvement
    changes change fixes fix work handling support practices practice hygiene coverage
    instrumentation telemetry signals config configuration configs setup tracking situation
    status state health behaviour behavior"""
)
_FILLER = wordset(
    """the a an some more better additional extra further proper our any all of and or for
    properly again as needed where possible if necessary etc appropriate appropriately
    relevant around on in to with better good new more own general overall proper basic
    various several many much lots lot"""
)
_PREFIX = lazy(
    r"^(?:(?:we|i|you|they|the\s+team|our\s+team|teams?)\s+(?:will|shall|should|must|"
    r"need\s+to|needs\s+to|have\s+to|has\s+to|want\s+to|plan\s+to|are\s+going\s+to|"
    r"are\s+to|can|could|would\s+like\s+to|aim\s+to|intend\s+to|hope\s+to)|we'll|let'?s|"
    r"please|(?:it\s+)?(?:should|must|need\s+to)\s+|(?:action|todo|ai|follow[- ]?up|"
    r"next\s+step|task)\s*:|to\s+do\s*:)\s*",
    re.IGNORECASE,
)
_ID = lazy(
    r"^(?:\[[^\]]{1,20}\]\s*|[A-Z][A-Z0-9]{0,9}-\d+\s*[:.)\]-]?\s*|#\d+\s*[:.)-]?\s*|"
    r"P[0-4]\s*[:.)\]-]\s*|\((?:P[0-4]|high|medium|low)\)\s*)"
)
_OWNER_TO = lazy(r"^([A-Z][a-z]+)\s+(?:to|will)\s+(?=[a-z])")
_SUBJECT_MODAL = lazy(
    r"^((?:(?:all|every|each|the|our|any)\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+)?)\s+(?:must|should|"
    r"shall|will|need\s+to|needs\s+to|have\s+to|has\s+to|are\s+to|is\s+to|ought\s+to)\s+",
    re.IGNORECASE,
)


def _drop_subject(match: re.Match[str]) -> str:
    """ "Engineers must be careful" -> "be careful"; an imperative is left alone."""
    first = match.group(1).split()[0]
    return match.group(0) if is_action_verb(first) else ""


def _drop_owner(match: re.Match[str]) -> str:
    """ "Leo to add ..." -> "add ...", but "Try to ..." and "Switch to ..." stay."""
    word = match.group(1)
    if word.lower() in NOT_OWNERS or is_action_verb(word) or word.lower() in KNOWN_VAGUE:
        return match.group(0)
    return ""


_LEADING_HEDGE = lazy(
    r"^(?:if|where|when)\s+(?:possible|feasible|needed|necessary|appropriate)\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
_LABEL = lazy(r"^(?P<label>[^:.!?]{3,60}?):\s+(?P<rest>\S.*)$")


# Markdown a follow-up may carry, and the word shapes the reader looks at.
_LINK = lazy(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS_PAIR = lazy(r"(\*\*|__|~~)")
_EMPHASIS_MARK = lazy(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_GERUND = lazy(r"^([A-Za-z]+ing)\b")
_FIRST_WORD = lazy(r"[A-Za-z'-]+")
_WORD = lazy(r"[A-Za-z][A-Za-z'-]*")
_SENTENCE_END = lazy(r"(?<=[.!?])\s+")


def _plain(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS_PAIR.sub("", text)
    text = _EMPHASIS_MARK.sub("", text)
    return " ".join(text.split())


def _gerund_to_base(text: str) -> str:
    match = _GERUND.match(text)
    if not match:
        return text
    return lemma(match.group(1)) + text[match.end() :]


def action_clause(text: str) -> str:
    """The imperative at the heart of an item: ids, labels, "We will" and owners removed."""
    text = _plain(text).strip()
    for _ in range(3):
        before = text
        text = _ID.sub("", text).strip()
        text = _PREFIX.sub("", text).strip()
        text = _SUBJECT_MODAL.sub(_drop_subject, text).strip()
        text = _OWNER_TO.sub(_drop_owner, text)
        if text == before:
            break
    text = _LEADING_HEDGE.sub("", text)
    label = _LABEL.match(text)
    if label:
        rest = label.group("rest")
        first = _FIRST_WORD.match(rest)
        word = first.group(0) if first else ""
        if word and (is_action_verb(word) or word.lower().endswith("ing") or _TOPIC.match(word)):
            text = rest
    return _gerund_to_base(text).strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _generic_only(words: list[str]) -> bool:
    content = [w for w in words if w not in _FILLER and not w.endswith("ly")]
    return bool(content) and all(w in _GENERIC for w in content)


class _Signals(Record):
    """What the item says besides its opener: numbers, conditions, named things, hedges."""

    __slots__ = (
        "clause",
        "condition",
        "deliverable",
        "first",
        "hedge",
        "number",
        "outcome",
        "specific",
        "words",
    )

    clause: str
    first: str
    words: tuple[str, ...]
    number: bool
    condition: bool
    specific: bool
    deliverable: bool
    hedge: str | None
    outcome: bool

    def __init__(
        self,
        clause: str,
        first: str,
        words: tuple[str, ...],
        number: bool,
        condition: bool,
        specific: bool,
        deliverable: bool,
        hedge: str | None,
        outcome: bool,
    ) -> None:
        self.clause = clause
        self.first = first
        self.words = words
        self.number = number
        self.condition = condition
        self.specific = specific
        self.deliverable = deliverable
        self.hedge = hedge
        self.outcome = outcome

    @property
    def measurable(self) -> bool:
        return self.number or self.condition


def _signals(text: str) -> _Signals:
    clause = action_clause(text)
    first = _SENTENCE_END.split(clause, maxsplit=1)[0].rstrip(".!? ")
    hedge = _HEDGE.search(first)
    return _Signals(
        clause=clause,
        first=first,
        words=tuple(_words(first)),
        number=bool(_NUMBER.search(clause)),
        condition=bool(_CONDITION.search(clause)),
        specific=bool(_IDENTIFIER.search(clause) or _PROPER.search(" " + clause)),
        deliverable=bool(_DELIVERABLE.search(_plain(text))),
        hedge=hedge.group(0) if hedge else None,
        outcome=bool(_OUTCOME_ONLY.search(first)),
    )


_MECHANISM = lazy(r"\bby\s+(?:[a-z]+ing|using)\b", re.IGNORECASE)

# Openers in the order they are tried, each with what makes an item opening with it concrete
# after all (given the signals and the text after the opener).
_Rescue = Callable[[_Signals, str], bool]
_OPENERS: tuple[tuple[re.Pattern[str], str, _Rescue], ...] = (
    (_EXHORTATION, "exhortation", lambda s, rest: False),
    (_INQUIRY, "inquiry", lambda s, rest: s.deliverable or _concrete_follow_up(rest)),
    (_CHECK, "inquiry", lambda s, rest: s.measurable or s.deliverable),
    (
        _IMPROVE,
        "improvement",
        lambda s, rest: s.number or bool(_MECHANISM.search(rest) and (s.specific or s.condition)),
    ),
    (_MEASURE, "improvement", lambda s, rest: s.number or (s.condition and s.specific)),
    (
        _WISH,
        "wish",
        lambda s, rest: (
            not s.outcome
            and not (s.hedge and not s.measurable)
            and s.measurable
            and (s.specific or _has_verb(rest))
        ),
    ),
    (_MAKE_QUALITY, "improvement", lambda s, rest: s.number),
    (_PREVENT_VAGUE, "wish", lambda s, rest: s.measurable),
    (_TOPIC, "topic", lambda s, rest: s.number or (s.condition and s.specific)),
)
_PHRASAL = {"set", "turn", "roll", "back", "clean", "wire", "hook"}


@lru_cache(maxsize=4096)
def assess(text: str, openers: tuple[str, ...] = ()) -> Vagueness | None:
    """Why the action item ``text`` is vague, or ``None`` when it is concrete enough.

    ``openers`` are extra openers a team considers vague ("socialise", "align"); an item opening
    with one is vague unless it names a deliverable, a threshold or a condition.

    >>> assess("Improve alerting.").kind
    'improvement'
    >>> assess("Page the on-call when replication lag exceeds 30 seconds.") is None
    True
    >>> assess("Ensure the backup job alerts when a run takes over 2 hours.") is None
    True
    """
    s = _signals(text)
    if not s.clause:
        return None
    extra = [rf"{re.escape(w.strip())}\b" for w in openers if w.strip()]
    patterns = list(_OPENERS)
    if extra:
        custom = re.compile("^(?:" + "|".join(extra) + ")", re.IGNORECASE)
        patterns.insert(1, (custom, "inquiry", lambda s, rest: s.deliverable or s.measurable))
    for pattern, kind, rescue in patterns:
        match = pattern.match(s.clause)
        if match:
            if rescue(s, s.clause[match.end() :]):
                return None
            cue = " ".join(s.first.split()[:3]) if kind == "topic" else match.group(0)
            return _vague(kind, cue)
    if s.outcome and not s.measurable:
        return _vague("wish", s.first)
    return _by_verb(s)


def _by_verb(s: _Signals) -> Vagueness | None:
    """Items opening with a concrete verb, or with none of the known openers."""
    words = list(s.words)
    if words and lemma(words[0]) in ACTION_VERBS:
        rest = words[1:]
        if words[0] in _PHRASAL and rest and rest[0] in ("up", "on", "off", "out"):
            rest = rest[1:]
        if (not rest or _generic_only(rest)) and not s.measurable:
            return _vague("category", s.first)
        if s.hedge and not s.measurable:
            return _vague("hedge", s.hedge)
        return None
    if _generic_only(words) and not s.measurable:
        return _vague("topic", s.first)
    if _ABSTRACT_GOAL.search(s.first) and not s.measurable:
        return _vague("topic", s.first)
    if s.hedge and not s.measurable and not s.specific:
        return _vague("hedge", s.hedge)
    return None


_ABSTRACT_GOAL = lazy(r"\b(?:improvements?|enhancements?|optimi[sz]ations?)\b", re.I)


def _vague(kind: str, cue: str) -> Vagueness:
    return Vagueness(cue.strip(" .,;:"), kind, ADVICE[kind])


_AND_THEN = lazy(r"\b(?:and|then|to)\s+(?:then\s+)?([a-z-]+)\s+(\S.*)$", re.IGNORECASE)


def _concrete_follow_up(rest: str) -> bool:
    """True for "... and add an alert when X exceeds Y": a change with its condition or
    threshold after the inquiry."""
    for match in _AND_THEN.finditer(rest):
        verb, tail = match.group(1).lower(), match.group(2)
        if verb in ACTION_VERBS and (_NUMBER.search(tail) or _CONDITION.search(tail)):
            return True
    return False


def _has_verb(text: str) -> bool:
    return any(lemma(w) in ACTION_VERBS for w in _words(text))
