"""Words of a sentence, with offsets, and the parts of a sentence that are someone else's words.

Quoted text is a log line ("Failed to create database pools"), an error message or a term being
talked about ('human error' is never a root cause); the author is not saying it, so the detectors
never read it. Straight and curly double quotes always quote; a single-quoted span counts only
when the quote marks cannot be apostrophes (a space or start before the opening one).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_QUOTED = re.compile(
    r"""
      "[^"\n]{1,300}"
    | “[^”\n]{1,300}”
    | ‘[^’\n]{1,300}’(?![A-Za-z])
    | (?:(?<=^)|(?<=[\s(\[:]))'[^'\n]{1,300}'(?![A-Za-z])
    """,
    re.VERBOSE,
)

# A log line or structured payload inside prose: {"level": ...}, key=value runs.
_PAYLOAD = re.compile(r"\{[^{}\n]*\}|\b\w+=\S+")

_TOKEN = re.compile(
    r"""
      (?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)
    | (?P<num>\d[\d,.:/-]*%?)
    | (?P<word>@?[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)
    | (?P<poss>'s\b|'\B)
    | (?P<nt>n't\b)
    | (?P<punct>[^\sA-Za-z0-9])
    """,
    re.VERBOSE,
)

#: Trailing contractions split off a word so "didn't" reads as "did" + "n't".
_CONTRACTION = re.compile(r"(?i)^(.*?)(n't|'ve|'d|'ll|'re|'m)$")


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
    text = text.replace("’", "'") if "’" in text and "‘" not in text else text
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    return _PAYLOAD.sub(lambda m: " " * len(m.group(0)), masked)


def tokenize(text: str) -> list[Token]:
    """Split sentence text into tokens; apostrophes are normalised and contractions split."""
    text = text.replace("’", "'")
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        value = match.group(0)
        start = match.start()
        if kind == "word" and "'" in text[match.end() : match.end() + 1]:
            # "didn't", "should've": the regex stops at the apostrophe; join the tail first.
            tail = re.match(r"'(ve|d|ll|re|m|t)\b", text[match.end() :], re.IGNORECASE)
            if tail and tail.group(1).lower() == "t" and value.lower().endswith("n"):
                tokens.append(Token(value[:-1], value[:-1].lower(), start, match.end() - 1, kind))
                tokens.append(Token("n't", "n't", match.end() - 1, match.end() + 2, "nt"))
                continue
        if kind == "nt":
            continue  # consumed above
        if kind == "punct" and value == "'":
            tail = re.match(r"'(ve|d|ll|re|m)\b", text[start:], re.IGNORECASE)
            if tail and tokens and tokens[-1].end == start:
                low = tail.group(0).lower()
                tokens.append(Token(tail.group(0), low, start, start + len(low), "aux"))
                continue
        tokens.append(Token(value, value.lower(), start, match.end(), kind))
    return _drop_consumed(tokens, text)


def _drop_consumed(tokens: list[Token], text: str) -> list[Token]:
    """Remove word fragments already covered by a contraction token ("ve" after "'ve")."""
    out: list[Token] = []
    covered = -1
    for token in tokens:
        if token.start < covered:
            continue
        out.append(token)
        covered = max(covered, token.end) if token.kind in ("aux", "nt") else covered
    return out
