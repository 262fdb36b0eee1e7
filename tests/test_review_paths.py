"""Paths tidied the way pathlib tidies them (review/paths.py avoids importing pathlib)."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postmortems.review.paths import absolute, folders_up, has_suffix, normal

PIECES = st.sampled_from(
    ["", "/", "//", "///", ".", "..", "a", "b.md", ".hidden", "x.", "c.tar.gz", "./", "a//b", " "]
)
PATHS = st.lists(PIECES, max_size=6).map("".join)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="elsewhere pathlib itself is used")


@given(PATHS)
def test_same_strings_as_pathlib(path):
    ours = pathlib.Path(path)
    assert normal(path) == str(ours)
    assert absolute(path) == str(ours.absolute())
    assert has_suffix(path) == bool(ours.suffix)
    full = absolute(path)
    assert folders_up(full) == [full, *map(str, pathlib.Path(full).parents)]
