"""The phrase patterns of the blame detectors, and the words that gate them.

A pattern runs on a sentence only when the sentence holds at least one word of each of its
gates: most sentences of a postmortem hold none, and a set test is far cheaper than a regular
expression scan. Gates are plain lower-case words as ``re.findall("[a-z]+")`` sees them, so
"didn't" is "didn" + "t" and "on-call" is "on" + "call".

Patterns match over :attr:`Text.norm <postmortems.review.language.text.Text.norm>`: lower-case
tokens joined by single spaces, with contractions split ("did n't", "alice 's").
"""

from __future__ import annotations

import re
from functools import lru_cache

from postmortems.document.lazyre import lazy
from postmortems.review.language import verbs
from postmortems.review.language.wordlists import words

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from postmortems.review.language.people import People


def _flat(forms: frozenset[str]) -> frozenset[str]:
    """Gate words for a vocabulary: hyphenated forms split as the gate sees them."""
    # The runs of a-z in each form, as re.findall("[a-z]+") gives them (no regex at import).
    return frozenset(
        part
        for form in forms
        for part in "".join(c if "a" <= c <= "z" else " " for c in form).split()
    )


# Word boundaries that keep hyphenated words and contractions whole.
B = r"(?<![\w'-])"
E = r"(?![\w-])"

FAULT_NOUNS = (
    r"(?:mistakes?|errors?|faults?|blunders?|oversights?|slips?|slip-ups?|negligence|"
    r"carelessness|screw-ups?|screwups?|lapses?|missteps?|typos?|misconfigurations?|fuck-ups?|"
    r"incompetence)"
)
FAULT_NOUN_WORDS = words(
    "mistake mistakes error errors fault faults blunder blunders oversight oversights slip slips "
    "negligence carelessness screw screwup screwups lapse lapses misstep missteps typo typos "
    "misconfiguration misconfigurations fuck incompetence"
)
FAULT_ADJECTIVE = (
    r"(?:wrong|incorrect|bad|broken|faulty|buggy|untested|unreviewed|invalid|erroneous|"
    r"mistaken|unsafe|dangerous|defective|unverified|unvalidated|half-finished|botched|"
    r"sloppy|careless|rushed|hasty)"
)
FAULT_ADJECTIVE_WORDS = words(
    "wrong incorrect bad broken faulty buggy untested unreviewed invalid erroneous mistaken "
    "unsafe dangerous defective unverified unvalidated finished botched sloppy careless rushed "
    "hasty"
)
# "error" followed by these is a kind of error, not a fault: "error handling", "error rate".
NOT_FAULT_AFTER = (
    r"(?! (?:handling|handler|message|messages|rate|rates|code|codes|log|logs|page|pages|budget|"
    r"count|counts|path|response|responses|state|bar|metric|metrics|type|types|class|spike))"
)

#: A gate that stands for "the sentence mentions a person, a role or a pronoun for people"; the
#: words depend on the document (its declared names), so :class:`~.people.People` supplies them.
PERSON = frozenset({"<person>"})
#: Like :data:`PERSON`, but "we" counts too (for hindsight the writers apply to themselves).
PERSON_OR_WE = frozenset({"<person-or-we>"})

NEGATIONS = words(
    "not never didn doesn don wasn weren isn aren couldn shouldn wouldn hasn haven hadn t"
)
MODALS = words("should shouldn could couldn ought must might need needs needed")

GATES: dict[str, tuple[frozenset[str], ...]] = {
    "human_error": (
        words(
            "error errors mistake mistakes slip slips blunder blunders fault faults oversight "
            "fat pebkac pebcak layer"
        ),
        words(
            "human operator operators user pilot engineer engineers manual personnel staff "
            "employee developer admin administrator individual people person dev sre call fat "
            "pebkac pebcak layer"
        ),
    ),
    "mistake_by": (
        words("mistake mistakes error errors slip slips blunder oversight"),
        PERSON,
    ),
    "judgmental": (
        words(
            "careless carelessly carelessness negligent negligently negligence sloppy sloppily "
            "sloppiness reckless recklessly recklessness incompetent incompetence incompetently "
            "irresponsible irresponsibly irresponsibility idiot idiotic idiots stupid stupidity "
            "stupidly foolish foolishly foolishness boneheaded clueless inept ineptitude ineptly "
            "amateurish unprofessional unprofessionally thoughtless thoughtlessly inattentive "
            "inattention shoddy shoddily assed lazy laziness lazily cowboy inexcusable "
            "inexcusably unforgivable unforgivably blatant blatantly inexperienced untrained "
            "unqualified"
        ),
    ),
    "judgmental_phrase": (
        words(
            "silly rookie basic elementary avoidable obvious newbie beginner schoolboy amateur "
            "stupid dumb better ball excuse lack lacked lacking lacks asleep bother bothers "
            "bothered bothering finally clear apparent evident clearly obviously evidently "
            "plainly idea what"
        ),
    ),
    "bother": (words("bother bothers bothered bothering"),),
    "obviously": (words("obviously clearly evidently plainly course"),),
    "too_long": (
        words(
            "too ages forever sat wasted bad poor wrong terrible questionable careless rushed "
            "rushes rushing"
        ),
        PERSON_OR_WE,
    ),
    "completely": (
        words("completely totally blatantly simply just conveniently flatly entirely"),
        words(
            "ignored ignores ignoring disregarded disregards overlooked overlooks forgot forgets "
            "skipped skips dismissed dismisses"
        ),
    ),
    "competent": (
        words(
            "competent reasonable sensible experienced decent good qualified careful attentive "
            "responsible professional halfway real proper"
        ),
        words("any a an"),
        PERSON,
    ),
    "exhortation": (
        words(
            "careful vigilant diligent attentive thorough cautious mindful rigorous "
            "conscientious disciplined focused attention care caution sense judgement judgment "
            "twice harder learn mistakes errors check remember remembers remembering forget "
            "remind reminds reminding reminded reminder stop"
        ),
    ),
    "punitive_inherent": (
        words(
            "disciplinary warning improvement probation pip training name accountable "
            "performance hr"
        ),
    ),
    "punitive_verb": (
        words(
            "retrain retrains retrained retraining re train trained training reprimand "
            "reprimands reprimanded reprimanding discipline disciplines disciplined disciplining "
            "fire fires fired sack sacks sacked terminate terminates terminated dismiss "
            "dismisses dismissed suspend suspends suspended demote demotes demoted warn warns "
            "warned punish punishes punished penalise penalize penalised penalized censure "
            "censured warning reprimand strike"
        ),
        PERSON,
    ),
    "training": (
        words("training course bootcamp class classes workshop"),
        PERSON,
    ),
    "access": (
        words("access permissions rights privileges credentials"),
        PERSON,
    ),
    "rotation": (
        words("rotation roster pager on-call oncall call project team deploys deployments"),
        words(
            "remove removes removed removing take takes took taken taking pull pulls pulled "
            "ban bans banned bar bars barred kick kicks kicked"
        ),
        PERSON,
    ),
    "cleft": (words("who"), words("it"), words("was is"), PERSON),
    "modal_perfect": (MODALS, words("have ve"), PERSON_OR_WE),
    "if_had": (words("if when had"), words("had d"), PERSON_OR_WE),
    "had_inverted": (
        words("had"),
        PERSON,
    ),
    "if_only": (words("only"), words("if")),
    "would_have": (words("would could might d"), words("have ve")),
    "failed_to": (
        words("fail fails failed failing"),
        PERSON_OR_WE,
    ),
    "fault_adverb": (
        words(
            "accidentally accidently mistakenly inadvertently unintentionally erroneously "
            "wrongly incorrectly mistake accident error unknowingly carelessly recklessly "
            "hastily blindly"
        ),
        PERSON,
    ),
    "causal": (
        words(
            "cause caused causes causing broke break breaks breaking corrupt corrupted "
            "corrupts corrupting wiped wipes crash crashed crashes down knocked screwed messed "
            "botched introduced introduces triggered triggers led leads"
        ),
        PERSON,
    ),
    # "Priya ran the migration against production, which locked the orders table".
    "harm_which": (
        words("which that"),
        words(
            "locked locks overloaded overloads exhausted exhausts deleted deletes dropped drops "
            "truncated truncates saturated saturates filled fills blocked blocks stalled stalls "
            "froze freezes halted halts disabled disables wiped wipes overwrote overwrites "
            "corrupted corrupts degraded degrades crashed crashes broke breaks took takes "
            "knocked knocks brought brings"
        ),
        PERSON,
    ),
    "possessive_fault": (words("s"), FAULT_NOUN_WORDS | FAULT_ADJECTIVE_WORDS),
    "pronoun_fault": (words("his her their"), FAULT_NOUN_WORDS),
    "because_person": (
        words(
            "due because caused thanks owing result triggered introduced blamed blame "
            "attributed fault resulted brought broken"
        ),
        PERSON,
    ),
    # "The production database was dropped by Kevin".
    "harm_by": (
        words("by"),
        words(
            "dropped deleted wiped truncated corrupted overwritten misconfigured broken erased "
            "destroyed taken brought knocked"
        ),
        PERSON,
    ),
    "to_blame": (
        words("blame fault guilty culprit cause responsible"),
        PERSON,
    ),
    "blame_lies": (words("blame fault responsibility"),),
    "cause_was": (words("cause culprit trigger"), words("was is were"), PERSON),
    # Detectors that read token vocabularies instead of a regex.
    "action": (
        FAULT_ADJECTIVE_WORDS | words("without"),
        PERSON,
    ),
    "skip": (
        _flat(verbs.SKIPS),
        PERSON,
    ),
    "omission": (
        _flat(verbs.OMISSIONS),
        PERSON_OR_WE,
    ),
    "miss": (
        _flat(verbs.MISSES),
        PERSON,
    ),
    "did_not": (NEGATIONS, _flat(verbs.DILIGENCE), PERSON),
}


#: Patterns whose gate words mostly need company: "check" reaches the exhortation pattern only
#: in "double-check", "triple check" or "check your work", "errors" only in "stop making
#: errors" or "make fewer errors", and a long postmortem says "check" and "errors" in many
#: sentences that exhort nobody. A sentence passes such a pattern's gates above *and* one of
#: its ways in: the words one alternative of the pattern needs (each way in lists word sets
#: that must all be present). Keep them in step with the pattern: every alternative of the
#: pattern must have a way in here whose words it cannot match without.
REFINED: dict[str, tuple[tuple[frozenset[str], ...], ...]] = {
    "exhortation": (
        (
            words("be being"),
            words(
                "careful vigilant diligent attentive thorough cautious mindful rigorous "
                "conscientious disciplined focused"
            ),
        ),
        (words("pay pays paying"), words("attention")),
        (words("take"), words("care")),
        (words("exercise"), words("caution care")),
        (words("use apply"), words("sense judgement judgment")),
        (words("think"), words("twice harder")),
        (words("try"), words("harder")),
        (words("learn"),),
        (words("stop"),),
        (words("make making"), words("fewer less no"), words("mistakes errors")),
        (words("double triple"), words("check checks checking")),
        (words("check"), words("their his her your"), words("work")),
        (words("remember remembers remembering"),),
        (words("forget"),),
        (words("remind reminds reminding reminded reminder"),),
    ),
    "punitive_inherent": (
        (words("disciplinary"),),
        (words("warning"), words("written formal final verbal")),
        (words("performance"), words("improvement"), words("plan")),
        (words("probation"),),
        (words("pip"), words("put place placed")),
        (words("training"), words("mandatory remedial compulsory corrective")),
        (words("name"), words("shame")),
        (words("accountable"), words("hold holds held holding")),
        (words("performance hr"), words("review conversation process")),
    ),
}

# The gates of every pattern: its name, its word gates, and which people it needs mentioned
# (0: none, 1: a person, 2: a person or "we").
_GATES = tuple(
    (
        name,
        tuple(g for g in gates if g is not PERSON and g is not PERSON_OR_WE),
        2 if any(g is PERSON_OR_WE for g in gates) else int(any(g is PERSON for g in gates)),
    )
    for name, gates in GATES.items()
)
_ANY = frozenset().union(*(word_gates[0] for _, word_gates, _ in _GATES))
#: Words a sentence needs one of for any pattern to open (the first gates of all).
GATE_WORDS = _ANY
# Every pattern under each word of its first gate: a sentence's words pick the few patterns
# worth testing instead of every pattern being tested against the sentence.
_BY_WORD: dict[str, list[tuple[str, tuple[frozenset[str], ...], int]]] = {}
for _entry in _GATES:
    for _word in _entry[1][0]:
        _BY_WORD.setdefault(_word, []).append(_entry)
del _entry, _word


def open_patterns(words: frozenset[str], people: People) -> frozenset[str]:
    """Names of the patterns whose gates a sentence with these gate words passes.

    A pattern passes when the sentence holds a word of each of its word gates and, where the
    pattern needs one, a word that mentions a person (or "we"), and one of its ways in if it
    has some (:data:`REFINED`).
    """
    return frozenset(_open(words, people, first_only=False))


def opens_any(words: frozenset[str], people: People) -> bool:
    """True when :func:`open_patterns` would name at least one pattern (stops at the first)."""
    return bool(_open(words, people, first_only=True))


def _open(words: frozenset[str], people: People, *, first_only: bool) -> set[str]:
    opened: set[str] = set()
    hits = words & _ANY
    if not hits:
        return opened
    person: bool | None = None
    we: bool | None = None
    for word in hits:
        for name, gates, needs in _BY_WORD[word]:
            if name in opened:
                continue
            if needs:
                if person is None:
                    person = not words.isdisjoint(people.gate)
                if not person:
                    if needs == 1:
                        continue
                    if we is None:
                        we = not words.isdisjoint(people.gate_we)
                    if not we:
                        continue
            if _passes(words, gates, REFINED.get(name)):
                opened.add(name)
                if first_only:
                    return opened
    return opened


def _passes(
    words: frozenset[str],
    gates: tuple[frozenset[str], ...],
    ways: tuple[tuple[frozenset[str], ...], ...] | None,
) -> bool:
    for gate in gates[1:]:
        if words.isdisjoint(gate):
            return False
    if ways is None:
        return True
    for way in ways:
        for need in way:
            if words.isdisjoint(need):
                break
        else:
            return True
    return False


class Patterns:
    """The blame patterns by name, each compiled the first time it is used.

    A document rarely needs them all, and compiling every one up front would cost more than
    reading a short postmortem.
    """

    def __init__(self, **sources: str) -> None:
        for name, source in sources.items():
            setattr(self, name, lazy(source))

    def __getattr__(self, name: str) -> re.Pattern[str]:
        # Only reached for a name that is not a pattern (all of them are set above).
        raise AttributeError(name)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The blame patterns (each compiled on first use, so start-up stays fast)."""
    c = str
    who = (
        r"(?:human|operator|operators|user|pilot|engineer|engineers|manual|personnel|staff|"
        r"employee|developer|admin|administrator|individual|people|person|dev|sre|on-call)"
    )
    return Patterns(
        human_error=c(
            B + who + r"(?: |-)(?:error|errors|mistake|mistakes|slip|slips|blunder|blunders|"
            r"fault|faults|oversight)"
            + E
            + NOT_FAULT_AFTER
            + r"|"
            + B
            + r"(?:fat-finger(?:ed|ing|s)?|fat finger(?:ed|ing)?|pebkac|pebcak|id10t|"
            r"layer 8 (?:issue|problem|error))" + E
        ),
        human_error_exempt_before=c(
            r"(?:not|n't|no|never|rather than|instead of|beyond|blame|blaming|blamed|avoid|"
            r"avoids|avoiding|reduce|reduces|reducing|prevent|prevents|preventing|minimi[sz]e|"
            r"minimi[sz]es|minimi[sz]ing|eliminate|eliminates|eliminating|risk of|risks of|"
            r"chance of|chances of|prone to|room for|susceptible to|possibility of|likelihood of|"
            r"potential for|guard against|guards against|protect against|resilient to|"
            r"tolerant of|tolerate|tolerates|less|fewer|call|calls|calling|called|label|"
            r"labelling|labeling|labelled|labeled|stop at|stopping at|mitigate|mitigates|catch|"
            r"catches|forgiving of|against|handle|handles|recover from|recovers from|despite|"
            r"in the face of|term|phrase|words?|such as|assumed|assume|assuming|suspected|"
            r"suspect|thought|believed|ruled out|initially|looked like|seemed like)"
            r"(?: \S+){0,4} $"
        ),
        human_error_exempt_after=c(
            r"^(?: \S+)?(?: (?:is|was|are|were|'s) (?:not|n't|never|rarely|seldom|almost never)"
            r"| -prone| prone| rate| rates| budget| handling| tolerance| as a (?:root )?cause)"
        ),
        mistake_by=c(
            B + r"(?:an? |the )?(?:\w+ )?(?:mistake|error|slip|blunder|oversight)s? (?:made )?"
            r"(?:by|on the part of|of) (?P<who>.*)$"
        ),
        judgmental=c(
            B + r"(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppily|sloppiness|"
            r"reckless(?:ly|ness)?|incompeten(?:t|ce|tly)|irresponsib(?:le|ly|ility)|"
            r"idiot(?:ic|s)?|stupid(?:ity|ly)?|foolish(?:ly|ness)?|boneheaded|clueless|"
            r"inexperienced|untrained|unqualified|"
            r"inept(?:itude|ly)?|amateurish|unprofessional(?:ly)?|thoughtless(?:ly|ness)?|"
            r"inattentive|inattention|shoddy|shoddily|half-assed|lazy|laziness|lazily|"
            r"drop(?:ped|s|ping)? the ball|asleep at the wheel|cowboy|inexcusabl[ey]|"
            r"unforgivabl[ey]|blatant(?:ly)?|dumb (?:mistake|error|decision|move|idea)|no excuse|"
            r"(?:silly|stupid|rookie|basic|elementary|avoidable|obvious|newbie|beginner|"
            r"schoolboy|amateur) (?:mistake|mistakes|error|errors|blunder|blunders)|"
            r"(?:should|ought to) (?:'ve |have )?know(?:n)? better|knew better|"
            r"should (?:'ve |have )?been (?:obvious|clear|apparent|evident)|"
            r"(?:bothering|bother|bothers|bothered) to (?:even )?(?:check|look|read|test|open|"
            r"respond|reply|answer|update|tell|ask|verify|escalate|page|follow)|"
            r"finally (?:get|gets|got|getting) (?:a)?round to|"
            r"(?:lack|lacked|lacking|lacks) of (?:care|attention|diligence|rigou?r|discipline|"
            r"ownership|competence)|"
            # "clearly didn't understand the data model": certainty about what someone failed
            # to know is hindsight dressed as judgment.
            # Sentences are matched as tokens: "didn't" reads "did n't".
            r"(?:clearly|obviously|evidently|plainly) (?:did n't|did not|does n't|does not|never|"
            r"could n't|could not) (?:understand|know|read|check|care|think|test|grasp|bother)|"
            r"(?:did n't|did not|had no idea|has no idea|have no idea) (?:know |understand )?what "
            r"(?:he|she|they) (?:was|were) doing)" + E
        ),
        lazy_tech=c(
            r"^lazy(?:ily)? (?:load|loads|loading|loaded|evaluation|eval|init|initiali[sz]ation|"
            r"import|imports|iterator|iteration|property|properties|mode|val|instantiation|"
            r"binding|fetch|fetching|compilation|allocation|deletion|expiry|expiration|cache|"
            r"caching|connection|connections|client|creation|sync)"
        ),
        bother=c(
            B + r"(?:(?:did|does|do|would|could|ca|can|wo) (?:not|n't)(?: even)? bother|"
            r"never bother(?:s|ed)?|not even bother(?:ing|ed)?|finally bother(?:s|ed)?|"
            r"(?:could|can|ca|would) (?:not|n't) be bothered|cannot be bothered|"
            r"without (?:even )?bothering)" + E
        ),
        obviously=c(B + r"(?:obviously|clearly|evidently|plainly|of course)" + E),
        hindsight_words=c(
            B + r"(?:should|shouldn|ought|mistake|mistakes|wrong|careless|bad idea|must have|"
            r"have known|to blame|fault|negligent|stupid|silly|dumb|error|irresponsible)" + E
        ),
        too_long=c(
            B + r"(?:(?:far|way|much|ridiculously|unacceptably|absurdly|hopelessly) too "
            r"(?:long|slow|slowly|late|much time)|took (?:ages|forever)|(?:far|way) too much time"
            r"|(?:was|were|is|are|been) too (?:slow|late) (?:to|in)|took too long"
            r"|wasted (?:\d+|an?|the|half an|several|many|a lot of|precious|valuable|so much) ?"
            r"(?:\w+ )?(?:minutes?|hours?|time|days?)"
            r"|(?:made|makes|making) (?:a |the )?(?:bad|poor|wrong|terrible|questionable|"
            r"careless) (?:call|decision|choice|judge?ment)|(?:showed|shows|used) (?:bad|poor) "
            r"judge?ment|rush(?:ed|es|ing) (?:the |a |an |their |his |her |this |that )?(?:\w+ )?"
            r"(?:change|changes|deploy|deployment|fix|release|migration|review|rollout|it) "
            r"(?:through|out|into production|to production)|rush(?:ed|es|ing) (?:through|past) "
            r"(?:the |a )?(?:review|checklist|checks|tests|approval)"
            r"|sat on (?:it|the alert|the page|the ticket))" + E
        ),
        completely=c(
            B + r"(?:completely|totally|blatantly|simply|just|conveniently|flatly|entirely) "
            r"(?:ignored|ignores|ignoring|disregarded|disregards|overlooked|overlooks|forgot|"
            r"forgets|skipped|skips|dismissed|dismisses)" + E
        ),
        competent=c(
            B + r"(?:any|an?) (?:competent|reasonable|sensible|experienced|decent|half-decent|"
            r"good|qualified|careful|attentive|responsible|professional|halfway|real|proper) "
            r"(?:\w+ )?(?:engineer|engineers|developer|developers|operator|operators|person|sre|"
            r"admin|administrator|on-call|reviewer|dba|programmer|team)" + E
        ),
        exhortation=c(
            B + r"(?:(?:be|being) (?:a lot |much |far |even |extra |more |very |especially |"
            r"really |extremely |a bit |a little |a little bit )*(?:careful|vigilant|diligent|"
            r"attentive|thorough|cautious|mindful|rigorous|conscientious|disciplined|"
            r"focused)|pay(?:s|ing)? (?:more |closer |better |extra |greater |special |careful |"
            r"much more |much closer |close |full )?attention|take (?:more |extra |greater |"
            r"better )care|exercise (?:more |greater |extra )?(?:caution|care)|(?:use|apply) "
            r"(?:more |better )?(?:common sense|judgement|judgment)|think (?:twice|harder)|"
            r"try harder|learn (?:to|how to)|learn (?:from|their|his|her) (?:\w+ )?"
            r"(?:mistakes?|lesson)|stop (?:making|doing) (?:\w+ )?(?:mistakes|errors)|"
            r"(?:make|making) (?:fewer|less|no) (?:\w+ )?(?:mistakes|errors)|(?:double|triple)"
            r"-check(?:s|ing)? (?:their|his|her|your|our|my|all|everything|every|each)|"
            r"(?:double|triple) check (?:their|his|her|your|our|my|everything)|check (?:their|"
            r"his|her|your) (?:own )?work|remember(?:s|ing)? to|(?:do|must) (?:not|n't) "
            r"forget(?: to)?|never forget to|remind(?:s|ing|ed)? (?:\S+ ){0,3}(?:to|that|about|"
            r"of)|reminder (?:to|that|for)|(?:need|needs|must|should|has|have|ought) (?:to )?"
            r"stop \w+ing)" + E
        ),
        exhort_exempt=c(
            r"(?:without|no one|nobody|no need to|not have to|n't have to|not need to|"
            r"n't need to|rather than|instead of|relying on|rely on|relies on|depend on|"
            r"depends on|depending on|not rely|n't rely|so that no|never have to|"
            r"not having to|the need to)(?: \S+){0,4} $"
        ),
        punitive_inherent=c(
            B + r"(?:disciplinary|written warning|formal warning|final warning|verbal warning|"
            r"performance improvement plan|on probation|(?:put|place|placed) (?:\S+ ){0,3}on "
            r"(?:a )?pip|(?:mandatory|remedial|compulsory|corrective) (?:\S+ ){0,2}training|"
            r"name and shame|(?:hold|holds|held|holding) (?:\S+ ){1,4}accountable|"
            r"(?:performance|hr) (?:review|conversation|process) (?:for|with) )" + E
        ),
        punitive_verb=c(
            B + r"(?:re-?train(?:s|ed|ing)?|reprimand(?:s|ed|ing)?|disciplin(?:e|es|ed|ing)|"
            r"fire(?:s|d)?|sack(?:s|ed)?|terminate(?:s|d)?|dismiss(?:es|ed)?|suspend(?:s|ed)?|"
            r"demote(?:s|d)?|warn(?:s|ed)?|punish(?:es|ed)?|penali[sz]e(?:s|d)?|censure(?:s|d)?|"
            r"let go of|write up|wrote up|(?:give|gives|gave|issue|issues|issued) "
            r"(?:\S+ ){0,3}(?:a )?(?:warning|reprimand|strike))" + E
        ),
        training=c(
            B + r"(?:send|sends|sent|sending|(?:to|must|should|will|shall|needs? to|has to|"
            r"have to) (?:attend|complete|take|redo|retake|undergo|go through|sit|repeat|do))"
            r" (?:\S+ ){0,4}?(?:to )?(?:\S+ ){0,3}?(?:training|course|bootcamp|class|classes|"
            r"workshop)" + E
        ),
        access=c(
            B + r"(?:revoke|revokes|revoked|remove|removes|removed|suspend|suspends|suspended|"
            r"take away|took away|strip|stripped|withdraw|withdrew|pull|pulled|disable|disabled)"
            r" (?P<obj>(?:\S+ ){0,4}?)(?:production |prod |admin |root |write |deploy |"
            r"merge |commit |ssh |sudo |cluster |database )?(?:access|permissions|rights|"
            r"privileges|credentials)(?P<tail>(?: (?:of|from|for) (?:\S+ ){1,4})?)"
        ),
        rotation=c(
            B + r"(?:remove|removes|removed|removing|take|takes|took|taken|taking|pull|pulls|"
            r"pulled|ban|bans|banned|bar|bars|barred|kick|kicks|kicked) (?P<obj>(?:\S+ ){1,3}?)"
            r"(?:from|off)(?: of)? (?:the |all |any |our )?(?:on-call|oncall|on call|pager|"
            r"rotation|roster|project|team|deploys|deployments)" + E
        ),
        # "It was Jonas who deleted the bucket": the cleft singles out the person.
        cleft=c(
            B + r"it (?:was|is) (?P<obj>(?:\S+ ){1,3}?)who (?:\S+ )?(?:deleted|broke|dropped|"
            r"caused|corrupted|wiped|misconfigured|removed|disabled|introduced|forgot|missed|"
            r"ignored|overlooked|skipped|botched|messed)" + E
        ),
        modal_perfect=c(
            B + r"(?P<modal>should|shouldn|could|couldn|ought to|must|might|needed to|need to|"
            r"needs to)(?: (?:n't|not|never|really|definitely|probably))* (?:have|'ve)"
            r"(?P<rest>(?: \S+){1,3})"
        ),
        if_had=c(
            B + r"(?:if|when|had) (?P<subject>(?:\S+ ){1,5}?)(?:had|'d)(?: not| n't| never)? "
            r"(?P<verb>\S+)"
        ),
        had_inverted=c(
            r"(?:^|[,;:] |(?:^|\s)\d\S* )had (?P<subject>(?:\S+ ){1,5}?)(?:not |never )?"
            r"(?P<verb>\S+ed|known|seen|done|taken|run|read|caught|gone|been)" + E
        ),
        if_only=c(B + r"if only" + E),
        would_have=c(B + r"(?:would|'d|could|might)(?: not| n't| never)? (?:have|'ve)" + E),
        # Not "failed over to a region" (a failover) nor "failed back to the primary".
        failed_to=c(
            B + r"(?:fail|fails|failed|failing) (?:(?!over |back |open |closed |fast |safe )\w+ )?"
            r"to (?!a |an |the |its |our |their |this |that )(?P<verb>\S+)"
        ),
        fault_adverb=c(
            B + r"(?:accidentally|accidently|mistakenly|inadvertently|unintentionally|"
            r"erroneously|wrongly|incorrectly|by mistake|by accident|in error|carelessly|"
            r"recklessly|hastily|blindly)" + E
        ),
        causal=c(
            B + r"(?:cause|caused|causes|causing|broke|break|breaks|breaking|corrupt|corrupted|"
            r"corrupts|corrupting|wiped|wipes|crashed|crashes|crash|took down|take down|"
            r"takes down|taking down|brought down|bring down|brings down|bringing down|"
            r"knocked over|knocked out|took out|wiped out|screwed up|messed up|botched|"
            r"(?:introduced|introduces|triggered|triggers|started|led to|leads to|resulted in|"
            r"results in) (?:a|an|the|this|that) (?:\w+ )?(?:bug|regression|outage|incident|"
            r"failure|defect|breakage|downtime|disruption|problem|issue|error|crash|"
            r"vulnerability))" + E
        ),
        harm_which=c(
            B + r"(?:which|that) (?:then |also |in turn |immediately |promptly )?(?:locked|locks|"
            r"overloaded|overloads|exhausted|exhausts|deleted|deletes|dropped|drops|truncated|"
            r"truncates|saturated|saturates|filled up|fills up|blocked|blocks|stalled|stalls|froze|"
            r"freezes|halted|halts|disabled|disables|wiped|wipes|overwrote|overwrites|corrupted|"
            r"corrupts|degraded|degrades|crashed|crashes|broke|breaks|took down|takes down|"
            r"took out|takes out|knocked out|knocks out|brought down|brings down|"
            r"(?:took|takes) (?:\S+ ){0,3}(?:offline|down))" + E
        ),
        fault_adjective=c(B + FAULT_ADJECTIVE + E),
        without=c(
            B + r"without (?:a |any |first |properly |proper |even |the |running |an? )*"
            r"(?:testing|tests|test|review|reviewing|reviews|approval|approvals|checking|"
            r"check|dry run|dry-run|verification|verifying|telling|notifying|asking|waiting|"
            r"permission|canary|staging|validation|validating|peer review|code review|"
            r"second pair of eyes|looking|where clause|backup|backups|confirmation|confirming|"
            r"safeguards?|rollback plan|change request|change ticket|heads-up|announcing|"
            r"coordinating|coordination|double-checking|double checking|second look)" + E
        ),
        possessive_fault=c(
            r"(?P<owner>\S+) 's (?:own )?(?:\S+ )?(?P<fault>"
            + FAULT_NOUNS
            + r"|"
            + FAULT_ADJECTIVE
            + r" \S+)"
            + E
            + NOT_FAULT_AFTER
        ),
        pronoun_fault=c(
            B + r"(?:his|her|their) (?:own )?(?:\w+ )?" + FAULT_NOUNS + E + NOT_FAULT_AFTER
        ),
        because_person=c(
            B + r"(?:due to|because of|caused by|thanks to|owing to|as a result of|"
            r"triggered by|introduced by|blamed on|blame on|attributed to|fault of|result of|"
            r"resulted from|brought about by|broken by) (?P<rest>.*)$"
        ),
        harm_by=c(
            B + r"(?:was|were|been|being|got|is|are) (?:\w+ )?(?:dropped|deleted|wiped|truncated|"
            r"corrupted|overwritten|misconfigured|broken|erased|destroyed|taken down|"
            r"brought down|knocked over|wiped out) by (?P<rest>.*)$"
        ),
        to_blame=c(
            B + r"(?P<verb>is|was|are|were|'s|be|been) (?:solely |entirely |directly |"
            r"ultimately |partly |fully |clearly |personally )?(?:to blame|at fault|guilty|"
            r"the culprit|the (?:root |main |primary |real |underlying )?cause|responsible "
            r"for (?:the|this|that|our|an?) (?:\w+ )?(?:outage|incident|failure|error|bug|"
            r"downtime|problem|issue|breakage|mistake|mess|disruption|degradation|data loss))" + E
        ),
        blame_lies=c(
            B + r"(?:blame|fault|responsibility)(?: \S+){0,4}? (?:lies|lay|rests|rested|falls|"
            r"fell|sits|sat) (?:squarely |solely |entirely )?(?:with|on)" + E
        ),
        cause_was=c(B + r"(?:root cause|cause|culprit|trigger) (?:was|is|were) (?P<rest>.*)$"),
        explained=c(
            B + r"(?:because|since|as|due to|because of|given that|per|according to|"
            r"as instructed by|as described in|as documented in) (?P<rest>.*)$"
        ),
        procedure=c(
            r"(?:documented|approved|standard|agreed|usual|normal|scheduled|planned|runbook|"
            r"procedure|playbook|as instructed|as documented|as designed|as expected|"
            r"per the|following the|according to)"
        ),
    )
