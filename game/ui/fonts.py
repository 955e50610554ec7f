"""The bundled fonts (Lato, OpenDyslexic) by family, style and pixel size, loaded once."""

from __future__ import annotations

from pathlib import Path

import pygame

FAMILIES = {
    "default": {"regular": "Lato-Regular.ttf", "bold": "Lato-Bold.ttf", "italic": "Lato-Italic.ttf", "bold_italic": "Lato-BoldItalic.ttf"},
    "dyslexic": {"regular": "OpenDyslexic-Regular.otf", "bold": "OpenDyslexic-Bold.otf", "italic": "OpenDyslexic-Italic.otf", "bold_italic": "OpenDyslexic-BoldItalic.otf"},
}


_STYLES = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold_italic"}


class Fonts:
    """Font objects cached by (family, style, size). A missing file falls back to pygame's own
    font and says so once, instead of failing."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._cache: dict[tuple, pygame.font.Font] = {}
        self.notice = ""

    def get(self, family: str, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        style = _STYLES[(bold, italic)]
        key = (family, style, px)
        font = self._cache.get(key)
        if font is None:
            font = self._load(family, style, px)
            self._cache[key] = font
        return font

    def _load(self, family: str, style: str, px: int) -> pygame.font.Font:
        path = self.folder / FAMILIES.get(family, FAMILIES["default"])[style]
        try:
            return pygame.font.Font(str(path), px)
        except (OSError, pygame.error, FileNotFoundError):
            self.notice = f"font {path.name} could not be loaded; using pygame's built-in font"
            font = pygame.font.Font(None, round(px * 1.3))
            font.set_italic("italic" in style)
            font.set_bold("bold" in style)
            return font
