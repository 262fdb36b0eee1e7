"""Templates: `new_document`, file names, `postmortems new`, and golden files per kind.

Regenerate the goldens after an intended change (guidance text, section order, header) with::

    POSTMORTEMS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_template.py

then read the diff before committing it: the goldens are what every new postmortem starts from.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from postmortems.cli.main import main
from postmortems.document import parse_text, render
from postmortems.document.template import (
    FRONT_MATTER_KEYS,
    LIST_KEYS,
    create_document,
    file_name,
    new_document,
    slugify,
)
from postmortems.errors import InputError, UsageError
from postmortems.model.kinds import get_kind, kinds
from postmortems.model.sections import SECTION_BY_KEY

GOLDEN = Path(__file__).parent / "golden" / "templates"
UPDATE = os.environ.get("POSTMORTEMS_UPDATE_GOLDEN") == "1"
DAY = dt.date(2025, 1, 1)
GOLDEN_TITLES = {
    "incident": "Checkout errors after the payments deploy",
    "near-miss": "Certificate renewal nearly lapsed",
    "chaos-experiment": "Session store zone loss",
}


def split(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_template_matches_golden(kind: str) -> None:
    text = new_document(GOLDEN_TITLES.get(kind, f"A {kind} review"), kind, DAY)
    golden = GOLDEN / f"{kind}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no golden for {kind}; run with POSTMORTEMS_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_every_kind_has_a_golden() -> None:
    assert {p.stem for p in GOLDEN.glob("*.md")} == set(kinds())


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_template_has_every_key_and_section_in_order(kind: str) -> None:
    text = new_document("Orders writes failing", kind, DAY)
    meta, body = split(text)
    assert list(meta) == list(FRONT_MATTER_KEYS)
    assert meta["title"] == "Orders writes failing"
    assert meta["kind"] == kind
    assert meta["status"] == "draft"
    assert meta["date"] == DAY
    assert meta["slo"] is None and meta["severity"] is None and meta["started"] is None
    assert all(meta[key] == [] for key in LIST_KEYS)
    headings = [line[3:] for line in body.splitlines() if line.startswith("## ")]
    assert headings == [SECTION_BY_KEY[k].title for k in get_kind(kind).template]
    assert "\n# " not in body


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_each_section_carries_its_guidance_right_under_the_heading(kind: str) -> None:
    body = split(new_document("Orders writes failing", kind, DAY))[1]
    chunks = body.split("\n## ")[1:]
    for key, chunk in zip(get_kind(kind).template, chunks, strict=True):
        title, blank, comment = chunk.split("\n", 2)
        assert title == SECTION_BY_KEY[key].title
        assert blank == ""
        assert comment.startswith("<!-- ")
        guidance = comment[: comment.index(" -->")][5:]
        assert " ".join(guidance.split()) == SECTION_BY_KEY[key].guidance
        assert max(len(line) for line in comment.split("\n\n")[0].splitlines()) <= 100


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_new_document_parses_cleanly_and_is_canonical(kind: str) -> None:
    text = new_document("Orders writes failing", kind, DAY)
    pm = parse_text(text)
    assert pm.problems == []
    assert render(pm) == text
    assert [s.key for s in pm.sections] == list(get_kind(kind).template)
    assert pm.meta.title == "Orders writes failing" and pm.meta.kind == kind
    assert pm.meta.status == "draft" and pm.meta.date == DAY
    assert pm.timeline == [] and pm.action_items == [] and pm.contributing_factors == []
    if "timeline" in get_kind(kind).template:
        assert pm.document_zone == "UTC"


@pytest.mark.parametrize(
    "title", ["Checkout: errors", "2025-01-01", "#3 outage", 'He said "no"', "Ærø — ferry"]
)
def test_new_document_with_awkward_title_is_canonical(title: str) -> None:
    text = new_document(title, "near-miss", DAY)
    pm = parse_text(text)
    assert pm.meta.title == title
    assert render(pm) == text


def test_canonical_layout() -> None:
    text = new_document("Orders writes failing", "incident", DAY)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n---\n\n## Summary\n\n<!-- " in text
    assert "\n\n\n" not in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_incident_timeline_states_zone_and_has_empty_table() -> None:
    text = new_document("Orders writes failing", "incident", DAY)
    timeline = text.split("## Timeline\n\n", 1)[1].split("\n## ", 1)[0]
    assert timeline.endswith(
        "-->\n\nAll times in UTC.\n\n"
        "| Time | Event | Actor | Source | Moment |\n| --- | --- | --- | --- | --- |\n"
    )
    actions = text.split("## Action items\n\n", 1)[1].split("\n## ", 1)[0]
    assert actions.endswith(
        "-->\n\n| ID | Action | Owner | Due | Status | Priority | Type | Tracker |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
    )
    assert split(text)[0]["timezone"] == "UTC"


def test_lightweight_kinds_are_shorter() -> None:
    full = new_document("x", "incident", DAY).count("\n## ")
    for kind in ("near-miss", "chaos-experiment"):
        assert get_kind(kind).lightweight
        assert new_document("x", kind, DAY).count("\n## ") < full


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Orders writes failing", "orders-writes-failing"),
        ("Checkout: 502s after the 14:05 deploy (EU)", "checkout-502s-after-the-14-05-deploy-eu"),
        ("  Ærø ferry bookings — lost  ", "aero-ferry-bookings-lost"),
        ("Straße & Łódź caches", "strasse-and-lodz-caches"),
        ("Crème brûlée API", "creme-brulee-api"),
        ("SEV1!!! DB___down???", "sev1-db-down"),
        ("注文が失敗", "postmortem"),
        ("", "postmortem"),
        (
            "A very long title about the payments gateway timing out for merchants in three"
            " regions",
            "a-very-long-title-about-the-payments-gateway-timing-out-for",
        ),
        ("x" * 80, "x" * 60),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    slug = slugify(title)
    assert slug == expected
    assert len(slug) <= 60
    assert slug.isascii()


def test_file_name() -> None:
    assert file_name("Orders writes failing", DAY) == "2025-01-01-orders-writes-failing.md"


@pytest.mark.parametrize(
    "title",
    [
        "Checkout: errors",
        "2025-01-01",
        "yes",
        "#3 outage",
        "* star",
        "'quoted' title",
        'He said "no"',
        "Ends with a colon:",
        "100%",
        "null",
    ],
)
def test_titles_that_need_quotes_read_back_as_written(title: str) -> None:
    meta, _ = split(new_document(title, "incident", DAY))
    assert meta["title"] == title


def test_plain_titles_stay_plain() -> None:
    assert "\ntitle: Orders DB failover stalled writes\n" in new_document(
        "Orders DB failover stalled writes", "incident", DAY
    )


def test_title_whitespace_is_collapsed() -> None:
    meta, _ = split(new_document("  Orders\n writes\tfailing ", "incident", DAY))
    assert meta["title"] == "Orders writes failing"


def test_default_date_is_today() -> None:
    meta, _ = split(new_document("x"))
    assert meta["date"] == dt.date.today()


@pytest.mark.parametrize(("title", "kind"), [("   ", "incident"), ("x", "post-incident")])
def test_bad_title_or_kind_is_a_usage_error(title: str, kind: str) -> None:
    with pytest.raises(UsageError):
        new_document(title, kind, DAY)


def test_create_document_refuses_to_overwrite(tmp_path: Path) -> None:
    path = create_document("Orders writes failing", directory=tmp_path / "new", date=DAY)
    assert path == tmp_path / "new" / "2025-01-01-orders-writes-failing.md"
    path.write_text("hours of work\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        create_document("Orders writes failing", directory=tmp_path / "new", date=DAY)
    assert "--force" in str(err.value)
    assert path.read_text(encoding="utf-8") == "hours of work\n"
    create_document("Orders writes failing", directory=tmp_path / "new", date=DAY, force=True)
    expected = new_document("Orders writes failing", "incident", DAY)
    assert path.read_text(encoding="utf-8") == expected


def test_cli_new_writes_and_prints_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "Session store zone loss", "--kind", "chaos-experiment"]
    code = main([*args, "--dir", str(tmp_path), "--date", "2025-04-22"])
    out = capsys.readouterr().out.strip()
    expected = tmp_path / "2025-04-22-session-store-zone-loss.md"
    assert code == 0
    assert out == str(expected)
    assert expected.read_text(encoding="utf-8") == new_document(
        "Session store zone loss", "chaos-experiment", dt.date(2025, 4, 22)
    )


def test_cli_new_existing_file_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "Orders writes failing", "--dir", str(tmp_path), "--date", "2025-01-01"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2025-01-01-orders-writes-failing.md" in err and "--force" in err
    assert main([*args, "--force"]) == 0


@pytest.mark.parametrize("date", ["2025-13-01", "yesterday", "01/02/2025"])
def test_cli_new_bad_date_is_usage_error(
    tmp_path: Path, date: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "x", "--dir", str(tmp_path), "--date", date]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_new_unknown_kind_exits_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["new", "x", "--dir", str(tmp_path), "--kind", "outage"])
    assert exc.value.code == 2


def test_cli_new_unwritable_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["new", "x", "--dir", str(blocker / "sub")]) == 2
    assert "error:" in capsys.readouterr().err
