"""Records: slotted classes that compare, hash and print by their fields, like dataclasses.

``@dataclass`` writes each class's ``__init__``, ``__repr__`` and ``__eq__`` as source text and
compiles it, about half a millisecond per class when its module is imported, and importing
:mod:`dataclasses` pulls in :mod:`inspect` and its dependencies; the model, the parser and the
review define some forty record types, so a one-file lint spent about 30 ms of its start-up on
them. A :class:`Record` subclass lists its fields in ``__slots__`` and writes its
``__init__``; equality, hashing and ``repr`` come from here and go through the fields as a
dataclass's do (``_compared`` leaves out fields that are caches).
"""

from __future__ import annotations

from typing import Any, ClassVar


class Record:
    """Value semantics over ``__slots__``: equal when of the same class with equal fields."""

    __slots__: ClassVar[tuple[str, ...]] = ()
    #: The fields equality, hashing and ``repr`` use (default: every slot).
    _compared: ClassVar[tuple[str, ...] | None] = None

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared or self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        names = self._compared or self.__slots__
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({fields})"
