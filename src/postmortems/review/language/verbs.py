"""Verb forms the detectors need, generated from stems so every tense is covered.

A timeline says "09:12 Grace force-pushes to main", a summary "Grace force-pushed"; a stem list
with its inflections covers both without a morphology library.
"""

from __future__ import annotations

from postmortems.review.language.wordlists import words

_IRREGULAR = {
    "run": ("ran",),
    "choose": ("chose", "chosen"),
    "write": ("wrote", "written"),
    "give": ("gave", "given"),
    "send": ("sent",),
    "put": ("put",),
    "set": ("set",),
    "overwrite": ("overwrote", "overwritten"),
    "take": ("took", "taken"),
    "bring": ("brought",),
    "break": ("broke", "broken"),
    "forget": ("forgot", "forgotten"),
    "read": ("read",),
    "miss": ("missed",),
    "make": ("made",),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "think": ("thought",),
    "tell": ("told",),
    "leave": ("left",),
    "shut": ("shut",),
    "hit": ("hit",),
    "do": ("did", "done"),
    "go": ("went", "gone"),
    "begin": ("began", "begun"),
    "find": ("found",),
    "catch": ("caught",),
    "lose": ("lost",),
    "spend": ("spent",),
    "build": ("built",),
    "keep": ("kept",),
}


def forms(stems: str) -> frozenset[str]:
    """Every inflection of each stem in ``stems`` (blank-separated): base, -s, -ed, -ing and
    irregular past forms."""
    out: set[str] = set()
    for stem in stems.split():
        out.add(stem)
        out.update(_IRREGULAR.get(stem, ()))
        if stem.endswith(("s", "sh", "ch", "x", "z")):
            out.add(stem + "es")
        elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
            out.add(stem[:-1] + "ies")
        else:
            out.add(stem + "s")
        if stem.endswith("e"):
            out.add(stem + "d")
            out.add(stem[:-1] + "ing")
        elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
            out.add(stem[:-1] + "ied")
            out.add(stem + "ing")
        else:
            double = _doubles(stem)
            out.add(stem + (stem[-1] if double else "") + "ed")
            out.add(stem + (stem[-1] if double else "") + "ing")
    return frozenset(out)


def _doubles(stem: str) -> bool:
    """Consonant doubling for short stems ("drop" -> "dropped", "skip" -> "skipped")."""
    vowels = "aeiou"
    return (
        len(stem) >= 3
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
        and stem in _DOUBLING
    )


_DOUBLING = words(
    "drop skip stop ship commit submit flip admit omit plan step wrap run forget set put hit"
)

#: Actions a person takes on a system; with a faulty object they make the person the cause.
ACTIONS = forms(
    """
    push force-push deploy redeploy merge run apply use set choose select pick enter type
    configure target ship release commit edit change update modify approve roll enable disable
    toggle flip delete remove restart kill execute write add submit upload copy paste specify
    pass provide give send put create promote drop truncate overwrite revert rotate migrate
    schedule trigger start stop scale resize point route install upgrade downgrade patch
    """
)

#: Verbs that name the breakage itself ("Alice broke checkout").
CAUSAL = forms("cause break corrupt wipe crash")

#: Diligence verbs: "did not test", "never checked".
DILIGENCE = forms(
    """
    test check verify validate review read follow notice wait confirm consult double-check look
    escalate page notify inform communicate monitor ask run try use update tell alert warn
    coordinate announce
    """
)

#: Omissions that frame a person as failing ("neglected", "ignored", "forgot").
OMISSIONS = forms("neglect ignore forget disregard overlook omit")

#: Skipping a safeguard ("skipped the checklist", "bypassed review").
SKIPS = forms("skip bypass circumvent override sidestep")

#: Misses: "missed the alert" (blame when a person misses; a system miss is a different matter).
MISSES = forms("miss misread misjudge misconfigure mistype misclick")
