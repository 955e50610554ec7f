"""A story folder being edited while it plays: notice saves, reload it, and keep playing the last
version that loaded cleanly when the new one has errors. Shared by the window and the terminal."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Problem, Runner, load_story
from .engine.reload import reload_runner

POLL_SECONDS = 0.25


def story_files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file the loader reads or warns about (.yaml and .yml outside hidden folders), with
    its modification time and size: cheap enough to take four times a second."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(dirpath, name)
            try:
                status = os.stat(path)
            except OSError:
                continue  # removed between listing and looking: the next scan sees it gone
            found[path] = (status.st_mtime_ns, status.st_size)
    return found


@dataclass
class Reload:
    """What one reload did. When `ok` is False the old story keeps playing and `problems` says
    why (errors only, in file order)."""

    ok: bool
    seconds: float
    runner: Runner | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fell_back_from: str | None = None

    def summary(self) -> str:
        """One line for a notice."""
        if not self.ok:
            count = len(self.problems)
            return f"the edited story has {count} error{'' if count == 1 else 's'}: still playing the last version that loaded"
        return f"story reloaded in {self.seconds * 1000:.0f} ms" + "".join(f"; {note}" for note in self.notes)


class LiveStory:
    """The folder of the story being played, what its files looked like at the last reload, and
    the reload itself. `watch` makes the front ends reload on every save."""

    def __init__(self, folder: Path, display: str, *, watch: bool = False, clock=time.monotonic):
        self.folder = Path(folder)
        self.display = display
        self.watch = watch
        self.clock = clock
        self.loaded = story_files(self.folder)
        self.pending: dict | None = None
        self.next_poll = 0.0

    def changed(self) -> bool:
        """True when a story file differs from the last reload (the terminal asks before each prompt)."""
        return story_files(self.folder) != self.loaded

    def poll(self) -> bool:
        """For a frame loop: at most every POLL_SECONDS, True once the files have changed and then
        stayed the same for one poll, so a file caught half-written is not loaded."""
        now = self.clock()
        if not self.watch or now < self.next_poll:
            return False
        self.next_poll = now + POLL_SECONDS
        files = story_files(self.folder)
        if files == self.loaded:
            self.pending = None
            return False
        settled = files == self.pending
        self.pending = files
        return settled

    def reload(self, runner: Runner) -> Reload:
        """Load the folder again and carry `runner`'s playthrough over to it."""
        started = time.perf_counter()
        self.loaded, self.pending = story_files(self.folder), None
        result = load_story(self.folder, self.display)
        if not result.ok:
            return Reload(False, time.perf_counter() - started, problems=sorted(result.problems.errors, key=_file_order))
        reloaded = reload_runner(runner, result.story)
        return Reload(True, time.perf_counter() - started, reloaded.runner, reloaded.notes, fell_back_from=reloaded.fell_back_from)


def _file_order(problem: Problem):
    return (problem.place.path, problem.place.line, problem.place.column)
