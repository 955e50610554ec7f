"""YAML syntax errors in plain words: what the writer probably did, on the line where they did it.

LibYAML (and PyYAML's pure-Python parser) report where reading *failed*, which is often a line
or a few characters after the mistake, in the parser's own terms ("did not find expected key").
This module reads the lines around that place and names the usual causes instead: wrong
indentation, text that starts with a YAML symbol, an unquoted ': ' or ' #', a tab, an unclosed or
early-closed quote. It only explains; yamlsrc reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .storyformat import MAPPINGS

_KEY = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[A-Za-z_][\w-]*|'[^']*'|\"[^\"]*\") *:(?: +|$)")
_TEXT_KEY = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s:#'\"-][^:#]*?) *: +")
_SYMBOLS = {
    "{": "YAML reads a value that starts with '{' as a mapping ({key: value})",
    "[": "YAML reads a value that starts with '[' as a list ([a, b])",
    "*": "YAML reads a value that starts with '*' as a reference to an &anchor",
    "&": "YAML reads a value that starts with '&' as an anchor name",
    "!": "YAML reads a value that starts with '!' as a tag",
    "%": "YAML does not allow a value to start with '%'",
    "@": "YAML does not allow a value to start with '@'",
    "`": "YAML does not allow a value to start with a backquote",
}
# Keys that live in one mapping together: a key lines up with the nearest of its kin above.
_FAMILIES = [frozenset(m.names) for m in MAPPINGS.values()]
_CUT = re.compile(r"( +)#(\S.*)")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break
_INDENT_PROBLEMS = ("did not find expected key", "did not find expected '-' indicator", "expected <block end>")


@dataclass(frozen=True)
class Explanation:
    """Where a YAML mistake probably is (line and column from 1), in plain words, with the fix."""

    line: int
    column: int
    message: str
    hint: str = ""


@dataclass(frozen=True)
class _Line:
    number: int  # from 0
    text: str

    @property
    def blank(self) -> bool:
        stripped = self.text.strip()
        return not stripped or stripped.startswith("#")

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def key(self):
        return _KEY.match(self.text)

    @property
    def key_column(self) -> int:
        """Where this line's key starts (after any '- '), or its indent when it has none."""
        match = self.key
        return match.start("key") if match else self.indent + len(re.match(r"(?:- +)*", self.text[self.indent:]).group())

    @property
    def key_name(self) -> str:
        match = self.key
        return match.group("key") if match else ""

    def value(self) -> tuple[int, str]:
        """(column from 0, text) of the value after 'key: ' on this line; (-1, '') when none."""
        match = self.key or _TEXT_KEY.match(self.text)
        if not match or match.end() >= len(self.text):
            return -1, ""
        return match.end(), self.text[match.end():]


def explain(exc, text: str) -> Explanation:
    """Plain words for a yaml.MarkedYAMLError raised while reading `text`."""
    lines = [_Line(n, line) for n, line in enumerate(_LINE_BREAK.split(text))]
    mark = exc.problem_mark or exc.context_mark
    problem, context = exc.problem or "", exc.context or ""
    if mark is None:
        return Explanation(0, 0, problem or "the file cannot be read as YAML")
    here = lines[min(mark.line, len(lines) - 1)]
    for rule in (_unclosed_quote, _tab, _symbol, _early_quote, _colon_or_indent, _indentation):
        try:
            found = rule(exc, mark, here, lines)
        except (IndexError, ValueError):  # a guess about odd text must never hide the error itself
            found = None
        if found:
            return found
    where = f" ({context} that starts at line {exc.context_mark.line + 1})" if context and exc.context_mark else ""
    return Explanation(mark.line + 1, mark.column + 1, f"{problem or 'cannot read this'}{where}", "look at this line and the one above it: indentation, quotes and ':' are the usual causes")


def _unclosed_quote(exc, mark, here: _Line, lines) -> Explanation | None:
    if not (exc.context or "").startswith("while scanning a quoted scalar") or exc.context_mark is None:
        return None
    start = exc.context_mark
    quote = lines[min(start.line, len(lines) - 1)].text[start.column:start.column + 1] or '"'
    return Explanation(start.line + 1, start.column + 1, "this quoted text has no closing quote", f"end it with {quote} on the line where the text ends")


def _tab(exc, mark, here: _Line, lines) -> Explanation | None:
    leading = here.text[:len(here.text) - len(here.text.lstrip(" \t"))]
    if "\t" in leading:
        return Explanation(here.number + 1, leading.index("\t") + 1, "this line is indented with a tab", "YAML allows only spaces for indenting: set your editor to insert spaces for Tab")
    if here.text[mark.column:mark.column + 1] == "\t":
        return Explanation(here.number + 1, mark.column + 1, "there is a tab here, where YAML allows only spaces", "replace the tab with a space")
    return None


def _symbol(exc, mark, here: _Line, lines) -> Explanation | None:
    """A value such as `{name} waits.` or `*sigh*`: it starts with a YAML symbol."""
    for line in _this_and_above(here, lines, exc):
        column, value = line.value()
        if not value or value[0] not in _SYMBOLS:
            continue
        if value[0] in "{[":
            close = _closing(value)
            if line.number == mark.line and (close < 0 or mark.column <= column + close) and not _is_constructor(exc):
                continue  # a flow mapping or list that is broken inside: not this mistake
        return Explanation(line.number + 1, column + 1, f"{_SYMBOLS[value[0]]}, so this text cannot be read", f"put the text in quotes: {_quoted(line, column, value)}")
    return None


def _early_quote(exc, mark, here: _Line, lines) -> Explanation | None:
    """`'It's raining.'`: the quote closes early and more text follows on the same line."""
    column, value = here.value()
    if not value or value[0] not in "'\"" or mark.column <= column:
        return None
    quote = value[0]
    close = value.find(quote, 1)
    if close < 0 or column + close >= mark.column:
        return None
    if quote == "'":
        hint = "inside '…' write an apostrophe twice, as in 'It''s', or put the text in double quotes"
    else:
        hint = "inside \"…\" write \\\" for a quote mark, or put the text in single quotes"
    return Explanation(here.number + 1, column + close + 1, f"the quoted text ends here, at the {'apostrophe' if quote == chr(39) else 'quote mark'}, and more text follows it", hint)


def _colon_or_indent(exc, mark, here: _Line, lines) -> Explanation | None:
    """'mapping values are not allowed': an unquoted ': ' in text, or a line indented too far."""
    if not (exc.problem or "").startswith("mapping values are not allowed"):
        return None
    above = _above(here, lines)
    key = here.key
    if key and mark.column == here.text.index(":", key.end("key")) and above is not None and here.indent > above.key_column:
        return _too_far(here, above, lines)
    start_line, start_column = here, _TEXT_KEY.match(here.text)
    column, value = here.value()
    if start_column is None or not value:
        if above is not None and above.value()[1]:
            start_line = above
            column, value = above.value()
    if value:
        return Explanation(mark.line + 1, mark.column + 1, "this text has ': ' in it, which YAML reads as the start of a new key", f"put the whole text in quotes: {_quoted(start_line, column, value)}")
    return Explanation(mark.line + 1, mark.column + 1, "there is a ': ' here that YAML cannot place", "if it is part of a text, put the text in quotes")


def _indentation(exc, mark, here: _Line, lines) -> Explanation | None:
    """Too little (or, after a finished value, too much) indentation."""
    if not (exc.problem or "").startswith(_INDENT_PROBLEMS):
        return None
    above = _above(here, lines)
    if above is None or here.number != mark.line or mark.column != here.indent:
        return None
    if here.indent > above.key_column and above.value()[1]:
        return _too_far(here, above, lines)
    if not here.text[here.indent:].startswith("-"):
        for line in _block_above(here, lines):
            if line.indent == here.indent and line.text[line.indent:].startswith("-"):
                name = _key_label(here)
                return Explanation(
                    here.number + 1, here.indent + 1,
                    f"{name} lines up with the '-' on line {line.number + 1}, but a list item must start with '-'",
                    f"to put it in that item, indent it by {line.key_column} spaces like '{line.key_name}:'; for a new item, start it with '- '",
                )
    kin = _kin_above(here, lines) if not here.text[here.indent:].startswith("-") else None
    found = (kin.key_column, kin) if kin is not None else _sibling(here, lines)
    if found is None:
        return None
    column, sibling = found
    name = _key_label(here)
    what = "items of one list" if here.text[here.indent:].startswith("-") else "keys of one mapping"
    return Explanation(
        here.number + 1, here.indent + 1,
        f"{name} is indented {here.indent} spaces, but {_key_label(sibling) if what.startswith('items') else repr(sibling.key_name + ':')} on line {sibling.number + 1} has {column}",
        f"{what} must line up: indent it by {column} spaces",
    )


def _too_far(here: _Line, above: _Line, lines) -> Explanation:
    name = _key_label(here)
    if " " in here.key_name.strip("'\""):
        return Explanation(
            here.number + 1, here.indent + 1,
            "this line goes on with the text above it, and its ': ' makes YAML read it as a new key",
            "put the whole text in quotes",
        )
    kin = _kin_above(here, lines) or above
    return Explanation(
        here.number + 1, here.indent + 1,
        f"{name} is indented {here.indent} spaces, more than '{above.key_name or above.text.strip()}:' on line {above.number + 1} ({above.key_column}), so YAML reads it as part of the value above",
        f"indent {name} by {kin.key_column} spaces to line it up with '{kin.key_name}:' on line {kin.number + 1}" if kin.key_name else f"indent {name} by {kin.key_column} spaces",
    )


def _kin_above(here: _Line, lines) -> _Line | None:
    """The nearest line above whose key belongs in one mapping with this line's key (`goto`
    with `text` or `set`, not with a variable under `set:`): the line it should line up with."""
    name = here.key_name
    families = [f for f in _FAMILIES if name in f]
    if not families:
        return None
    for line in reversed(lines[:here.number]):
        if line.blank or not line.key_name or line.key_column == here.indent:
            continue
        if any(line.key_name in f for f in families):
            return line
        if line.indent == 0:
            return None
    return None


def _sibling(here: _Line, lines) -> tuple[int, _Line] | None:
    """The nearest line above in the same block whose key is further right than this line."""
    best = None
    dash = here.text[here.indent:].startswith("-")
    for line in _block_above(here, lines):
        if dash and line.text[line.indent:].startswith("-") and line.indent > here.indent:
            column = line.indent
        elif line.key_column > here.indent and line.key_name and not dash:
            column = line.key_column
        else:
            continue
        if best is None or column < best[0]:
            best = (column, line)
    return best


def _block_above(here: _Line, lines):
    """Content lines above `here`, nearest first, up to the first one that starts left of it."""
    for line in reversed(lines[:here.number]):
        if line.blank:
            continue
        yield line
        if line.indent < here.indent:
            return


def _above(here: _Line, lines) -> _Line | None:
    return next((line for line in reversed(lines[:here.number]) if not line.blank), None)


def _this_and_above(here: _Line, lines, exc):
    yield here
    if exc.context_mark is not None and exc.context_mark.line != here.number and exc.context_mark.line < len(lines):
        yield lines[exc.context_mark.line]
    above = _above(here, lines)
    if above is not None:
        yield above


def _key_label(line: _Line) -> str:
    if line.text[line.indent:].startswith("-"):
        return f"the list item '- {line.key_name}:'" if line.key_name else "this list item"
    return f"'{line.key_name}:'" if line.key_name else "this line"


def _closing(value: str) -> int:
    """Index of the bracket that closes value[0], or -1."""
    pairs, depth = {"{": "}", "[": "]"}, 0
    for index, char in enumerate(value):
        if char in pairs:
            depth += 1
        elif char in pairs.values():
            depth -= 1
            if depth == 0:
                return index
    return -1


def _is_constructor(exc) -> bool:
    return "constructor" in (exc.problem or "")


def _quoted(line: _Line, column: int, value: str) -> str:
    """The line as it should be written: the key, then the text in quotes."""
    text = value.rstrip()
    if '"' in text and "'" not in text:
        wrapped = f"'{text}'"
    else:
        wrapped = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{line.text[:column].strip()} {wrapped}"


def comment_cut(source_text: str, node) -> tuple[int, str] | None:
    """For plain text followed on its line by ' #' and a non-space (`Room #4`), the offset of the
    '#' and the text YAML dropped as a comment: the writer most likely meant it as text."""
    if node.style or node.end_mark is None:
        return None
    end = node.end_mark.index
    if end >= len(source_text) or source_text[end] in "\r\n":
        return None  # the usual case: the text runs to the end of its line
    line_end = source_text.find("\n", end)
    rest = source_text[end:line_end if line_end >= 0 else len(source_text)]
    match = _CUT.match(rest)
    if not match:
        return None
    return end + len(match.group(1)), "#" + match.group(2)
