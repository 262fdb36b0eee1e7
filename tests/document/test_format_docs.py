"""docs/format.md documents every front matter key, section key and kind the code knows."""

from __future__ import annotations

import re

import pytest

from postmortems.document.frontmatter import KEY_ORDER
from postmortems.model import SECTIONS, kinds
from support import ROOT

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", KEY_ORDER)
def test_front_matter_key_documented(key):
    assert re.search(rf"^\| `{key}` \|", DOC, re.M), f"docs/format.md lacks front matter key {key}"


@pytest.mark.parametrize("key", [s.key for s in SECTIONS])
def test_section_key_documented(key):
    assert re.search(rf"^\| `{key}` \|", DOC, re.M), f"docs/format.md lacks section key {key}"


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_kind_documented(kind):
    assert re.search(rf"^\| `{kind}` \|", DOC, re.M), f"docs/format.md lacks kind {kind}"
