"""Replay files: a start, a seed and a list of moves that `face-value play --replay FILE`
plays to reach a point of the story (an ending explore found, the scene a playtest run failed
at). JSON, versioned, written atomically; moves are named by scene and choice index, so a
replay says clearly where it stops matching a story that has changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import safeio
from .atomic import write_json_atomic
from .runner import Phase, Runner, RunnerError, StoryRuntimeError
from .state import GameState, Step

REPLAY_FORMAT = "face-value-replay"
REPLAY_VERSION = 1
MAX_REPLAY_BYTES = 8 * 1024 * 1024
SEED_TRIES = 200_000


class ReplayError(Exception):
    """A replay file that cannot be read, or that no longer fits the story; names the file."""

    def __init__(self, path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class Replay:
    """Where to begin (the story's start or a chapter's), the seed of the random rolls, and the moves."""

    story: str
    seed: int
    steps: list[Step]
    chapter: int | None = None
    note: str = ""
    target: str = ""  # the scene the replay should end in, when known
    extra: dict = field(default_factory=dict)
    start: str | None = None  # the chapter's named start, when not its middle path

    def to_json(self) -> dict:
        named = {"start": self.start} if self.start else {}
        return {
            "format": REPLAY_FORMAT, "version": REPLAY_VERSION, "story": self.story, "seed": self.seed,
            "chapter": self.chapter, **named, "target": self.target, "note": self.note,
            "steps": [step.to_json() for step in self.steps], **self.extra,
        }


def write_replay(path: Path, replay: Replay) -> None:
    write_json_atomic(Path(path), replay.to_json())


def read_replay(path: Path) -> Replay:
    """Read a replay file; raises ReplayError with a one-line reason."""
    path = Path(path)
    try:  # untrusted like a save: a regular file, bounded, no NaN, limited nesting
        raw = safeio.read_bounded(path, MAX_REPLAY_BYTES)
    except safeio.UnsafeRead as exc:
        raise ReplayError(path, f"cannot read the file: {exc.message}") from None
    try:
        document = safeio.parse_json(raw)
    except safeio.UnsafeRead as exc:
        raise ReplayError(path, f"not a replay file ({exc.message})") from None
    if not isinstance(document, dict) or document.get("format") != REPLAY_FORMAT:
        raise ReplayError(path, "not a replay file (made by 'face-value explore --replays' or 'playtest --replays')")
    version = document.get("version")
    if not isinstance(version, int) or version > REPLAY_VERSION:
        raise ReplayError(path, f"the replay was made by a newer version of the game (replay format {version}; this game reads up to {REPLAY_VERSION})")
    try:
        steps = [Step(str(s["scene"]), _whole(s["choice"]), str(s.get("text", ""))) for s in document["steps"]]
        chapter, start = document.get("chapter"), document.get("start")
        return Replay(
            str(document["story"]), _whole(document["seed"]), steps,
            None if chapter is None else _whole(chapter), str(document.get("note", "")), str(document.get("target", "")),
            start=None if start is None else str(start),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ReplayError(path, f"the replay is damaged ({type(exc).__name__}: {exc})") from None


def _whole(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def play_replay(runner: Runner, replay: Replay, path="replay") -> None:
    """Start the runner where the replay starts and make its moves; raises ReplayError at the
    first move the story no longer offers."""
    story = runner.story
    if replay.story != story.id:
        raise ReplayError(path, f"this replay is for the story '{replay.story}', not '{story.id}'")
    try:
        if replay.chapter is not None:
            runner.start_chapter(replay.chapter, seed=replay.seed, start=replay.start)
        else:
            runner.restart(seed=replay.seed)
        for number, step in enumerate(replay.steps, start=1):
            _make_move(runner, step, number, path)
    except (RunnerError, StoryRuntimeError) as exc:
        raise ReplayError(path, f"the replay no longer fits the story: {exc}") from None


def _make_move(runner: Runner, step: Step, number: int, path) -> None:
    turn = runner.turn
    if turn.scene.id != step.scene:
        raise ReplayError(path, f"move {number} expects scene '{step.scene}' but the story is at '{turn.scene.id}' (the story or its random rolls have changed)")
    if step.choice < 0:
        if turn.phase is not Phase.CONTINUING:
            raise ReplayError(path, f"move {number} continues from scene '{step.scene}', which now offers choices")
        runner.proceed()
        return
    view = next((c for c in turn.choices if c.index == step.choice), None)
    if view is None:
        raise ReplayError(path, f"move {number}: choice {step.choice + 1} of scene '{step.scene}' is not offered now")
    runner.choose(view.number)


def replay_of(state: GameState, story_id: str, note: str = "") -> Replay:
    """The replay of a playthrough so far (its seed and history), for example a failing
    playtest run."""
    return Replay(story_id, state.seed, list(state.history), state.chapter, note, state.scene)


def seed_for(draws: list[tuple[int, int, int]], tries: int = SEED_TRIES) -> int | None:
    """A seed whose first random rolls are the given (low, high, value) ones, found by trying
    seeds in order with the game's own draw; None if none of the first `tries` does."""
    if not draws:
        return 0
    for seed in range(tries):
        state = GameState.begin("", {}, seed)
        if all(state.draw(low, high) == value for low, high, value in draws):
            return seed
    return None
