"""Run the benchmarks: ``python -m benchmarks [NAME...]`` (all when no name is given).

Each module in this folder with a ``main(argv)`` function is a benchmark; they run in name order
(``document`` first, since the others build on the parser). Generated data goes under
``benchmarks/.work/`` (git-ignored).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

ORDER = ("document",)


def discover() -> list[str]:
    here = Path(__file__).resolve().parent
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")]
    return sorted(names, key=lambda n: (n not in ORDER, ORDER.index(n) if n in ORDER else 0, n))


def main(argv: list[str]) -> int:
    wanted = argv or discover()
    failed = 0
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        run = getattr(module, "main", None)
        if run is None:
            continue
        print(f"\n=== benchmarks/{name}.py " + "=" * max(0, 60 - len(name)), flush=True)
        started = time.perf_counter()
        code = run([]) or 0
        print(f"--- {name}: {time.perf_counter() - started:.1f} s", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
