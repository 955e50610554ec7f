"""The endings gallery: which endings a player has reached, kept across playthroughs as JSON."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from .engine.atomic import write_json_atomic

GALLERY_VERSION = 1
PLAYTHROUGHS_KEPT = 200  # seeds of the playthroughs that reached an ending, so each counts once


class Gallery:
    """Endings reached for one story; a corrupt file is set aside, never deleted."""

    def __init__(self, path: Path, story_id: str):
        self.path = Path(path)
        self.story_id = story_id
        self.endings: dict[str, dict] = {}
        self.notice = ""
        self._load()

    def _load(self) -> None:
        if not self.path.is_file():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            endings = data.get("endings", {}) if isinstance(data, dict) else None
            if not isinstance(endings, dict):
                raise ValueError("no endings in it")
            self.endings = {k: v for k, v in endings.items() if isinstance(v, dict)}
        except (OSError, ValueError, UnicodeDecodeError, AttributeError) as exc:
            aside = self.path.with_name(self.path.stem + ".unreadable.json")
            try:
                self.path.replace(aside)
            except OSError:
                pass
            self.notice = f"the endings gallery {self.path} could not be read ({exc}); started a new one"

    def has(self, ending_id: str) -> bool:
        return ending_id in self.endings

    def record(self, ending_id: str, title: str, playthrough: int | None = None) -> bool:
        """Note that an ending was reached; True when it is new to the gallery. An ending counts
        once per playthrough (its seed): loading, continuing or undoing back to it again does not."""
        new = ending_id not in self.endings
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        entry = self.endings.setdefault(ending_id, {"title": title, "first_reached": now, "times": 0})
        seen = [s for s in entry.get("playthroughs", []) if isinstance(s, int)]
        if playthrough is not None and playthrough in seen:
            return new
        if playthrough is not None:
            entry["playthroughs"] = (seen + [playthrough])[-PLAYTHROUGHS_KEPT:]
        entry["times"] = int(entry.get("times", 0)) + 1
        try:
            write_json_atomic(self.path, {"version": GALLERY_VERSION, "story": self.story_id, "endings": self.endings})
        except OSError as exc:
            self.notice = f"the endings gallery could not be saved: {exc.strerror or exc}"
        return new
