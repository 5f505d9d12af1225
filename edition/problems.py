"""Problems found in the sources, collected rather than raised, and their compiler-style format."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from edition.model import Origin


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    origin: Origin
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def format(self) -> str:
        """``path:line: error: message`` — the form editors and their tools understand."""
        return f"{self.origin}: {self.severity.value}: {self.message}"


@dataclass
class Problems:
    """Collects every problem of one run, so that the editor sees all of them at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, origin: Origin, message: str) -> None:
        self.items.append(Problem(origin, message, Severity.ERROR))

    def warning(self, origin: Origin, message: str) -> None:
        self.items.append(Problem(origin, message, Severity.WARNING))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        """Problems in file and line order, each once."""
        return sorted(set(self.items), key=lambda p: (p.origin.path, p.origin.line, p.message))


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """A suggestion suffix naming the nearest known value, or an empty string."""
    close = difflib.get_close_matches(wrong, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
