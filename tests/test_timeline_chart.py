import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from postmortems.chart.timeline import render_chart
from postmortems.errors import UsageError
from postmortems.timeline import build_timeline
from timeline_cases import DATA, events_from, load

SVG = "{http://www.w3.org/2000/svg}"


def timeline_with_series():
    events = events_from(load(DATA / "scenario_bot_alerts.yaml")["events"])
    start = dt.datetime(2025, 1, 20, 22, 0, tzinfo=dt.UTC)
    ratio = [
        (start + dt.timedelta(minutes=m), 0.08 if 21 <= m <= 47 else 0.01) for m in range(0, 70)
    ]
    return build_timeline([events], series={"api_error_ratio": ratio})


def test_svg_chart_has_series_window_moments_and_deploys(tmp_path):
    path = render_chart(timeline_with_series(), tmp_path / "chart.svg")
    root = ET.parse(path).getroot()  # well-formed SVG
    assert root.tag == f"{SVG}svg"
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert "series:api_error_ratio" in ids
    assert "incident-window" in ids
    assert {f"moment:{m}" for m in ("started", "detected", "mitigated", "resolved")} <= ids
    assert any(i.startswith("deploy:") for i in ids)
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "api_error_ratio" in texts and "mitigated" in texts and "deploy / change" in texts
    # The series line has one vertex per sample.
    line = next(el for el in root.iter() if el.get("id") == "series:api_error_ratio")
    path_el = next(line.iter(f"{SVG}path"))
    assert path_el.get("d").count("L") == 69


def test_png_chart_is_a_png_with_ink(tmp_path):
    import matplotlib.image

    path = render_chart(timeline_with_series(), tmp_path / "chart.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[0] > 300 and pixels.shape[1] > 800
    assert (pixels[..., :3] < 0.9).any()  # not a blank page


def test_chart_without_series_still_marks_moments(tmp_path):
    events = events_from(load(DATA / "scenario_db_lock.yaml")["events"])
    path = render_chart(build_timeline([events]), tmp_path / "c.svg")
    ids = {el.get("id") for el in ET.parse(path).getroot().iter() if el.get("id")}
    assert "moment:detected" in ids and not any(i.startswith("series:") for i in ids)


def test_other_extensions_are_refused(tmp_path):
    with pytest.raises(UsageError, match="cannot draw a chart"):
        render_chart(timeline_with_series(), tmp_path / "chart.gif")
