"""Word lists written as blank-separated text, so long lexicons stay readable."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text`` as a set."""
    return frozenset(text.split())
