"""Checkpoints of one playthrough every few moves, so undo replays a few moves, not the whole history."""

from __future__ import annotations

from dataclasses import dataclass
from operator import is_

from .state import GameState, Step

EVERY = 16  # moves between checkpoints: undo replays at most EVERY - 1 moves


@dataclass(frozen=True)
class Snapshot:
    """The state after the first `moves` moves of a history (copies: the state goes on changing)."""

    moves: int
    scene: str
    variables: dict
    visits: dict
    draws: int
    stage: dict


class Checkpoints:
    """Snapshots along the runner's current history from one origin. Each was taken from the live
    state after a move, which is what replaying the moves from the origin gives (the moves are
    deterministic, random draws included), so replaying on from one is exact."""

    def __init__(self) -> None:
        self.origin = None
        self.history: list[Step] = []
        self.taken: list[Snapshot] = []

    def reset(self, state: GameState | None = None) -> None:
        """Forget every snapshot; begin again for `state` (its origin and its history list)."""
        self.origin = state.origin if state is not None else None
        self.history = state.history if state is not None else []
        self.taken = []

    def after_move(self, state: GameState) -> None:
        if state.origin is not self.origin:  # a new origin (a chapter start, set_variable): begin again
            self.reset(state)
        moves = len(state.history)
        if moves % EVERY:
            return
        if self.taken and self.taken[-1].moves >= moves:
            self.drop_after(moves - 1)
        self.history = state.history
        self.taken.append(Snapshot(moves, state.scene, dict(state.variables), dict(state.visits), state.draws, dict(state.stage)))

    def drop_after(self, moves: int) -> None:
        while self.taken and self.taken[-1].moves > moves:
            self.taken.pop()

    def nearest(self, state: GameState, steps: list[Step]) -> Snapshot | None:
        """The latest snapshot on the way to playing `steps` from `state`'s origin: taken from the
        same origin, after moves that are these very steps (the same objects)."""
        if state.origin is not self.origin:
            return None
        for snapshot in reversed(self.taken):
            k = snapshot.moves
            if k <= len(steps) and k <= len(self.history) and (steps is self.history or all(map(is_, steps[:k], self.history[:k]))):
                return snapshot
        return None

    @staticmethod
    def state_at(snapshot: Snapshot, state: GameState, steps: list[Step]) -> GameState:
        """A state as it was after the snapshot's moves (`steps` are the moves, from `state`'s origin)."""
        return GameState(snapshot.scene, dict(snapshot.variables), state.origin, dict(snapshot.visits), state.seed,
                         snapshot.draws, list(steps[:snapshot.moves]), state.chapter, dict(snapshot.stage))
