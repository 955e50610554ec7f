"""Typography for what the player reads in the window: curly quotes and apostrophes, en dashes
and a real minus sign, put in at display time so story files stay plain to type."""

from __future__ import annotations

import re

MINUS = "\u2212"
EN_DASH = "\u2013"
ELLIPSIS = "\u2026"

_OPENS_AFTER = r"(^|[\s(\[{*\u2013\u2014/])"  # a quote after these opens; `*` is emphasis
_DASH = re.compile(r"(?<=\S) - (?=\S)")
_DOUBLE_OPEN = re.compile(_OPENS_AFTER + '"')
_SINGLE_OPEN = re.compile(_OPENS_AFTER + "'")


def typeset(text: str) -> str:
    """`"Don't - go," she said` becomes `“Don’t – go,” she said`."""
    if '"' not in text and "'" not in text and " - " not in text:
        return text
    text = _DASH.sub(f" {EN_DASH} ", text)
    text = _DOUBLE_OPEN.sub("\\1\u201c", text).replace('"', "\u201d")
    text = _SINGLE_OPEN.sub("\\1\u2018", text).replace("'", "\u2019")
    return text
