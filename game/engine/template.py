"""Story text with {expression} interpolation: split once at load time, rendered per turn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .expr import Compiled, Compiler, EvalError, ExprError, format_value

MAX_RENDERED = 200_000  # characters of one rendered text: far above any story's, far below harm


@dataclass
class Template:
    """Text ready to render: a plain string, or literal parts and compiled expressions."""

    source: str
    parts: tuple = ()
    place: object = None  # where the text is written, for a run-time error in one of its {…}

    def render(self, state) -> str:
        if not self.parts:
            return self.source
        try:
            pieces = [part if isinstance(part, str) else format_value(part.evaluate(state)) for part in self.parts]
            if sum(map(len, pieces)) > MAX_RENDERED:  # measured before the text is built
                raise EvalError(f"this text would be longer than {MAX_RENDERED:,} characters")
        except EvalError as exc:
            exc.place = exc.place or self.place
            raise
        return "".join(pieces)

    @property
    def expressions(self) -> list[Compiled]:
        return [part for part in self.parts if not isinstance(part, str)]




def split_template(text: str) -> list[tuple[str, int, bool]]:
    """Split text into (piece, offset, is_expression); raises ExprError for stray braces."""
    pieces = []
    literal: list[str] = []
    literal_start = 0
    pos = 0
    while True:
        at = _next_brace(text, pos)
        if at < 0:
            literal.append(text[pos:])
            break
        brace = text[at:at + 2] if text[at:at + 2] in ("{{", "}}") else text[at]
        literal.append(text[pos:at])
        if brace in ("{{", "}}"):
            literal.append(brace[0])
            pos = at + 2
            continue
        if brace == "}":
            raise ExprError("a single '}' in text", at, "write }} for a literal brace")
        end = _closing_brace(text, at)
        if any(literal):
            pieces.append(("".join(literal), literal_start, False))
        literal = []
        pieces.append((text[at + 1:end], at + 1, True))
        pos = literal_start = end + 1
    if any(literal):
        pieces.append(("".join(literal), literal_start, False))
    return pieces


def _next_brace(text: str, pos: int) -> int:
    """The offset of the next { or } from pos, or -1 (str.find: story text is long, braces few)."""
    opening, closing = text.find("{", pos), text.find("}", pos)
    if opening < 0 or closing < 0:
        return max(opening, closing)
    return min(opening, closing)


def _closing_brace(text: str, start: int) -> int:
    end = text.find("}", start + 1)
    inside = text[start + 1:end]
    if end > 0 and "{" not in inside and "'" not in inside and '"' not in inside:
        return end  # the usual {name}: no quotes or braces inside
    quote = None
    for pos in range(start + 1, len(text)):
        char = text[pos]
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "}":
            return pos
        elif char == "{":
            break
    raise ExprError("a '{' in text has no matching '}'", start, "write {{ for a literal brace")


def compile_template(text: str, compiler: Compiler, on_error: Callable[[ExprError], None]) -> Template:
    """Compile text; each bad expression is passed to on_error (offsets into `text`)."""
    if "{" not in text and "}" not in text:
        return Template(text)
    try:
        pieces = split_template(text)
    except ExprError as exc:
        on_error(exc)
        return Template(text)
    parts = []
    for piece, offset, is_expression in pieces:
        if not is_expression:
            parts.append(piece)
            continue
        try:
            parts.append(compiler.compile(piece))
        except ExprError as exc:
            exc.offset += offset
            on_error(exc)
            parts.append(piece)
    if all(isinstance(p, str) for p in parts):
        return Template("".join(parts))
    return Template(text, tuple(parts))
