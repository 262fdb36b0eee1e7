"""A sentence prepared once for every detector: masked, tokenised, and searchable as a phrase.

Detectors match multi-word phrases ("did n't bother", "should 've known") with regular
expressions over ``norm``: the lower-cased tokens joined by single spaces. :meth:`Text.tokens_of`
maps a match back to token indexes, and tokens carry offsets into the sentence, so a finding
points at the exact words in the source.
"""

from __future__ import annotations

import re

from postmortems.review.language.clauses import Subject, object_of, subject_of
from postmortems.review.language.people import People
from postmortems.review.language.tokens import Token, mask_quotes, token_texts, tokenize
from postmortems.review.language.wordlists import letter_words


def gate_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` as the pattern gates see them."""
    return frozenset(letter_words(text))


class Text:
    """One sentence, ready for the detectors.

    The lower-cased words (:attr:`norm`) are worked out at once, since every detector searches
    them; the tokens with their offsets and kinds only when a detector needs them (a pattern
    matched, or a word it looks for is there), which most sentences never do.
    """

    __slots__ = (
        "_lows",
        "_masked",
        "_start_set",
        "_starts",
        "_tokens",
        "gate",
        "norm",
        "opened",
        "people",
        "raw",
        "section",
    )

    def __init__(
        self,
        raw: str,
        people: People,
        section: str | None,
        masked: str,
        lows: list[str],
        gate: frozenset[str],
        opened: frozenset[str] | None = None,
    ) -> None:
        self.raw = raw
        self.people = people
        self.section = section
        self._masked = masked
        self._lows = lows
        #: The lower-cased tokens joined by single spaces: what the phrase patterns search.
        self.norm = " ".join(lows)
        #: The sentence's words as the pattern gates see them (see :mod:`.lexicon`).
        self.gate = gate
        #: Names of the patterns whose gates the sentence passes (``None``: not worked out yet).
        self.opened = opened
        self._tokens: list[Token] | None = None
        self._starts: list[int] | None = None
        self._start_set: frozenset[int] | None = None

    @classmethod
    def of(
        cls,
        raw: str,
        people: People,
        section: str | None = None,
        gate: frozenset[str] | None = None,
        opened: frozenset[str] | None = None,
    ) -> Text:
        """Mask quotations and payloads in ``raw``, ready to be searched.

        ``gate`` and ``opened`` are the sentence's gate words and open patterns when the
        caller has worked them out already.
        """
        masked = mask_quotes(raw)
        lows = [word.lower() for word in token_texts(masked)]
        if gate is None:
            gate = gate_words(masked)
        return cls(raw, people, section, masked, lows, gate, opened)

    @property
    def tokens(self) -> list[Token]:
        """The tokens of the masked sentence, with offsets into :attr:`raw`."""
        if self._tokens is None:
            self._tokens = tokenize(self._masked)
        return self._tokens

    @property
    def starts(self) -> list[int]:
        """The offset in :attr:`norm` where each token starts."""
        if self._starts is None:
            starts: list[int] = []
            offset = 0
            for low in self._lows:
                starts.append(offset)
                offset += len(low) + 1
            self._starts = starts
        return self._starts

    def has_any(self, words: frozenset[str]) -> bool:
        """True when a token of the sentence, lower-cased, is one of ``words`` (a cheap test
        before a loop over the tokens)."""
        return not words.isdisjoint(self._lows)

    def index_at(self, char: int) -> int:
        """Index of the token that covers ``norm`` offset ``char``."""
        starts = self.starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def tokens_of(self, match: re.Match[str], group: int | str = 0) -> tuple[int, int]:
        """Token span ``(first, last + 1)`` of a regex match over :attr:`norm`."""
        return self.index_at(match.start(group)), self.index_at(max(match.end(group) - 1, 0)) + 1

    def find(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` in :attr:`norm`, aligned to token starts."""
        found = list(pattern.finditer(self.norm))
        if not found:
            return found
        if self._start_set is None:
            self._start_set = frozenset(self.starts)
        return [m for m in found if m.start() in self._start_set]

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
