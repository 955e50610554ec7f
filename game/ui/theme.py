"""Colours of the two themes, and the contrast ratio (WCAG) used to check them."""

from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    panel: Color          # behind story text
    panel_alpha: int      # 255 = opaque
    text: Color
    muted: Color          # secondary text (labels, hints)
    disabled: Color       # text of a button that cannot be used now
    accent: Color         # titles, highlights
    button: Color
    button_hover: Color
    button_text: Color
    button_edge: Color    # every button's outline: at least 3:1 against the panel (WCAG 1.4.11)
    edge_width: int
    focus: Color          # keyboard focus ring
    focus_width: int
    danger: Color
    shade: Color          # dims the screen behind menus
    measure_colors: tuple[Color, ...]
    min_contrast: float   # what the tests require of this theme


DEFAULT = Theme(
    name="default",
    panel=(13, 19, 31), panel_alpha=236,
    text=(236, 232, 222), muted=(176, 184, 196), disabled=(112, 120, 134), accent=(242, 182, 92),
    button=(33, 46, 66), button_hover=(52, 70, 98), button_text=(240, 236, 226),
    button_edge=(112, 128, 152), edge_width=1,
    focus=(255, 205, 100), focus_width=3, danger=(236, 130, 118), shade=(5, 8, 14),
    measure_colors=((124, 172, 232), (192, 156, 224), (242, 182, 92), (236, 130, 118)),
    min_contrast=4.5,
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    panel=(0, 0, 0), panel_alpha=255,
    text=(255, 255, 255), muted=(235, 235, 235), disabled=(150, 150, 150), accent=(255, 232, 0),
    button=(0, 0, 0), button_hover=(48, 48, 0), button_text=(255, 255, 255),
    button_edge=(255, 255, 255), edge_width=2,
    focus=(255, 232, 0), focus_width=5, danger=(255, 150, 150), shade=(0, 0, 0),
    measure_colors=((120, 200, 255), (230, 170, 255), (255, 232, 0), (255, 140, 120)),
    min_contrast=7.0,
)

THEMES = {theme.name: theme for theme in (DEFAULT, HIGH_CONTRAST)}


def luminance(color: Color) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: Color, alpha: int, under: Color) -> Color:
    """`top` drawn at `alpha` over `under`."""
    a = alpha / 255
    return tuple(round(t * a + u * (1 - a)) for t, u in zip(top, under))
