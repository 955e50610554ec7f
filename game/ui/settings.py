"""Player settings: a versioned JSON file in the per-user folder, written atomically.

The file is read as untrusted (safeio: a regular file, bounded, no NaN, limited nesting). One
setting of the wrong type or value falls back to its default; a file that is not a JSON object
at all is set aside (renamed, never deleted) and every setting takes its default. Either way
the window opens, with a one-line notice."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..engine import safeio
from ..engine.atomic import remove_stale_temps, set_aside, write_json_atomic

SETTINGS_VERSION = 1
MAX_SETTINGS_BYTES = 64 * 1024
TEXT_SPEEDS = {"slow": 30, "normal": 60, "fast": 140, "instant": 0}  # characters per second; 0 = at once
TEXT_SIZES = (0.8, 0.9, 1.0, 1.15, 1.3)
FONTS = ("default", "dyslexic")
THEMES = ("default", "high_contrast")


@dataclass
class Settings:
    text_speed: str = "normal"
    text_size: int = 2          # index into TEXT_SIZES
    font: str = "default"
    theme: str = "default"
    reduced_motion: bool = False
    music_volume: int = 7       # 0..10
    sound_volume: int = 8       # 0..10
    fullscreen: bool = False
    session_records: bool = True  # a session file per playthrough, kept on this computer
    think_notes: bool = False     # discussion prompts as a quiet note after the choice
    self_voicing: bool = False    # read the screen aloud through the system's speech engine (V)

    @property
    def chars_per_second(self) -> int:
        return 0 if self.reduced_motion else TEXT_SPEEDS[self.text_speed]

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    def to_json(self) -> dict:
        return {"version": SETTINGS_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict, rejected: list[str] | None = None) -> "Settings":
        """Known, valid keys are taken; anything else keeps its default (the names of known
        keys whose value was not valid are added to `rejected`)."""
        settings = cls()
        for spec in fields(cls):
            if spec.name in data:
                value = data[spec.name]
                if _valid(spec.name, value):
                    setattr(settings, spec.name, value)
                elif rejected is not None:
                    rejected.append(spec.name)
        return settings

    def set_from_text(self, key: str, text: str) -> None:
        """Set one setting from `key=value` text (for `face-value shot --settings`)."""
        names = {spec.name: spec for spec in fields(self)}
        if key not in names:
            raise ValueError(f"unknown setting '{key}' (settings: {', '.join(names)})")
        current = getattr(self, key)
        if isinstance(current, bool):
            value = {"true": True, "on": True, "1": True, "false": False, "off": False, "0": False}.get(text.lower())
        elif isinstance(current, int):
            value = int(text) if text.lstrip("-").isdigit() else None
        else:
            value = text
        if value is None or not _valid(key, value):
            raise ValueError(f"'{text}' is not a valid value for {key}")
        setattr(self, key, value)


def _valid(name: str, value) -> bool:
    checks = {
        "text_speed": lambda v: isinstance(v, str) and v in TEXT_SPEEDS,
        "text_size": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(TEXT_SIZES),
        "font": lambda v: isinstance(v, str) and v in FONTS,
        "theme": lambda v: isinstance(v, str) and v in THEMES,
        "reduced_motion": lambda v: isinstance(v, bool),
        "music_volume": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10,
        "sound_volume": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10,
        "fullscreen": lambda v: isinstance(v, bool),
        "session_records": lambda v: isinstance(v, bool),
        "think_notes": lambda v: isinstance(v, bool),
        "self_voicing": lambda v: isinstance(v, bool),
    }
    return checks[name](value)


class SettingsFile:
    """Loads and saves settings; a corrupt file is set aside (never deleted) and defaults used."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.notice = ""

    def load(self) -> Settings:
        remove_stale_temps(self.path.parent)
        if not os.path.lexists(self.path):
            return Settings()
        try:
            data = safeio.read_json(self.path, MAX_SETTINGS_BYTES)
            if not isinstance(data, dict):
                raise safeio.UnsafeRead("it is not a JSON object")
        except safeio.UnsafeRead as exc:
            aside = set_aside(self.path)
            kept = f"kept as {aside.name}" if aside else "it could not be moved aside"
            self.notice = f"settings file {self.path} could not be read ({exc.message}); {kept}, using defaults"
            return Settings()
        rejected: list[str] = []
        settings = Settings.from_json(data, rejected)
        if rejected:
            self.notice = f"settings file {self.path}: {', '.join(rejected)} had a value that is not valid; using the default"
        return settings

    def save(self, settings: Settings) -> None:
        try:
            write_json_atomic(self.path, settings.to_json())
        except OSError as exc:
            self.notice = f"settings could not be saved: {exc.strerror or exc}"
