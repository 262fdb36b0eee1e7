"""Markdown prose as sentences: what is read, what is masked, and where each character came from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postmortems.review.language.sentences import sentences
from postmortems.review.language.tokens import mask_quotes, tokenize
from postmortems.review.language.wordlists import letter_words

# (markdown, [(line, column, text)]) -- text as read, with masked characters shown as spaces.
CASES = [
    ("One. Two.\n", [(1, 1, "One."), (1, 6, "Two.")]),
    ("Wrapped line\ncontinues. Next.\n", [(1, 1, "Wrapped line continues."), (2, 12, "Next.")]),
    (
        "e.g. this stays one. Version 1.2.3 too.\n",
        [(1, 1, "e.g. this stays one."), (1, 22, "Version 1.2.3 too.")],
    ),
    ("- 09:05 Mia acknowledges the page\n", [(1, 3, "09:05 Mia acknowledges the page")]),
    ("## Root cause\n", [(1, 4, "Root cause")]),
    ("| 09:05 | Mia pages Bob |\n|---|---|\n", [(1, 3, "09:05"), (1, 11, "Mia pages Bob")]),
    ("Run `kill -9` now.\n", [(1, 1, "Run           now.")]),
    ("See [the docs](https://x.io/a) here.\n", [(1, 1, "See  the docs                  here.")]),
    ("<!-- be more careful -->\nText.\n", [(2, 1, "Text.")]),
    ("<!-- spans\nlines -->\nText.\n", [(3, 1, "Text.")]),
    ("```\nfailed to start\n```\nAfter.\n", [(4, 1, "After.")]),
    ("> quoted failed to\n\nMine.\n", [(3, 1, "Mine.")]),
    ("Para.\n\n    indented code\n", [(1, 1, "Para.")]),
    ("**Owner**: Dana.\n", [(1, 3, "Owner  : Dana.")]),
]


@pytest.mark.parametrize(("markdown", "expected"), CASES)
def test_sentences(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    got = [(s.line, s.column, s.text) for s in sentences(markdown)]
    assert got == expected


def test_first_line_offsets_every_position() -> None:
    (only,) = list(sentences("Alice ran it.\n", first_line=40))
    assert (only.line, only.column) == (40, 1)
    assert only.position(only.text.index("ran")) == (40, 7)


def test_keep_filters_blocks_before_splitting() -> None:
    text = "Nothing here.\n\nAlice forgot.\n"
    kept = [s.text for s in sentences(text, keep=lambda words: "forgot" in words)]
    assert kept == ["Alice forgot."]


_prose = st.lists(
    st.sampled_from(
        [
            "Alice",
            "ran",
            "the",
            "`code`",
            "[link](http://x.y)",
            "**bold**",
            "deploy.",
            "Then",
            "09:05",
            "|",
            "-",
            "\n",
            "\n\n",
            "  ",
            "failed",
            "e.g.",
            "Done!",
            "<!--",
            "-->",
            ">",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_prose)
def test_every_character_read_maps_back_to_the_same_source_character(markdown: str) -> None:
    lines = markdown.splitlines()
    for sentence in sentences(markdown):
        for offset, char in enumerate(sentence.text):
            if char == " ":
                continue
            line, column = sentence.position(offset)
            assert lines[line - 1][column - 1] == char


def test_quotes_and_payloads_are_not_read() -> None:
    assert "Failed" not in mask_quotes('The log said "Failed to connect" twice.')
    assert "level" not in mask_quotes('Log: {"level": "ERROR"} then')
    assert "human" not in mask_quotes("We never write 'human error' in a review.")
    assert mask_quotes("Alice's change") == "Alice's change"


def test_tokens_split_contractions_and_keep_hyphenated_words() -> None:
    tokens = [t.low for t in tokenize("She didn't double-check; Bob's on-call can't, they'd")]
    assert tokens == [
        "she",
        "did",
        "n't",
        "double-check",
        ";",
        "bob",
        "'s",
        "on-call",
        "ca",
        "n't",
        ",",
        "they",
        "'d",
    ]


@given(st.text(alphabet=st.sampled_from("abzAZ \n.-_'é\u0130\u212aßǅ1") | st.characters()))
@settings(max_examples=300)
def test_letter_words_are_the_expression_s(text: str) -> None:
    # The translation table stands in for re.findall("[a-z]+", text.lower()) on any text.
    assert letter_words(text) == re.findall("[a-z]+", text.lower())


# The expressions as first written (two branches; look-behind first), which re can only try at
# every offset; the module's are rewritten so that re skips to a stop or a pipe.
_BOUNDARY_AS_WRITTEN = re.compile(
    r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9@`])|[.!?]+[\"')\]]*(?=\s*$)"
)
_PIPE_AS_WRITTEN = re.compile(r"(?<!\\)\|")
_CODE_AS_WRITTEN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@given(st.text(alphabet=st.sampled_from(".!?\"')] ]\n\tAa0@`([|\\x")))
@settings(max_examples=500)
def test_rewritten_expressions_match_the_same_spans(text: str) -> None:
    from postmortems.review.language.sentences import _BOUNDARY, _INLINE, _PIPE
    from postmortems.review.rules.section.placeholder import _INLINE_CODE

    code = dict(_INLINE)["`"]
    for ours, written in (
        (_BOUNDARY, _BOUNDARY_AS_WRITTEN),
        (_PIPE, _PIPE_AS_WRITTEN),
        (code, _CODE_AS_WRITTEN),
        (_INLINE_CODE, _CODE_AS_WRITTEN),
    ):
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in written.finditer(text)]


def test_table_rows_without_a_needed_word_yield_no_cells():
    from postmortems.review.language.sentences import blocks

    table = (
        "| Owner | Action |\n| --- | --- |\n| Ana | Blamed the intern |\n| Bo | Add a canary |\n"
    )
    every = [run for block in blocks(table) for run in block]
    needed = [run for block in blocks(table, needs=frozenset({"blamed"})) for run in block]
    assert [text.strip() for _, _, text in needed] == ["Ana", "Blamed the intern"]
    assert len(every) == 6
