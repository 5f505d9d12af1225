"""Results of pure rendering functions, kept from one build to the next in one process.

The preview rebuilds after every edit; an edit to one record should not render the other
thousand records' pages again. A result is reused while everything it was made from compares
equal: the inputs named for it, and the inputs shared by all of a memo's results. Records
that did not change are the same objects from one load to the next (see catalog.py), so the
comparisons are mostly identity checks. A one-off build gains nothing and loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

R = TypeVar("R")

T = TypeVar("T")


class Parts(Protocol):
    """How a renderer of a page made of many parts asks for one part: by a name unique on
    the page, with what the part is made from and how to make it. A memo's `get` is one;
    `fresh` makes every part anew."""

    def __call__(self, name: Hashable, inputs: object, make: Callable[[], T], /) -> T: ...


def fresh(name: Hashable, inputs: object, make: Callable[[], T], /) -> T:
    """Every part made anew: a one-off build's way, and what a kept part must equal."""
    return make()


class Memo(Generic[R]):
    """One family of results (say, the document pages of one language), each under a name."""

    def __init__(self) -> None:
        self._shared: object = None
        self._kept: dict[Hashable, tuple[object, R]] = {}
        self._used: dict[Hashable, tuple[object, R]] = {}

    def begin(self, shared: object) -> None:
        """Start a build: results made from other shared inputs are all forgotten."""
        kept = {**self._kept, **self._used}
        self._kept = kept if shared == self._shared else {}
        self._shared = shared
        self._used = {}

    def last(self, name: Hashable) -> R | None:
        """The result named `name` as the last build made it, whatever it was made from, or
        None. It stays kept with the inputs it was made from: the next `get` makes it anew
        if they changed."""
        kept = self._kept.get(name)
        if kept is None:
            return None
        self._used[name] = kept
        return kept[1]

    def get(self, name: Hashable, inputs: object, make: Callable[[], R]) -> R:
        """The result named `name`: the kept one if its inputs compare equal, else `make()`."""
        kept = self._kept.get(name)
        result = kept[1] if kept is not None and kept[0] == inputs else make()
        self._used[name] = (inputs, result)
        return result


@dataclass
class RenderMemory:
    """The renderers' results kept for the next build: each language's document pages, the
    data files (the same for every language) with what they were made from, each record's
    TEI and its parts of the files that list every record, and the parts of the pages that
    gather many records (a chapter, an entry of the citations page, a row of the
    chronology), by family."""

    data_files: Memo[dict[str, str]] = field(default_factory=Memo)
    tei_documents: Memo[str] = field(default_factory=Memo)
    record_parts: Memo[Any] = field(default_factory=Memo)
    families: dict[Hashable, Memo[Any]] = field(default_factory=dict)

    def family(self, name: Hashable, shared: object) -> Memo[Any]:
        """The parts named `name` (say, the citations page's entries in one language), begun
        for this build with the inputs all of them share."""
        memo = self.families.setdefault(name, Memo())
        memo.begin(shared)
        return memo
