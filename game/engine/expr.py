"""The story expression language: parsed, type-checked and compiled to closures (never eval)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

INT, FLOAT, STR, BOOL = "int", "float", "str", "bool"
TYPE_NAMES = {INT: "a whole number", FLOAT: "a number", STR: "text", BOOL: "true/false"}
NUMERIC = (INT, FLOAT)
# Limits of the story language, far below anything that could exhaust Python (its recursion
# limit, its 4,300-digit int conversion, float overflow) or the player's memory:
MAX_NESTING = 40            # parentheses, not, unary minus, function arguments, one inside another
MAX_LENGTH = 2000           # characters in one expression
MAX_OPERATORS = 100         # operators in one expression (each is one level of the compiled form)
MAX_NUMBER = 10**15         # every whole number and decimal lies in -MAX_NUMBER..MAX_NUMBER
MAX_TEXT = 10_000           # characters in a text value made by joining text with +
FORBIDDEN = "forbidden-expression"
TYPE_ERROR = "type-error"
NUMBER_RANGE = "number-range"

Value = int | float | str | bool


class ExprError(Exception):
    """A problem in an expression, with the character offset where it was found."""

    def __init__(self, message: str, offset: int = 0, hint: str = "", code: str = "bad-expression"):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint
        self.code = code


class EvalError(Exception):
    """A problem found while evaluating an expression (for example a division by zero).
    `place` is where the failing expression is written and `scene` the scene it belongs to,
    when the one evaluating it knows (a `set:` effect does)."""

    def __init__(self, message: str, place=None, scene: str | None = None):
        super().__init__(message)
        self.place = place
        self.scene = scene


@dataclass(frozen=True)
class Scope:
    """What an expression may refer to: declared variables (name -> type) and scene ids."""

    variables: dict
    scenes: frozenset = frozenset()
    allow_random: bool = False


@dataclass
class Compiled:
    """A checked expression: its type and a function of the game state."""

    source: str
    type: str
    evaluate: Callable
    constant: bool = False
    reads: set = field(default_factory=set)
    visits: set = field(default_factory=set)  # scene ids whose visit count it reads


def type_of(value) -> str | None:
    """The expression type of a Python value, or None if it has none."""
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT
    if isinstance(value, str):
        return STR
    return None


def in_range(value) -> bool:
    """Whether a value is one the story language can hold: a number within
    -MAX_NUMBER..MAX_NUMBER (finite), text of at most MAX_TEXT characters, or true/false."""
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return -MAX_NUMBER <= value <= MAX_NUMBER  # False for NaN too
    if isinstance(value, str):
        return len(value) <= MAX_TEXT
    return False


def format_value(value) -> str:
    """How a value reads in story text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text or "0"
    return str(value)


_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      |(?P<float>\d+\.\d+)
      |(?P<int>\d+)
      |(?P<str>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      |(?P<name>[A-Za-z_][A-Za-z0-9_]*)
      |(?P<op>//|==|!=|<=|>=|&&|\|\||[-+*/%<>(),])
    """,
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
_OR, _AND, _NOT, _COMPARISON, _SUM, _PRODUCT = 1, 2, 3, 4, 5, 6
_LEVELS = {
    "or": _OR, "and": _AND,
    "==": _COMPARISON, "!=": _COMPARISON, "<": _COMPARISON, "<=": _COMPARISON, ">": _COMPARISON, ">=": _COMPARISON,
    "+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT, "//": _PRODUCT, "%": _PRODUCT,
}
_FORBIDDEN_CHARS = {
    ".": ("attribute access (.) is not allowed in a story expression", ""),
    "[": ("subscripts ([...]) are not allowed in a story expression", ""),
    "]": ("subscripts ([...]) are not allowed in a story expression", ""),
    "=": ("'=' is not allowed here", "compare with ==; assign with the set: key"),
    "!": ("'!' is not allowed here", "write not"),
    "{": ("braces are not allowed inside an expression", ""),
    "}": ("braces are not allowed inside an expression", ""),
}
_WORD_HINTS = {
    "True": "write true", "False": "write false", "None": "variables cannot be empty",
    "AND": "write and", "OR": "write or", "NOT": "write not",
}
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}


@dataclass
class _Token:
    kind: str
    text: str
    offset: int
    value: object = None


def _tokens(source: str) -> list[_Token]:
    result = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            char = source[pos]
            if char in "'\"":
                raise ExprError("this text has no closing quote", pos)
            message, hint = _FORBIDDEN_CHARS.get(char, (f"'{char}' is not allowed in a story expression", ""))
            raise ExprError(message, pos, hint, FORBIDDEN)
        kind = match.lastgroup
        text = match.group()
        if kind == "op" and text in ("&&", "||"):
            raise ExprError(f"'{text}' is not allowed here", pos, "write and / or", FORBIDDEN)
        if kind != "ws":
            result.append(_Token(kind, text, pos, _literal(kind, text, pos)))
        pos = match.end()
    result.append(_Token("end", "", len(source)))
    return result


def _literal(kind: str, text: str, pos: int):
    if kind in ("int", "float"):
        value = int(text) if kind == "int" and len(text) <= 20 else float(text) if len(text) <= 40 else None
        if value is None or not in_range(value):
            shown = text if len(text) <= 24 else f"{text[:20]}... ({len(text)} digits)"
            raise ExprError(f"the number {shown} is larger than a story can use ({MAX_NUMBER:,} at most)", pos, code=NUMBER_RANGE)
        return value
    if kind == "str":
        body = text[1:-1]
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)
    return None


@dataclass
class _Typed:
    type: str
    fn: Callable
    constant: bool = False
    value: object = None


def _const(value) -> _Typed:
    return _Typed(type_of(value), lambda state, v=value: v, True, value)


class _Parser:
    """Recursive descent over the tokens; each rule returns a typed closure."""

    def __init__(self, source: str, scope: Scope):
        self.source = source
        self.scope = scope
        self.tokens = _tokens(source)
        self.index = 0
        self.depth = 0
        self.operators = 0
        self.reads: set[str] = set()
        self.visits: set[str] = set()

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        token = self.token
        return token.kind in ("op", "name") and token.text in texts

    def expect(self, text: str) -> _Token:
        if not self.at(text):
            found = self.token.text or "the end"
            raise ExprError(f"expected '{text}' but found {found!r}", self.token.offset)
        return self.take()

    def parse(self) -> _Typed:
        if self.token.kind == "end":
            raise ExprError("the expression is empty", 0)
        result = self.expression(_OR)
        if self.token.kind != "end":
            if self.token.text == "if":
                raise ExprError("there is no 'a if b else c' in story expressions", self.token.offset, "for text that depends on a condition, use paragraphs with if:, as docs/writing-stories.md shows")
            raise ExprError(f"unexpected {self.token.text!r}", self.token.offset, "an operator may be missing")
        return result

    def nested(self):
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ExprError(f"the expression is nested more than {MAX_NESTING} levels deep", self.token.offset)

    def operator(self, offset: int) -> None:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise ExprError(f"the expression has more than {MAX_OPERATORS} operators", offset, "split it: store a part in a variable with set: first")

    def binary_operator(self) -> str | None:
        token = self.token
        if token.kind in ("op", "name") and token.text in _LEVELS:
            return token.text
        return None

    def expression(self, min_level: int) -> _Typed:
        """Precedence climbing: or < and < not < comparisons < + - < * / // %."""
        left = self.prefix()
        while True:
            op = self.binary_operator()
            if op is None or _LEVELS[op] < min_level:
                return left
            level = _LEVELS[op]
            if level == _COMPARISON:
                left = self.comparisons(left)
                continue
            offset = self.take().offset
            self.operator(offset)
            right = self.expression(level + 1)
            left = _logic(op, left, right, offset) if level <= _AND else _arith(op, left, right, offset)

    def comparisons(self, left: _Typed) -> _Typed:
        """a < b <= c means a < b and b <= c, as in Python."""
        result = None
        while (op := self.binary_operator()) and _LEVELS[op] == _COMPARISON:
            offset = self.take().offset
            self.operator(offset)
            right = self.expression(_COMPARISON + 1)
            pair = _compare(op, left, right, offset)
            result = pair if result is None else _logic("and", result, pair, offset)
            left = right
        return result

    def prefix(self) -> _Typed:
        token = self.token
        if token.kind == "name" and token.text == "not":
            self.take()
            self.operator(token.offset)
            self.nested()
            operand = self.expression(_NOT)
            self.depth -= 1
            _need(operand, (BOOL,), "'not'", token.offset)
            if operand.constant:
                return _const(not operand.value)
            fn = operand.fn
            return _Typed(BOOL, lambda s: not fn(s))
        if token.kind == "op" and token.text in ("-", "+"):
            self.take()
            self.operator(token.offset)
            self.nested()
            operand = self.prefix()
            self.depth -= 1
            _need(operand, NUMERIC, f"'{token.text}'", token.offset)
            if token.text == "+":
                return operand
            if operand.constant:
                return _const(-operand.value)
            fn = operand.fn
            return _Typed(operand.type, lambda s: -fn(s))
        return self.atom()

    def atom(self) -> _Typed:
        token = self.token
        if token.kind in ("int", "float", "str"):
            self.take()
            return _const(token.value)
        if token.kind == "name":
            return self.name()
        if self.at("("):
            self.take()
            self.nested()
            inner = self.expression(_OR)
            self.depth -= 1
            self.expect(")")
            return inner
        if token.kind == "end":
            raise ExprError("the expression ends too early", token.offset)
        raise ExprError(f"unexpected {token.text!r}", token.offset)

    def name(self) -> _Typed:
        token = self.take()
        name = token.text
        if name == "true" or name == "false":
            return _const(name == "true")
        if name in _KEYWORDS:
            raise ExprError(f"'{name}' cannot start a value here", token.offset)
        if name.startswith("__"):
            raise ExprError("names starting with __ are not allowed", token.offset, code=FORBIDDEN)
        if self.at("("):
            return self.call(token)
        kind = self.scope.variables.get(name)
        if kind is None:
            hint = _did_you_mean(name, self.scope.variables, _WORD_HINTS.get(name, "declare it under variables: in story.yaml"))
            raise ExprError(f"unknown variable '{name}'", token.offset, hint, "unknown-variable")
        self.reads.add(name)
        return _Typed(kind, lambda s, n=name: s.variables[n])

    def call(self, token: _Token) -> _Typed:
        name = token.text
        if name not in ("visited", "random"):
            raise ExprError(f"'{name}(...)' is not allowed: the only functions are visited('scene') and random(low, high)", token.offset, code=FORBIDDEN)
        self.take()
        args = []
        if not self.at(")"):
            self.nested()
            args.append((self.token.offset, self.token, self.expression(_OR)))
            while self.at(","):
                self.take()
                args.append((self.token.offset, self.token, self.expression(_OR)))
            self.depth -= 1
        self.expect(")")
        if name == "visited":
            return self.visited(token, args)
        return self.random(token, args)

    def visited(self, token: _Token, args) -> _Typed:
        if len(args) != 1 or args[0][1].kind != "str" or not args[0][2].constant:
            raise ExprError("visited() takes one scene id in quotes, like visited('arrival')", token.offset)
        offset, _, arg = args[0]
        scene = arg.value
        if self.scope.scenes and scene not in self.scope.scenes:
            raise ExprError(f"visited() names unknown scene '{scene}'", offset, _did_you_mean(scene, self.scope.scenes), "unknown-scene")
        self.visits.add(scene)
        return _Typed(INT, lambda s, k=scene: s.visits.get(k, 0))

    def random(self, token: _Token, args) -> _Typed:
        if not self.scope.allow_random:
            raise ExprError("random() may only be used in set: effects", token.offset, "store the roll in a variable first", FORBIDDEN)
        if len(args) != 2 or any(a[2].type != INT for a in args):
            raise ExprError("random() takes two whole numbers, like random(1, 6)", token.offset)
        low, high = args[0][2].fn, args[1][2].fn
        return _Typed(INT, lambda s: s.draw(low(s), high(s)))


def _did_you_mean(name: str, known, fallback: str = "") -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else fallback


def _need(operand: _Typed, types: tuple, what: str, offset: int) -> None:
    if operand.type not in types:
        wanted = " or ".join(TYPE_NAMES[t] for t in types)
        raise ExprError(f"{what} needs {wanted}, not {TYPE_NAMES[operand.type]}", offset, code=TYPE_ERROR)


def _logic(op: str, left: _Typed, right: _Typed, offset: int) -> _Typed:
    _need(left, (BOOL,), f"'{op}'", offset)
    _need(right, (BOOL,), f"'{op}'", offset)
    a, b = left.fn, right.fn
    if op == "and":
        fn = lambda s: a(s) and b(s)  # noqa: E731 - short closures are the compiled form
    else:
        fn = lambda s: a(s) or b(s)  # noqa: E731
    if left.constant and right.constant:
        return _const(fn(None))
    return _Typed(BOOL, fn)


_COMPARE = {
    "==": lambda x, y: x == y, "!=": lambda x, y: x != y,
    "<": lambda x, y: x < y, "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y, ">=": lambda x, y: x >= y,
}


def _compare(op: str, left: _Typed, right: _Typed, offset: int) -> _Typed:
    both_numbers = left.type in NUMERIC and right.type in NUMERIC
    if not both_numbers and left.type != right.type:
        raise ExprError(f"cannot compare {TYPE_NAMES[left.type]} with {TYPE_NAMES[right.type]}", offset, code=TYPE_ERROR)
    if op not in ("==", "!=") and left.type == BOOL:
        raise ExprError(f"'{op}' cannot order true/false values", offset, code=TYPE_ERROR)
    test, a, b = _COMPARE[op], left.fn, right.fn
    if left.constant and right.constant:
        return _const(test(left.value, right.value))
    return _Typed(BOOL, lambda s: test(a(s), b(s)))


_TOO_LARGE = f"a number grew too large (a story's numbers stay within ±{MAX_NUMBER:,})"


def _number(result):
    if -MAX_NUMBER <= result <= MAX_NUMBER:
        return result
    raise EvalError(_TOO_LARGE)


def _add(x, y):
    try:
        return _number(x + y)
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _subtract(x, y):
    try:
        return _number(x - y)
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _multiply(x, y):
    try:
        return _number(x * y)
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _divide(x, y):
    if y == 0:
        raise EvalError("division by zero")
    try:
        return _number(x / y)
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _floor_divide(x, y):
    if y == 0:
        raise EvalError("division by zero")
    try:
        return _number(x // y)
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _modulo(x, y):
    if y == 0:
        raise EvalError("modulo by zero")
    try:
        return x % y  # no larger than y
    except OverflowError:
        raise EvalError(_TOO_LARGE) from None


def _join(x, y):
    if len(x) + len(y) > MAX_TEXT:
        raise EvalError(f"joining text made it longer than {MAX_TEXT:,} characters, the longest a story can use")
    return x + y


_ARITH = {
    "+": _add, "-": _subtract, "*": _multiply,
    "/": _divide, "//": _floor_divide, "%": _modulo,
}
_OP_WORDS = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "divide", "%": "take the remainder of"}


def _arith(op: str, left: _Typed, right: _Typed, offset: int) -> _Typed:
    kind = _arith_type(op, left.type, right.type)
    if kind is None:
        raise ExprError(
            f"cannot {_OP_WORDS[op]} {TYPE_NAMES[left.type]} and {TYPE_NAMES[right.type]}", offset,
            "text joins only with text" if STR in (left.type, right.type) else "", TYPE_ERROR,
        )
    apply, a, b = _join if kind == STR else _ARITH[op], left.fn, right.fn
    if op in ("/", "//", "%") and right.constant and right.value == 0:
        raise ExprError("division by zero", offset, code=TYPE_ERROR)
    if left.constant and right.constant:
        try:
            return _const(apply(left.value, right.value))
        except EvalError as exc:
            raise ExprError(str(exc), offset) from None
    return _Typed(kind, lambda s: apply(a(s), b(s)))


def _arith_type(op: str, left: str, right: str) -> str | None:
    if op == "+" and left == STR and right == STR:
        return STR
    if left not in NUMERIC or right not in NUMERIC:
        return None
    if op == "/" or FLOAT in (left, right):
        return FLOAT
    return INT


def compile_expression(source: str, scope: Scope) -> Compiled:
    """Parse, type-check and compile an expression; raises ExprError with an offset."""
    if len(source) > MAX_LENGTH:
        raise ExprError(f"the expression is longer than {MAX_LENGTH} characters", 0)
    parser = _Parser(source, scope)
    typed = parser.parse()
    return Compiled(source, typed.type, typed.fn, typed.constant, parser.reads, parser.visits)


class Compiler:
    """Compiles expressions against one scope, once per distinct source text."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self._done: dict[str, Compiled | tuple] = {}

    def compile(self, source: str) -> Compiled:
        done = self._done.get(source)
        if done is None:
            try:
                done = compile_expression(source, self.scope)
            except ExprError as exc:
                done = (exc.message, exc.offset, exc.hint, exc.code)
            self._done[source] = done
        if isinstance(done, tuple):
            raise ExprError(*done)
        return done


def constant_expression(value) -> Compiled:
    """A literal value from YAML (for example `set: {score: 10}`) as a compiled expression."""
    return Compiled(format_value(value), type_of(value), lambda s, v=value: v, True)
