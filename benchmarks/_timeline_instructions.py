"""Instructions spent importing and merging a slice of the timeline benchmark's year, counted by
callgrind: a measure that does not move with the machine's speed, for comparing two versions of
the importers on a shared machine whose times swing by 15% from run to run.

The slice is every 20th Slack day file of each channel (about 57,000 messages) and the first
5,000 PagerDuty log entries, copied under ``benchmarks/.work/timeline-slice``. The count is the
whole run less a run that only imports the modules, so start-up is left out; the process ends
with ``os._exit`` so freeing the events at exit is left out too. Bytecode caches are written
by a first run without valgrind, and the hash seed is fixed: the count repeats to within a few
million instructions.

Needs valgrind; not part of ``make bench``. Run:
``.venv/bin/python -m benchmarks._timeline_instructions`` (about two minutes).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks._timeline_data import generate
from benchmarks.timeline import ENV, WORK

SLICE = WORK.parent / "timeline-slice"
EVERY = 20
PD_ENTRIES = 5_000

_CHILD = """
import os, sys
from postmortems.cli.timeline import collector_paused, load_sources
from postmortems.importers.base import ImportOptions
from postmortems.timeline import merge
import postmortems.importers.pagerduty, postmortems.importers.slack, orjson
if sys.argv[1] == "run":
    with collector_paused():
        results = load_sources([sys.argv[2] + "/slack", sys.argv[2] + "/pagerduty.json"],
                               ImportOptions())
        merge(*(r.events for r in results))
os._exit(0)
"""


def _slice(root: Path) -> Path:
    marker = SLICE / ".complete"
    if marker.exists():
        return SLICE
    shutil.rmtree(SLICE, ignore_errors=True)
    (SLICE / "slack").mkdir(parents=True)
    for item in sorted((root / "slack").iterdir()):
        if item.is_file():
            shutil.copy(item, SLICE / "slack" / item.name)
        else:
            (SLICE / "slack" / item.name).mkdir()
            for day in sorted(item.iterdir())[::EVERY]:
                shutil.copy(day, SLICE / "slack" / item.name / day.name)
    pagerduty = json.loads((root / "pagerduty.json").read_bytes())
    pagerduty["log_entries"] = pagerduty["log_entries"][:PD_ENTRIES]
    (SLICE / "pagerduty.json").write_text(json.dumps(pagerduty, indent=1))
    marker.touch()
    return SLICE


#: Children as the benchmark runs them, with a fixed hash seed: string hashes decide dict and set
#: layouts, and a random seed moves the count by about 1% from run to run.
_ENV = {**ENV, "PYTHONHASHSEED": "0"}


def _instructions(mode: str, data: Path) -> int:
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _CHILD,
            mode,
            str(data),
        ],
        capture_output=True,
        text=True,
        env=_ENV,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{done.stderr[-600:]}")
    return int(found[1])


def main(argv: list[str]) -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)")
        return 1
    data = _slice(generate(WORK))
    # Once without valgrind, so that every module's bytecode cache is written and not counted.
    subprocess.run([sys.executable, "-c", _CHILD, "run", str(data)], env=_ENV, check=True)
    imports = _instructions("imports", data)
    run = _instructions("run", data)
    print(f"import + merge of {data}: {(run - imports) / 1e6:,.0f}M instructions")
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main(sys.argv[1:]))
