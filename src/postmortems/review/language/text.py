"""A sentence prepared once for every detector: masked, tokenised, and searchable as a phrase.

Detectors match multi-word phrases ("did n't bother", "should 've known") with regular
expressions over ``norm``: the lower-cased tokens joined by single spaces. :meth:`Text.tokens_of`
maps a match back to token indexes, and tokens carry offsets into the sentence, so a finding
points at the exact words in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from postmortems.document.lazyre import lazy
from postmortems.review.language.clauses import Subject, object_of, subject_of
from postmortems.review.language.people import People
from postmortems.review.language.tokens import Token, mask_quotes, tokenize

_WORD = lazy(r"[a-z]+")


def gate_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` as the pattern gates see them."""
    return frozenset(_WORD.findall(text.lower()))


@dataclass(slots=True)
class Text:
    """One sentence, ready for the detectors."""

    raw: str
    people: People
    section: str | None = None
    tokens: list[Token] = field(default_factory=list)
    norm: str = ""
    _starts: list[int] = field(default_factory=list)
    _start_set: frozenset[int] = frozenset()
    #: The sentence's words as the pattern gates see them (see :mod:`.lexicon`).
    gate: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        raw: str,
        people: People,
        section: str | None = None,
        gate: frozenset[str] | None = None,
    ) -> Text:
        """Mask quotations and payloads in ``raw`` and tokenise it."""
        masked = mask_quotes(raw)
        tokens = tokenize(masked)
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for token in tokens:
            starts.append(offset)
            parts.append(token.low)
            offset += len(token.low) + 1
        if gate is None:
            gate = gate_words(masked)
        return cls(raw, people, section, tokens, " ".join(parts), starts, frozenset(starts), gate)

    def index_at(self, char: int) -> int:
        """Index of the token that covers ``norm`` offset ``char``."""
        lo, hi = 0, len(self._starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def tokens_of(self, match: re.Match[str], group: int | str = 0) -> tuple[int, int]:
        """Token span ``(first, last + 1)`` of a regex match over :attr:`norm`."""
        return self.index_at(match.start(group)), self.index_at(max(match.end(group) - 1, 0)) + 1

    def find(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` in :attr:`norm`, aligned to token starts."""
        return [m for m in pattern.finditer(self.norm) if m.start() in self._start_set]

    def subject(self, index: int) -> Subject:
        """The subject of the verb group starting at token ``index``."""
        return subject_of(self.tokens, index, self.people)

    def object(self, index: int) -> Subject:
        """The object after the verb at token ``index``."""
        return object_of(self.tokens, index, self.people)

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in :attr:`raw` covered by tokens ``first`` up to ``last`` (exclusive)."""
        return self.tokens[first].start, self.tokens[last - 1].end

    def words(self, first: int, last: int) -> str:
        """The raw text of tokens ``first`` up to ``last`` (exclusive)."""
        start, end = self.char_span(first, last)
        return self.raw[start:end]
