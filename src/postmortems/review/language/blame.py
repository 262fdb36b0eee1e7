"""The blame detectors: where a sentence blames a person, and why.

Each detector reads a :class:`~postmortems.review.language.text.Text` and returns :class:`Hit`
objects. The rules in :mod:`postmortems.review.rules.blame` pick the hits of their own kind, so a
sentence is analysed once however many rules look at it.

The approach is deliberately shallow and explainable: phrase lexicons matched over tokens, plus
the one piece of grammar that separates blame from description, namely *who the subject is*.
"The deploy failed" and "the cache failed to refresh" describe a system; "Alice failed to refresh
the cache" judges a person. Negation ("this was not human error"), quotation (a log line that
says "failed to"), and an explanation that puts the cause in the system ("... because of a missing
environment check") are honoured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from postmortems.review.language import verbs
from postmortems.review.language.clauses import AUXILIARIES, first_subject
from postmortems.review.language.people import Who
from postmortems.review.language.text import Text

PERSON_AS_CAUSE = "blame.person-as-cause"
HUMAN_ERROR = "blame.human-error"
COUNTERFACTUAL = "blame.counterfactual"
JUDGMENTAL = "blame.judgmental"
EXHORTATION = "blame.exhortation"
PUNITIVE = "blame.punitive-action"


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of blame found in a sentence (offsets into the sentence text)."""

    rule: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


# Word boundaries that treat hyphenated words and contractions as one word.
_B = r"(?<![\w'-])"
_E = r"(?![\w-])"


def _alt(words: frozenset[str] | set[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class _Patterns:
    human_error: re.Pattern[str]
    human_error_exempt_before: re.Pattern[str]
    human_error_exempt_after: re.Pattern[str]
    mistake_by: re.Pattern[str]
    judgmental: re.Pattern[str]
    lazy_tech: re.Pattern[str]
    bother: re.Pattern[str]
    obviously: re.Pattern[str]
    hindsight_words: re.Pattern[str]
    too_long: re.Pattern[str]
    completely: re.Pattern[str]
    competent: re.Pattern[str]
    exhortation: re.Pattern[str]
    exhort_exempt: re.Pattern[str]
    punitive_inherent: re.Pattern[str]
    punitive_verb: re.Pattern[str]
    training: re.Pattern[str]
    access: re.Pattern[str]
    modal_perfect: re.Pattern[str]
    if_had: re.Pattern[str]
    had_inverted: re.Pattern[str]
    if_only: re.Pattern[str]
    would_have: re.Pattern[str]
    failed_to: re.Pattern[str]
    omission: re.Pattern[str]
    did_not: re.Pattern[str]
    fault_adverb: re.Pattern[str]
    causal: re.Pattern[str]
    causal_object: re.Pattern[str]
    action: re.Pattern[str]
    fault_adjective: re.Pattern[str]
    without: re.Pattern[str]
    skip: re.Pattern[str]
    miss: re.Pattern[str]
    possessive_fault: re.Pattern[str]
    pronoun_fault: re.Pattern[str]
    because_person: re.Pattern[str]
    to_blame: re.Pattern[str]
    blame_lies: re.Pattern[str]
    cause_was: re.Pattern[str]
    explained: re.Pattern[str]


_FAULT_NOUNS = (
    r"(?:mistakes?|errors?|faults?|blunders?|oversights?|slips?|slip-ups?|negligence|carelessness|"
    r"screw-ups?|screwups?|lapses?|missteps?|typos?|misconfigurations?|fuck-ups?|incompetence)"
)
_NOT_FAULT_AFTER = (
    r"(?! (?:handling|handler|message|messages|rate|rates|code|codes|log|logs|page|pages|budget|"
    r"count|counts|path|response|responses|state|bar|metric|metrics|type|types|class|spike))"
)
_PERSON_VERBISH = r"(?:was|is|were|are|'s|had|has|did|does)"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Compile every pattern once, on first use (start-up stays fast)."""
    c = re.compile
    who = (
        r"(?:human|operator|operators|user|pilot|engineer|engineers|manual|personnel|staff|"
        r"employee|developer|admin|administrator|individual|people|person|dev|sre|on-call)"
    )
    fault_adj = (
        r"(?:wrong|incorrect|bad|broken|faulty|buggy|untested|unreviewed|invalid|erroneous|"
        r"mistaken|unsafe|dangerous|defective|unverified|unvalidated|half-finished|botched|"
        r"sloppy|careless|rushed|hasty)"
    )
    return _Patterns(
        human_error=c(
            _B + who + r"(?: |-)(?:error|errors|mistake|mistakes|slip|slips|blunder|blunders|"
            r"fault|faults|oversight)" + _E + _NOT_FAULT_AFTER
            + r"|" + _B + r"(?:fat-finger(?:ed|ing|s)?|fat finger(?:ed|ing)?|pebkac|pebcak|id10t|"
            r"layer 8 (?:issue|problem|error))" + _E
        ),
        human_error_exempt_before=c(
            r"(?:not|n't|no|never|rather than|instead of|beyond|blame|blaming|blamed|avoid|"
            r"avoids|avoiding|reduce|reduces|reducing|prevent|prevents|preventing|minimi[sz]e|"
            r"minimi[sz]es|minimi[sz]ing|eliminate|eliminates|eliminating|risk of|risks of|"
            r"chance of|chances of|prone to|room for|susceptible to|possibility of|likelihood of|"
            r"potential for|guard against|guards against|protect against|resilient to|"
            r"tolerant of|tolerate|tolerates|less|fewer|call|calls|calling|called|label|labelling|"
            r"labeling|labelled|labeled|stop at|stopping at|mitigate|mitigates|catch|catches|"
            r"forgiving of|against|handle|handles|recover from|recovers from|despite|"
            r"in the face of|term|phrase|words?|such as)(?: \S+){0,4} $"
        ),
        human_error_exempt_after=c(
            r"^(?: \S+)?(?: (?:is|was|are|were|'s) (?:not|n't|never|rarely|seldom|almost never)"
            r"| -prone| prone| rate| rates| budget| handling| tolerance| as a (?:root )?cause)"
        ),
        mistake_by=c(
            _B + r"(?:an? |the )?(?:\w+ )?(?:mistake|error|slip|blunder|oversight)s? (?:made )?"
            r"(?:by|on the part of|of) (?P<who>.*)$"
        ),
        judgmental=c(
            _B + r"(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppily|sloppiness|"
            r"reckless(?:ly|ness)?|incompeten(?:t|ce|tly)|irresponsib(?:le|ly|ility)|idiot(?:ic|s)?|"
            r"stupid(?:ity|ly)?|foolish(?:ly|ness)?|boneheaded|clueless|inept(?:itude|ly)?|"
            r"amateurish|unprofessional(?:ly)?|thoughtless(?:ly|ness)?|inattentive|inattention|"
            r"shoddy|shoddily|half-assed|lazy|laziness|lazily|drop(?:ped|s|ping)? the ball|"
            r"asleep at the wheel|cowboy|inexcusabl[ey]|unforgivabl[ey]|blatant(?:ly)?|"
            r"dumb (?:mistake|error|decision|move|idea)|no excuse|"
            r"(?:silly|stupid|rookie|basic|elementary|avoidable|obvious|newbie|beginner|"
            r"schoolboy|amateur) (?:mistake|mistakes|error|errors|blunder|blunders)|"
            r"(?:should|ought to) (?:'ve |have )?know(?:n)? better|knew better|"
            r"should (?:'ve |have )?been (?:obvious|clear|apparent|evident)|"
            r"(?:bothering|bother|bothers|bothered) to (?:even )?(?:check|look|read|test|open|"
            r"respond|reply|answer|update|tell|ask|verify|escalate|page|follow)|"
            r"finally (?:get|gets|got|getting) (?:a)?round to|"
            r"(?:lack|lacked|lacking|lacks) of (?:care|attention|diligence|rigou?r|discipline|"
            r"ownership|competence))" + _E
        ),
        lazy_tech=c(
            r"^lazy(?:ily)? (?:load|loads|loading|loaded|evaluation|eval|init|initiali[sz]ation|"
            r"import|imports|iterator|iteration|property|properties|mode|val|instantiation|"
            r"binding|fetch|fetching|compilation|allocation|deletion|expiry|expiration|cache|"
            r"caching|connection|connections|client|creation|sync)"
        ),
        bother=c(
            _B + r"(?:(?:did|does|do|would|could|ca|can|wo) (?:not|n't)(?: even)? bother|"
            r"never bother(?:s|ed)?|not even bother(?:ing|ed)?|finally bother(?:s|ed)?|"
            r"(?:could|can|ca|would) (?:not|n't) be bothered|cannot be bothered|"
            r"without (?:even )?bothering)" + _E
        ),
        obviously=c(_B + r"(?:obviously|clearly|evidently|plainly|of course)" + _E),
        hindsight_words=c(
            _B + r"(?:should|shouldn|ought|mistake|mistakes|wrong|careless|bad idea|must have|"
            r"have known|to blame|fault|negligent|stupid|silly|dumb|error|irresponsible)" + _E
        ),
        too_long=c(
            _B + r"(?:(?:far|way|much|ridiculously|unacceptably|absurdly|hopelessly) too "
            r"(?:long|slow|slowly|late|much time)|took (?:ages|forever)|(?:far|way) too much time"
            r"|sat on (?:it|the alert|the page|the ticket))" + _E
        ),
        completely=c(
            _B + r"(?:completely|totally|blatantly|simply|just|conveniently|flatly|entirely) "
            r"(?:ignored|ignores|ignoring|disregarded|disregards|overlooked|overlooks|forgot|"
            r"forgets|skipped|skips|dismissed|dismisses)" + _E
        ),
        competent=c(
            _B + r"(?:any|an?) (?:competent|reasonable|sensible|experienced|decent|half-decent|"
            r"good|qualified|careful|attentive|responsible|professional|halfway|real|proper) "
            r"(?:\w+ )?(?:engineer|engineers|developer|developers|operator|operators|person|sre|"
            r"admin|administrator|on-call|reviewer|dba|programmer|team)" + _E
        ),
        exhortation=c(
            _B + r"(?:(?:be|being) (?:a lot |much |far |even |extra |more |very |especially |"
            r"really |extremely |a bit |a little |a little bit )*(?:careful|vigilant|diligent|"
            r"attentive|thorough|cautious|mindful|rigorous|conscientious|disciplined|"
            r"focused)|pay(?:s|ing)? (?:more |closer |better |extra |greater |special |careful |"
            r"much more |much closer |close |full )?attention|take (?:more |extra |greater |better )"
            r"care|exercise (?:more |greater |extra )?(?:caution|care)|(?:use|apply) (?:more |"
            r"better )?(?:common sense|judgement|judgment)|think (?:twice|harder)|try harder|"
            r"learn (?:to|how to)|learn (?:from|their|his|her) (?:\w+ )?(?:mistakes?|lesson)|"
            r"stop (?:making|doing) (?:\w+ )?(?:mistakes|errors)|(?:make|making) (?:fewer|less|no) "
            r"(?:\w+ )?(?:mistakes|errors)|(?:double|triple)-check(?:s|ing)? (?:their|his|her|your|"
            r"our|my|all|everything|every|each)|(?:double|triple) check (?:their|his|her|your|our|"
            r"my|everything)|check (?:their|his|her|your) (?:own )?work|remember(?:s|ing)? to|"
            r"(?:do|must) (?:not|n't) forget(?: to)?|never forget to|remind(?:s|ing|ed)? "
            r"(?:\w+ ){0,3}(?:to|that|about|of)|reminder (?:to|that|for))" + _E
        ),
        exhort_exempt=c(
            r"(?:without|no one|nobody|no need to|not have to|n't have to|not need to|"
            r"n't need to|rather than|instead of|relying on|rely on|relies on|depend on|"
            r"depends on|depending on|not rely|n't rely|so that no|never have to|"
            r"not having to|the need to)(?: \S+){0,4} $"
        ),
        punitive_inherent=c(
            _B + r"(?:disciplinary|written warning|formal warning|final warning|verbal warning|"
            r"performance improvement plan|on probation|(?:put|place|placed) (?:\w+ ){0,3}on "
            r"(?:a )?pip|(?:mandatory|remedial|compulsory|corrective) (?:\w+ ){0,2}training|"
            r"name and shame|(?:hold|holds|held|holding) (?:\w+ ){0,4}accountable|"
            r"(?:performance|hr) (?:review|conversation|process) (?:for|with) )" + _E
        ),
        punitive_verb=c(
            _B + r"(?:re-?train(?:s|ed|ing)?|reprimand(?:s|ed|ing)?|disciplin(?:e|es|ed|ing)|"
            r"fire(?:s|d)?|sack(?:s|ed)?|terminate(?:s|d)?|dismiss(?:es|ed)?|suspend(?:s|ed)?|"
            r"demote(?:s|d)?|warn(?:s|ed)?|punish(?:es|ed)?|penali[sz]e(?:s|d)?|censure(?:s|d)?|"
            r"let go of|write up|wrote up|(?:give|gives|gave|issue|issues|issued) "
            r"(?:\w+ ){0,3}(?:a )?(?:warning|reprimand|strike))" + _E
        ),
        training=c(
            _B + r"(?:send|sends|sent|sending|(?:to|must|should|will|shall|needs? to|has to|"
            r"have to) (?:attend|complete|take|redo|retake|undergo|go through|sit|repeat|do))"
            r" (?:\S+ ){0,4}?(?:to )?(?:\S+ ){0,3}?(?:training|course|bootcamp|class|classes|"
            r"workshop)" + _E
        ),
        access=c(
            _B + r"(?:revoke|revokes|revoked|remove|removes|removed|suspend|suspends|suspended|"
            r"take away|took away|strip|stripped|withdraw|withdrew|pull|pulled|disable|disabled)"
            r" (?P<obj>(?:\w+ |'s ){0,4}?)(?:production |prod |admin |root |write |deploy |"
            r"merge |commit |ssh |sudo |cluster |database )?(?:access|permissions|rights|"
            r"privileges|credentials)(?P<tail>(?: (?:of|from|for) (?:\w+ ){1,4})?)"
        ),
        modal_perfect=c(
            _B + r"(?P<modal>should|shouldn|could|couldn|ought to|must|might|needed to|need to|"
            r"needs to)(?: (?:n't|not|never|really|definitely|probably))* (?:have|'ve)"
            r"(?P<rest>(?: \S+){1,3})"
        ),
        if_had=c(
            _B + r"(?:if|when|had) (?P<subject>(?:\S+ ){1,5}?)(?:had|'d)(?: not| n't| never)? "
            r"(?P<verb>\S+)"
        ),
        had_inverted=c(
            r"(?:^|[,;:] |(?:^|\s)\d\S* )had (?P<subject>(?:\S+ ){1,5}?)(?:not |never )?"
            r"(?P<verb>\S+ed|known|seen|done|taken|run|read|caught|gone|been)" + _E
        ),
        if_only=c(_B + r"if only" + _E),
        would_have=c(_B + r"(?:would|'d|could|might)(?: not| n't| never)? (?:have|'ve)" + _E),
        failed_to=c(
            _B + r"(?:fail|fails|failed|failing) (?:\w+ )?to (?P<verb>\S+)"
        ),
        omission=c(_B + _alt(verbs.OMISSIONS) + _E),
        did_not=c(
            _B + r"(?:(?:did|does|do|has|have|had) (?:not|n't)(?: even)?|never|forgot to|"
            r"neglected to|failed to) (?P<verb>" + _alt(verbs.DILIGENCE) + r")" + _E
        ),
        fault_adverb=c(
            _B + r"(?:accidentally|accidently|mistakenly|inadvertently|unintentionally|"
            r"erroneously|wrongly|incorrectly|by mistake|by accident|in error|unknowingly "
            r"deleted|carelessly|recklessly|hastily|blindly)" + _E
        ),
        causal=c(
            _B + r"(?:" + _alt(verbs.CAUSAL) + r"|took down|take down|takes down|taking down|"
            r"brought down|bring down|brings down|bringing down|knocked over|knocked out|"
            r"took out|wiped out|screwed up|messed up|botched|"
            r"(?:introduced|introduces|triggered|triggers|started|led to|leads to|resulted in|"
            r"results in) (?:a|an|the|this|that) (?:\w+ )?(?:bug|regression|outage|incident|"
            r"failure|defect|breakage|downtime|disruption|problem|issue|error|crash|"
            r"vulnerability))" + _E
        ),
        causal_object=c(
            r"^(?:the|a|an|this|our|prod|production|\w+ )?(?:\S+ ){0,2}?(?:outage|incident|"
            r"failure|bug|regression|site|service|build|checkout|login|sign-up|signup|prod|"
            r"production|cluster|database|db|api|app|website|deploy|deployment|pipeline|system|"
            r"platform|\S+)"
        ),
        action=c(_B + _alt(verbs.ACTIONS) + _E),
        fault_adjective=c(_B + fault_adj + _E),
        without=c(
            _B + r"without (?:a |any |first |properly |proper |even |the |running |an? )*"
            r"(?:testing|tests|test|review|reviewing|reviews|approval|approvals|checking|"
            r"check|dry run|dry-run|verification|verifying|telling|notifying|asking|waiting|"
            r"permission|canary|staging|validation|validating|peer review|code review|"
            r"second pair of eyes|looking)" + _E
        ),
        skip=c(_B + _alt(verbs.SKIPS) + _E),
        miss=c(_B + _alt(verbs.MISSES) + _E),
        possessive_fault=c(
            r"(?P<owner>\S+) 's (?:own )?(?:\S+ )?(?P<fault>" + _FAULT_NOUNS + r"|"
            + fault_adj + r" \S+)" + _E + _NOT_FAULT_AFTER
        ),
        pronoun_fault=c(
            _B + r"(?:his|her|their) (?:own )?(?:\w+ )?" + _FAULT_NOUNS + _E + _NOT_FAULT_AFTER
        ),
        because_person=c(
            _B + r"(?:due to|because of|caused by|thanks to|owing to|as a result of|"
            r"triggered by|introduced by|blamed on|blame on|attributed to|fault of|result of|"
            r"resulted from|brought about by|done by|made by|pushed by|deployed by|run by|"
            r"merged by|broken by) (?P<rest>.*)$"
        ),
        to_blame=c(
            _B + r"(?P<verb>is|was|are|were|'s|be|been) (?:solely |entirely |directly |"
            r"ultimately |partly |fully |clearly |personally )?(?:to blame|at fault|guilty|"
            r"the culprit|the (?:root |main |primary |real |underlying )?cause|responsible "
            r"for (?:the|this|that|our|an?) (?:\w+ )?(?:outage|incident|failure|error|bug|"
            r"downtime|problem|issue|breakage|mistake|mess|disruption|degradation|data loss))"
            + _E
        ),
        blame_lies=c(
            _B + r"(?:blame|fault|responsibility)(?: \S+){0,4}? (?:lies|lay|rests|rested|falls|"
            r"fell|sits|sat) "
            r"(?:squarely |solely |entirely )?(?:with|on)" + _E
        ),
        cause_was=c(
            _B + r"(?:root cause|cause|culprit|trigger) (?:was|is|were) (?P<rest>.*)$"
        ),
        explained=c(
            _B + r"(?:because|since|as|due to|because of|given that|per|according to|"
            r"as instructed by|as described in|as documented in) "
            r"(?P<rest>.*)$"
        ),
    )


# Substrings one of which must occur in a sentence for a pattern to be worth running: most
# sentences contain none, and a substring test is far cheaper than a regex scan.
_KEYS: dict[str, tuple[str, ...]] = {
    "human_error": (
        "error", "mistake", "slip", "blunder", "fault", "oversight", "fat", "pebk", "pebc",
        "id10t", "layer 8",
    ),
    "mistake_by": ("mistake", "error", "slip", "blunder", "oversight"),
    "judgmental": (
        "careless", "negligen", "sloppy", "sloppi", "reckless", "incompeten", "irresponsib",
        "idiot", "stupid", "foolish", "bonehead", "clueless", "inept", "amateur", "unprofession",
        "thoughtless", "inattent", "shoddy", "half-assed", "lazy", "lazi", "the ball", "asleep",
        "cowboy", "inexcusab", "unforgivab", "blatant", "dumb", "excuse", "mistake", "error",
        "blunder", "better", "obvious", "clear", "apparent", "evident", "bother", "round to",
        "lack",
    ),
    "bother": ("bother",),
    "obviously": ("obvious", "clearly", "evident", "plainly", "of course"),
    "too_long": (" too ", "ages", "forever", "sat on"),
    "completely": ("ignor", "disregard", "overlook", "forgot", "forget", "skip", "dismiss"),
    "competent": (
        "competent", "reasonable", "sensible", "experienced", "decent", "good", "qualified",
        "careful", "attentive", "responsible", "professional", "halfway", "real ", "proper",
    ),
    "exhortation": (
        "careful", "vigilant", "diligent", "attentive", "thorough", "cautious", "mindful",
        "rigorous", "conscientious", "disciplined", "focused", "attention", "care", "caution",
        "common sense", "judgement", "judgment", "twice", "harder", "learn", "mistakes", "errors",
        "check", "remember", "forget", "remind",
    ),
    "punitive_inherent": (
        "disciplin", "warning", "improvement plan", "probation", "pip", "training",
        "name and shame", "accountable", "review", "conversation", "process",
    ),
    "punitive_verb": (
        "train", "reprimand", "disciplin", "fire", "sack", "terminat", "dismiss", "suspend",
        "demote", "warn", "punish", "penali", "censure", "let go", "write up", "wrote up",
        "strike",
    ),
    "training": ("training", "course", "bootcamp", "class", "workshop"),
    "access": ("access", "permission", "rights", "privilege", "credential"),
    "modal_perfect": (" have", "'ve"),
    "if_had": ("had", "'d"),
    "had_inverted": ("had",),
    "if_only": ("if only",),
    "would_have": ("have", "'ve"),
    "failed_to": ("fail",),
    "omission": ("neglect", "ignor", "forg", "disregard", "overlook", "omit"),
    "did_not": ("not", "n't", "never", "forgot", "neglected", "failed"),
    "fault_adverb": (
        "accident", "mistaken", "inadvertent", "unintention", "erroneous", "wrongly",
        "incorrectly", "mistake", "in error", "unknowingly", "carelessly", "recklessly",
        "hastily", "blindly",
    ),
    "causal": (
        "caus", "brok", "break", "corrupt", "wip", "crash", "down", "knocked", "took out",
        "screwed", "messed", "botched", "introduc", "trigger", "start", "led to", "leads to",
        "result",
    ),
    "action": (
        "wrong", "incorrect", "bad", "broken", "faulty", "buggy", "untested", "unreviewed",
        "invalid", "erroneous", "mistaken", "unsafe", "dangerous", "defective", "unverified",
        "unvalidated", "half-finished", "botched", "sloppy", "careless", "rushed", "hasty",
        "without",
    ),
    "skip": ("skip", "bypass", "circumvent", "overrid", "sidestep"),
    "miss": ("miss", "misread", "misjudg", "misconfig", "mistyp", "misclick"),
    "possessive_fault": ("'s",),
    "pronoun_fault": ("his ", "her ", "their "),
    "because_person": (
        "due to", "because of", "caused by", "thanks to", "owing to", "result of",
        "triggered by", "introduced by", "blame", "attributed to", "fault of", "resulted from",
        "brought about", "broken by",
    ),
    "to_blame": ("blame", "fault", "guilty", "culprit", "cause", "responsible"),
    "blame_lies": ("blame", "fault", "responsibility"),
    "cause_was": ("cause", "culprit", "trigger"),
}

#: Every key of every pattern: a sentence with none of them cannot hold blame.
TRIGGERS: tuple[str, ...] = tuple(sorted({k for keys in _KEYS.values() for k in keys}))


def _scan(text: Text, name: str) -> list[re.Match[str]]:
    """Matches of the pattern called ``name``, skipping the scan when no key word occurs."""
    norm = text.norm
    if not any(key in norm for key in _KEYS[name]):
        return []
    pattern: re.Pattern[str] = getattr(_patterns(), name)
    return text.find(pattern)


# Objects a person can be punished or trained as; users and customers are not staff.
_STAFFISH = frozenset((Who.NAME, Who.ROLE, Who.PRONOUN))
_PASSIVE = frozenset("was were be been is are being get gets got getting".split())
_OBJECT_PRONOUNS = frozenset("him her them those everyone everybody whoever".split())


def _negated(text: Text, index: int, span: int = 3) -> bool:
    """True when a negation sits in the ``span`` tokens before ``index`` in the same clause."""
    for k in range(index - 1, max(index - span - 1, -1), -1):
        token = text.tokens[k]
        if token.kind == "punct":
            return False
        if token.low in ("not", "n't", "never", "no", "nobody", "none"):
            return True
    return False


def _hit(text: Text, rule: str, first: int, last: int, message: str, suggestion: str) -> Hit:
    start, end = text.char_span(first, max(last, first + 1))
    return Hit(rule, start, end, message, suggestion)


def _is_person(text: Text, first: int, last: int) -> bool:
    """True when tokens ``first:last`` mention a person: a name, or a role or pronoun head."""
    phrase = text.tokens[first:last]
    return text.people.classify(phrase).person or any(
        text.people.is_name(t) for t in phrase
    )


def _system_explained(text: Text, after: int) -> bool:
    """True when the rest of the clause explains the action by the system, not the person.

    "An engineer ran the documented script, which targeted production because of a missing
    environment check": the cause given is the missing check.
    """
    rest = " ".join(t.low for t in text.tokens[after:])
    if re.search(
        r"(?:documented|approved|standard|agreed|usual|normal|scheduled|planned|runbook|"
        r"procedure|playbook|as instructed|as documented|as designed|as expected|"
        r"per the|following the|according to)",
        rest,
    ):
        return True
    match = _patterns().explained.search(rest)
    if match is None:
        return False
    index = after + rest[: match.start("rest")].count(" ")
    phrase = []
    for token in text.tokens[index : index + 6]:
        if phrase and (token.low in AUXILIARIES or token.low.endswith("ed") or token.kind == "nt"):
            break
        phrase.append(token)
    who = text.people.classify(phrase)
    return bool(phrase) and not who.person and who is not Who.WE


# -- detectors --------------------------------------------------------------------------------

_MSG_HUMAN_ERROR = (
    "'{w}' offered as a cause ends the inquiry where it should start: say what made the error "
    "possible or easy (the tool, the interface, the time pressure, the missing guard)."
)
_SUG_HUMAN_ERROR = (
    "Name the conditions instead, e.g. 'The CLI applied the change to production without a "
    "confirmation step, and the runbook listed the commands in a different order.'"
)


def _human_error(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    for match in _scan(text, "human_error"):
        before = text.norm[max(0, match.start() - 60) : match.start()]
        after = text.norm[match.end() : match.end() + 40]
        if p.human_error_exempt_before.search(before) or p.human_error_exempt_after.match(after):
            continue
        if match.group(0).startswith("user") and (
            match.group(0).endswith("s") or re.search(r"(?:4xx|400|http|client|api) $", before)
        ):
            continue  # "4xx user errors": the errors users see, a metric
        first, last = text.tokens_of(match)
        words = text.words(first, last)
        hits.append(
            _hit(text, HUMAN_ERROR, first, last, _MSG_HUMAN_ERROR.format(w=words), _SUG_HUMAN_ERROR)
        )
    for match in _scan(text, "mistake_by"):
        first, _ = text.tokens_of(match)
        who_start = text.index_at(match.start("who")) if match.group("who") else len(text.tokens)
        obj = text.object(who_start - 1) if who_start < len(text.tokens) else None
        if obj is None or not (obj.person or _is_person(text, obj.start, obj.end)):
            continue
        if _negated(text, first):
            continue
        hits.append(
            _hit(
                text,
                HUMAN_ERROR,
                first,
                obj.end,
                "A mistake attributed to a person is offered as the cause; ask what made the "
                "mistake easy to make and hard to catch.",
                _SUG_HUMAN_ERROR,
            )
        )
    return hits


_MSG_JUDGE = (
    "'{w}' judges a person or their work. Judgment makes people defend themselves instead of "
    "explaining what they saw; describe what happened and what made sense at the time."
)
_SUG_JUDGE = (
    "Describe the situation neutrally, e.g. 'The warning appeared in a channel with 200 other "
    "alerts a day' instead of judging how someone responded."
)


def _judgmental(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    for name in ("judgmental", "bother", "completely", "competent"):
        for match in _scan(text, name):
            first, last = text.tokens_of(match)
            if name == "judgmental":
                if text.tokens[first].low.startswith("lazy") and p.lazy_tech.match(
                    text.norm[match.start() :]
                ):
                    continue
                word = match.group(0)
                if _negated(text, first, 2) and not re.search(r"know|bother|round", word):
                    continue
            words = text.words(first, last)
            hits.append(_hit(text, JUDGMENTAL, first, last, _MSG_JUDGE.format(w=words), _SUG_JUDGE))
    for match in _scan(text, "obviously"):
        if p.hindsight_words.search(text.norm):
            first, last = text.tokens_of(match)
            hits.append(
                _hit(
                    text,
                    JUDGMENTAL,
                    first,
                    last,
                    f"'{text.words(first, last)}' is hindsight: what is obvious now was not "
                    "obvious then. Explain what the people involved could see at the time.",
                    "Drop 'obviously' and say what information was (not) available, e.g. 'The "
                    "dry-run flag was not the default and the script gave no preview.'",
                )
            )
    for match in _scan(text, "too_long"):
        first, last = text.tokens_of(match)
        subject = first_subject(text.tokens, first, text.people)
        if subject.person or subject.who is Who.WE or _is_person(text, subject.start, first):
            hits.append(
                _hit(
                    text,
                    JUDGMENTAL,
                    first,
                    last,
                    f"'{text.words(first, last)}' judges a person's speed. Give the times and "
                    "ask what slowed the response (paging, access, unclear dashboards).",
                    "State the durations and their reasons, e.g. 'The page reached the "
                    "secondary after 25 minutes because the primary's phone had no signal.'",
                )
            )
    return hits


_MSG_EXHORT = (
    "'{w}' asks people to try harder. Exhortations do not change the system, so the same "
    "conditions will produce the same outcome; change what made the error easy to make."
)
_SUG_EXHORT = (
    "Ask what made the change easy to get wrong and fix that, e.g. 'Staging did not exercise "
    "batch sizes above 100' -> 'Add a staging load test with production-sized batches.'"
)


def _exhortation(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    for match in _scan(text, "exhortation"):
        first, last = text.tokens_of(match)
        before = text.norm[max(0, match.start() - 50) : match.start()]
        if p.exhort_exempt.search(before):
            continue
        word = match.group(0)
        subject = text.subject(first)
        if word.startswith("learn") and not re.search(
            r"(?:need|needs|needed|must|should|has|have|had|to) $", before
        ):
            continue
        if subject.who is Who.THING and not _dummy_it(text, subject.start):
            continue
        if subject.who is Who.NOBODY:
            continue
        words = text.words(first, last)
        hits.append(_hit(text, EXHORTATION, first, last, _MSG_EXHORT.format(w=words), _SUG_EXHORT))
    return hits


def _dummy_it(text: Text, index: int) -> bool:
    """ "It is important to be careful": a dummy subject that still exhorts people."""
    return index < len(text.tokens) and text.tokens[index].low in ("it", "this", "there")


_MSG_PUNISH = (
    "A punitive action item ('{w}') treats a person as the problem. Punishment teaches people "
    "to hide mistakes, and next time the review learns less; change the system instead."
)
_SUG_PUNISH = (
    "Replace with a change to the system, e.g. 'Make the deploy tool require a second approval "
    "for production database migrations.'"
)


def _punitive(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    for match in _scan(text, "punitive_inherent"):
        first, last = text.tokens_of(match)
        if match.group(0).startswith(("hold", "held")):
            held = text.tokens[first + 1 : last - 1]
            if not held or not (
                text.people.classify(held) in _STAFFISH
                or held[0].low in _OBJECT_PRONOUNS
                or _is_person(text, first + 1, last - 1)
            ):
                continue
        hits.append(_punish_hit(text, first, last))
    for match in _scan(text, "punitive_verb"):
        first, last = text.tokens_of(match)
        obj = text.object(last - 1)
        staff = obj.who in _STAFFISH or (
            obj.start < len(text.tokens) and text.tokens[obj.start].low in _OBJECT_PRONOUNS
        )
        word = match.group(0)
        if not staff:
            # Passive: "the engineer was reprimanded".
            subject = text.subject(first)
            passive = first > 0 and text.tokens[first - 1].low in _PASSIVE
            staff = passive and subject.who in _STAFFISH
        if not staff:
            continue
        if word.startswith("warn") or word.startswith("fire"):
            tail = " ".join(t.low for t in text.tokens[obj.end : obj.end + 2])
            if re.match(r"(?:when|if|before|about|that|of|on|ahead|whenever|as)\b", tail):
                continue  # "warn the on-call when the disk is 80% full" is alerting
        hits.append(_punish_hit(text, first, max(last, obj.end)))
    for match in _scan(text, "training"):
        first, last = text.tokens_of(match)
        if text.tokens[first].low.startswith("sen"):
            obj = text.object(first)
            if obj.who not in _STAFFISH and not _is_person(text, obj.start, obj.end):
                continue
        else:
            subject = text.subject(first)
            if subject.who not in _STAFFISH and not (
                subject.who is Who.NONE or _is_person(text, subject.start, subject.end)
            ):
                continue
        hits.append(_punish_hit(text, first, last))
    for match in _scan(text, "access"):
        first, last = text.tokens_of(match)
        holder = (match.group("obj") or "") + " " + (match.group("tail") or "")
        if not holder.strip():
            continue
        span_first = text.index_at(match.start("obj")) if match.group("obj") else last
        span_last = last
        if _is_person(text, span_first, span_last) or re.search(
            r"\b(?:him|her|them|involved|responsible)\b", holder
        ):
            hits.append(_punish_hit(text, first, last))
    return hits


def _punish_hit(text: Text, first: int, last: int) -> Hit:
    words = text.words(first, last)
    return _hit(text, PUNITIVE, first, last, _MSG_PUNISH.format(w=words), _SUG_PUNISH)


_MSG_COUNTERFACTUAL = (
    "'{w}' is hindsight: it describes what {who} did not do, in a world that did not happen. "
    "Describe what they saw and why their actions made sense at the time."
)
_SUG_COUNTERFACTUAL = (
    "Say what made the better action hard to see at the time, e.g. 'The alert did not say which "
    "replica was lagging, and the runbook did not mention replication lag.'"
)


def _counterfactual(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    tokens = text.tokens

    def person_subject(index: int, allow_we: bool = True) -> bool:
        subject = text.subject(index)
        return subject.person or (allow_we and subject.who is Who.WE)

    def add(first: int, last: int, who: str = "someone") -> None:
        words = text.words(first, last)
        message = _MSG_COUNTERFACTUAL.format(w=words, who=who)
        hits.append(_hit(text, COUNTERFACTUAL, first, last, message, _SUG_COUNTERFACTUAL))

    for match in _scan(text, "modal_perfect"):
        first, last = text.tokens_of(match)
        rest = match.group("rest").split()
        if not rest or not _participle_or_state(rest):
            continue
        if match.group("modal") in ("might", "must") and not person_subject(first):
            continue
        if person_subject(first):
            if rest[0] == "been" and len(rest) > 1 and _is_participle(rest[1]):
                continue  # passive: "Bob should have been paged" is about the paging
            add(first, min(last, len(tokens)), _who_name(text, first))
    for match in _scan(text, "if_had"):
        first, _ = text.tokens_of(match)
        if not _is_participle(match.group("verb")):
            continue
        subject_first = text.index_at(match.start("subject"))
        subject_last = text.index_at(match.end("subject") - 1) + 1
        phrase = tokens[subject_first:subject_last]
        who = text.people.classify(phrase)
        if who.person or who is Who.WE:
            add(first, min(subject_last + 2, len(tokens)), _who_name(text, subject_first + 1))
    for match in _scan(text, "had_inverted"):
        first = text.index_at(match.start("subject")) - 1
        subject_last = text.index_at(match.end("subject") - 1) + 1
        who = text.people.classify(tokens[first + 1 : subject_last])
        if who.person:
            add(first, min(subject_last + 1, len(tokens)), "they")
    for match in _scan(text, "if_only"):
        first, last = text.tokens_of(match)
        add(first, last)
    # "If the on-call looked at the logs first, we would have found it": a person in the
    # condition of a counterfactual conditional.
    if _scan(text, "would_have"):
        for k, token in enumerate(tokens):
            if token.low != "if" or k + 1 >= len(tokens):
                continue
            end = k + 1
            while end < len(tokens) and end - k <= 5 and tokens[end].kind == "word":
                if end > k + 1 and (tokens[end].low.endswith("ed") or tokens[end].low == "had"):
                    break
                end += 1
            who = text.people.classify(tokens[k + 1 : end])
            if who.person and end < len(tokens) and _is_participle(tokens[end].low):
                add(k, min(end + 1, len(tokens)), _who_name(text, k + 1))
    for name in ("failed_to", "omission"):
        for match in _scan(text, name):
            first, last = text.tokens_of(match)
            if _negated(text, first, 2):
                continue
            if name == "omission" and first > 0 and tokens[first - 1].low in ("be", "been"):
                continue  # "the alert was ignored" is about the alert's noise
            subject = text.subject(first)
            if subject.person or subject.who is Who.WE:
                add(first, last, _who_name(text, subject.start))
    for match in _scan(text, "did_not"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.person and not _system_explained(text, last):
            add(first, last, _who_name(text, subject.start))
    for match in _scan(text, "miss"):
        first, last = text.tokens_of(match)
        if _negated(text, first, 2) or first + 1 >= len(tokens):
            continue
        subject = text.subject(first)
        if subject.person and not _system_explained(text, last):
            add(first, last, _who_name(text, subject.start))
    return hits


def _who_name(text: Text, index: int) -> str:
    if 0 <= index < len(text.tokens) and text.people.is_name(text.tokens[index]):
        return text.tokens[index].text
    return "they"


_IRREGULAR_PARTICIPLES = frozenset(
    """
    known done seen taken given gone been caught run written spoken thought found made put set
    shut sent spent brought built held kept left lost met paid read said told understood won
    begun broken chosen driven fallen forgotten gotten hidden risen stolen woken thrown grown
    drawn flown shown withdrawn undertaken hit let cut quit split spread struck stuck dealt felt
    heard led meant taught fought bought sought become come noticed
    """.split()
)


def _is_participle(word: str) -> bool:
    word = word.lower()
    return (word.endswith("ed") and len(word) > 3) or word in _IRREGULAR_PARTICIPLES


def _participle_or_state(rest: list[str]) -> bool:
    """After "should have": a participle ("paged") or "been" + anything; not "a talk"."""
    first = rest[0]
    while first in ("really", "definitely", "probably", "also", "just", "at", "least") and len(
        rest
    ) > 1:
        rest = rest[1:]
        first = rest[0]
    return first == "been" or _is_participle(first)


_MSG_PERSON = (
    "Names {who} as the cause of the fault. A blameless review asks what made the action "
    "possible or easy (tooling, defaults, missing guards), not who did it."
)
_SUG_PERSON = (
    "Make the system the subject, e.g. 'The flag console applied the change to production "
    "without a confirmation step, which broke sign-up.'"
)


def _person_as_cause(text: Text) -> list[Hit]:
    p = _patterns()
    hits: list[Hit] = []
    tokens = text.tokens

    def add(first: int, last: int, who_index: int | None = None) -> None:
        who = "a person"
        if who_index is not None and 0 <= who_index < len(tokens):
            who = f"'{tokens[who_index].text}'" if text.people.is_name(tokens[who_index]) else who
        message = _MSG_PERSON.format(who=who)
        hits.append(_hit(text, PERSON_AS_CAUSE, first, last, message, _SUG_PERSON))

    # "Alice broke checkout", "the release manager's change caused", "which broke sign-up".
    for match in _scan(text, "causal"):
        first, last = text.tokens_of(match)
        if _negated(text, first, 2):
            continue
        if first > 0 and tokens[first - 1].low in _NOUN_BEFORE:
            continue  # "the cause", "a break": nouns, not verbs
        if tokens[first].low in ("crash", "crashed", "crashes", "crashing", "break", "breaks"):
            if last >= len(tokens) or tokens[last].low not in _DETERMINERS:
                continue  # intransitive: "the server crashed"
        subject = text.subject(first)
        person = subject.person or _names_in(text, subject.start, subject.end)
        if subject.who is Who.NONE and first > 0 and tokens[first - 1].low in ("which", "that"):
            previous = first_subject(tokens, first - 1, text.people)
            person = previous.person
        if person:
            add(subject.start if subject.end else first, last, subject.start)
    # "Victor accidentally deleted the record", "set ... by mistake".
    for match in _scan(text, "fault_adverb"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.who is Who.NONE or subject.who is Who.THING:
            subject = first_subject(tokens, first, text.people)
        if subject.person:
            add(first, last, subject.start)
    # "Nadia pushed the wrong flag", "Grace merged the migration without review".
    for match in _scan(text, "action"):
        first, last = text.tokens_of(match)
        end = first + 1
        while end < len(tokens) and not _clause_break(tokens[end].low, tokens[end].kind):
            end += 1
        clause = " ".join(t.low for t in tokens[first:end])
        faulty = p.fault_adjective.search(clause) or p.without.search(clause)
        if not faulty:
            continue
        subject = text.subject(first)
        if subject.person and not _negated(text, first, 2) and not _system_explained(text, last):
            add(first, end, subject.start)
    # "Leo skipped the pre-deploy checklist".
    for match in _scan(text, "skip"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.person and not _negated(text, first, 2):
            add(first, last, subject.start)
    # "Ben's faulty deploy", "due to Victor's mistake", "her mistake".
    for match in _scan(text, "possessive_fault"):
        owner = text.index_at(match.start("owner"))
        if _is_person(text, owner, owner + 1) or text.people.classify(tokens[: owner + 1]).person:
            if tokens[owner].low in ("it", "its", "that", "this", "there", "what", "who"):
                continue
            add(owner, text.tokens_of(match)[1], owner)
    for match in _scan(text, "pronoun_fault"):
        first, last = text.tokens_of(match)
        if not _negated(text, first, 3):
            add(first, last)
    for match in _scan(text, "because_person"):
        first, _ = text.tokens_of(match)
        rest = text.index_at(match.start("rest")) if match.group("rest") else len(tokens)
        end = rest
        while end < len(tokens) and end - rest < 8 and not _clause_break(
            tokens[end].low, tokens[end].kind
        ):
            end += 1
        head = text.people.classify(tokens[rest:end])
        named = _names_in(text, rest, end) or _possessive_person(text, rest, end)
        if (head.person or named) and not _negated(text, first, 3):
            add(first, end, rest)
    # "Alice is to blame", "the blame lies with", "the root cause was Alice".
    for match in _scan(text, "to_blame"):
        first, last = text.tokens_of(match)
        subject = text.subject(first)
        if subject.who is Who.NOBODY or _negated(text, last - 1, 3):
            continue
        if subject.person or _names_in(text, subject.start, subject.end):
            add(subject.start, last, subject.start)
    for match in _scan(text, "blame_lies"):
        first, last = text.tokens_of(match)
        if not _negated(text, first, 3):
            obj_end = last
            while obj_end < len(tokens) and not _clause_break(
                tokens[obj_end].low, tokens[obj_end].kind
            ):
                obj_end += 1
            add(first, obj_end)
    for match in _scan(text, "cause_was"):
        rest = text.index_at(match.start("rest")) if match.group("rest") else len(tokens)
        end = rest
        while end < len(tokens) and not _clause_break(tokens[end].low, tokens[end].kind):
            end += 1
        phrase = tokens[rest:end]
        who = text.people.classify(phrase)
        if who.person or _possessive_person(text, rest, end):
            first, _ = text.tokens_of(match)
            add(first, end, rest)
    return hits


_NOUN_BEFORE = frozenset(
    """
    the a an root main primary likely probable real underlying this that its their his her our
    possible 's contributing proximate immediate first second single one no any every of
    """.split()
)
_DETERMINERS = frozenset(
    "the a an our their his her its this that production prod staging main master".split()
)


def _clause_break(low: str, kind: str) -> bool:
    if kind == "punct":
        return low in ",;:.!?()"
    return low in ("because", "since", "which", "but", "so", "and", "while", "when", "after")


def _names_in(text: Text, first: int, last: int) -> bool:
    """True when tokens ``first:last`` contain a person's name."""
    return any(text.people.is_name(t) for t in text.tokens[first:last])


def _possessive_person(text: Text, first: int, last: int) -> bool:
    """True when a person or role owns something in tokens ``first:last`` ("the SRE's change")."""
    tokens = text.tokens
    for k in range(first, min(last, len(tokens)) - 1):
        if tokens[k + 1].kind == "poss":
            if text.people.is_name(tokens[k]) or text.people.classify(tokens[first : k + 1]).person:
                return True
    return False


_DETECTORS: tuple[Callable[[Text], list[Hit]], ...] = (
    _person_as_cause,
    _human_error,
    _counterfactual,
    _judgmental,
    _exhortation,
    _punitive,
)


def detect(text: Text) -> list[Hit]:
    """Every blame hit in the sentence, at most one per rule and overlapping span."""
    hits: list[Hit] = []
    for detector in _DETECTORS:
        for hit in detector(text):
            if not any(
                h.rule == hit.rule and h.start < hit.end and hit.start < h.end for h in hits
            ):
                hits.append(hit)
    return sorted(hits, key=lambda h: (h.start, h.rule))
