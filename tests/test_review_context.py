"""Position helpers rules rely on."""

import pytest

from lint_helpers import DemoWord, doc
from postmortems.model import Meta, Person, Postmortem
from postmortems.review import LintConfig, ReviewContext, SourceIndex


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_and_positions_agree_whatever_the_line_ending(newline):
    index = SourceIndex(newline.join(["ab", "", "cdé"]) + newline)
    assert index.lines == ["ab", "", "cdé", ""]
    assert index.offset(3, 3) == 6
    assert index.position(6) == (3, 3)
    assert index.position(3) == (2, 1)
    assert index.span(4, 7) == (3, 1, 3, 4)
    assert index.line_end(1) == 2


def test_line_span_leaves_out_blanks():
    index = SourceIndex("  - item  \n\n")
    assert index.line_span(1) == (1, 3, 1, 9)
    assert index.line_span(2) == (2, 1, 2, 1)


def test_locate_finds_text_across_a_wrapped_line():
    ctx = ReviewContext(doc("# T\n\nThe engineer\ndid not check it.\n"), LintConfig())
    assert ctx.locate("engineer did NOT", 2) == (3, 5, 4, 8)
    assert ctx.locate("engineer", 4) is None
    assert ctx.locate("it", 1, end_line=3) is None


def test_people_and_roles_come_from_front_matter_and_config():
    meta = Meta(
        authors=["Ana"],
        participants=[Person("Bo", "incident commander"), Person("Ana")],
        facilitator="Cy",
    )
    ctx = ReviewContext(
        Postmortem(meta=meta, source="x"), LintConfig(names=("Dee", "Bo"), roles=("scribe",))
    )
    assert ctx.people == ("Ana", "Bo", "Cy", "Dee")
    assert ctx.roles == ("incident commander", "scribe")
    assert ctx.kind.name == "incident"


def test_findings_made_through_the_context_carry_rule_and_path():
    ctx = ReviewContext(doc("one careless line\n", path="p.md"), LintConfig()).for_rule(DemoWord())
    finding = ctx.finding_for_text("careless", 1)
    assert (finding.path, finding.rule, finding.severity.value) == ("p.md", "demo.word", "warning")
    assert (finding.line, finding.column, finding.end_column) == (1, 5, 13)
    assert finding.message == DemoWord.summary
    assert ctx.options == {"word": "careless"}
    whole = ctx.finding_for_text("absent", 1)
    assert (whole.column, whole.end_column) == (1, 18)


def test_derived_values_are_made_once_and_shared_by_the_rules_of_a_document():
    made = []

    def make():
        made.append(1)
        return ["open item"]

    ctx = ReviewContext(doc("# T\n"), LintConfig())
    first = ctx.for_rule(DemoWord()).derived("demo", make)
    second = ctx.for_rule(DemoWord()).derived("demo", make)
    assert first is second and made == [1]
    # Another document's context starts empty.
    assert ReviewContext(doc("# U\n"), LintConfig()).derived("demo", make) == ["open item"]
    assert made == [1, 1]
