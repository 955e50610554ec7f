"""Finding a story's art and sound files by name, and telling real files from junk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import safeio
from .checker import ID_PATTERN, did_you_mean

# Each presentation key looks in its own folder of the assets root, for these file types.
KINDS = {
    "background": ("backgrounds", (".png", ".jpg", ".jpeg")),
    "portrait": ("portraits", (".png", ".jpg", ".jpeg")),
    "music": ("music", (".ogg", ".wav")),
    "sound": ("sound", (".ogg", ".wav")),
}
MAX_NAME = 255  # characters in an asset name, folders included
# A portrait's other faces sit in a folder named after it: portraits/tang_yue.png is her
# neutral face, portraits/tang_yue/worried.png her `mood: worried`.
NEUTRAL = "neutral"
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".ogg": (b"OggS",),
    ".wav": (b"RIFF",),
}


def resolve_inside(root: Path | str | None, name) -> Path | None:
    """The file an asset name stands for under the assets folder `root`, or None when the name
    cannot be one: not text, empty, longer than MAX_NAME, a NUL or backslash, absolute, a '.' or
    '..' part, or a path that (symlinks followed) leaves `root`. It never says whether a file
    exists, so a story or a save cannot use it to probe the disk outside its folders. The
    loader checks story values with it, and the save loader the stage values of a save."""
    if root is None or not isinstance(name, str) or not name or len(name) > MAX_NAME:
        return None
    if "\x00" in name or "\\" in name or name.startswith("/") or ":" in name.split("/", 1)[0]:
        return None
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    try:
        if any(len(part.encode("utf-8")) > 255 for part in parts):
            return None
    except UnicodeEncodeError:  # a lone surrogate from a YAML or JSON escape
        return None
    path = Path(root) / name
    return path if safeio.inside(path, root) else None


@dataclass
class AssetLookup:
    """The result of looking a name up: the name as stored (relative to the assets root), or why not."""

    name: str | None
    problem: str = ""
    hint: str = ""


class AssetFinder:
    """Resolves `background: shop` to backgrounds/shop.png under the story's assets folder."""

    def __init__(self, root: Path | None):
        self.root = root

    def find(self, kind: str, name: str) -> AssetLookup:
        folder, suffixes = KINDS[kind]
        if self.root is None or not self.root.is_dir():
            return AssetLookup(None, f"the story has no assets folder (looked for {self.root})", "set assets: in story.yaml")
        if "/" in name or "." in name:
            candidates = [name]
        else:
            candidates = [f"{folder}/{name}{suffix}" for suffix in suffixes]
        for relative in candidates:
            path = resolve_inside(self.root, relative)
            if path is None:
                shown = name if len(name) <= 60 else f"{name[:40]}... ({len(name)} characters)"
                return AssetLookup(None, f"{kind} {shown!r} is not a file name inside the assets folder", f"name a file in {folder}/ of the assets folder, without '..' or a leading '/'")
            if path.is_file():
                return self._checked(relative, path, suffixes)
        known = sorted(p.stem for p in (self.root / folder).glob("*") if p.suffix.lower() in suffixes) if (self.root / folder).is_dir() else []
        hint = did_you_mean(name, known, f"files go in {folder}/ as {' or '.join(suffixes)}")
        return AssetLookup(None, f"{kind} '{name}' not found (no {candidates[0]} in {self.root.name}/)", hint)

    def mood(self, portrait: str, mood: str) -> AssetLookup:
        """The face of `portrait` (a name as stored, like portraits/tang_yue.png) in `mood`."""
        if mood == NEUTRAL:
            return AssetLookup(portrait)
        base = Path(portrait)
        folder = base.with_suffix("")
        suffixes = KINDS["portrait"][1]
        if ID_PATTERN.match(mood) and self.root is not None:
            for suffix in suffixes:
                relative = (folder / f"{mood}{suffix}").as_posix()
                path = resolve_inside(self.root, relative)
                if path is not None and path.is_file():
                    return self._checked(relative, path, suffixes)
        known = sorted({NEUTRAL} | self.moods(portrait))
        hint = did_you_mean(mood, known, f"{base.stem} has: {', '.join(known)}")
        return AssetLookup(None, f"'{base.stem}' has no '{mood}' face (no {folder.as_posix()}/{mood}.png)", hint)

    def moods(self, portrait: str) -> set[str]:
        """The moods a portrait has besides neutral: the pictures in the folder named after it."""
        folder = self.root / Path(portrait).with_suffix("") if self.root is not None else None
        if folder is None or not folder.is_dir():
            return set()
        return {p.stem for p in folder.iterdir() if p.suffix.lower() in KINDS["portrait"][1] and ID_PATTERN.match(p.stem)}

    def _checked(self, relative: str, path: Path, suffixes: tuple) -> AssetLookup:
        suffix = path.suffix.lower()
        if suffix not in suffixes:
            return AssetLookup(None, f"{relative} is not one of {', '.join(suffixes)}")
        try:
            with path.open("rb") as handle:
                head = handle.read(16)
        except OSError as exc:
            return AssetLookup(None, f"cannot read {relative}: {exc.strerror or exc}")
        if not any(head.startswith(sig) for sig in _SIGNATURES[suffix]):
            return AssetLookup(None, f"{relative} is not a real {suffix[1:].upper()} file (its first bytes are wrong)")
        return AssetLookup(relative)
