import pytest

from postmortems.timeline import cues
from timeline_cases import DATA, load

CASES = load(DATA / "cues.yaml")
PARAMS = [
    pytest.param(fn, text, answer == "accept", id=f"{fn}-{answer}-{n}")
    for fn, groups in CASES.items()
    for answer, texts in groups.items()
    for n, text in enumerate(texts)
]


@pytest.mark.parametrize(("function", "text", "expected"), PARAMS)
def test_cue(function, text, expected):
    assert getattr(cues, function)(text) is expected, text
