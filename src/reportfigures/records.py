"""Plain records for the extractor's hot path: `==`, `repr` and `replace` over `_fields`.

`dataclasses` imports `inspect` (ast, dis, tokenize …): ~10 ms at every start of
`reportfigures extract`, a twentieth of a run over a year's 29 reports, and each
dataclass costs a few `exec`s more. The classes a report's extraction makes by the
thousand (Numeral, Quantity, Mention, the text model's lines and sentences) are written
out instead; their `__init__` is ordinary code, so they are as fast to make as before.
"""

from __future__ import annotations


class Record:
    """Equality and repr by the fields named in `_fields`, in order.

    A class made a few times per run (the rules, a report's parts) keeps the generic
    `__init__` below and names its fields by annotation: `_fields = tuple(__annotations__)`
    at the end of the class body; a field's default is a class attribute (never a mutable
    one: it would be shared). A class made thousands of times writes its own `__init__`
    and `__slots__`."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _hidden: tuple[str, ...] = ()  # left out of repr (a parent's back-reference, say)

    def __init__(self, *args, **kwargs) -> None:
        names = self._fields
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}: {len(args)} values for {len(names)} fields")
        for f, v in zip(names, args):
            setattr(self, f, v)
        for f, v in kwargs.items():
            if f not in names[len(args):]:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated field {f!r}")
            setattr(self, f, v)
        missing = [f for f in names[len(args):] if f not in kwargs and not hasattr(type(self), f)]
        if missing:
            raise TypeError(f"{type(self).__name__}: missing {', '.join(missing)}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclasses they replace

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields if f not in self._hidden)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes) -> Record:
        """A copy with some fields changed (as dataclasses.replace)."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        new = object.__new__(type(self))
        for f in self._fields:
            object.__setattr__(new, f, changes[f] if f in changes else getattr(self, f))
        return new
