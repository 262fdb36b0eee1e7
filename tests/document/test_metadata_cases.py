"""Metadata as real postmortems write it in their text, as data (fixtures/cases/metadata.yaml)."""

from __future__ import annotations

import pytest
import yaml

from postmortems.document import parse_text
from support import FIXTURES

CASES = yaml.safe_load((FIXTURES / "cases" / "metadata.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_metadata_case(case):
    meta = parse_text(case["doc"]).meta
    for field, want in case["expect"].items():
        got = getattr(meta, field)
        if field == "participants":
            got = [[p.name, p.role] for p in got]
        assert got == want, field
