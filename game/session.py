"""A playthrough as the window sees it: the runner, its saves, autosave and the endings gallery."""

from __future__ import annotations

import random
from typing import Callable

from .engine import AUTOSAVE, LoadedSave, Moment, Runner, SaveError, SaveStore, Story
from .classroom.record import Recorder
from .gallery import Gallery

SAVE_SLOTS = [str(n) for n in range(1, 10)]


class Session:
    """Owns one Runner and what happens around a move (autosave, gallery). No pygame here."""

    def __init__(self, story: Story, store: SaveStore, gallery: Gallery, thumbnail: Callable[[], bytes | None] = lambda: None):
        self.story = story
        self.store = store
        self.gallery = gallery
        self.thumbnail = thumbnail
        self.runner = Runner(story, seed=random.randrange(2**31))
        self.notice = ""
        self.recorded_ending: str | None = None
        self.ending_was_new = False
        self.recorder = Recorder(story, None)  # the App puts a real one here unless records are off
        self.lesson = None  # a classroom.lesson.Lesson while a class plays

    # --- starting -------------------------------------------------------------------

    def new_game(self, seed: int | None = None) -> None:
        self.runner.restart(seed=random.randrange(2**31) if seed is None else seed)
        self.recorded_ending = None
        self.recorder.begin(self.runner)

    def start_chapter(self, number: int, seed: int | None = None, start: str | None = None) -> None:
        self.runner.start_chapter(number, seed=random.randrange(2**31) if seed is None else seed, start=start)
        self.recorded_ending = None
        self.recorder.begin(self.runner, number, start)

    def start_at(self, scene: str | None, values: dict, chapter: int | None = None, seed: int | None = None) -> None:
        """Begin at any scene with values over the defaults (the writer's "test from here")."""
        self.runner.restart(seed=random.randrange(2**31) if seed is None else seed, scene=scene, values=values, chapter=chapter)
        self.recorded_ending = None

    def load(self, slot: str) -> LoadedSave:
        """Load a slot; raises SaveError naming the file. Notes are kept in `notice`."""
        loaded = self.store.read(slot)
        notes = loaded.notes + self.runner.restore(loaded.state)
        self.notice = "; ".join(notes)
        self.recorded_ending = None
        self.recorder.begin(self.runner, self.runner.state.chapter)
        return loaded

    def adopt(self, runner: Runner) -> None:
        """Play on with `runner`, whose story is an edited version of this one (a live reload)."""
        self.runner = runner
        self.story = runner.story
        self.store.story = runner.story

    # --- moves ------------------------------------------------------------------------

    def choose(self, number: int) -> None:
        turn = self.runner.turn
        self.runner.choose(number)
        self.recorder.chose(self.runner, turn, number)
        self.autosave()

    def proceed(self) -> None:
        self.runner.proceed()
        self.recorder.proceeded(self.runner)
        self.autosave()

    def undo(self) -> bool:
        moved = self.runner.undo()
        if moved:
            self.recorded_ending = None
            self.recorder.undone(self.runner)
            self.autosave()
        return moved

    # --- saving -------------------------------------------------------------------------

    def info(self) -> dict:
        scene = self.story.scenes[self.runner.state.scene]
        chapter = self.story.chapter(scene.chapter) if scene.chapter else None
        return {
            "scene": scene.id, "scene_title": scene.title,
            "chapter": chapter.number if chapter else None, "chapter_title": chapter.title if chapter else "",
            "ending_title": scene.ending.title if scene.ending else "",
            "steps": len(self.runner.state.history),
        }

    def save(self, slot: str) -> None:
        self.store.write(slot, self.runner.state, self.info(), self.thumbnail())

    def autosave(self) -> None:
        try:
            self.store.write(AUTOSAVE, self.runner.state, self.info(), self.thumbnail())
        except SaveError as exc:
            self.notice = f"autosave failed: {exc}"

    def has_autosave(self) -> bool:
        return self.store.path(AUTOSAVE).is_file()

    # --- endings ------------------------------------------------------------------------

    def record_ending(self) -> bool:
        """Put the current ending in the gallery once per arrival; True when it is new."""
        ending = self.runner.turn.ending
        if ending is None:
            return False
        if self.recorded_ending == ending.id:
            return False
        self.recorded_ending = ending.id
        self.recorder.arrived(self.runner.turn)
        self.ending_was_new = self.gallery.record(ending.id, ending.title, self.runner.state.seed)
        return self.ending_was_new

    def timeline(self) -> list[Moment]:
        return self.runner.transcript()

    def key_choices(self, moments: list[Moment]) -> list[str]:
        """The choices that changed something the story remembers (not only a measure)."""
        measured = {m.variable for m in self.story.measures}
        result = []
        for before, after in zip(moments, moments[1:]):
            step = before.step
            if step is None or step.choice < 0:
                continue
            changed = {k for k, v in after.variables.items() if before.variables.get(k) != v}
            if changed - measured:
                result.append(step.text)
        return result
