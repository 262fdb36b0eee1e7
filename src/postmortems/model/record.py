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

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
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


class _NamedTupleMeta(type):
    # What typing.NamedTuple's class syntax does, for classes without type parameters:
    # importing typing costs a one-file lint ~12 million instructions, and the review's two
    # named tuples (tokens, spans) were all it was needed for at run time.
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
        if not bases:
            return super().__new__(mcls, name, bases, namespace)
        from collections import namedtuple

        # Called with names known only here: mypy's special case for namedtuple() does not apply.
        make: Any = namedtuple

        fields = tuple(namespace.get("__annotations__", {}))
        defaults = [namespace[field] for field in fields if field in namespace]
        if defaults and any(field not in namespace for field in fields[-len(defaults) :]):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        cls = make(name, fields, defaults=defaults or None, module=namespace["__module__"])
        for key, value in namespace.items():
            if key not in _NOT_COPIED and key not in fields:
                setattr(cls, key, value)
        return cls


_NOT_COPIED = frozenset({"__annotations__", "__module__", "__dict__", "__weakref__"})


class NamedTuple(metaclass=_NamedTupleMeta):
    """Base for ``class Point(NamedTuple): x: int; y: int`` as with :class:`typing.NamedTuple`
    (fields, defaults, methods, properties and docstring), without importing :mod:`typing`.

    Modules import it at run time only, and :class:`typing.NamedTuple` under
    ``TYPE_CHECKING``, so that the type checker sees the real thing.
    """
