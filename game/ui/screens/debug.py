"""The debug overlay (F3, with --debug): the scene's id and file:line, every variable and visit
count, go to any scene (type to filter), set a variable (type-checked). Keyboard first."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine import RunnerError, StoryRuntimeError
from ...engine.debug import matching_scenes, parse_value, variable_rows
from ...engine.expr import STR, format_value
from ..input import Act, Intent
from ..widgets import focus_ring, panel, shade, text
from .base import Screen

VARIABLES, SCENES = 0, 1


@dataclass
class Pane:
    """One scrolling list with a focus: the rows shown are those around the focus."""

    rect: pygame.Rect
    row_height: int = 1
    focus: int = 0
    top: int = 0
    size: int = 0

    @property
    def visible(self) -> int:
        return max(1, self.rect.height // self.row_height)

    def resize(self, size: int) -> None:
        self.size = size
        self.focus = max(0, min(self.focus, size - 1))
        self.follow()

    def move(self, delta: int) -> None:
        if self.size:
            self.focus = max(0, min(self.size - 1, self.focus + delta))
            self.follow()

    def scroll(self, delta: int) -> None:
        self.top = max(0, min(max(0, self.size - self.visible), self.top + delta))

    def follow(self) -> None:
        """Keep the focused row in view."""
        if self.focus < self.top:
            self.top = self.focus
        elif self.focus >= self.top + self.visible:
            self.top = self.focus - self.visible + 1
        self.top = max(0, min(self.top, max(0, self.size - self.visible)))

    def row_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(self.rect.x, self.rect.y + (index - self.top) * self.row_height, self.rect.width, self.row_height)

    def hit(self, pos) -> int | None:
        if not self.rect.collidepoint(pos):
            return None
        index = self.top + (pos[1] - self.rect.y) // self.row_height
        return index if index < self.size else None


class DebugOverlay(Screen):
    """Tools over the scene. `go` and `set` act through the runner and then call `changed`, so
    the scene screen below shows the result at once."""

    name = "debug"
    takes_typing = True  # letters filter the lists: V is a letter here, not self-voicing
    opaque = False

    def __init__(self, app, changed=lambda: None):
        super().__init__(app)
        self.changed = changed
        self.pane = SCENES
        self.filter = ""
        self.editing: str | None = None
        self.message, self.message_is_error = "", False
        self.panes = [Pane(pygame.Rect(0, 0, 0, 0)), Pane(pygame.Rect(0, 0, 0, 0))]
        self.box = pygame.Rect(0, 0, 0, 0)
        self.scenes: list[str] = []
        self.refilter(keep_scene=app.session.runner.state.scene)

    # --- what is listed --------------------------------------------------------------------

    @property
    def runner(self):
        return self.app.session.runner

    def refilter(self, keep_scene: str | None = None) -> None:
        """The lists for the filter typed so far; the focus stays on the same scene if it is listed."""
        story, words = self.runner.story, self.filter.lower().split()
        shown = self.scenes
        focused = keep_scene or (shown[self.panes[SCENES].focus] if self.panes[SCENES].focus < len(shown) else None)
        self.variables = [row for row in variable_rows(story, self.runner.state) if all(w in row.name for w in words)]
        self.scenes = matching_scenes(story, self.filter)
        if focused in self.scenes:
            self.panes[SCENES].focus = self.scenes.index(focused)
        else:
            self.panes[SCENES].focus = 0
        self.panes[VARIABLES].resize(len(self.variables))
        self.panes[SCENES].resize(len(self.scenes))

    def story_changed(self) -> None:
        """The story was reloaded or the state changed underneath: list it again."""
        self.editing = None
        self.refilter()
        self.relayout()

    # --- layout ------------------------------------------------------------------------------

    def fonts(self):
        return self.app.font(17), self.app.font(17, bold=True), self.app.font(24, bold=True)

    def relayout(self) -> None:
        app = self.app
        margin = app.px(24)
        self.box = pygame.Rect(margin, margin, app.size[0] - 2 * margin, app.size[1] - 2 * margin)
        body, bold, heading = self.fonts()
        pad = app.px(20)
        self.row_height = body.get_height() + app.px(8)
        top = self.box.y + pad + heading.get_height() + app.px(8) + 2 * (body.get_height() + app.px(4)) + app.px(10)
        self.filter_rect = pygame.Rect(self.box.x + pad, top, self.box.width - 2 * pad, self.row_height + app.px(4))
        top = self.filter_rect.bottom + app.px(12) + bold.get_height() + app.px(6)
        bottom = self.box.bottom - pad - body.get_height() - app.px(10)
        gap = app.px(24)
        width = (self.box.width - 2 * pad - gap) // 2
        for index, pane in enumerate(self.panes):
            x = self.box.x + pad + index * (width + gap)
            pane.rect = pygame.Rect(x, top, width, max(self.row_height, bottom - top))
            pane.row_height = self.row_height
            pane.follow()

    # --- input --------------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        act = intent.act
        if self.editing is not None:
            self.handle_edit(intent)
        elif act in (Act.BACK, Act.DEBUG):
            self.app.sound_of("back")()
            self.app.pop()
        elif intent.text:  # typing wins over what a letter, a digit or Space does elsewhere
            self.set_filter(self.filter + intent.text)
        elif act is Act.UNDO:
            self.set_filter(self.filter[:-1])
        elif act in (Act.NEXT_FIELD, Act.LEFT, Act.RIGHT):
            self.pane = VARIABLES if act is Act.LEFT else SCENES if act is Act.RIGHT else 1 - self.pane
        elif act in (Act.UP, Act.DOWN, Act.PAGE_UP, Act.PAGE_DOWN):
            pane = self.panes[self.pane]
            step = pane.visible - 1 if act in (Act.PAGE_UP, Act.PAGE_DOWN) else 1
            pane.move(-step if act in (Act.UP, Act.PAGE_UP) else step)
        elif act in (Act.SCROLL_UP, Act.SCROLL_DOWN):
            self.panes[self.pane].scroll(-3 if act is Act.SCROLL_UP else 3)
        elif act is Act.ACTIVATE:
            self.activate()
        elif act in (Act.CLICK, Act.POINT):
            self.pointer(intent.pos, click=act is Act.CLICK)

    def handle_edit(self, intent: Intent) -> None:
        act = intent.act
        if act is Act.BACK:
            self.editing, self.message = None, ""
        elif intent.text:
            self.editing += intent.text
        elif act is Act.UNDO:
            self.editing = self.editing[:-1]
        elif act is Act.ACTIVATE:
            self.apply_edit()

    def set_filter(self, typed: str) -> None:
        self.filter = typed
        self.refilter()
        if self.scenes and not self.variables:
            self.pane = SCENES
        elif self.variables and not self.scenes:
            self.pane = VARIABLES

    def pointer(self, pos, click: bool) -> None:
        for index, pane in enumerate(self.panes):
            hit = pane.hit(pos)
            if hit is None:
                continue
            again = self.pane == index and pane.focus == hit
            self.pane, pane.focus = index, hit
            if click and (again or index == VARIABLES):
                self.activate()
            return

    def activate(self) -> None:
        pane = self.panes[self.pane]
        if self.pane == SCENES and self.scenes:
            self.go(self.scenes[pane.focus])
        elif self.pane == VARIABLES and self.variables:
            row = self.variables[pane.focus]
            value = self.runner.state.variables[row.name]
            self.editing = value if self.runner.story.variables[row.name].type == STR else format_value(value)
            self.message = ""

    # --- acting ---------------------------------------------------------------------------------

    def go(self, scene_id: str) -> None:
        try:
            self.runner.go_to(scene_id)
        except (RunnerError, StoryRuntimeError) as exc:
            self.say(str(exc), error=True)
            return
        self.app.session.autosave()
        self.app.sound_of("click")()
        self.app.pop()
        self.changed()
        self.app.toast(f"Went to {scene_id}: undo starts here.")

    def apply_edit(self) -> None:
        row = self.variables[self.panes[VARIABLES].focus]
        variable = self.runner.story.variables[row.name]
        try:
            value = parse_value(variable, self.editing)
            self.runner.set_variable(row.name, value)
        except (ValueError, RunnerError) as exc:
            self.say(str(exc), error=True)
            return
        self.editing = None
        self.app.session.autosave()
        self.changed()
        self.refilter()
        self.say(f"{row.name} = {format_value(value)}: undo starts here")

    @property
    def story_folder(self) -> str:
        """The story folder as it was named on the command line."""
        live = getattr(self.app.live, "live", None)
        return live.display if live is not None else str(self.runner.story.root)

    def say(self, message: str, error: bool = False) -> None:
        self.message, self.message_is_error = message, error

    # --- drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        app, theme = self.app, self.app.theme
        body, bold, heading = self.fonts()
        shade(surface, theme, 215)
        panel(surface, self.box, theme, alpha=250)
        pad = app.px(20)
        x, y = self.box.x + pad, self.box.y + pad
        text(surface, "Debug", heading, theme.accent, (x, y))
        hint = "Type to filter  ·  Tab: switch list  ·  Enter: go / set  ·  F3 or Esc: close"
        hint_font = app.font(15)
        if hint_font.size(hint)[0] < self.box.width - 2 * pad - heading.size("Debug")[0] - app.px(20):
            text(surface, hint, hint_font, theme.muted, (self.box.right - pad, y + heading.get_height() - hint_font.get_height()), align="right")
        y += heading.get_height() + app.px(8)
        state, scene = self.runner.state, self.runner.story.scenes[self.runner.state.scene]
        chapter = f"  ·  chapter {scene.chapter}" if scene.chapter else ""
        self.clipped(surface, f"Scene {scene.id}{chapter}  ·  {scene.place}", bold, theme.text, x, y, self.box.width - 2 * pad)
        y += body.get_height() + app.px(4)
        self.clipped(surface, f"{len(state.history)} moves since the last jump  ·  {state.draws} random draws  ·  seed {state.seed}  ·  story {self.story_folder}", body, theme.muted, x, y, self.box.width - 2 * pad)
        self.draw_filter(surface, body)
        self.draw_variables(surface, body, bold)
        self.draw_scenes(surface, body, bold)
        if self.message:
            color = theme.danger if self.message_is_error else theme.accent
            self.clipped(surface, self.message, body, color, x, self.box.bottom - pad - body.get_height(), self.box.width - 2 * pad)

    def clipped(self, surface, words: str, font, color, x: int, y: int, width: int) -> int:
        """One line of text cut at `width` (with an ellipsis) instead of running out of the panel;
        returns where it ends."""
        if font.size(words)[0] > width:
            while words and font.size(words + "…")[0] > width:
                words = words[:-1]
            words += "…"
        return text(surface, words, font, color, (x, y)).right

    def draw_filter(self, surface, body) -> None:
        theme, rect = self.app.theme, self.filter_rect
        pygame.draw.rect(surface, theme.button, rect, border_radius=6)
        pygame.draw.rect(surface, theme.text, rect, width=2, border_radius=6)
        label = "Filter: "
        text(surface, label, body, theme.muted, (rect.x + self.app.px(10), rect.centery - body.get_height() // 2))
        x, y = rect.x + self.app.px(10) + body.size(label)[0], rect.centery - body.get_height() // 2
        if self.filter:
            end = self.clipped(surface, self.filter, body, theme.text, x, y, rect.right - x - self.app.px(20))
        else:
            end = x
            self.clipped(surface, "  type part of a scene or variable name", body, theme.muted, x, y, rect.right - x - self.app.px(20))
        if self.editing is None:
            self.caret(surface, end, y, body)

    def caret(self, surface, x: int, y: int, font) -> None:
        pygame.draw.rect(surface, self.app.theme.focus, (x + 1, y + font.get_height() // 8, max(2, self.app.px(2)), font.get_height() * 3 // 4))

    def draw_heading(self, surface, pane_index: int, words: str, bold) -> None:
        theme, pane = self.app.theme, self.panes[pane_index]
        color = theme.accent if self.pane == pane_index else theme.muted
        y = pane.rect.y - bold.get_height() - self.app.px(6)
        rect = text(surface, words, bold, color, (pane.rect.x, y))
        if self.pane == pane_index:
            pygame.draw.line(surface, theme.accent, (rect.x, rect.bottom + 1), (rect.right, rect.bottom + 1), max(2, self.app.px(2)))

    def draw_variables(self, surface, body, bold) -> None:
        theme, pane = self.app.theme, self.panes[VARIABLES]
        self.draw_heading(surface, VARIABLES, f"Variables ({len(self.variables)})  ·  Enter: set", bold)
        name_width = max((body.size(row.name)[0] for row in self.variables), default=0) + self.app.px(28)
        name_width = min(name_width, pane.rect.width // 2)
        for index in range(pane.top, min(pane.size, pane.top + pane.visible)):
            row, rect = self.variables[index], pane.row_rect(index)
            focused = self.pane == VARIABLES and index == pane.focus
            self.draw_row_back(surface, rect, focused, index == pane.focus)
            ty = rect.centery - body.get_height() // 2
            self.clipped(surface, row.name, body, theme.text, rect.x + self.app.px(8), ty, name_width - self.app.px(12))
            value_x = rect.x + name_width
            room = rect.right - value_x - self.app.px(8)
            if focused and self.editing is not None:
                edit = rect.inflate(-self.app.px(4), -self.app.px(4))
                edit.x, edit.width = value_x - self.app.px(4), room + self.app.px(8)
                pygame.draw.rect(surface, theme.panel, edit, border_radius=4)
                pygame.draw.rect(surface, theme.accent, edit, width=2, border_radius=4)
                self.caret(surface, self.clipped(surface, self.editing, body, theme.text, value_x, ty, room), ty, body)
                continue
            value_color = theme.accent if row.changed else theme.text
            value_rect = text(surface, row.value, body, value_color, (value_x, ty))
            kind_room = rect.right - value_rect.right - self.app.px(20)
            if body.size(row.kind)[0] <= kind_room:
                text(surface, row.kind, body, theme.muted, (rect.right - self.app.px(8), ty), align="right")
        if not self.variables:
            text(surface, "no variable matches", body, theme.muted, (pane.rect.x + self.app.px(8), pane.rect.y))
        self.draw_scrollbar(surface, pane)

    def draw_scenes(self, surface, body, bold) -> None:
        theme, pane = self.app.theme, self.panes[SCENES]
        self.draw_heading(surface, SCENES, f"Go to scene ({len(self.scenes)})  ·  visits", bold)
        here, visits = self.runner.state.scene, self.runner.state.visits
        for index in range(pane.top, min(pane.size, pane.top + pane.visible)):
            scene_id, rect = self.scenes[index], pane.row_rect(index)
            self.draw_row_back(surface, rect, self.pane == SCENES and index == pane.focus, index == pane.focus)
            ty = rect.centery - body.get_height() // 2
            count = visits.get(scene_id, 0)
            right = ("here  ·  " if scene_id == here else "") + (f"{count}×" if count else "–")
            right_width = body.size(right)[0]
            self.clipped(surface, scene_id, body, theme.accent if scene_id == here else theme.text, rect.x + self.app.px(8), ty, rect.width - right_width - self.app.px(28))
            text(surface, right, body, theme.text if count else theme.muted, (rect.right - self.app.px(8), ty), align="right")
        if not self.scenes:
            text(surface, "no scene matches", body, theme.muted, (pane.rect.x + self.app.px(8), pane.rect.y))
        self.draw_scrollbar(surface, pane)

    def draw_row_back(self, surface, rect: pygame.Rect, focused: bool, current: bool) -> None:
        theme = self.app.theme
        inner = rect.inflate(0, -self.app.px(3))
        if focused:
            pygame.draw.rect(surface, theme.button_hover, inner, border_radius=5)
            focus_ring(surface, inner, theme, radius=5)
        elif current:
            pygame.draw.rect(surface, theme.button, inner, border_radius=5)

    def draw_scrollbar(self, surface, pane: Pane) -> None:
        if pane.size <= pane.visible:
            return
        track = pygame.Rect(pane.rect.right + self.app.px(6), pane.rect.y, max(3, self.app.px(4)), pane.visible * pane.row_height)
        thumb = max(self.app.px(16), round(track.height * pane.visible / pane.size))
        y = track.y + round((track.height - thumb) * pane.top / max(1, pane.size - pane.visible))
        pygame.draw.rect(surface, self.app.theme.muted, (track.x, y, track.width, thumb), border_radius=2)
