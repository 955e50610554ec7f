"""Raw pygame events become intents, so screens never read keys: keyboard, mouse and gamepad
buttons all arrive as the same few things."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

import pygame


class Act(enum.Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    ACTIVATE = "activate"      # Enter, Space, gamepad A
    BACK = "back"              # Esc, right click, gamepad B
    UNDO = "undo"              # Backspace, wheel up in a scene
    SCROLL_UP = "scroll_up"    # wheel up
    SCROLL_DOWN = "scroll_down"
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    CHOOSE = "choose"          # number keys 1-9 (number)
    POINT = "point"            # the mouse moved (pos)
    CLICK = "click"            # left click (pos)
    FULLSCREEN = "fullscreen"  # F11, Alt+Enter
    HISTORY = "history"        # H
    RELOAD = "reload"          # F5 (a writer tool, with --debug)
    DEBUG = "debug"            # F3 (a writer tool, with --debug)
    NEXT_FIELD = "next_field"  # Tab
    TYPE = "type"              # a printable key with no other meaning (text)
    QUIT = "quit"              # the window was closed
    RESIZED = "resized"
    TEXT = "text"              # typed characters (text), for fields such as a nickname
    VOICE = "voice"            # V: self-voicing on or off
    HELP = "help"              # F1: the keys and what each measure means


# what a held key may keep doing: move and scroll, never activate, choose, go back or undo
REPEATABLE = frozenset({Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT, Act.PAGE_UP, Act.PAGE_DOWN, Act.SCROLL_UP, Act.SCROLL_DOWN})


@dataclass(frozen=True)
class Intent:
    act: Act
    number: int = 0
    pos: tuple[int, int] = (0, 0)
    repeat: bool = False  # a key held down, not pressed again: may page text, never chooses
    text: str = ""             # the character(s) a key or text input types, for screens that take typing


_KEYS = {
    pygame.K_UP: Act.UP, pygame.K_DOWN: Act.DOWN, pygame.K_LEFT: Act.LEFT, pygame.K_RIGHT: Act.RIGHT,
    pygame.K_w: Act.UP, pygame.K_s: Act.DOWN, pygame.K_a: Act.LEFT, pygame.K_d: Act.RIGHT,
    pygame.K_RETURN: Act.ACTIVATE, pygame.K_KP_ENTER: Act.ACTIVATE, pygame.K_SPACE: Act.ACTIVATE,
    pygame.K_ESCAPE: Act.BACK, pygame.K_BACKSPACE: Act.UNDO,
    pygame.K_PAGEUP: Act.PAGE_UP, pygame.K_PAGEDOWN: Act.PAGE_DOWN,
    pygame.K_F11: Act.FULLSCREEN, pygame.K_h: Act.HISTORY,
    pygame.K_F5: Act.RELOAD, pygame.K_F3: Act.DEBUG, pygame.K_TAB: Act.NEXT_FIELD,
    pygame.K_v: Act.VOICE, pygame.K_F1: Act.HELP,
}
_PAD_BUTTONS = {0: Act.ACTIVATE, 1: Act.BACK, 2: Act.UNDO, 3: Act.HISTORY}
_PAD_HAT = {(0, 1): Act.UP, (0, -1): Act.DOWN, (-1, 0): Act.LEFT, (1, 0): Act.RIGHT}


class Keys:
    """Tells a fresh press (key down after key up) from key repeat, which pygame delivers as
    more KEYDOWN events: a key counts as held from its KEYDOWN until its KEYUP, however long the
    gap between its repeats (a busy machine can take a second over one frame), or until the
    window loses the keyboard."""

    def __init__(self):
        self.held: set[int] = set()

    def down(self, key: int) -> bool:
        """Note a KEYDOWN; True when it is a repeat of a key already held."""
        repeat = key in self.held
        self.held.add(key)
        return repeat

    def up(self, key: int) -> None:
        self.held.discard(key)

    def release_all(self) -> None:
        """The window lost the keyboard: key-ups may never come."""
        self.held.clear()

    def intents(self, event: pygame.event.Event) -> list[Intent]:
        if event.type == pygame.KEYDOWN:
            repeat = self.down(event.key)
            return [replace(i, repeat=repeat) for i in _key(event)]
        if event.type == pygame.KEYUP:
            self.up(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.release_all()
        return intents(event)


def intents(event: pygame.event.Event) -> list[Intent]:
    """The intents one pygame event stands for (often none); every key press counts as fresh
    here; `Keys` tells repeats apart."""
    kind = event.type
    if kind == pygame.QUIT:
        return [Intent(Act.QUIT)]
    if kind == pygame.KEYDOWN:
        return _key(event)
    if kind == pygame.TEXTINPUT:
        return [Intent(Act.TEXT, text=event.text)]
    if kind == pygame.MOUSEMOTION:
        return [Intent(Act.POINT, pos=event.pos)]
    if kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return [Intent(Act.CLICK, pos=event.pos)]
    if kind == pygame.MOUSEBUTTONDOWN and event.button == 3:
        return [Intent(Act.BACK, pos=event.pos)]
    if kind == pygame.MOUSEWHEEL:
        return [Intent(Act.SCROLL_UP if event.y > 0 else Act.SCROLL_DOWN)] if event.y else []
    if kind in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        return [Intent(Act.RESIZED)]
    if kind == pygame.JOYBUTTONDOWN and event.button in _PAD_BUTTONS:
        return [Intent(_PAD_BUTTONS[event.button])]
    if kind == pygame.JOYHATMOTION and tuple(event.value) in _PAD_HAT:
        return [Intent(_PAD_HAT[tuple(event.value)])]
    return []


def _key(event) -> list[Intent]:
    typed = _typed(event)
    if event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT:
        return [Intent(Act.FULLSCREEN)]
    if pygame.K_1 <= event.key <= pygame.K_9:
        return [Intent(Act.CHOOSE, number=event.key - pygame.K_0, text=typed)]
    if pygame.K_KP1 <= event.key <= pygame.K_KP9:
        return [Intent(Act.CHOOSE, number=event.key - pygame.K_KP1 + 1, text=typed)]
    act = _KEYS.get(event.key)
    if act:
        return [Intent(act, text=typed)]
    return [Intent(Act.TYPE, text=typed)] if typed else []


def _typed(event) -> str:
    """The printable character a key types ('' for Ctrl/Alt chords and keys that type none)."""
    char = getattr(event, "unicode", "") or ""
    if len(char) != 1 or not char.isprintable() or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return ""
    return char
