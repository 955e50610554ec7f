"""A classroom playthrough over one Runner: the room's vote decides each choice, a chapter
started on its own stops at its end, and the facilitator can go back to any earlier choice
to play the road not taken, then return. The window and the terminal both drive this."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ..engine import Phase, Runner
from .record import Recorder
from .votes import Tally


@dataclass(frozen=True)
class ChoicePoint:
    """An earlier choice of this session's path: where going back would land."""

    step: int
    scene_title: str
    taken: str
    others: tuple[str, ...]


class Lesson:
    def __init__(self, runner: Runner, recorder: Recorder, chapter: int | None = None, start: str | None = None):
        self.runner = runner
        self.recorder = recorder
        self.chapter = chapter
        self.start_name = start  # one of the chapter's named starts, or None for its middle path
        self.main_state = None  # the class's own path, kept while a road not taken is played
        self.discussion_seconds = 120  # the countdown a discussion card offers (0: none)

    def start(self, seed: int = 0) -> None:
        if self.chapter is None:
            self.runner.restart(seed=seed)
        else:
            self.runner.start_chapter(self.chapter, seed=seed, start=self.start_name)
        self.main_state = None
        self.recorder.begin(self.runner, self.chapter, self.start_name)

    @property
    def turn(self):
        return self.runner.turn

    @property
    def chapter_over(self) -> bool:
        """A chapter played on its own is over once the story moves past it."""
        return self.chapter is not None and self.runner.turn.scene.chapter != self.chapter

    @property
    def finished(self) -> bool:
        return self.chapter_over or self.runner.turn.phase is Phase.ENDED

    @property
    def on_road(self) -> bool:
        return self.main_state is not None

    # --- moves ---------------------------------------------------------------------------

    def choose(self, number: int, votes: list[int] | None = None, decided_by: str = "facilitator") -> None:
        turn = self.runner.turn
        self.runner.choose(number)
        self.recorder.chose(self.runner, turn, number, votes, decided_by)
        self._arrive()

    def decide(self, tally: Tally, pick: int | None = None) -> bool:
        """Continue with the majority's option; on a tie only with the facilitator's `pick`
        (one of the tied options). False when a pick is still needed."""
        winner = tally.winner
        if winner is not None:
            self.choose(winner, tally.counts if tally.total else None, "majority")
            return True
        if pick is None or pick not in tally.leaders():
            return False
        self.choose(pick, tally.counts if tally.total else None, "tie: facilitator" if tally.total else "facilitator")
        return True

    def proceed(self) -> None:
        self.runner.proceed()
        self.recorder.proceeded(self.runner)
        self._arrive()

    def undo(self) -> bool:
        moved = self.runner.undo()
        if moved:
            self.recorder.undone(self.runner)
        return moved

    def _arrive(self) -> None:
        if self.chapter_over:
            self.recorder.arrived(self.runner.turn, chapter_end=self.chapter)
        elif self.runner.turn.phase is Phase.ENDED:
            self.recorder.arrived(self.runner.turn)

    # --- the road not taken ------------------------------------------------------------------

    def choice_points(self) -> list[ChoicePoint]:
        """Every choice on the class's own path that had another option."""
        state = self.main_state or self.runner.state
        replay = Runner(self.runner.story, state.rewound())
        points = []
        for number, step in enumerate(state.history):
            turn = replay.turn
            if step.choice >= 0 and len(turn.choices) > 1:
                others = tuple(c.text for c in turn.choices if c.index != step.choice)
                points.append(ChoicePoint(number, turn.scene.title, step.text, others))
            replay.proceed() if step.choice < 0 else replay.choose(next(c.number for c in turn.choices if c.index == step.choice))
        return points

    def take_other_road(self, step: int) -> None:
        """Go back to the choice at `step` of the class's path; the class's path is kept."""
        if self.main_state is None:
            self.main_state = copy.deepcopy(self.runner.state)
        else:
            self.runner.restore(copy.deepcopy(self.main_state))
        while len(self.runner.state.history) > step:
            self.runner.undo()
        self.recorder.road_begins(step, self.runner.state.scene)

    def return_to_path(self) -> None:
        """Back to where the class's own path had got to."""
        if self.main_state is None:
            return
        self.runner.restore(self.main_state)
        self.main_state = None
        self.recorder.road_ends()
