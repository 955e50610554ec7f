"""Problems found in a story: data with a place, a severity, a code, a message and a hint."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

ERROR = "error"
WARNING = "warning"
# A file that could not be read at all: listed first, since later problems may follow from it.
READ_FAILURES = frozenset({"yaml-syntax", "not-utf8", "not-text", "too-large", "unreadable", "outside-link", "missing-story-file"})
# A value YAML could not give (a bad tag, a number out of range) is read as a stand-in (empty,
# or 0): any other error at the same place only says that again.
REJECTED_VALUES = frozenset({"yaml-tag", "number-range"})


MAX_MESSAGE = 300


def one_line(text: str) -> str:
    """A message as one line of reasonable length, whatever story text it quotes: line breaks
    show as \\n, and a very long message keeps its start and its end."""
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    if len(text) > MAX_MESSAGE:
        text = f"{text[:200]}...{text[-80:]}"
    return text


class Place(NamedTuple):
    """Where something is in a story file (line and column count from 1; 0 means unknown).
    A named tuple: a big story holds one for every scene, choice and effect (40,000 at 5,000
    scenes), and a tuple is smaller and three times quicker to make than a frozen dataclass."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.column <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or suspicious (warning) in a story."""

    place: Place
    severity: str
    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.place}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_json(self) -> dict:
        return {
            "path": self.place.path,
            "line": self.place.line,
            "column": self.place.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Problems:
    """An ordered collection of problems; the loader adds to it and never stops at the first."""

    items: list[Problem] = field(default_factory=list)

    def error(self, place: Place, code: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(place, ERROR, code, one_line(message), one_line(hint)))

    def warning(self, place: Place, code: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(place, WARNING, code, one_line(message), one_line(hint)))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        """Files that could not be read first, then file order, so a writer can walk down the file."""
        return sorted(self.items, key=lambda p: (p.code not in READ_FAILURES, p.place.path, p.place.line, p.place.column, p.code))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)
