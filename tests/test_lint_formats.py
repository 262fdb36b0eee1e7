"""Output formats: golden files for text and JSON, SARIF against the official schema, GitHub
escaping."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint_helpers import TEST_RULES, DemoWord, doc, registry
from postmortems.errors import InputError
from postmortems.review import LintConfig, review
from postmortems.review.formats import format_names, get_format
from postmortems.review.formats.github import annotation, escape_data, escape_property
from postmortems.review.session import FileReport, LintRun

GOLDEN = Path(__file__).parent / "golden" / "lint"
# The official SARIF 2.1.0 schema (OASIS, errata 01), byte for byte:
# https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
# (also in github.com/oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json).
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

POOR = """\
---
title: Checkout outage
---
# Checkout outage

## Overview

A careless engineer ran the script.
\tTODO: add the careless numbers
"""


def sample_run() -> LintRun:
    reg = registry()
    run = LintRun(rules={r.id: r for r in TEST_RULES})
    for path, text in (("docs/poor.md", POOR), ("docs/clean.md", "# T\n\n## Summary\n\nOk.\n")):
        pm = doc(text, path=path)
        run.files.append(FileReport(path, review(pm, LintConfig(), registry=reg), pm.source))
    error = InputError("not UTF-8 (byte 0xff)", path="docs/latin1.md", line=3, hint="re-encode")
    run.files.append(FileReport("docs/latin1.md", error=error))
    return run


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("POSTMORTEMS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see tests/golden/README.md"


@pytest.mark.parametrize(
    ("fmt", "color", "golden"),
    [
        ("text", False, "report.txt"),
        ("text", True, "report-color.txt"),
        ("json", False, "report.json"),
    ],
)
def test_golden(fmt, color, golden):
    check_golden(golden, get_format(fmt).render(sample_run(), color=color))


def test_text_summary_without_findings():
    run = LintRun(files=[FileReport("a.md", source="x")])
    assert get_format("text").render(run) == "No problems in 1 file.\n"


def test_json_has_exactly_the_contract_keys():
    data = json.loads(get_format("json").render(sample_run()))
    assert data and all(
        list(item)
        == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "severity",
            "message",
            "suggestion",
        ]
        for item in data
    )
    assert {item["severity"] for item in data} == {"error", "warning", "info"}
    assert any(item["suggestion"] is None for item in data)


def test_sarif_is_valid_against_the_2_1_0_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(get_format("sarif").render(sample_run()))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.id for r in TEST_RULES)
    assert all({"shortDescription", "fullDescription", "help"} <= set(r) for r in rules)
    result = run["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 1,
        "endLine": 4,
        "endColumn": 18,
    }
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "latin1.md" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_with_nothing_found_is_valid_too():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(get_format("sarif").render(LintRun(files=[FileReport("a b%.md")])))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A literal", "%250A literal", "%250A literal"),
    ],
)
def test_github_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_annotations():
    lines = get_format("github").render(sample_run()).splitlines()
    assert lines[0] == (
        "::error file=docs/poor.md,line=4,col=1,endLine=4,endColumn=18,title=demo.summary"
        "::The document has no Summary section"
    )
    assert lines[1] == (
        "::warning file=docs/poor.md,line=8,col=3,endLine=8,endColumn=11,title=demo.word"
        "::'careless' judges a person, not the system%0ASuggestion: Describe what made the "
        "mistake easy to make"
    )
    assert lines[-1].startswith("::error file=docs/latin1.md,line=3::docs/latin1.md:3: error: not")
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_annotation_escapes_paths_with_commas():
    (finding,) = review(doc("careless\n", path="a,b: c.md"), registry=registry(DemoWord))
    assert annotation(finding).startswith("::warning file=a%2Cb%3A c.md,line=1,")


def test_format_registry_lists_builtins():
    assert format_names(plugins=False) == ["text", "json", "sarif", "github"]
