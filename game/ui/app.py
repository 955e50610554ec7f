"""The window: one App owns the display, settings, fonts, audio and a stack of screens."""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

import pygame

from .. import paths
from ..engine import SaveStore, Story, StoryRuntimeError
from ..classroom.record import Recorder
from ..gallery import Gallery
from ..session import Session
from .audio import Audio
from .fonts import Fonts
from .images import Images
from .input import REPEATABLE, Act, Keys
from . import png
from .layout import smallest_px, unit_of
from .registry import Screens
from .settings import Settings, SettingsFile
from .textlayout import LineCache, TextStyle, wrap_paragraph
from .theme import THEMES, Theme
from .voice import Voice, sentences
from .widgets import panel, text

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 400)
TOAST_SECONDS = 2.5


# Idle, the loop looks for input 60 times a second (as often as it would draw) and wakes once a
# second anyway for its timers. Not pygame.event.wait: with SDL 2.28 it polls every millisecond
# inside, which kept 4-6% of a core busy on a title screen where nothing moves.
IDLE_POLL_S = 1 / 60
IDLE_WAKE_S = 1.0


def wait_for_events(timeout: float) -> list:
    """The events that arrive within `timeout` seconds (all of them, once the first is in)."""
    deadline = time.monotonic() + timeout
    while True:
        events = pygame.event.get()
        if events or time.monotonic() >= deadline:
            return events
        time.sleep(IDLE_POLL_S)


class App:
    """The game in a window. Screens are a stack: the top one gets the intents."""

    def __init__(self, story: Story, *, size: tuple[int, int] = DEFAULT_SIZE, save_dir: Path | None = None,
                 settings: Settings | None = None, data_dir: Path | None = None):
        pygame.init()
        self.now = time.monotonic  # the clock screens read (tests replace it)
        self.keys = Keys()
        self.started = time.perf_counter()
        self.story = story
        data = Path(data_dir) if data_dir else paths.user_data_dir()
        self.data_dir = data  # the per-user folder: settings, gallery, session records, saved prints
        self.settings_file = SettingsFile(data / "settings.json")
        self.settings = settings or self.settings_file.load()
        self.windowed_size = size
        self.window = self._open_window()
        pygame.display.set_caption(story.title)
        pygame.key.set_repeat(350, 40)
        self.fonts = Fonts(paths.assets_dir() / "fonts")
        self.images = Images()
        self.lines = LineCache()
        self.audio = Audio()
        self.audio.set_volumes(self.settings.music_volume, self.settings.sound_volume)
        store = SaveStore(paths.save_dir(story.id, save_dir), story)
        gallery = Gallery(data / f"gallery-{story.id}.json", story.id)
        self.session = Session(story, store, gallery, thumbnail=self.thumbnail)
        self.session.recorder = Recorder(story, data / "sessions" / story.id, allowed=lambda: self.settings.session_records)
        self.screens = Screens()
        self.stack: list = []
        self.dirty = True
        self.running = True
        self.clock = pygame.time.Clock()
        self.last_step = self.now()
        self.toast_text, self.toast_until = "", 0.0
        self.live = None  # the writer's tools (ui/live.py: F3, F5, --watch), with --debug
        self.voice = Voice()
        self.voiced: tuple = (None, "", "")  # the screen, words and focus self-voicing read last
        self.unspoken_toast = ""
        if self.settings.self_voicing and not self.voice.available:
            self.toast(self.voice.notice)
        for notice in (self.settings_file.notice, gallery.notice, self.audio.notice):
            if notice:
                self.toast(notice)

    # --- window and settings ------------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if pygame.display.get_driver() in ("offscreen", "dummy") and os.environ.get("SDL_VIDEODRIVER") not in ("offscreen", "dummy"):
            pygame.quit()  # SDL found no display and drew nowhere: the player would see nothing
            raise RuntimeError("no display answered, SDL chose its offscreen driver")
        return window

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    @property
    def theme(self) -> Theme:
        return THEMES[self.settings.theme]

    @property
    def unit(self) -> float:
        """1.0 at 1280x720; every length in the layout is a multiple of it."""
        return unit_of(self.size)

    def px(self, n: float) -> int:
        return max(1, round(n * self.unit))

    def font(self, size: float, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        """A font `size` pixels high at 1280x720 and text size 1.0, following the text-size and
        font settings, and never smaller than 0.75 of the body text."""
        scale = self.settings.text_scale
        px = max(smallest_px(self.size, scale), round(size * self.unit * scale))
        return self.fonts.get(self.settings.font, px, bold, italic)

    def apply_settings(self, save: bool = True) -> None:
        """Settings take effect at once: theme, fonts, volumes, fullscreen; every screen re-lays out."""
        fullscreen_now = bool(self.window.get_flags() & pygame.FULLSCREEN)
        if fullscreen_now != self.settings.fullscreen:
            if not fullscreen_now:
                self.windowed_size = self.size
            self.window = self._open_window()
        self.audio.set_volumes(self.settings.music_volume, self.settings.sound_volume)
        self.lines.clear()
        self.relayout()
        if save:
            self.settings_file.save(self.settings)
            if self.settings_file.notice:
                self.toast(self.settings_file.notice)
                self.settings_file.notice = ""

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.apply_settings()

    def relayout(self) -> None:
        width, height = self.size
        if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
            self.window = pygame.display.set_mode((max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])), pygame.RESIZABLE)
        for screen in self.stack:
            screen.relayout()
        self.dirty = True

    def sound_of(self, name: str):
        """A callable that plays one of the interface sounds (click, hover, back)."""
        path = paths.assets_dir() / "sound" / f"{name}.ogg"
        return lambda: self.audio.sound(path)

    # --- the stack ------------------------------------------------------------------------

    def make(self, screen, **options):
        """A screen by name (`"slots", saving=True`), or a screen object as it is."""
        return self.screens.make(screen, self, **options) if isinstance(screen, str) else screen

    def push(self, screen, **options) -> None:
        """Open a screen over the others: `app.push("settings")`."""
        screen = self.make(screen, **options)
        self.stack.append(screen)
        screen.enter()
        screen.relayout()
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop().exit()
            self.stack[-1].resume()
        self.dirty = True

    def replace(self, screen, **options) -> None:
        screen = self.make(screen, **options)
        if self.stack:
            self.stack.pop().exit()
        self.push(screen)

    def reset(self, screen, **options) -> None:
        """Clear the stack down to `screen` (back to the title, into a new game)."""
        screen = self.make(screen, **options)
        while self.stack:
            self.stack.pop().exit()
        self.push(screen)

    def undo_from_overlay(self) -> None:
        """Close the overlay on top (menu, error, ending) and undo the last move in the scene."""
        self.pop()
        scene = self.find("scene")
        if scene:
            scene.undo()

    @property
    def top(self):
        return self.stack[-1]

    def find(self, name: str):
        """The topmost screen of that name on the stack, or None."""
        return next((s for s in reversed(self.stack) if s.name == name), None)

    # --- the loop ---------------------------------------------------------------------------

    def toast(self, message: str) -> None:
        self.toast_text, self.toast_until = message, self.now() + TOAST_SECONDS
        self.dirty = True
        self.unspoken_toast = message

    # --- self-voicing ------------------------------------------------------------------------

    def speak(self, words: str, interrupt: bool = True) -> None:
        """Say `words` aloud when self-voicing is on; returns at once (ui/voice.py speaks)."""
        if self.settings.self_voicing:
            self.voice.say(words, interrupt)

    def toggle_voice(self) -> None:
        self.settings.self_voicing = not self.settings.self_voicing
        self.apply_settings()
        if not self.settings.self_voicing:
            self.voice.silence()
            self.toast("Self-voicing off")
        elif not self.voice.available:
            self.toast(self.voice.notice)
        else:
            self.toast("Self-voicing on")
            self.voiced = (None, "", "")
            self.top.voiced_words = None  # read the whole screen now

    def follow_voice(self) -> None:
        """Read what changed: a new toast, then the top screen — all of it when the screen or
        its words are new (words, then the focused control), only the focus when that moved.
        A screen shown again with the same words (a menu closed over it) gets its focus read."""
        if not self.settings.self_voicing or not self.stack:
            self.unspoken_toast = ""
            return
        top = self.top
        words, focus = top.spoken()
        screen, said, focused = self.voiced
        parts = [self.unspoken_toast] if self.unspoken_toast else []
        if top is not screen and top.voiced_words == words:
            parts.append(focus)
        elif top is not screen or words != said:
            parts += [words, focus]
        elif focus != focused:
            parts.append(focus)
        spoken = sentences(parts)
        if spoken:
            self.speak(spoken)
        self.voiced, self.unspoken_toast = (top, words, focus), ""
        top.voiced_words = words

    def animating(self) -> bool:
        return bool(self.toast_text) or any(getattr(s, "animating", False) for s in self.stack)

    def run(self) -> int:
        while self.running:
            self.step()
        self.close()
        return 0

    def close(self) -> None:
        self.voice.close()
        pygame.quit()

    def step(self, block: bool = True) -> None:
        """One turn of the loop. When nothing animates it sleeps until an event comes."""
        if self.animating() or not block:
            events = pygame.event.get()
            self.clock.tick(60)  # keeps to 60 frames a second; the time itself is read from self.now
        else:
            events = wait_for_events(IDLE_WAKE_S)
        now = self.now()
        dt = min(0.1, max(0.0, now - self.last_step))  # one clock for animations and timers alike
        self.last_step = now
        for event in events:
            for intent in self.keys.intents(event):
                self.dispatch(intent)
        self.frame(dt)

    def frame(self, dt: float) -> None:
        """Advance animations by dt and draw if anything changed (the cost of one frame)."""
        self.guarded(lambda: self.update(dt))
        if self.dirty:
            self.guarded(self.follow_voice)
            self.guarded(self.draw)
            pygame.display.flip()
            self.dirty = False

    def dispatch(self, intent) -> None:
        if intent.act is Act.QUIT:
            self.running = False
            return
        if intent.act is Act.RESIZED:
            self.relayout()
            return
        if intent.act is Act.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if intent.act is Act.VOICE and not self.top.takes_typing:
            self.dirty = True
            if not intent.repeat:
                self.toggle_voice()
            return
        if intent.act is Act.HELP and not self.top.takes_typing and self.top.name != "help":  # F1 on help closes it
            self.dirty = True
            if not intent.repeat:
                self.push("help")
            return
        if intent.repeat and intent.act not in REPEATABLE and not self.top.pages_on_repeat:
            return
        self.dirty = True
        if self.live is not None and self.live.handle(intent):
            return
        self.guarded(lambda: self.top.handle(intent))

    def update(self, dt: float) -> None:
        if self.toast_text and self.now() > self.toast_until:
            self.toast_text = ""
            self.dirty = True
        if self.live is not None:
            self.live.poll()
        for screen in list(self.stack):
            if screen.update(dt):
                self.dirty = True

    def draw(self, surface: pygame.Surface | None = None, upto=None) -> None:
        surface = surface or self.window
        stack = self.stack if upto is None else self.stack[: self.stack.index(upto) + 1]
        if not stack:
            return
        first = max((i for i, s in enumerate(stack) if s.opaque), default=0)
        stack[first].draw(surface)
        if len(stack) - 1 > first:  # only the top overlay over it: no menu showing through another
            stack[-1].draw(surface)
        if surface is self.window and self.toast_text:
            self.draw_toast(surface)

    def draw_toast(self, surface: pygame.Surface) -> None:
        """A short notice, wrapped, above the footer line of hints (which it must not cover)."""
        font = self.font(18)
        style = TextStyle(font, font, font.get_height() + self.px(2), 0)
        lines = wrap_paragraph(self.toast_text, min(self.size[0] - self.px(80), self.px(900)), style)[:3]
        width = max(line.width for line in lines) + self.px(32)
        rect = pygame.Rect(0, 0, width, len(lines) * style.line_height + self.px(18))
        rect.midbottom = (self.size[0] // 2, self.size[1] - self.font(15).get_height() - self.px(28))
        panel(surface, rect, self.theme, alpha=250)
        pygame.draw.rect(surface, self.theme.button_edge, rect, width=self.theme.edge_width, border_radius=10)
        y = rect.y + self.px(9)
        for line in lines:
            image = self.lines.render(line, style, self.theme.text)
            surface.blit(image, image.get_rect(midtop=(rect.centerx, y)))
            y += style.line_height

    # --- errors -----------------------------------------------------------------------------

    def guarded(self, action) -> None:
        """Run part of the loop; an exception becomes the error panel, never a closed window."""
        try:
            action()
        except StoryRuntimeError as exc:
            self.show_error(f"The story stopped working at {exc.place}.", exc.message)
        except Exception as exc:  # noqa: BLE001 - the window must stay open
            log = self.write_crash_log()
            self.show_error(f"Something went wrong inside the game ({type(exc).__name__}).", f"{exc}{log}")

    def show_error(self, title: str, detail: str) -> None:
        if self.stack and self.top.name == "error":
            self.top.add(detail)
            return
        self.push("error", heading=title, detail=detail)

    def write_crash_log(self) -> str:
        log = paths.user_data_dir() / "crash.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(traceback.format_exc(), encoding="utf-8")
            return f" (details in {log})"
        except OSError:
            return ""

    # --- thumbnails ------------------------------------------------------------------------

    def thumbnail(self) -> bytes | None:
        """The current scene, small, as PNG bytes for a save slot."""
        scene = self.find("scene")
        if scene is None:
            return None
        if scene.turn is not self.session.runner.turn:
            scene.follow()  # the move was just made: picture where it led, not where it was made
        frame = pygame.Surface(self.size)
        with scene.as_picture():
            self.draw(frame, upto=scene)
        small = pygame.transform.smoothscale(frame, (384, round(384 * self.size[1] / self.size[0])))
        return png.encode(small)  # not pygame.image.save into a BytesIO, which leaks it (png.py)
