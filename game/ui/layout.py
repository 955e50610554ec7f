"""Where everything goes on the scene screen, for a window size and the text settings.
Pure geometry: the tests check these boxes (nothing outside its panel) at every size."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from ..engine import Phase, Turn
from .textlayout import Line, TextStyle, wrap_paragraph

BASE_TEXT_PX = 23
SMALLEST_SHARE = 0.75  # no text is smaller than this share of the body text
MEASURE_ROWS_MAX = 6


def unit_of(size: tuple[int, int]) -> float:
    """1.0 at 1280x720; every length in the layout is a multiple of it."""
    return min(size[0] / 1280, size[1] / 720)


def body_px(size: tuple[int, int], text_scale: float) -> int:
    return max(12, round(BASE_TEXT_PX * text_scale * unit_of(size)))


def smallest_px(size: tuple[int, int], text_scale: float) -> int:
    """The floor for every text on every screen: 0.75 of the body text at this size setting."""
    return math.ceil(SMALLEST_SHARE * body_px(size, text_scale))


@dataclass
class PlacedLine:
    line: Line
    rect: pygame.Rect


@dataclass
class ChoiceBox:
    """A button on the page: a visible choice (number from 1), or the continue button (0)."""

    number: int
    rect: pygame.Rect
    lines: list[PlacedLine]
    label: str


@dataclass
class Page:
    lines: list[PlacedLine] = field(default_factory=list)
    choices: list[ChoiceBox] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(placed.line.chars for placed in self.lines)


@dataclass
class SceneLayout:
    size: tuple[int, int]
    panel: pygame.Rect
    header: pygame.Rect
    content: pygame.Rect
    footer: pygame.Rect
    measures: pygame.Rect
    portrait: pygame.Rect | None
    name_plate: pygame.Rect | None
    pages: list[Page]
    text_style: TextStyle
    choice_style: TextStyle
    text_px: int
    small_px: int  # labels, hints, the name plate and the measures


def continue_label(turn: Turn) -> str:
    if turn.phase is Phase.ENDED:
        return "The end – see how it went"
    if turn.phase is Phase.STUCK:
        return "Nothing can be chosen here (a story error) – undo"
    return "Continue"


def layout_scene(turn: Turn, size: tuple[int, int], text_scale: float, font_for, measures: int) -> SceneLayout:
    """`font_for(px, italic)` gives fonts; `measures` is how many measure bars to leave room for."""
    width, height = size
    unit = unit_of(size)
    px = body_px(size, text_scale)
    small = smallest_px(size, text_scale)
    margin = max(8, round(22 * unit))
    pad = max(10, round(px * 1.05))
    text_style = TextStyle(font_for(px, False), font_for(px, True), round(px * 1.5), round(px * 0.65))
    choice_px = max(12, round(px * 0.95))
    choice_style = TextStyle(font_for(choice_px, False), font_for(choice_px, True), round(choice_px * 1.35), 0)

    panel_width = min(round(width * 0.62), 36 * px + 2 * pad)
    panel = pygame.Rect(width - margin - panel_width, margin, panel_width, height - 2 * margin)
    header_height = round(max(px * 1.5, small * 1.6))
    footer_height = round(small * 1.5)
    header = pygame.Rect(panel.x + pad, panel.y + pad // 2, panel.width - 2 * pad, header_height)
    content = pygame.Rect(panel.x + pad, header.bottom + pad // 3, panel.width - 2 * pad, 0)
    content.height = panel.bottom - pad // 2 - footer_height - content.y
    footer = pygame.Rect(content.x, content.bottom, content.width, footer_height)

    left = pygame.Rect(margin, margin, max(0, panel.x - 2 * margin), height - 2 * margin)
    row = max(18, round(small * 1.6))
    measure_rect = pygame.Rect(left.x, left.y, min(left.width, round(max(300 * unit, small * 17))), row * min(measures, MEASURE_ROWS_MAX) + (row // 2 if measures else 0))
    portrait, name_plate = _portrait_boxes(left, measure_rect, unit, small)
    pages = _pages(turn, content, text_style, choice_style, px)
    _fit_panel(panel, content, footer, pages, pad, height)
    return SceneLayout(size, panel, header, content, footer, measure_rect, portrait, name_plate, pages, text_style, choice_style, px, small)


def _fit_panel(panel: pygame.Rect, content: pygame.Rect, footer: pygame.Rect, pages: list[Page], pad: int, height: int) -> None:
    """A short scene gets a shorter panel, so the picture shows below it."""
    used = max((r.bottom for page in pages for r in [p.rect for p in page.lines] + [b.rect for b in page.choices]), default=content.y)
    shortest = round(height * 0.35)
    if used - content.y < content.height:
        content.height = max(used - content.y, shortest - (content.y - panel.y))
        footer.y = content.bottom
        panel.height = footer.bottom + pad // 2 - panel.y


def _portrait_boxes(left: pygame.Rect, measures: pygame.Rect, unit: float, small: int):
    plate_height = max(24, round(40 * unit), round(small * 1.9))
    top = measures.bottom + round(16 * unit)
    available = left.bottom - plate_height - top
    if left.width < 140 or available < 160:
        return None, None
    portrait_height = min(available, round(left.width * 1.25))
    portrait_width = round(portrait_height * 0.8)
    portrait = pygame.Rect(0, 0, portrait_width, portrait_height)
    portrait.midbottom = (left.centerx, left.bottom - plate_height)
    plate = pygame.Rect(0, 0, min(left.width, portrait_width), plate_height)
    plate.midtop = portrait.midbottom
    return portrait, plate


def _pages(turn: Turn, content: pygame.Rect, style: TextStyle, choice_style: TextStyle, px: int) -> list[Page]:
    """Paragraph lines flow down the page; then the choices, kept together on one page when
    they fit (each choice is never split). The choices never stand alone: the last paragraph
    (the question) goes onto their page with them, whole when it fits, else its last lines."""
    flow = [(index, line) for index, paragraph in enumerate(turn.paragraphs) for line in wrap_paragraph(paragraph, content.width, style)]
    boxes = _choice_boxes(turn, content.width, choice_style, px)
    gap, lead = round(px * 0.45), round(px * 0.9)
    block = sum(box.rect.height for box in boxes) + gap * (len(boxes) - 1)
    room = (content.height - block - lead) // style.line_height
    if room < 1:  # the choices alone fill a page, so they run over two: keep the question above the first
        room = max(1, content.height // 2 // style.line_height)
    keep_from = _kept_with_choices(flow, len(turn.paragraphs) - 1, room)
    pages = [Page()]
    y = content.y
    for position, (index, line) in enumerate(flow):
        if position and index != flow[position - 1][0] and y > content.y:
            y += style.paragraph_gap
        kept = (len(flow) - position) * style.line_height + lead + block
        if (position == keep_from and y + kept > content.bottom or y + style.line_height > content.bottom) and pages[-1].lines:
            pages.append(Page())
            y = content.y
        pages[-1].lines.append(PlacedLine(line, pygame.Rect(content.x, y, line.width, style.line_height)))
        y += style.line_height
    y += lead if pages[-1].lines else 0
    if y + block > content.bottom and pages[-1].lines and keep_from == len(flow):
        pages.append(Page())
        y = content.y
    for box in boxes:
        if y + box.rect.height > content.bottom and (pages[-1].choices or pages[-1].lines):
            pages.append(Page())
            y = content.y
        _move_box(box, content.x, y)
        pages[-1].choices.append(box)
        y += box.rect.height + gap
    return pages


def _kept_with_choices(flow: list, last: int, room: int) -> int:
    """Where in the flow the lines kept on the choices' page begin: the last paragraph whole
    when `room` (lines that fit above the choices) allows, else as much of its end as fits."""
    tail = [position for position, (index, _) in enumerate(flow) if index == last]
    if not tail or room < 1:
        return len(flow)
    return tail[0] if len(tail) <= room else tail[-room]


def _choice_boxes(turn: Turn, width: int, style: TextStyle, px: int) -> list[ChoiceBox]:
    pad_x, pad_y = round(px * 0.7), round(px * 0.4)
    number_width = style.width("9.  ")
    items = [(c.number, f"{c.number}.", c.text) for c in turn.choices] if turn.phase is Phase.CHOOSING else [(0, "", continue_label(turn))]
    boxes = []
    for number, prefix, label in items:
        indent = number_width if prefix else 0
        lines = wrap_paragraph(label, width - 2 * pad_x - indent, style)
        placed = [PlacedLine(line, pygame.Rect(pad_x + indent, pad_y + i * style.line_height, line.width, style.line_height)) for i, line in enumerate(lines)]
        rect = pygame.Rect(0, 0, width, len(lines) * style.line_height + 2 * pad_y)
        boxes.append(ChoiceBox(number, rect, placed, prefix))
    return boxes


def _move_box(box: ChoiceBox, x: int, y: int) -> None:
    box.rect.topleft = (x, y)
    for placed in box.lines:
        placed.rect.move_ip(x, y)
