"""The NamedTuple base that stands in for typing.NamedTuple at run time."""

from __future__ import annotations

import typing

import pytest

from postmortems.model.record import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0

    @property
    def total(self) -> int:
        return self.x + self.y


class TypedPoint(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0


def test_behaves_as_typing_named_tuple() -> None:
    ours, theirs = Point(1, 2), TypedPoint(1, 2)
    assert tuple(ours) == tuple(theirs)
    assert ours._fields == theirs._fields == ("x", "y")
    assert Point(5) == (5, 0) == TypedPoint(5)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert Point(1, 2)._replace(y=7) == (1, 7)
    assert Point(3, 4).total == 7
    assert Point.__doc__ == "A point."
    assert Point.__module__ == __name__
    assert isinstance(ours, tuple)
    with pytest.raises(AttributeError):
        ours.z = 1  # type: ignore[attr-defined]


def test_a_field_without_default_after_one_with_default_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(NamedTuple):
            x: int = 0
            y: int
