"""Whether a document establishes a key moment (detection, resolution), however it says so."""

from __future__ import annotations

import re

from postmortems.document.lazyre import lazy
from postmortems.metrics import document_moments
from postmortems.model import Postmortem, Section
from postmortems.review.context import ReviewContext

#: Wording that tells when an incident was noticed, beyond what the parser marks on its own.
DETECTION_WORDS = lazy(
    r"\b(?:detect(?:ed|s|ion)|notic(?:e|ed|es)|alert(?:s|ed)?\b(?!\s+rules?\b)|"
    r"pag(?:e|ed|es|ing)\b|(?:tells?|told)\s+us|complain(?:s|ed|ts)?|spotted|flagged|"
    r"became\s+aware|found\s+out|report(?:s|ed|ing)?\b|notified\s+(?:us|the|me)|"
    r"informed\s+(?:of|about|us|the)|(?:support\s+)?tickets?\s+(?:opened|raised|"
    r"created|filed)|escalat(?:ed|es)\s+to\s+(?:us|the\s+on-?call)|incident\s+(?:raised|"
    r"created|declared|opened)|^\W*detection\s*:)",
    re.IGNORECASE,
)
#: Wording that tells when service was fully restored.
RESOLUTION_WORDS = lazy(
    r"\b(?:resolved|recovered|restored|back\s+to\s+normal|fully\s+(?:operational|functional|"
    r"working)|all\s+clear|incident\s+(?:closed|over|ended)|(?:services?|systems?|everything)\s+"
    r"(?:is\s+|are\s+|was\s+|were\s+)?(?:healthy|stable|working|operational)\s*(?:again)?|"
    r"confirmed\s+(?:that\s+)?(?:the\s+)?(?:problem|issue|fix)\s+(?:was\s+|is\s+)?"
    r"(?:solved|fixed|resolved|working)|confirmed\s+working|(?:fix|it|everything)\s+works|"
    r"(?:is|are|was|were)\s+(?:now\s+)?(?:fine|ok|okay|working\s+(?:again|normally)|"
    r"healthy(?:\s+again)?)\b|back\s+(?:in\s+|to\s+)?(?:operation|online|service)|"
    r"working\s+as\s+(?:intended|expected|normal)|returned\s+to\s+normal|normali[sz]ed|"
    r"(?:solved|fixed|resolved)\s+the\s+(?:issue|problem)|(?:issue|problem)\s+(?:was\s+|is\s+)?"
    r"(?:permanently\s+)?(?:fixed|solved)|(?:outage|issue|problem)\s+(?:closed|over|ended)|"
    r"fix\s+(?:was\s+)?(?:applied|deployed|rolled\s+out)|customer\s+confirmed|"
    r"up\s+and\s+running|(?:running|working|shipping|serving|flowing|processing|responding|"
    r"available)\b[^.;]{0,60}\bagain\b|^\W*(?:recovery|resolution|resolved)\s*:)",
    re.IGNORECASE,
)


def has_moment(
    pm: Postmortem, name: str, words: re.Pattern[str], also: tuple[str, ...] = ()
) -> bool:
    """True when front matter, a timeline marker, or an entry's wording gives moment ``name``
    (or one of the moments ``also``, which imply it)."""
    names = (name, *also)
    found = document_moments(pm)
    if any(found.get(n) is not None for n in names):
        return True
    return any(e.marker in names or words.search(e.text) for e in pm.timeline)


def applies(ctx: ReviewContext) -> bool:
    """True when the document has a timeline or key times to judge, and its kind is checked."""
    skip = {str(k).strip().lower() for k in ctx.options.get("skip-kinds", ())}
    if ctx.kind.name in skip:
        return False
    meta = ctx.pm.meta
    known = any(meta.moment(n) for n in ("started", "detected", "mitigated", "resolved"))
    return bool(ctx.pm.timeline) or known


def anchor(ctx: ReviewContext) -> int:
    """The line to report at: the Timeline heading, else the title."""
    section: Section | None = ctx.pm.section("timeline")
    return section.line if section is not None else ctx.title_line()
