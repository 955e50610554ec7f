"""Session records: one JSON file per playthrough in the per-user data folder, written atomically.

A record holds a random session id, an optional nickname, the chapter, every choice with its
time (and the room's votes), the endings and the measures over time. Nothing else about the
player, and nothing leaves the machine."""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__, paths
from ..engine import safeio
from ..engine.atomic import write_json_atomic

RECORD_FORMAT = "face-value-session"
RECORD_VERSION = 1
NICKNAME_LIMIT = 24
MAX_RECORD_BYTES = 4 * 1024 * 1024


class RecordError(Exception):
    """A session file that cannot be used: says which file and why, in one line."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def sessions_dir() -> Path:
    return paths.user_data_dir() / "sessions"


def clean_nickname(text: str) -> str:
    """A nickname as kept: printable characters only, trimmed, at most 24 characters."""
    spaced = " ".join(text.split())
    kept = "".join(ch for ch in spaced if ch.isprintable() and ch not in "\\/")
    return " ".join(kept.split())[:NICKNAME_LIMIT]


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Recorder:
    """Writes the record of one playthrough as it goes. `folder=None` means records are off:
    every call is then a no-op. Front ends call begin, then chose/proceeded/undone/arrived."""

    story: object
    folder: Path | None
    mode: str = "single"
    nickname: str = ""
    clock: object = time.time
    document: dict = field(default_factory=dict)
    path: Path | None = None
    notice: str = ""
    road: int = 0
    _started: float = 0.0
    _arrival: tuple | None = None  # the last arrival recorded, so one arrival is kept once
    allowed: object = None  # a callable asked before each write (the window's setting), or None

    @property
    def enabled(self) -> bool:
        return self.folder is not None and (self.allowed is None or bool(self.allowed()))

    def begin(self, runner, chapter: int | None = None, start: str | None = None) -> None:
        """A new playthrough: a fresh session id and file (`start`: the chapter's named start)."""
        if not self.enabled:
            return
        self._started = self.clock()
        session_id = secrets.token_hex(6)
        self.road = 0
        self.document = {
            "format": RECORD_FORMAT, "version": RECORD_VERSION, "game_version": __version__,
            "session": session_id, "story": self.story.id, "story_title": self.story.title,
            "mode": self.mode, "nickname": clean_nickname(self.nickname), "chapter": chapter,
            "started": _iso(self._started), "updated": _iso(self._started),
            "measures_shown": [{"variable": m.variable, "label": m.label, "low": m.low, "high": m.high} for m in self.story.measures],
            "choices": [], "endings": [], "chapter_ends": [], "roads": [],
            "measures": [],
        }
        if start is not None:
            self.document["start"] = start
        stamp = datetime.fromtimestamp(self._started, timezone.utc).strftime("%Y%m%d-%H%M%S")
        self.path = self.folder / f"{self.story.id}-{stamp}-{session_id}.json"
        self._measures(runner)
        self.write()

    def set_nickname(self, text: str) -> None:
        if self.enabled and self.document:
            self.document["nickname"] = clean_nickname(text)
            self.write()

    # --- events -------------------------------------------------------------------------

    def _when(self) -> dict:
        now = self.clock()
        return {"at": _iso(now), "seconds": round(now - self._started, 1)}

    def _measures(self, runner) -> None:
        values = runner.state.variables
        self.document["measures"].append({
            **self._when(), "step": len(runner.state.history), "road": self.road,
            "values": {m.variable: values[m.variable] for m in self.story.measures},
        })

    def chose(self, runner, turn, number: int, votes: list[int] | None = None, decided_by: str = "player") -> None:
        """After runner.choose(number) from `turn`: the choice, the options and the votes."""
        if not self.enabled or not self.document:
            return
        view = turn.choices[number - 1]
        self._arrival = None
        entry = {
            **self._when(), "step": len(runner.state.history) - 1, "road": self.road,
            "scene": turn.scene.id, "scene_title": turn.scene.title, "chapter": turn.scene.chapter,
            "choice": view.index, "number": number, "text": view.text,
            "options": [{"index": c.index, "text": c.text} for c in turn.choices],
            "prompts": list(turn.discuss), "decided_by": decided_by,
        }
        if votes is not None:
            entry["votes"] = list(votes)
        self.document["choices"].append(entry)
        self._measures(runner)
        self.write()

    def proceeded(self, runner) -> None:
        if self.enabled and self.document:
            last = self.document["measures"][-1]["values"] if self.document["measures"] else None
            values = {m.variable: runner.state.variables[m.variable] for m in self.story.measures}
            if values != last:
                self._measures(runner)
                self.write()

    def undone(self, runner) -> None:
        """Choices beyond the runner's history now are marked undone (kept: they happened)."""
        if not self.enabled or not self.document:
            return
        self._arrival = None
        steps = len(runner.state.history)
        for entry in self.document["choices"]:
            if entry["road"] == self.road and entry["step"] >= steps and not entry.get("undone"):
                entry["undone"] = True
        self._measures(runner)
        self.write()

    def arrived(self, turn, chapter_end: int | None = None) -> None:
        """At an ending, or at the end of the chapter being played (once per arrival)."""
        if not self.enabled or not self.document:
            return
        key = (self.road, turn.scene.id, chapter_end)
        if key == self._arrival:
            return
        self._arrival = key
        if chapter_end is not None:
            self.document["chapter_ends"].append({**self._when(), "road": self.road, "chapter": chapter_end, "next_scene": turn.scene.id})
        elif turn.ending is not None:
            entry = {**self._when(), "road": self.road, "id": turn.ending.id, "title": turn.ending.title, "scene": turn.scene.id}
            self.document["endings"].append(entry)
        else:
            return
        self.write()

    def road_begins(self, step: int, scene_id: str) -> None:
        """The facilitator went back to the choice at `step` to play the other branch."""
        if not self.enabled or not self.document:
            return
        self.road += 1
        self._arrival = None
        self.document["roads"].append({**self._when(), "road": self.road, "from_step": step, "scene": scene_id})
        self.write()

    def road_ends(self) -> None:
        if self.enabled and self.document:
            self.road = 0
            self._arrival = None
            self.write()

    # --- the file ---------------------------------------------------------------------------

    def write(self) -> None:
        if self.path is None or not self.enabled:
            return
        self.document["updated"] = _iso(self.clock())
        try:
            write_json_atomic(self.path, self.document)
        except OSError as exc:
            self.notice = f"the session record could not be written: {exc.strerror or exc}"


def records_on(data_dir: Path | None = None) -> bool:
    """The `session_records` setting from settings.json (on unless it is false). An unreadable
    file counts as the default here; the window sets it aside when it opens."""
    path = (data_dir or paths.user_data_dir()) / "settings.json"
    if not os.path.lexists(path):
        return True
    try:
        data = safeio.read_json(path, 64 * 1024)
    except safeio.UnsafeRead:
        return True
    return not (isinstance(data, dict) and data.get("session_records") is False)


def read_record(path: Path, story_id: str | None = None) -> dict:
    """A session file, checked: its format, version, story, and the shape the tools read.
    Raises RecordError with a one-line reason."""
    path = Path(path)
    try:
        raw = safeio.read_bounded(path, MAX_RECORD_BYTES)
    except safeio.UnsafeRead as exc:
        raise RecordError(path, exc.message.removeprefix("it is ")) from None
    try:
        data = safeio.parse_json(raw)
    except safeio.UnsafeRead as exc:
        raise RecordError(path, exc.message.removeprefix("it is ")) from None
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        raise RecordError(path, "not a Face Value session file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError(path, "has no version number")
    if version != RECORD_VERSION:
        raise RecordError(path, f"is version {version}; this game reads version {RECORD_VERSION}")
    if story_id is not None and data.get("story") != story_id:
        raise RecordError(path, f"is from another story ('{data.get('story')}', not '{story_id}')")
    _check_shape(path, data)
    return data


def _check_shape(path: Path, data: dict) -> None:
    for key in ("choices", "endings", "measures", "chapter_ends", "roads"):
        if not isinstance(data.get(key), list) or not all(isinstance(item, dict) for item in data[key]):
            raise RecordError(path, f"'{key}' is not a list of entries")
    for key in ("session", "started", "mode"):
        if not isinstance(data.get(key), str):
            raise RecordError(path, f"'{key}' is missing or not a text")
    if not isinstance(data.get("nickname", ""), str) or not (data.get("chapter") is None or _whole(data.get("chapter"))):
        raise RecordError(path, "'nickname' or 'chapter' has the wrong type")
    for number, entry in enumerate(data["choices"], 1):
        options = entry.get("options")
        if not isinstance(entry.get("scene"), str) or not isinstance(entry.get("text"), str) or not isinstance(options, list):
            raise RecordError(path, f"choice {number} is missing its scene, text or options")
        if not all(isinstance(o, dict) and isinstance(o.get("text"), str) and isinstance(o.get("index"), int) for o in options):
            raise RecordError(path, f"choice {number} has a malformed option")
        votes = entry.get("votes")
        if votes is not None and (not isinstance(votes, list) or len(votes) != len(options) or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in votes)):
            raise RecordError(path, f"choice {number} has votes that do not match its options")
    for number, entry in enumerate(data["measures"], 1):
        values = entry.get("values")
        if not isinstance(values, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values.values()):
            raise RecordError(path, f"measure entry {number} is malformed")
    for number, entry in enumerate(data["endings"], 1):
        if not isinstance(entry.get("id"), str) or not isinstance(entry.get("title"), str):
            raise RecordError(path, f"ending {number} is malformed")


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def list_records(folder: Path | None = None) -> list[Path]:
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")), key=_changed)


def _changed(path: Path) -> float:
    """When a file last changed; a dangling link or a vanished file sorts first, not a crash."""
    try:
        return os.path.getmtime(path)
    except OSError:
        return 0.0
