"""End-to-end timeline scenarios written by the developers, checked as the acceptance scenarios
of ../shared/eval are (``assert_scenario``): several real export formats, zones and traps per
incident, each folder under ``tests/data/timeline/e2e`` with its ``expected.json``.

The expected intervals come from each incident's story, written before the tool was run over
it; ``notes`` in each file tells the story.
"""

import pytest

from timeline_cases import DATA, assert_scenario

FOLDERS = sorted(p.parent for p in (DATA / "e2e").glob("*/expected.json"))


def test_there_are_scenarios():
    assert len(FOLDERS) >= 2


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_scenario(folder, capsys):
    assert_scenario(folder, capsys)
