"""Inline suppression: `ignore` for the next block, `disable`/`enable` ranges."""

import pytest

from lint_helpers import doc, registry
from postmortems.review import LintConfig, review
from postmortems.review.context import SourceIndex
from postmortems.review.suppression import parse_directives

CASES = [
    # (name, document, lines still reported)
    (
        "ignore applies to the next paragraph, all of it",
        """
        <!-- postmortems: ignore demo.word -->
        careless one
        careless two

        careless three
        """,
        [5],
    ),
    (
        "a family and a blank line between comment and block",
        """
        <!-- postmortems: ignore demo -->

        careless one

        careless two
        """,
        [5],
    ),
    (
        "another rule is not silenced",
        """
        <!-- postmortems: ignore other.todo -->
        careless one
        """,
        [2],
    ),
    (
        "no ids silences every rule",
        """
        <!-- postmortems: ignore -->
        careless TODO
        careless
        """,
        [],
    ),
    (
        "one list item, with what is nested in it",
        """
        - careless one
        <!-- postmortems: ignore demo.word -->
        - careless two
          - careless nested
        - careless three
        """,
        [1, 5],
    ),
    (
        "an indented comment inside a list silences the next item",
        """
        - careless one
          <!-- postmortems: ignore demo.word -->
        - careless two
        - careless three
        """,
        [1, 4],
    ),
    (
        "a whole table",
        """
        <!-- postmortems: ignore demo.word -->
        | time | what |
        | --- | --- |
        | 10:00 | careless |
        | 10:05 | careless |

        careless after
        """,
        [7],
    ),
    (
        "a trailing comment silences its own line only (one table row)",
        """
        | time | what |
        | --- | --- |
        | 10:00 | careless | <!-- postmortems: ignore demo.word -->
        | 10:05 | careless |
        """,
        [4],
    ),
    (
        "a heading is a block of its own",
        """
        <!-- postmortems: ignore demo.word -->
        ## careless heading
        careless body
        """,
        [3],
    ),
    (
        "stacked comments apply to the same block",
        """
        <!-- postmortems: ignore other.todo -->
        <!-- postmortems: ignore demo.word -->
        careless TODO

        careless TODO
        """,
        [5, 5],
    ),
    (
        "disable until enable",
        """
        careless
        <!-- postmortems: disable demo.word -->
        careless

        careless TODO
        <!-- postmortems: enable demo.word -->
        careless
        """,
        [1, 5, 7],
    ),
    (
        "disable without ids, then enable one rule",
        """
        <!-- postmortems: disable -->
        careless TODO
        <!-- postmortems: enable other.todo -->
        careless TODO
        <!-- postmortems: enable -->
        careless
        """,
        [4, 6],
    ),
    (
        "disable to the end of the document, several ids with commas",
        """
        careless TODO
        <!-- postmortems: disable demo.word, other.todo -->
        careless TODO
        """,
        [1, 1],
    ),
    (
        "a comment with a misspelt action silences nothing",
        """
        <!-- postmortems: ignroe demo.word -->
        careless
        """,
        [2],
    ),
    (
        "examples in code blocks and code spans are not directives",
        """
        ```markdown
        <!-- postmortems: disable -->
        ```
        Write `<!-- postmortems: ignore -->` above careless text.
        careless
        """,
        [4, 5],
    ),
    (
        "comments that are not ours are left alone",
        """
        <!-- guidance: describe impact -->
        careless
        """,
        [2],
    ),
]


@pytest.mark.parametrize(
    ("document", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_suppression(document, expected):
    findings = review(
        doc(document), LintConfig(select=("demo.word", "other.todo")), registry=registry()
    )
    assert [f.line for f in findings] == expected


def test_directive_parsing():
    index = SourceIndex(
        "x\n<!--postmortems:disable a.b c-->\ntext <!-- Postmortems: ignore -->\n"
        "<!-- postmortems:\n  enable a.b\n-->\n"
    )
    got = [
        (d.action, d.selectors, d.span.line, d.span.end_line, d.standalone)
        for d in parse_directives(index)
    ]
    assert got == [
        ("disable", ("a.b", "c"), 2, 2, True),
        ("ignore", (), 3, 3, False),
        ("enable", ("a.b",), 4, 6, True),
    ]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("<!-- PostMortems: ignore demo -->\nx\n", "ignore"),
        ("Café ✓\n<!-- POSTMORTEMS: disable -->\nx\n", "disable"),
    ],
)
def test_the_marker_is_found_in_any_case_beside_any_text(text, action):
    assert [d.action for d in parse_directives(SourceIndex(text))] == [action]
