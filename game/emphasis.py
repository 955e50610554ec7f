"""`*emphasis*` in story text for the terminal: italic where the terminal can show it, the
words alone where it cannot (piped output, TERM=dumb, NO_COLOR). The window sets it in italic
type (game/ui/textlayout.py); the same rule decides what counts: a pair of asterisks around
text on one line, so a lone asterisk stays as it is."""

from __future__ import annotations

import os
import re
import textwrap

EMPHASIS = re.compile(r"\*([^*\n]+)\*")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks: survive wrapping, never in a story
ITALIC, ROMAN = "\x1b[3m", "\x1b[23m"


def can_show_italic(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM", "") != "dumb" and "NO_COLOR" not in os.environ


def wrap(text: str, width: int, italic: bool, **options) -> str:
    """textwrap.fill for text that may hold *emphasis*: the asterisks never reach the screen."""
    marked = EMPHASIS.sub(lambda m: _OPEN + m.group(1) + _CLOSE, text)
    lines = textwrap.wrap(marked, width, **options) or [""]
    if not italic:
        return "\n".join(line.replace(_OPEN, "").replace(_CLOSE, "") for line in lines)
    shown, inside = [], False
    for line in lines:
        if inside:
            line = _OPEN + line
        inside = line.rfind(_OPEN) > line.rfind(_CLOSE)
        if inside:
            line += _CLOSE  # close at the line's end, reopen on the next: each line stands alone
        shown.append(line.replace(_OPEN, ITALIC).replace(_CLOSE, ROMAN))
    return "\n".join(shown)
