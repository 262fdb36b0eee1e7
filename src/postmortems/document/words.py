"""Words the parser and the review share: verbs that open follow-ups, and words that look like
names at the start of an action item but are not ("Try to ...", "Switch to ...")."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (lexicons are kept as wrapped prose)."""
    return frozenset(text.split())


#: Verbs that change something checkable. Used to recognise a concrete clause and openers.
ACTION_VERBS = wordset(
    """add page alert route publish create write remove delete disable enable set configure
    migrate pin rotate block reject require enforce automate replace split move cap
    rate-limit throttle deploy roll run schedule backfill build implement introduce install
    merge patch fix rename restrict revoke grant switch expose emit export record log tag
    label annotate document update extend retire decommission drop purge encrypt back
    restore test verify validate fail stop provision reserve notify send link attach assign
    refactor upgrade downgrade revert shorten separate isolate partition shard cache drain
    retry abort halt gate check compare warn promote mark flag track measure include exclude
    allow deny whitelist allowlist blocklist cover catch detect terminate kill restart scale
    autoscale resize right-size bump lock unlock vendor mirror replicate snapshot archive
    version sign expire renew turn wire hook connect disconnect subscribe unsubscribe
    integrate generate collect ship forward dedupe deduplicate batch queue timeout time
    delay debounce retain prune trim compress index reindex partition vacuum analyse tune
    adjust change modify increase decrease raise lower reduce limit monitor instrument
    establish define assign transfer hand open close file publish review freeze unfreeze
    escalate page announce post share teach train hire staff set up configure mandate
    standardise standardize template codify script containerise containerize package release
    ship rollout roll-out canary feature-flag toggle gate default fallback failover
    fail-over promote demote provision deprovision clean delete move copy sync backport"""
)
NOT_OWNERS = wordset(
    """try need needs have has want wants plan plans going ought used able due how what where
    why ready time back access changes change updates update link ability way ways reply
    respond listen talk speak write go come return refer subscribe add"""
)


def lemma(word: str) -> str:
    """The base form of an English verb as written in follow-ups ("adding" -> "add")."""
    word = word.lower()
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        for candidate in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if candidate and (candidate in ACTION_VERBS or candidate in KNOWN_VAGUE):
                return candidate
        return stem
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2] in ACTION_VERBS:
        return word[:-2]
    if word.endswith("s") and word[:-1] in ACTION_VERBS:
        return word[:-1]
    return word


KNOWN_VAGUE = wordset(
    """improve enhance optimise optimize investigate explore evaluate assess research consider
    reflect discuss review revisit reconsider analyse analyze understand study ensure
    strengthen harden streamline refine continue establish"""
)


def is_action_verb(word: str) -> bool:
    """True for a verb that opens follow-ups ("add", "page", "investigate", ...)."""
    base = lemma(word)
    return base in ACTION_VERBS or base in KNOWN_VAGUE
