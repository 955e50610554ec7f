"""The scene screen: background, portrait, measures, and a panel of paged text and choices."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import pygame

from ... import wording
from ...engine import Phase, Turn
from .. import classroom_flow
from ..input import Act, Intent
from ..layout import ChoiceBox, SceneLayout, layout_scene
from ..textlayout import prefix_width
from ..typography import MINUS
from ..widgets import focus_ring, panel, text
from .base import Screen

MEASURE_SPEED = 2.5  # fraction of the gap closed per second (an ease-out)
SETTLE_SECONDS = 0.3  # choices on screen this long before a press can pick one
NOTE_SECONDS = 3.5  # how long a "+10 Trust" note stays (with reduced motion: until the next move)
NOTE_FADE_SECONDS = 0.8
CROSS_FADE_SECONDS = 0.45  # a new background fades in over the old one (not with reduced motion)


@dataclass
class Note:
    """A measure change shown as it happens: "+10 Lane's trust"."""

    index: int  # which measure (its colour)
    text: str
    born: float


class SceneScreen(Screen):
    """Plays the session's runner. Text reveals like a typewriter (unless instant or reduced
    motion); a click or Space shows the rest, then turns the page or continues."""
    name = "scene"
    pages_on_repeat = True  # a held Space pages through text (each repeat is marked, and never chooses)

    def __init__(self, app, opening: bool = False):
        super().__init__(app)
        self.opening = opening  # a new game or a chapter started: its title card first
        self.turn: Turn | None = None
        self.layout: SceneLayout | None = None
        self.page = 0
        self.revealed = 0.0
        self.focus = 0
        self.shown: dict[str, float] = {}
        self.known: dict = {}
        self.notes: list[Note] = []
        self.static: pygame.Surface | None = None
        self.choices_since: float | None = None
        self.discussed: Turn | None = None  # the turn whose discussion card was shown
        self.fade_from: str | None = None  # the last turn's background, fading out over the new one
        self.fade_born = 0.0
        self.fade_source: tuple | None = None  # (background,) the player last saw, kept while a thumbnail is drawn
        self.focus_moved = False  # the player moved the focus on this page (self-voicing reads it)
        self.changed: list[str] = []  # the last move's measure changes in words, for self-voicing
        self.measure_focus: int | None = None  # the measure whose meaning is shown (Tab, or the mouse over it)
        self.measure_by_mouse = False
        self.read_chapter = None  # the chapter of the turn before, and this turn's new chapter's title (read aloud)
        self.chapter_heading = ""
        self.read_for: tuple = (None, None, -1, "")  # the turn, layout and page self-voicing's words are for, and them

    # --- following the runner ----------------------------------------------------------

    def enter(self) -> None:
        self.sync(new_turn=True)
        self.shown = {m.variable: float(self.values[m.variable]) for m in self.app.story.measures}
        if self.opening:
            self.chapter_card()

    def chapter_card(self) -> None:
        """The title card of the chapter this turn is in (none outside chapters or in a lesson)."""
        chapter = self.turn.scene.chapter
        if chapter and self.app.session.lesson is None and self.app.top is self:
            self.app.push("chapter_card", number=chapter)
            self.chapter_heading, self.read_for = "", (None, None, -1, "")  # the card says the title

    @property
    def runner(self):
        return self.app.session.runner

    @property
    def values(self) -> dict:
        return self.runner.state.variables

    def sync(self, new_turn: bool, moved: bool = False) -> None:
        """Pick up the runner's current turn: after a move (`moved`: note what it changed), an
        undo or a load."""
        before = self.fade_source or (self.turn.background if self.turn else None,)
        self.fade_source = None
        self.turn = self.runner.turn
        if new_turn:
            self.start_cross_fade(*before)
            if moved:
                self.note_changes()
            self.changed = wording.changes(self.app.story.measures, self.known, self.values) if moved else []
            self.known = dict(self.values)
            self.page, self.revealed, self.focus, self.choices_since = 0, 0.0, 0, None
            self.focus_moved = False
            chapter = self.app.story.chapter(self.turn.scene.chapter) if self.turn.scene.chapter else None
            number = chapter.number if chapter else None
            self.chapter_heading = f"Chapter {chapter.number}: {chapter.title}" if chapter and number != self.read_chapter else ""
            self.read_chapter = number
            self.app.audio.music(self.app.story.asset_path(self.turn.music))
            self.app.audio.sound(self.app.story.asset_path(self.turn.sound))
            if self.turn.phase is Phase.ENDED:
                self.app.session.record_ending()
            if self.app.session.notice:
                self.app.toast(self.app.session.notice)
                self.app.session.notice = ""
        self.relayout()
        if self.app.settings.chars_per_second == 0:
            self.reveal_all()

    def start_cross_fade(self, background: str | None) -> None:
        """Fade the old turn's background out over the new one when it changed, unless motion
        is reduced. Only its name is kept: the picture is in the image cache already, so a
        fade costs no second window-sized layer."""
        if self.app.settings.reduced_motion or background is None or background == self.turn.background:
            self.fade_from = None
            return
        self.fade_from, self.fade_born = background, self.app.now()

    def follow(self) -> None:
        """Take up the runner's turn for drawing only (a save thumbnail of a move just made);
        what the move changed is still noted by the sync that follows."""
        if self.fade_source is None and self.turn is not None:
            self.fade_source = (self.turn.background,)  # what the player last saw, to fade from
        self.turn = self.runner.turn
        self.page = 0
        self.relayout()

    @contextmanager
    def as_picture(self):
        """Draw the page whole and without passing notes (for a thumbnail), then as it was."""
        kept = self.revealed, self.notes, self.fade_from
        self.revealed, self.notes, self.fade_from = float(self.current.chars), [], None
        try:
            yield
        finally:
            self.revealed, self.notes, self.fade_from = kept

    def note_changes(self) -> None:
        """A note for each measure the move changed, against the values of the turn before."""
        now = self.app.now()
        self.notes = []
        for index, measure in enumerate(self.app.story.measures):
            before, after = self.known.get(measure.variable), self.values[measure.variable]
            if isinstance(before, (int, float)) and before != after:
                delta = after - before
                sign = "+" if delta > 0 else MINUS
                self.notes.append(Note(index, f"{sign}{abs(delta):g} {measure.label}", now))

    def resume(self) -> None:
        moved = self.turn is not self.runner.turn
        self.sync(new_turn=moved)
        if moved:
            classroom_flow.after_turn(self)

    def relayout(self) -> None:
        if self.turn is None:
            return
        app = self.app
        self.layout = layout_scene(
            self.turn, app.size, app.settings.text_scale,
            lambda px, italic: app.fonts.get(app.settings.font, px, False, italic),
            len(app.story.measures),
        )
        self.page = min(self.page, len(self.layout.pages) - 1)
        self.static = None

    @property
    def current(self):
        return self.layout.pages[self.page]

    @property
    def text_done(self) -> bool:
        return self.revealed >= self.current.chars

    def reveal_all(self) -> None:
        self.revealed = float(self.current.chars)
        if self.choices_since is None:
            self.choices_since = self.app.now()

    def show_page(self, page: int, full: bool = False) -> None:
        self.page, self.revealed, self.choices_since = page, 0.0, None
        self.focus_moved = False
        if full or self.app.settings.chars_per_second == 0:
            self.reveal_all()

    def can_choose(self, intent: Intent) -> bool:
        """Only a fresh press, once the choices have been on screen a moment: a held key or a
        press meant for the text never picks a choice."""
        if intent.repeat or not self.text_done or self.choices_since is None:
            return False
        return self.app.now() - self.choices_since >= SETTLE_SECONDS

    @property
    def animating(self) -> bool:
        if self.turn is None or self.app.top is not self:
            return False
        notes = bool(self.notes) and not self.app.settings.reduced_motion
        return notes or self.fade_from is not None or not self.text_done or any(abs(self.shown.get(k, 0) - self.values[k]) > 0.05 for k in self.shown)

    # --- input -------------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.BACK:
            self.app.push("pause")
        elif act is Act.HISTORY:
            self.app.push("history")
        elif act in (Act.UNDO, Act.SCROLL_UP):
            self.undo()
        elif act is Act.CHOOSE:
            if self.can_choose(intent) and self.current.choices:  # only with the choices on screen
                self.choose_number(intent.number)
        elif act in (Act.UP, Act.DOWN) and self.text_done:
            self.move_focus(-1 if act is Act.UP else 1)
        elif act in (Act.PAGE_UP, Act.LEFT) and self.page > 0:
            self.show_page(self.page - 1, full=True)
        elif act is Act.NEXT_FIELD:
            self.next_measure()
        elif act is Act.POINT:
            self.point(intent.pos)
        elif act is Act.CLICK:
            self.click(intent)
        elif act in (Act.ACTIVATE, Act.SCROLL_DOWN, Act.PAGE_DOWN, Act.RIGHT):
            self.advance(intent if act is Act.ACTIVATE else None)

    def advance(self, press: Intent | None) -> None:
        """Space/Enter/click: finish the reveal, then turn the page, then (a fresh `press`)
        the focused choice."""
        if not self.text_done:
            self.reveal_all()
        elif self.page < len(self.layout.pages) - 1 and not self.current.choices:
            self.show_page(self.page + 1)
        elif press is not None and self.current.choices and self.can_choose(press):
            self.activate(self.current.choices[min(self.focus, len(self.current.choices) - 1)])

    def measure_rows(self) -> list[pygame.Rect]:
        """Each measure bar's row (empty when the window leaves no room for the measures)."""
        measures, rect = self.app.story.measures, self.layout.measures
        if not measures or rect.width < 120:
            return []
        row = (rect.height - (rect.height % len(measures))) // len(measures)
        return [pygame.Rect(rect.x, rect.y + index * row, rect.width, row) for index in range(len(measures))]

    def next_measure(self) -> None:
        """Tab: the next measure's meaning, then none."""
        count = len(self.measure_rows())
        if count:
            self.measure_focus = 0 if self.measure_focus is None else (self.measure_focus + 1 if self.measure_focus + 1 < count else None)
            self.measure_by_mouse = False

    def point(self, pos) -> None:
        over = next((i for i, row in enumerate(self.measure_rows()) if row.collidepoint(pos)), None)
        if over is not None:
            self.measure_focus, self.measure_by_mouse = over, True
        elif self.measure_by_mouse:
            self.measure_focus, self.measure_by_mouse = None, False
        for index, box in enumerate(self.current.choices if self.text_done else []):
            if box.rect.collidepoint(pos) and index != self.focus:
                self.focus, self.focus_moved = index, True
                self.app.sound_of("hover")()

    def click(self, intent: Intent) -> None:
        if self.text_done:
            for box in self.current.choices:
                if box.rect.collidepoint(intent.pos):
                    if self.can_choose(intent):
                        self.activate(box)
                    return
        self.advance(None)

    def move_focus(self, delta: int) -> None:
        if self.current.choices:
            self.focus = (self.focus + delta) % len(self.current.choices)
            self.focus_moved = True

    def choose_number(self, number: int) -> None:
        boxes = [box for page in self.layout.pages for box in page.choices]
        if self.turn.phase is Phase.CHOOSING and 1 <= number <= len(self.turn.choices):
            self.act_on(number)
        elif self.turn.phase is not Phase.CHOOSING and number == 1 and boxes:
            self.activate(boxes[0])

    def activate(self, box: ChoiceBox) -> None:
        self.act_on(box.number)

    def act_on(self, number: int) -> None:
        """Make the move: a choice by its number, or continue (0)."""
        self.app.sound_of("click")()
        phase = self.turn.phase
        if classroom_flow.before_move(self, number):
            return
        if number == 0 and phase is Phase.ENDED:
            self.app.push("ending")
            return
        if number == 0 and phase is Phase.STUCK:
            self.undo()
            return
        if number == 1 and phase is Phase.CHOOSING and self.turn.inspect is not None:
            self.app.push("inspect", inspection=self.turn.inspect)  # the first choice is reading the code
            return
        prompts, chapter = self.turn.discuss, self.turn.scene.chapter
        if number == 0:
            self.app.session.proceed()
        else:
            self.app.session.choose(number)
        self.sync(new_turn=True, moved=True)
        classroom_flow.after_turn(self, prompts)
        if self.turn.scene.chapter != chapter:
            self.chapter_card()

    def undo(self) -> None:
        """Back one move, to the last page of the scene before (where its choices are)."""
        if self.app.session.undo():
            self.app.sound_of("back")()
            self.sync(new_turn=True)
            self.notes = []
            self.show_page(len(self.layout.pages) - 1, full=True)
        else:
            self.app.toast("This is the start: there is nothing to undo.")

    # --- self-voicing -----------------------------------------------------------------------------

    def spoken(self) -> tuple[str, str]:
        """The page as it is read aloud: what the last move changed, who speaks, the page's text,
        then its choices; the focus is read once the player moves it."""
        turn, layout, page, words = self.read_for
        if turn is not self.turn or layout is not self.layout or page != self.page:
            words = self.page_words()
            self.read_for = (self.turn, self.layout, self.page, words)
        focus = ""
        if self.measure_focus is not None:
            focus = self.measure_words(self.app.story.measures[self.measure_focus])
        elif self.focus_moved and self.current.choices:
            box = self.current.choices[min(self.focus, len(self.current.choices) - 1)]
            focus = self.choice_words(box)
        return words, focus

    def page_words(self) -> str:
        from ..voice import sentences

        parts = list(self.changed) if self.page == 0 else []
        if self.page == 0 and self.chapter_heading:
            parts.append(self.chapter_heading)
        if self.page == 0 and self.turn.speaker:
            parts.append(f"{self.turn.speaker.name}:")
        parts.append(" ".join(placed.line.text for placed in self.current.lines))
        pages = len(self.layout.pages)
        if pages > 1:
            parts.append(f"Page {self.page + 1} of {pages}")
        if self.current.choices:
            parts += [self.choice_words(box) for box in self.current.choices]
        elif self.page < pages - 1:
            parts.append("Space for the next page")
        return sentences(parts)

    def measure_words(self, measure) -> str:
        value = wording.number(self.values[measure.variable])
        return f"{measure.label}: {value} of {wording.number(measure.high)}. {measure.description}".strip()

    def choice_words(self, box: ChoiceBox) -> str:
        words = " ".join(placed.line.text for placed in box.lines)
        return f"Choice {box.number}: {words}" if box.number else f"Button: {words}"

    # --- time ------------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        if self.turn is None or self.app.top is not self:
            return False
        if self.discussed is not self.turn and classroom_flow.wants_discussion(self):
            self.discussed = self.turn
            self.app.push("discussion", lesson=self.app.session.lesson)
            return True
        moved = False
        if self.fade_from is not None:
            if self.app.now() - self.fade_born >= CROSS_FADE_SECONDS or self.app.settings.reduced_motion:
                self.fade_from = None
            moved = True
        speed = self.app.settings.chars_per_second
        if not self.text_done:
            self.revealed = self.current.chars if speed == 0 else min(self.current.chars, self.revealed + speed * dt)
            if self.text_done:
                self.reveal_all()
            moved = True
        if self.notes and not self.app.settings.reduced_motion:
            now = self.app.now()
            self.notes = [n for n in self.notes if now - n.born < NOTE_SECONDS]
            moved = True
        for name, shown in self.shown.items():
            target = self.values[name]
            if abs(shown - target) > 0.05:
                step = (target - shown) * min(1.0, MEASURE_SPEED * dt * 2)
                self.shown[name] = target if self.app.settings.reduced_motion else shown + step
                moved = True
        return moved

    # --- drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.fade_from is not None:  # painted whole each frame of the fade (0.45 s), with no layer kept
            left = 1 - (self.app.now() - self.fade_born) / CROSS_FADE_SECONDS
            self.paint_stage(surface, self.fade_from, round(255 * max(0.0, min(1.0, left))))
        else:
            if self.static is None or self.static.get_size() != surface.get_size():
                self.static = self.draw_static(surface.get_size())
            surface.blit(self.static, (0, 0))
        theme, layout = self.app.theme, self.layout
        self.draw_text(surface)
        if self.text_done:
            self.draw_choices(surface)
        self.draw_measures(surface)
        self.draw_notes(surface)
        self.draw_measure_meaning(surface)
        hint_font = self.small_font()
        pages = len(layout.pages)
        if pages > 1:
            text(surface, f"page {self.page + 1} of {pages}", hint_font, theme.muted, layout.footer.topright, align="right")
        if self.text_done and not self.current.choices:
            text(surface, "Space, Enter or click: next page", hint_font, theme.muted, layout.footer.topleft)

    def small_font(self, bold: bool = False) -> pygame.font.Font:
        """Labels, hints, the name plate and the measures: the layout's smallest size."""
        return self.app.fonts.get(self.app.settings.font, self.layout.small_px, bold)

    def draw_static(self, size) -> pygame.Surface:
        """Background, portrait and panel: drawn once per turn and size, then blitted."""
        layer = pygame.Surface(size).convert()
        self.paint_stage(layer)
        return layer

    def paint_stage(self, layer: pygame.Surface, old_background: str | None = None, old_alpha: int = 0) -> None:
        """Background (with the old one over it at `old_alpha`, in a cross-fade), portrait,
        name plate, panel and header."""
        theme, layout, app = self.app.theme, self.layout, self.app
        size = layer.get_size()
        layer.fill(theme.shade)
        background = app.story.asset_path(self.turn.background)
        if background:
            layer.blit(app.images.cover(background, size), (0, 0))
        old = app.story.asset_path(old_background)
        if old and old_alpha > 0:
            picture = app.images.cover(old, size)
            picture.set_alpha(old_alpha)
            layer.blit(picture, (0, 0))
            picture.set_alpha(None)
        if layout.portrait and self.turn.portrait:
            image = app.images.fit(app.story.asset_path(self.turn.portrait), layout.portrait.size)
            layer.blit(image, image.get_rect(midbottom=layout.portrait.midbottom))
        if layout.name_plate and self.turn.speaker:
            self.draw_name_plate(layer)
        panel(layer, layout.panel, theme)
        self.draw_header(layer)

    def draw_name_plate(self, layer: pygame.Surface) -> None:
        theme, plate = self.app.theme, self.layout.name_plate
        speaker = self.turn.speaker
        panel(layer, plate, theme, radius=6)
        color = pygame.Color(speaker.color) if speaker.color and theme.name != "high_contrast" else theme.accent
        pygame.draw.rect(layer, color, (plate.x, plate.y, max(4, plate.height // 8), plate.height), border_radius=3)
        font = self.small_font(bold=True)
        text(layer, speaker.name, font, theme.text, (plate.centerx, plate.centery - font.get_height() // 2), align="center")

    def draw_header(self, layer: pygame.Surface) -> None:
        theme, header = self.app.theme, self.layout.header
        chapter = self.app.story.chapter(self.turn.scene.chapter) if self.turn.scene.chapter else None
        label = f"Chapter {chapter.number}: {chapter.title}" if chapter else self.app.story.title
        font = self.small_font()
        text(layer, label, font, theme.muted, (header.x, header.centery - font.get_height() // 2))
        if self.turn.speaker and not self.layout.name_plate:
            text(layer, self.turn.speaker.name, self.small_font(bold=True), theme.accent, (header.right, header.centery - font.get_height() // 2), align="right")

    def draw_text(self, surface: pygame.Surface) -> None:
        style, color, lines = self.layout.text_style, self.app.theme.text, self.app.lines
        left = int(self.revealed)
        for placed in self.current.lines:
            if left <= 0:
                break
            image = lines.render(placed.line, style, color)
            if left >= placed.line.chars:
                surface.blit(image, placed.rect.topleft)
            else:
                width = prefix_width(placed.line, left, style)
                surface.blit(image, placed.rect.topleft, pygame.Rect(0, 0, width, image.get_height()))
            left -= placed.line.chars

    def draw_choices(self, surface: pygame.Surface) -> None:
        theme, style = self.app.theme, self.layout.choice_style
        number_font = style.regular
        for index, box in enumerate(self.current.choices):
            focused = index == self.focus
            pygame.draw.rect(surface, theme.button_hover if focused else theme.button, box.rect, border_radius=8)
            pygame.draw.rect(surface, theme.button_edge, box.rect, width=theme.edge_width, border_radius=8)
            first = box.lines[0].rect
            if box.label:
                text(surface, box.label, number_font, theme.accent, (box.rect.x + (first.x - box.rect.x) // 3, first.y + (first.height - number_font.get_height()) // 2))
            for placed in box.lines:
                surface.blit(self.app.lines.render(placed.line, style, theme.button_text), placed.rect.topleft)
            if focused:
                focus_ring(surface, box.rect, theme)

    def draw_measures(self, surface: pygame.Surface) -> None:
        measures = self.app.story.measures
        if not measures or self.layout.measures.width < 120:
            return
        theme, rect = self.app.theme, self.layout.measures
        panel(surface, rect.inflate(self.app.px(16), self.app.px(10)), theme, alpha=min(255, theme.panel_alpha), radius=8)
        row = (rect.height - (rect.height % len(measures))) // len(measures)
        font = self.small_font()
        label_width = max(font.size(m.label)[0] for m in measures) + self.app.px(10)
        number_width = font.size("100")[0]
        bar_x = rect.x + label_width
        bar_width = max(20, rect.width - label_width - number_width - self.app.px(6))
        for index, measure in enumerate(measures):
            y = rect.y + index * row
            color = theme.measure_colors[index % len(theme.measure_colors)]
            text(surface, measure.label, font, theme.text, (rect.x, y + (row - font.get_height()) // 2))
            bar = pygame.Rect(bar_x, y + row // 3, bar_width, max(4, row // 3))
            pygame.draw.rect(surface, theme.button, bar, border_radius=3)
            share = (self.shown.get(measure.variable, 0) - measure.low) / (measure.high - measure.low)
            pygame.draw.rect(surface, color, (bar.x, bar.y, round(bar.width * max(0.0, min(1.0, share))), bar.height), border_radius=3)
            text(surface, f"{self.values[measure.variable]}", font, theme.text, (bar.right + self.app.px(6), y + (row - font.get_height()) // 2))

    def draw_measure_meaning(self, surface: pygame.Surface) -> None:
        """The focused (or pointed-at) measure: a ring round its row, and under the bars a card
        with its value and what it means, from the story's `measures:`."""
        rows = self.measure_rows()
        if self.measure_focus is None or self.measure_focus >= len(rows):
            return
        from ..classroom_draw import wrap

        app, theme = self.app, self.app.theme
        measure = app.story.measures[self.measure_focus]
        focus_ring(surface, rows[self.measure_focus].inflate(app.px(8), 0), theme, radius=4)
        font, bold = self.small_font(), self.small_font(bold=True)
        width = min(max(self.layout.measures.width, app.px(260)), self.layout.panel.x - self.layout.measures.x - app.px(12))
        pad = app.px(10)
        lines = wrap(measure.description or "(no description in the story)", font, width - 2 * pad)
        head = f"{measure.label}: {wording.number(self.values[measure.variable])} of {wording.number(measure.high)}"
        card = pygame.Rect(self.layout.measures.x, self.layout.measures.bottom + app.px(10), width,
                           bold.get_linesize() + len(lines) * font.get_linesize() + 2 * pad)
        panel(surface, card, theme, alpha=255, radius=8)
        pygame.draw.rect(surface, theme.button_edge, card, width=theme.edge_width, border_radius=8)
        y = card.y + pad
        text(surface, head, bold, theme.accent, (card.x + pad, y))
        y += bold.get_linesize()
        for line in lines:
            text(surface, line, font, theme.text, (card.x + pad, y))
            y += font.get_linesize()

    def draw_notes(self, surface: pygame.Surface) -> None:
        """The last move's measure changes, in pills under the measures, each in its measure's
        colour and order ("+10 Lane's trust"; only "+10", at the right, over a portrait, to
        keep off the face); they rise and fade out, or (reduced motion) stay still until the
        next move."""
        if not self.notes or self.layout.measures.width < 120:
            return
        app, theme = self.app, self.app.theme
        font = self.small_font(bold=True)
        measures = self.layout.measures
        y = measures.bottom + app.px(14)
        beside_face = bool(self.layout.portrait and self.turn.portrait)  # keep off the face: to the right, the change alone
        now = app.now()
        for note in self.notes:
            age = now - note.born
            alpha, rise = 255, 0
            if not app.settings.reduced_motion:
                alpha = round(255 * max(0.0, min(1.0, (NOTE_SECONDS - age) / NOTE_FADE_SECONDS)))
                rise = round(app.px(10) * max(0.0, 1 - age / 0.3))
            words = note.text.split(" ", 1)[0] if beside_face else note.text
            image = font.render(words, True, theme.measure_colors[note.index % len(theme.measure_colors)])
            width = image.get_width() + app.px(20)
            x = measures.right - width if beside_face else measures.x
            pill = pygame.Rect(x, y + rise, width, font.get_height() + app.px(8))
            layer = pygame.Surface(pill.size, pygame.SRCALPHA)
            pygame.draw.rect(layer, (*theme.panel, 255), layer.get_rect(), border_radius=pill.height // 2)
            pygame.draw.rect(layer, theme.button_edge, layer.get_rect(), width=theme.edge_width, border_radius=pill.height // 2)
            layer.blit(image, (app.px(10), app.px(4)))
            layer.set_alpha(alpha)
            surface.blit(layer, pill.topleft)
            y += pill.height + app.px(6)
