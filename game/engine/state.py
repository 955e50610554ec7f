"""Game state: everything that changes during play, kept apart from story content; plain JSON."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .expr import EvalError


def check_draw(low: int, high: int) -> None:
    """random(low, high) needs low <= high (the explorer draws through this check too)."""
    if low > high:
        raise EvalError(f"random({low}, {high}): the low end is above the high end")


@dataclass(frozen=True)
class Step:
    """One move the player made: a choice (its index in the scene) or a continue (choice = -1)."""

    scene: str
    choice: int
    text: str = ""

    def to_json(self) -> dict:
        return {"scene": self.scene, "choice": self.choice, "text": self.text}


@dataclass
class Origin:
    """Where this playthrough began (the start, or a chapter start); undo replays from here."""

    scene: str
    variables: dict
    visits: dict = field(default_factory=dict)
    draws: int = 0
    stage: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"scene": self.scene, "variables": dict(self.variables), "visits": dict(self.visits), "draws": self.draws, "stage": dict(self.stage)}


@dataclass
class GameState:
    """The whole mutable state of one playthrough."""

    scene: str
    variables: dict
    origin: Origin
    visits: dict = field(default_factory=dict)
    seed: int = 0
    draws: int = 0
    history: list[Step] = field(default_factory=list)
    chapter: int | None = None
    stage: dict = field(default_factory=dict)  # background and music on stage now (asset names)

    @classmethod
    def begin(cls, scene: str, variables: dict, seed: int, chapter: int | None = None) -> "GameState":
        """A fresh state about to enter `scene` (the runner enters it)."""
        return cls(scene, dict(variables), Origin(scene, dict(variables)), {}, seed, 0, [], chapter)

    def draw(self, low: int, high: int) -> int:
        """A seeded random whole number in [low, high]; the same state always draws the same."""
        check_draw(low, high)
        value = random.Random(self.seed * 1_000_003 + self.draws).randint(low, high)
        self.draws += 1
        return value

    def rewound(self) -> "GameState":
        """A copy of this state put back at its origin, with no steps taken."""
        origin = self.origin
        return GameState(origin.scene, dict(origin.variables), origin, dict(origin.visits), self.seed, origin.draws, [], self.chapter, dict(origin.stage))

    def mark_origin(self) -> None:
        """Make the state as it is now the point undo returns to."""
        self.origin = Origin(self.scene, dict(self.variables), dict(self.visits), self.draws, dict(self.stage))

    def to_json(self) -> dict:
        return {
            "scene": self.scene,
            "variables": dict(self.variables),
            "visits": dict(self.visits),
            "seed": self.seed,
            "draws": self.draws,
            "chapter": self.chapter,
            "history": [step.to_json() for step in self.history],
            "stage": dict(self.stage),
            "origin": self.origin.to_json(),
        }
