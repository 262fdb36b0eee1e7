import pytest

from lint_helpers import Crashing, DemoSummary, DemoTodo, DemoWord, doc, registry
from postmortems.review import LintConfig, Severity, review
from postmortems.review.engine import RuleCrash

TEXT = """
# Outage

## Summary

A careless engineer ran the script.
TODO: numbers
"""


def found(text, config=None, reg=None):
    return [
        (f.rule, f.line, f.column, f.end_column, f.severity.value)
        for f in review(doc(text), config or LintConfig(), registry=reg or registry())
    ]


def test_all_rules_run_and_findings_are_sorted():
    assert found(TEXT) == [
        ("demo.word", 5, 3, 11, "warning"),
        ("other.todo", 6, 1, 5, "info"),
    ]


def test_document_level_finding_points_at_the_title():
    assert found("# Outage\n\n## Impact\n\nNone.\n") == [("demo.summary", 1, 1, 9, "error")]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"demo.word", "demo.summary", "other.todo"}),
        (("demo",), (), {"demo.word", "demo.summary"}),
        (("demo.word",), (), {"demo.word"}),
        ((), ("demo",), {"other.todo"}),
        (("demo.word",), ("demo",), {"demo.word"}),  # the id is more specific than the family
        (("demo",), ("demo.word",), {"demo.summary"}),
        (("demo",), ("demo",), set()),  # a tie: ignore wins
        (("ALL",), ("other",), {"demo.word", "demo.summary"}),
    ],
)
def test_select_and_ignore(select, ignore, expected):
    assert set(registry().select(select, ignore)) == expected


def test_severity_override_by_id_beats_family():
    config = LintConfig(severity={"demo": Severity.INFO, "demo.word": Severity.ERROR})
    assert found(TEXT + "\n## Summary\n", config) == [
        ("demo.word", 5, 3, 11, "error"),
        ("other.todo", 6, 1, 5, "info"),
    ]
    config = LintConfig(severity={"demo": Severity.INFO})
    assert [s for *_, s in found("# T\n", config)] == ["info"]


def test_rule_options_reach_the_rule():
    config = LintConfig(rule_options={"demo.word": {"word": "script"}})
    assert found(TEXT, config) == [
        ("demo.word", 5, 29, 35, "warning"),
        ("other.todo", 6, 1, 5, "info"),
    ]


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        ((), 1),
        (("careless engineer",), 0),  # the span lies inside an allowed phrase
        (("Careless",), 0),  # case-insensitive
        (("care",), 1),  # whole words only
        (("engineer ran",), 1),  # near, but not covering the span
    ],
)
def test_allowed_phrases(phrases, expected):
    config = LintConfig(allowed_phrases=phrases, select=("demo.word",))
    assert len(found(TEXT, config)) == expected


def test_a_crashing_rule_names_itself_and_the_file():
    with pytest.raises(RuleCrash, match=r"rule demo.crash crashed: ZeroDivisionError: boom") as err:
        review(doc("x\n", path="a.md"), registry=registry(Crashing))
    assert err.value.path == "a.md"


def test_out_of_range_positions_are_clamped():
    from postmortems.review import Rule

    class Wild(Rule):
        id = "demo.wild"
        summary = "wild"
        rationale = "wild"
        examples = DemoTodo.examples

        def check(self, ctx):
            yield ctx.finding(99, 0, end_line=120, end_column=0)

    (f,) = review(doc("one\ntwo\n"), registry=registry(Wild))
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 1, 3, 2)


def test_duplicate_findings_are_reported_once():
    class Twice(DemoWord):
        id = "demo.twice"

        def check(self, ctx):
            yield from super().check(ctx)
            yield from super().check(ctx)

    assert len(review(doc("careless\n"), registry=registry(Twice))) == 1


def test_rule_classes_are_validated_on_register():
    class Bad(DemoWord):
        id = "NoDot"
        examples = ()

    with pytest.raises(ValueError, match=r"family\.name.*passing and one failing"):
        registry(Bad)
    with pytest.raises(ValueError, match="already registered"):
        registry(DemoWord, DemoWord)
    assert DemoSummary.family() == "demo"
