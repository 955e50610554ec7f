"""Music and sound through pygame.mixer, with a silent fallback when there is no audio device."""

from __future__ import annotations

from pathlib import Path

import pygame


class Audio:
    """Plays music loops and one-shot sounds; every call is safe when audio is unavailable."""

    def __init__(self):
        self.enabled = False
        self.notice = ""
        self.music_volume = 0.7
        self.sound_volume = 0.8
        self._music: Path | None = None
        self._sounds: dict[Path, pygame.mixer.Sound] = {}
        try:
            pygame.mixer.init()
            self.enabled = True
        except pygame.error as exc:
            self.notice = f"no sound: {exc}"

    def set_volumes(self, music: int, sound: int) -> None:
        self.music_volume, self.sound_volume = music / 10, sound / 10
        if self.enabled:
            pygame.mixer.music.set_volume(self.music_volume)

    def music(self, path: Path | None, fade_ms: int = 800) -> None:
        """Loop `path` (None stops); the same track keeps playing without a restart."""
        if not self.enabled or path == self._music:
            return
        self._music = path
        try:
            if path is None:
                pygame.mixer.music.fadeout(fade_ms)
                return
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.music_volume)
            pygame.mixer.music.play(loops=-1, fade_ms=fade_ms)
        except pygame.error as exc:
            self.notice = f"music {path.name if path else ''} could not play: {exc}"

    def sound(self, path: Path | None) -> None:
        if not self.enabled or path is None or self.sound_volume <= 0:
            return
        try:
            sound = self._sounds.get(path)
            if sound is None:
                sound = self._sounds[path] = pygame.mixer.Sound(str(path))
            sound.set_volume(self.sound_volume)
            sound.play()
        except (pygame.error, FileNotFoundError) as exc:
            self.notice = f"sound {path.name} could not play: {exc}"
