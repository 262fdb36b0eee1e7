"""docs/timeline.md documents every option of the command and every duration."""

import argparse
from pathlib import Path

from postmortems.cli import timeline as command
from postmortems.timeline import DEFAULT_DEFINITIONS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "timeline.md").read_text(encoding="utf-8")


def test_every_option_is_documented():
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    options = [s for a in parser._actions for s in a.option_strings if s.startswith("--")]
    assert options
    for option in options:
        if option != "--help":
            assert f"`{option}" in DOC, option


def test_every_default_duration_is_documented():
    for name, (start, end) in DEFAULT_DEFINITIONS.items():
        assert f"| `{name}_s` | {start} | {end} |" in DOC
