"""Regular expressions compiled on first use behave as compiled ones, and importing the parser
and every rule compiles none of ours."""

import re
import subprocess
import sys
import textwrap

import pytest

from postmortems.document.lazyre import LazyPattern, lazy

CASES = [
    (r"(?P<h>\d{1,2}):(?P<m>\d{2})", 0, "at 14:02 and 9:30, then 23:59"),
    (r"\b(?:investigate|look\s+into)\b", re.IGNORECASE, "Investigate X; LOOK  into y"),
    (r"^\s*-\s+(.*)$", re.MULTILINE, "- a\n  - b\nc"),
]


@pytest.mark.parametrize(("source", "flags", "text"), CASES)
def test_same_results_as_a_compiled_pattern(source, flags, text):
    eager = re.compile(source, flags)
    for method in ("search", "match", "findall", "split"):
        fresh = lazy(source, flags)
        expected = getattr(eager, method)(text)
        got = getattr(fresh, method)(text)
        if method in ("search", "match"):
            assert (got and got.span()) == (expected and expected.span())
        else:
            assert got == expected
    fresh = lazy(source, flags)
    assert [m.span() for m in fresh.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert fresh.sub("<\\g<0>>", text) == eager.sub("<\\g<0>>", text)
    assert fresh.subn("", text) == eager.subn("", text)
    assert fresh.fullmatch(text) == eager.fullmatch(text)
    assert (fresh.flags, fresh.groups, fresh.groupindex) == (
        eager.flags,
        eager.groups,
        eager.groupindex,
    )


def test_compiles_once_on_first_use():
    pattern = lazy(r"a+b")
    assert isinstance(pattern, LazyPattern)
    assert "search" not in vars(pattern)
    assert pattern.pattern == r"a+b"  # readable without compiling
    assert "search" not in vars(pattern)
    assert pattern.search("xaab").span() == (1, 4)
    assert pattern.compiled() is pattern.compiled() is re.compile(r"a+b")


def test_a_bad_pattern_fails_when_used():
    pattern = lazy(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_special_names_do_not_compile():
    pattern = lazy(r"x")
    with pytest.raises(AttributeError):
        pattern.__deepcopy__  # noqa: B018
    assert "search" not in vars(pattern)


def test_importing_the_parser_and_every_rule_compiles_none_of_our_expressions():
    # Compiling at import was a third of the one-file lint budget; it happens on first use now.
    script = textwrap.dedent(
        """
        import re._compiler as compiler, traceback
        ours = []
        real = compiler.compile
        def spy(p, flags=0):
            callers = [f for f in traceback.extract_stack()[:-1] if "/re/" not in f.filename]
            caller = callers[-1]
            ours_file = "/postmortems/document/" in caller.filename or (
                "/postmortems/review/" in caller.filename)
            if ours_file and "lazyre" not in caller.filename:
                ours.append(f"{caller.filename}:{caller.lineno}")
            return real(p, flags)
        compiler.compile = spy
        import postmortems.document.parse
        import postmortems.review.session
        from postmortems.review import LintConfig
        from postmortems.review.engine import enabled_rules
        enabled_rules(LintConfig())
        print(len(ours), ours)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("0 "), done.stdout


def test_every_table_entry_is_what_re_compile_makes():
    from postmortems.document import _regex_table, lazyre

    if lazyre.engine_key() != _regex_table.ENGINE:
        pytest.skip(f"the table is for {_regex_table.ENGINE}, not this interpreter")
    for flags, source in _regex_table.TABLE:
        built = lazyre._from_table(source, flags)
        expected = re.compile(source, flags)
        assert built == expected, source  # same flags, source and engine program
        assert (built.groups, built.groupindex) == (expected.groups, expected.groupindex)


def test_the_table_holds_every_expression_of_the_parser_and_the_review():
    # A stale table is still correct (missing expressions compile the ordinary way) but slow.
    from postmortems.document import _regex_table, lazyre

    if lazyre.engine_key() != _regex_table.ENGINE:
        pytest.skip(f"the table is for {_regex_table.ENGINE}, not this interpreter")
    wanted = {(p._flags, p.pattern) for p in lazyre.collect()}
    missing = wanted - set(_regex_table.TABLE)
    unused = set(_regex_table.TABLE) - wanted
    assert not missing and not unused, (
        f"{len(missing)} expressions missing from the table, {len(unused)} no longer used: "
        "run `python -m postmortems.document.lazyre --write`"
    )


def test_a_pattern_not_in_the_table_is_compiled():
    source = r"(?P<x>not in the table)\d+"
    pattern = lazy(source)
    assert pattern.search("a not in the table42").group("x") == "not in the table"
