"""The inspection in the terminal: the print as characters, a frame placed by row and column."""

from __future__ import annotations

from . import dots
from .puzzle import MaskPuzzle

def card() -> tuple[str, ...]:
    marks = ", ".join(f"{r},{c} {'dot' if v else 'blank'}" for (r, c), v in sorted(dots.MARKS.items()))
    return ("Decoder card: a block is 13 x 13 cells. Its top row and its left column are all dots.",
            f"Eight cells inside it are fixed (row,column from the block's corner): {marks}.")


class TextInspection:
    """One inspection scene for the terminal player: shows the grid, takes 'ROW COL' tries."""

    def __init__(self, story, inspection):
        self.puzzle = MaskPuzzle(inspection, story.assets)

    def show(self, say, choices) -> None:
        top, left, lines = self.puzzle.ascii_window()
        say("Under the blue torch the print shows its dots (o a dot, . no dot):")
        say()
        numbers = [str(c) for c in range(left, left + len(lines[0].split(" ")))]
        say("      " + " ".join(n[-1] for n in numbers) + "   (column, last digit)")
        for offset, line in enumerate(lines):
            say(f"  {top + offset:>2}  {line}")
        say()
        for line in card():
            say(line)
        say(f"Type the row and column of a block's top-left cell, like '{top + 3} {left + 4}'.")
        say(f"  or: {choices[1].number}) {choices[1].text}")

    def attempt(self, line: str) -> tuple[bool | None, str]:
        """(True, fields) when read, (False, hint) after a wrong try, (None, help) when not a try."""
        parts = line.replace(",", " ").split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            return None, "type a row and a column, like '13 13'"
        row, col = int(parts[0]), int(parts[1])
        if not (0 <= row <= self.puzzle.rows - dots.TILE and 0 <= col <= self.puzzle.cols - dots.TILE):
            return False, f"a block needs 13 cells: rows 0-{self.puzzle.rows - dots.TILE}, columns 0-{self.puzzle.cols - dots.TILE}"
        self.puzzle.place(row, col)
        verdict = self.puzzle.check()
        return verdict.correct, verdict.hint
