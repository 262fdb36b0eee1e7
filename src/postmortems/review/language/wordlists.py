"""Word lists written as blank-separated text, so long lexicons stay readable."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text`` as a set."""
    return frozenset(text.split())


# Every byte but a lower-case ASCII letter becomes a blank. UTF-8 writes any other character
# as bytes of 0x80 and above, so only runs of a-z survive.
_NOT_LETTER = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


def letter_words(text: str) -> list[str]:
    """The runs of ``a``-``z`` in ``text`` lower-cased, in order.

    The same list as ``re.findall("[a-z]+", text.lower())``, made with a translation table
    instead of an expression: the blame rules ask it of every block of prose, so it is worth
    the few times it saves.
    """
    low = text.lower().encode("utf-8", "surrogatepass")
    return low.translate(_NOT_LETTER).decode("ascii").split()
