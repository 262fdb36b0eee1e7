"""Document parsing speed: corpus throughput and the cold start of `postmortems show`.

Targets (issue 2): parsing at least 500 documents/s; `postmortems show FILE` cold start under
250 ms.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.support import BIN, ROOT, corpus_files, table, time_command


def parse_throughput(rounds: int = 10) -> tuple[int, int, float, float]:
    """Parse every corpus document once per round, in one process.

    Returns (documents per round, lines per round, best round's CPU seconds, median round's
    wall seconds). CPU time of the best round is the figure least disturbed by other work on
    the machine; the wall median is printed beside it.
    """
    from postmortems.document import parse_text

    texts = [(str(p), p.read_text(encoding="utf-8")) for p in corpus_files()]
    for path, text in texts:  # warm up: compile regexes, build the Markdown parser
        parse_text(text, path=path)
    cpu, wall = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for path, text in texts:
            parse_text(text, path=path)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    lines = sum(text.count("\n") for _, text in texts)
    return len(texts), lines, min(cpu), statistics.median(wall)


def main(argv: list[str]) -> int:
    files = corpus_files()
    if not files:
        print("skipped: ../shared/corpus is not present")
        return 0
    docs, lines, cpu, wall = parse_throughput()
    print(
        f"parse: corpus of {docs} documents ({lines} lines), 10 rounds: "
        f"{docs / cpu:,.0f} documents/s ({lines / cpu:,.0f} lines/s) on the best round's CPU "
        f"time; {docs / wall:,.0f} documents/s on the median round's wall time "
        "(target >= 500 documents/s)"
    )
    sample = next((p for p in files if "surveys-sdk" in p.name), files[0])
    example = sorted((ROOT / "examples").glob("*-*.md"))
    rows = []
    for label, argv_ in (
        ("postmortems --help", [str(BIN / "postmortems"), "--help"]),
        (f"postmortems show {sample.name}", [str(BIN / "postmortems"), "show", str(sample)]),
        *(
            [
                (
                    f"postmortems show {example[0].name}",
                    [str(BIN / "postmortems"), "show", str(example[0])],
                )
            ]
            if example
            else []
        ),
        ("python -c pass (interpreter floor)", [str(BIN / "python"), "-c", "pass"]),
    ):
        result = time_command(argv_)
        rows.append(
            (
                label,
                f"{result['min'] * 1000:.0f}",
                f"{result['median'] * 1000:.0f}",
                f"{result['max'] * 1000:.0f}",
            )
        )
    print(table(rows, ("cold start (whole process)", "min ms", "median ms", "max ms")))
    print("target: `postmortems show FILE` median under 250 ms")
    return 0
