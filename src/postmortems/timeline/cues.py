"""What a chat message or note says about an incident, read from its wording.

Incident channels have a recognisable language: someone reports a problem ("checkout is throwing
500s"), someone takes it ("I have the pager", "looking"), people propose and approve actions
("proposing rollback", "go for it"), report that an action finished ("rollback complete", "error
rate back at baseline") and close ("resolving", "all clear"). These patterns are about that
language, not about any one incident. A message only counts as a completed action when it does not
also speak of intent, doubt or negation: "rolling back now?" and "not recovered yet" must not mark
mitigation.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

_PROBLEM = re.compile(
    r"\b(errors?|erroring|failing|failed|failures?|fails|down|outage|broken|5\d\ds?|5xxs?|4xxs?|"
    r"timeouts?|timing out|timed out|latency|slow(ness)?|degraded|unavailable|unreachable|"
    r"can'?t|cannot|unable|spik(e|es|ing)|elevated|alerts?|alerting|firing|paged|paging|"
    r"incident|crash(ed|es|ing|looping)?|oom\w*|not working|stuck|backlog|dropping|"
    r"exhausted|saturat\w+|refused|rejected|throttl\w+|deadlock\w*|lock(ed|s)?|panic\w*)\b",
    _F,
)

_ACK = re.compile(
    r"\b(ack(ed|nowledged?|ing)?|on it|looking( into (it|this))?|investigating|"
    r"i (have|got|take|'?ll take) (the )?(pager|page|this|it)|taking (a look|this|it|point|ic)|"
    r"i'?m (on|taking|ic|incident commander|here|looking)|opening (an |the )?incident|"
    r"declar(e|ed|ing) (an |the )?incident|incident commander|joining|engaged|"
    r"^\W*mine\b|(i'?ll|i will|i'?m) (dig|digging|look|check|checking)\b|digging in)\b",
    _F,
)

_MITIGATED = re.compile(
    r"\b(roll[- ]?back (is |has )?(now )?(complete|completed|done|finished|succeeded|successful|"
    r"deployed|out|live)|rolled back|reverted|revert (is )?(deployed|out|live|complete|done)|"
    r"mitigat(ed|ion (is )?(in place|complete|applied|deployed|worked))|"
    r"recovered|recovering|recovery (confirmed|complete)|back (to|at) (normal|baseline|green)|"
    r"(errors?|error rate|latency|5xx|failures?|timeouts?|writes|requests|queries)\b[^.;]{0,40}"
    r"\b(down to|dropp(ed|ing)|"
    r"below|under|normal|recover\w*|back (to|at|under|below)|gone|stopped|cleared|subsid\w+|"
    r"decreas\w+|falling|fell)|"
    r"(fail(ed)?|switch(ed)?)[- ]?over (is )?(complete|completed|done|finished)|failed over|"
    r"switched over|switchover\b[^.;]{0,80}\b(finished|complete|completed|succeeded)|restored|"
    r"(hot)?fix (is )?(deployed|out|live|rolled out|in place)|stabili[sz]ed|"
    r"traffic (drained|shifted|moved)|(scaled|restarted) .{0,40}(healthy|fixed|recover\w*)|"
    r"impact (has )?(ended|stopped|over)|no longer (see\w*|get\w*|throw\w*|fail\w*|error\w*)|"
    r"no (more|new) (errors|failures|alerts)|"
    r"(looks?|looking|is|are|all) (healthy|green|stable)|we'?re (good|ok|okay|fine) now|"
    r"\b(flowing|go(es|ing)? through|work(s|ing)?|succeed(s|ing)?|processing|coming in) "
    r"again|unblocked|"
    r"killed (the |that |its )?(alter|migration|query|queries|session|lock|transaction|backend|"
    r"blocking|long[- ]running)|"
    r"(rate[- ]?limit\w*|waf rule|firewall rule|block(ing)? rule)\b[^.;]{0,40}"
    r"\b(enabled|applied|active|in place|live|deployed|turned on)|"
    r"(error rate|errors?|5\d\ds?|5xxs?|latency)\b[^.;]{0,20}\b(flat|gone|clear(ed)?)|"
    r"no (5\d\ds?|5xxs?|errors?|failures?|timeouts?)\b[^.;]{0,20}\bsince)\b",
    _F,
)

_RESOLVED = re.compile(
    r"\b(resolv(ed|ing)|all[- ]clear|clos(e|ed|ing) (the |this |out )?(incident|inc)|"
    r"incident (is )?(closed|over|resolved|ended)|fully recovered|stand(ing)? down|"
    r"we'?re (done|clear)|marking (it |this )?(as )?resolved|calling it|clos(ing|ed) (it )?out)\b",
    _F,
)

_INTENT = re.compile(
    r"\b(propos\w*|going to|gonna|will|should|shall|let'?s|plan\w*|about to|prepar\w*|"
    r"start(ing)?|consider\w*|want to|need to|needs to|can we|could|might|may|go for|"
    r"approv\w*|if|once|until|wait\w*|ready to|try(ing)?|attempt\w*|in progress|"
    r"eta)\b|\?",
    _F,
)

_NEGATION = re.compile(
    r"\b(not|no|never|still|yet|without|isn'?t|aren'?t|hasn'?t|haven'?t|didn'?t|doesn'?t|"
    r"wasn'?t|won'?t)\b|n't\b",
    _F,
)

#: Good news phrased with a "no" ("no longer failing", "no 502s since 10:25", "no new tickets").
_NO_LONGER = re.compile(
    r"\bno longer\b|\bno (more |new )?(5\d\ds?|5xxs?|errors?|failures?|timeouts?|alerts?|"
    r"tickets?|complaints?|reports?)\b",
    _F,
)
#: A resolution spoken of in the past or about something else ("last week we resolved this by
#: restarting", "resolved my merge conflict").
_OTHER_RESOLUTION = re.compile(
    r"\b(last (week|month|time)|previous(ly)?|(the )?other day|before,)\b|"
    r"\bresolved (my|your|his|her|their|a|the (merge|conflict|comments?|review|thread|ticket))\b",
    _F,
)

_REVERT = re.compile(r"^\s*revert\b|\b(roll(ed|ing)?[- ]?back|revert(ed|ing)?)\b", _F)
_FIX = re.compile(r"\b(hot ?fix|fix(es|ed)?|patch(ed)?|mitigat\w+|revert\w*|roll[- ]?back)\b", _F)

_REMEDY = re.compile(
    r"\b(disabled?|disabling|turned off|switched off|toggled off|set to (false|off|0)|"
    r"revert\w*|roll(ed)?[- ]?back|restored?|scaled? (up|out)|increased?|raised?|"
    r"fail(ed)?[- ]?over|drain(ed)?|block(ed)?|rate[- ]limit\w*|shed\w*|paused?|kill(ed)?)\b",
    _F,
)

_INCIDENT_CHANNEL = re.compile(
    r"^#?(inc|incident|incidents|sev\d?|outage|war-?room)([-_.]|\d|$)", _F
)

_CHANGE_BOOST = re.compile(
    r"\b(migrations?|schema|alter|ddl|config(uration)?|feature[- ]flags?|flags?|toggle|"
    r"release|upgrade\w*|bump\w*|rollout|rolled out|deploy\w*|terraform|helm|infra\w*|"
    r"database|db|index|cache|dns|coredns|certificate|cert|firewall|network|capacity|limits?|"
    r"quota|"
    r"pool|timeouts?|replicas|memory|resources|iops|volume)\b",
    _F,
)

_TRIVIAL = re.compile(
    r"^\s*(docs?|chore|test|tests|ci|style)(\(.*?\))?[:!]|\b(typos?|readme|changelog|comments?|"
    r"docstrings?|unit tests?|lint\w*)\b",
    _F,
)

_FIRING = re.compile(r"\[?\b(firing|alerting|triggered|critical)\b", _F)
_CLEARED = re.compile(r"\[?\b(resolved|ok|normal|recovered|cleared)\b", _F)
_CLOSED = re.compile(r"\b(auto-)?closed\b", _F)
#: A notification's leading status ("[RESOLVED] Name (db critical)", "[FIRING:2] ...",
#: "RESOLVED: ..."): it decides, whatever words follow (a resolved alert's labels may say
#: "critical").
_STATUS_TAG = re.compile(r"^\s*\[?\s*(resolved|ok|firing|alerting|triggered)\b", _F)
#: An alert notification's priority tag as Opsgenie and others post it ("[P1] #4821 Name: ...").
_PRIORITY_TAG = re.compile(r"^\s*\[P[1-5]\]", _F)
_DEPLOY_TEXT = re.compile(r"\b(deploy(ed|ing|ment)?|released?|rollout|rolled out|shipped)\b", _F)


def reports_problem(text: str) -> bool:
    """A message that reports something is wrong now (not a plan or a hypothetical)."""
    return bool(_PROBLEM.search(text)) and not _hypothetical(text)


def acknowledges(text: str) -> bool:
    """A message in which someone takes the incident ("I have the pager", "looking")."""
    return bool(_ACK.search(text))


def says_mitigated(text: str) -> bool:
    """A message reporting that a mitigating action finished or impact stopped."""
    return bool(_MITIGATED.search(text)) and not _INTENT.search(text) and not _negated(text)


def says_resolved(text: str) -> bool:
    """A message closing the incident ("resolved", "all clear", "closing the incident"); a
    negation counts in the clause that closes it ("not resolved yet"), not in a later one
    ("closing the incident: errors at baseline, no new tickets")."""
    if not any(not _negated(_clause(text, m.start(), m.end())) for m in _RESOLVED.finditer(text)):
        return False
    if _OTHER_RESOLUTION.search(text):
        return False
    # "Resolving." closes; "will resolve once ..." and "resolved?" do not.
    return not _INTENT.search(_RESOLVED.sub("", text))


def is_revert(text: str) -> bool:
    """A change that undoes an earlier one (a revert commit, a rollback deploy)."""
    return bool(_REVERT.search(text))


def is_fix(text: str) -> bool:
    """A change that says it fixes or mitigates something."""
    return bool(_FIX.search(text))


def is_remedy(text: str) -> bool:
    """A change that turns something off, undoes, adds capacity or sheds load: what responders do
    to stop impact (a configuration change with such words after detection is a mitigation)."""
    return bool(_REMEDY.search(text)) and not _INTENT.search(text)


def is_incident_channel(name: str) -> bool:
    """A chat channel named for an incident (``inc-orders-writes``, ``incident-123``, ``sev1``)."""
    return bool(_INCIDENT_CHANNEL.match(name))


def risky_words(text: str) -> set[str]:
    """The risky-change words a change's text carries (migration, config, flag, ...), each
    counted once whatever its form (``deploy``, ``deployed``, ``deployment`` are one)."""
    return {_stem(m.group(0).lower()) for m in _CHANGE_BOOST.finditer(text)}


def _stem(word: str) -> str:
    for stem in (
        "deploy",
        "upgrade",
        "bump",
        "infra",
        "migration",
        "config",
        "flag",
        "limit",
        "timeout",
        "retr",
    ):
        if word.startswith(stem):
            return stem
    if word.startswith("feature"):
        return "flag"
    if word == "coredns":
        return "dns"
    return "rollout" if word == "rolled out" else word


def change_weight(text: str) -> int:
    """How many distinct risky-change words a change's text carries."""
    return len(risky_words(text))


def is_trivial_change(text: str) -> bool:
    """A change that cannot affect production: docs, tests, CI, typos."""
    return bool(_TRIVIAL.search(text))


def says_firing(text: str) -> bool:
    """An alert notification posted as text says the alert is firing (a priority-tagged
    notification counts unless it says the alert cleared)."""
    tag = _STATUS_TAG.match(text)
    if tag is not None:
        return tag.group(1).lower() not in ("resolved", "ok")
    if _FIRING.search(text):
        return True
    return bool(_PRIORITY_TAG.match(text)) and not says_cleared(text)


def says_cleared(text: str) -> bool:
    """An alert notification posted as text says the alert cleared (or, priority-tagged,
    that it was closed)."""
    tag = _STATUS_TAG.match(text)
    if tag is not None:
        return tag.group(1).lower() in ("resolved", "ok")
    if _CLEARED.search(text):
        return True
    return bool(_PRIORITY_TAG.match(text)) and bool(_CLOSED.search(text))


def mentions_deploy(text: str) -> bool:
    """A note or annotation that marks a deploy or release."""
    return bool(_DEPLOY_TEXT.search(text))


def _hypothetical(text: str) -> bool:
    return bool(
        re.search(r"\b(might|may|could|would|if|in case|expect\w*|heads[- ]up)\b", text, _F)
    )


_CLAUSE_END = re.compile(r"[.;:!?,]\s|\s[-\u2013\u2014]\s|\n")


def _clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``[start, end)``, between punctuation that ends one."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _negated(text: str) -> bool:
    # "no longer seeing errors" is good news, not a negation of it.
    return bool(_NEGATION.search(_NO_LONGER.sub("", text)))
