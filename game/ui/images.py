"""Images from the assets folder, loaded and scaled once per window size, within a memory budget."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

BUDGET_BYTES = 40 * 1024 * 1024  # decoded and scaled images together (a 1080p picture is 8 MB)


class Images:
    """Loads and scales images, keeping the most recently used within a byte budget; a file
    that will not load becomes a plain placeholder and a notice, never an exception."""

    def __init__(self, budget: int = BUDGET_BYTES):
        self.budget = budget
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._bytes = 0
        self.notice = ""

    def _get(self, key: tuple, make) -> pygame.Surface:
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
            return image
        image = make()
        self._cache[key] = image
        self._bytes += _size(image)
        while self._bytes > self.budget and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._bytes -= _size(old)
        return image

    def raw(self, path: Path) -> pygame.Surface:
        return self._get(("raw", path, _stamp(path)), lambda: self._load(path))

    def _load(self, path: Path) -> pygame.Surface:
        try:
            image = pygame.image.load(str(path))
            return image.convert_alpha() if image.get_alpha() is not None or image.get_colorkey() else image.convert()
        except (pygame.error, FileNotFoundError, OSError) as exc:
            self.notice = f"image {path.name} could not be loaded ({exc})"
            image = pygame.Surface((16, 9))
            image.fill((30, 36, 48))
            return image

    def cover(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """Scaled to cover `size`, cropped in the middle (backgrounds)."""
        def make():
            raw = self._load(path)  # not cached: only the scaled copy is kept
            scale = max(size[0] / raw.get_width(), size[1] / raw.get_height())
            scaled = pygame.transform.smoothscale(raw, (max(1, round(raw.get_width() * scale)), max(1, round(raw.get_height() * scale))))
            image = pygame.Surface(size).convert()
            image.blit(scaled, ((size[0] - scaled.get_width()) // 2, (size[1] - scaled.get_height()) // 2))
            return image
        return self._get(("cover", path, _stamp(path), size), make)

    def fit(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """Scaled to fit inside `size`, keeping its shape (portraits, thumbnails)."""
        def make():
            raw = self._load(path)
            scale = min(size[0] / raw.get_width(), size[1] / raw.get_height())
            return pygame.transform.smoothscale(raw, (max(1, round(raw.get_width() * scale)), max(1, round(raw.get_height() * scale))))
        return self._get(("fit", path, _stamp(path), size), make)


def _stamp(path: Path) -> tuple | None:
    """When the file last changed: a file written again (a save slot's thumbnail) is a new image."""
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _size(image: pygame.Surface) -> int:
    return image.get_width() * image.get_height() * image.get_bytesize()
