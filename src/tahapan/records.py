"""``==``, ``hash`` and ``repr`` of the dataclasses every run makes, written once.

``@dataclass`` compiles these methods anew for each class, which was most of what importing the
model cost (milliseconds on every run); a class declared ``@dataclass(repr=False, eq=False)`` over
``Record`` or ``FrozenRecord`` gets the same behaviour from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, ClassVar


class Record:
    """``==`` and ``repr`` of a dataclass, as ``@dataclass`` makes them, written once for every
    class declared ``@dataclass(repr=False, eq=False)`` over it: ``@dataclass`` compiles the two
    methods anew for each class, which was most of what importing this module cost (milliseconds
    on every run). Like a dataclass with ``eq=True``, a record is not hashable."""

    __slots__ = ()
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _compared(self) == _compared(other)

    @recursive_repr()
    def __repr__(self) -> str:
        listed = fields(self)  # type: ignore[arg-type]  # the subclass is a dataclass
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in listed if f.repr)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    """A ``Record`` whose class is declared ``frozen=True``: hashed on its fields, as a frozen
    dataclass is."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(_compared(self))


#: the getter of each record class's compared fields, made on first use
_COMPARED: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _compared(obj: Any) -> tuple[Any, ...]:
    """The values ``==`` and ``hash`` look at, as the tuple ``@dataclass``'s own methods build."""
    getter = _COMPARED.get(obj.__class__)
    if getter is None:
        names = [f.name for f in fields(obj) if f.compare]
        # attrgetter of two names or more gives the tuple; of one, the value alone
        getter = (
            attrgetter(*names) if len(names) > 1 else lambda o: tuple(getattr(o, n) for n in names)
        )
        _COMPARED[obj.__class__] = getter
    return getter(obj)
