"""Images from the assets folder, loaded once and scaled once per window size."""

from __future__ import annotations

from pathlib import Path

import pygame


class Images:
    """Loads and scales images; a file that will not load becomes a plain placeholder and a
    notice, never an exception."""

    def __init__(self):
        self._raw: dict[Path, pygame.Surface] = {}
        self._scaled: dict[tuple, pygame.Surface] = {}
        self.notice = ""

    def raw(self, path: Path) -> pygame.Surface:
        image = self._raw.get(path)
        if image is None:
            try:
                image = pygame.image.load(str(path))
                image = image.convert_alpha() if image.get_alpha() is not None or image.get_colorkey() else image.convert()
            except (pygame.error, FileNotFoundError, OSError) as exc:
                self.notice = f"image {path.name} could not be loaded ({exc})"
                image = pygame.Surface((16, 9))
                image.fill((30, 36, 48))
            self._raw[path] = image
        return image

    def cover(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """Scaled to cover `size`, cropped in the middle (backgrounds)."""
        key = ("cover", path, size)
        image = self._scaled.get(key)
        if image is None:
            raw = self.raw(path)
            scale = max(size[0] / raw.get_width(), size[1] / raw.get_height())
            scaled = pygame.transform.smoothscale(raw, (max(1, round(raw.get_width() * scale)), max(1, round(raw.get_height() * scale))))
            image = pygame.Surface(size).convert()
            image.blit(scaled, ((size[0] - scaled.get_width()) // 2, (size[1] - scaled.get_height()) // 2))
            self._remember(key, image)
        return image

    def fit(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """Scaled to fit inside `size`, keeping its shape (portraits)."""
        key = ("fit", path, size)
        image = self._scaled.get(key)
        if image is None:
            raw = self.raw(path)
            scale = min(size[0] / raw.get_width(), size[1] / raw.get_height())
            image = pygame.transform.smoothscale(raw, (max(1, round(raw.get_width() * scale)), max(1, round(raw.get_height() * scale))))
            self._remember(key, image)
        return image

    def _remember(self, key, image) -> None:
        if len(self._scaled) > 40:  # a window resize makes the old sizes useless
            self._scaled.clear()
        self._scaled[key] = image
