"""A room's vote at one choice: counts per option, kept by the facilitator."""

from __future__ import annotations

MAX_COUNT = 999


class Tally:
    """Counts for options 1..n. The majority continues; a tie leaves the pick to the facilitator."""

    def __init__(self, options: int):
        self.counts = [0] * options
        self.last = 0  # the option touched last (0-based), where Backspace takes a vote off

    def add(self, number: int) -> None:
        if 1 <= number <= len(self.counts):
            self.counts[number - 1] = min(MAX_COUNT, self.counts[number - 1] + 1)
            self.last = number - 1

    def remove(self, number: int | None = None) -> None:
        index = self.last if number is None else number - 1
        if 0 <= index < len(self.counts) and self.counts[index] > 0:
            self.counts[index] -= 1
            self.last = index

    def set(self, number: int, count: int) -> None:
        if 1 <= number <= len(self.counts):
            self.counts[number - 1] = max(0, min(MAX_COUNT, count))
            self.last = number - 1

    @property
    def total(self) -> int:
        return sum(self.counts)

    def leaders(self) -> list[int]:
        """The option numbers with the most votes (all of them when nobody voted)."""
        top = max(self.counts, default=0)
        return [n for n, count in enumerate(self.counts, 1) if count == top]

    @property
    def winner(self) -> int | None:
        """The majority's option, or None for a tie (or no votes)."""
        leaders = self.leaders()
        return leaders[0] if len(leaders) == 1 and self.total else None


def parse_counts(line: str, options: int) -> list[int] | None:
    """'12 5' or '12,5' -> [12, 5]; None unless there is one whole number per option."""
    parts = line.replace(",", " ").split()
    if len(parts) != options or not all(p.isdigit() for p in parts):
        return None
    counts = [int(p) for p in parts]
    return counts if all(c <= MAX_COUNT for c in counts) else None
