"""Words of a sentence, with offsets, and the parts of a sentence that are someone else's words.

Quoted text is a log line ("Failed to create database pools"), an error message or a term being
talked about ('human error' is never a root cause); the author is not saying it, so the detectors
never read it. Straight and curly double quotes always quote; a single-quoted span counts only
when the quote marks cannot be apostrophes (a space or start before the opening one).
"""

from __future__ import annotations

import re

from postmortems.document.lazyre import lazy

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from postmortems.model.record import NamedTuple

_QUOTED = lazy(
    r"""
      "[^"\n]{1,300}"
    | “[^”\n]{1,300}”
    | ‘[^’\n]{1,300}’(?![A-Za-z])
    | (?:(?<=^)|(?<=[\s(\[:]))'[^'\n]{1,300}'(?![A-Za-z])
    """,
    re.VERBOSE,
)

# A log line or structured payload inside prose: {"level": ...}, key=value runs.
_PAYLOAD = lazy(r"\{[^{}\n]*\}|\b\w+=\S+")

# One alternative per kind of token; contractions come apart ("did" + "n't", "should" + "'ve").
_TOKEN_SOURCE = r"""
      (?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)
    | (?P<num>\d[\d,.:/-]*%?)
    | (?P<nt>n't\b)
    | (?P<word><NT>@?[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)
    | (?P<aux>'(?:ve|d|ll|re|m)\b)
    | (?P<poss>'s\b|'(?=\s|$))
    | (?P<punct>[^\sA-Za-z0-9])
"""
_TOKEN = lazy(_TOKEN_SOURCE.replace("<NT>", ""), re.VERBOSE)
# Slower, for text with a "n't": a word stops before it ("did" + "n't", "ca" + "n't").
_TOKEN_NT = lazy(_TOKEN_SOURCE.replace("<NT>", r"@?[A-Za-z][A-Za-z0-9]*?(?=n't\b)|"), re.VERBOSE)


def _without_groups(source: str) -> str:
    for kind in ("time", "num", "nt", "word", "aux", "poss", "punct"):
        source = source.replace(f"(?P<{kind}>", "(?:")
    return source


# The same expressions without their groups, for the words alone (re.findall gives strings).
_WORDS = lazy(_without_groups(_TOKEN.pattern), re.VERBOSE)
_WORDS_NT = lazy(_without_groups(_TOKEN_NT.pattern), re.VERBOSE)


class Token(NamedTuple):
    """A word, number or punctuation mark, with its offsets in the sentence text."""

    text: str
    low: str
    start: int
    end: int
    kind: str

    @property
    def capitalised(self) -> bool:
        """True for a word written with a capital first letter and not in capitals throughout."""
        return self.kind == "word" and self.text[:1].isupper() and not self.text.isupper()


def mask_quotes(text: str) -> str:
    """``text`` with quoted spans and log payloads replaced by spaces (offsets unchanged)."""
    if "’" in text and "‘" not in text:
        text = text.replace("’", "'")
    if '"' in text or "“" in text or "‘" in text or "'" in text:
        text = _QUOTED.sub(_blank, text)
    if "{" in text or "=" in text:
        text = _PAYLOAD.sub(_blank, text)
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def token_texts(text: str) -> list[str]:
    """The text of each token :func:`tokenize` finds, without building the tokens."""
    if "’" in text:
        text = text.replace("’", "'")
    return (_WORDS_NT if "n't" in text else _WORDS).findall(text)


def tokenize(text: str) -> list[Token]:
    """Split sentence text into tokens; apostrophes are normalised and contractions split."""
    if "’" in text:
        text = text.replace("’", "'")
    pattern = _TOKEN_NT if "n't" in text else _TOKEN
    # tuple.__new__ is what Token(...) calls, without a Python frame per token.
    new = tuple.__new__
    return [
        new(Token, (word, word.lower(), *m.span(), m.lastgroup or "punct"))
        for m in pattern.finditer(text)
        for word in (m.group(),)
    ]
