"""Fuzz campaigns: the bundled story mutated thousands of ways, and random expressions. Loading
never raises and never takes more than a few seconds; a story that still loads plays without
an engine crash; every problem is one line with a place in the story.

FACE_VALUE_FUZZ unset: a quick seeded run (part of `make test`); FACE_VALUE_FUZZ=long: 10,000
story inputs and 100,000 expressions; a number: that many story inputs. FACE_VALUE_FUZZ_SEED
picks another seed. Each campaign prints one summary line (inputs, crashes, hangs)."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import time
from pathlib import Path

import pytest

from game.engine import Phase, Runner, RunnerError, StoryRuntimeError, load_story
from game.engine.expr import MAX_NUMBER, MAX_TEXT, EvalError, ExprError, Scope, compile_expression, in_range, type_of
from tests.conftest import ROOT

HANG_SECONDS = 10  # a bound for "never hangs", not a speed target (see docs/performance.md)


def _sizes() -> tuple[int, int]:
    wanted = os.environ.get("FACE_VALUE_FUZZ", "")
    if wanted == "long":
        return 10_000, 100_000
    if wanted.isdigit():
        return int(wanted), int(wanted) * 10
    return 200, 10_000


STORY_INPUTS, EXPRESSIONS = _sizes()
SEED = int(os.environ.get("FACE_VALUE_FUZZ_SEED", "20261202"))


class Hang(Exception):
    pass


class _Deadline:
    """Interrupts the work inside it after HANG_SECONDS (Python code; the C YAML parser is
    interrupted when it returns)."""

    armed = hasattr(signal, "setitimer")  # not on Windows: there a hang would stop the run instead

    def __enter__(self):
        def fire(signum, frame):
            raise Hang()
        if self.armed:
            self.before = signal.signal(signal.SIGALRM, fire)
            signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        return self

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.before)
        return False


class Campaign:
    """Counts inputs, crashes and hangs, and keeps the first few failures to show."""

    def __init__(self, name: str):
        self.name = name
        self.inputs = self.crashes = self.hangs = 0
        self.failures: list[str] = []
        self.began = time.perf_counter()

    def crash(self, what: str) -> None:
        self.crashes += 1
        if len(self.failures) < 12:
            self.failures.append(what)

    def hang(self, what: str) -> None:
        self.hangs += 1
        if len(self.failures) < 12:
            self.failures.append("HANG " + what)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.began
        return f"{self.name}: {self.inputs:,} inputs, {self.crashes} crashes, {self.hangs} hangs ({seconds:.1f} s, seed {SEED})"


# --- mutations of a story file ---------------------------------------------------------------

NASTY_VALUES = [
    "!!int abc", '!!int ""', "!!bool maybe", "!!float x", "!!float", "!!int", "!!python/object/apply:os.system [ls]",
    "!!python/name:os.system", "!foo bar", "!<tag:example.com,2000:x> y", "!!binary aGk=", "!!set {a, b}",
    "!!omap [a: 1]", "!!pairs [a: 1]", "!!timestamp nope", "!!null x", "!!str", "!!merge x", "!!value", "!!map [1]",
    "!!seq {a: 1}", "!!str [1, 2]", "1" * 5000, "-" + "9" * 4400, "0x" + "f" * 5000, "0b" + "1" * 300, "0o777", "0777",
    ":".join(["59"] * 30), "1e400", "1.0e+400", "-1.0e+400", ".inf", "-.inf", ".nan", "1000000000000001", "1000000000000000",
    "-1000000000000001", "0.000000000000000000001", "1_000_000", "~", "null", "''", '""', "[]", "{}", "yes", "No", "off",
    "[" * 100 + "]" * 100, "{a: " * 80 + "1" + "}" * 80, "&a [*a]", "*nothing", "&x 1", "[&a [1, 2], *a, *a, *a]",
    '"' + "x" * 100_000 + '"', '"' + "{" * 100 + '"', '"{' + "(" * 100 + "1" + ")" * 100 + '}"', '"{}"', '"}"', '"{{"',
    '"9**9**9"', '"' + " + ".join(["compliance"] * 200) + '"', '"s + s"', '"__import__(\'os\')"', '"compliance.real"',
    '"lambda: 1"', "\"f'{1}'\"", '"1 % 0"', '"compliance // 0"', '"random(5, 1)"', '"random(1, 1000000000000000)"',
    '"visited(\'nowhere\')"', '"../../../../etc/passwd"', '"/etc/passwd"', '"' + "a" * 300 + '"', '"a\\0b"',
    '"\\ud800"', '"\\x00"', "|\n  block\n  text", ">-\n  folded", "? complex\n: key", "- a\n- b", "@reserved", "`tick",
    "%TAG", "'unclosed", '"unclosed', "[1, 2", "{a: 1", "a: b: c", "- - - x", "\t", "#comment", "!", "!!", "&", "*",
]
KEY_LINE = re.compile(rb"^(\s*-?\s*)([A-Za-z_][\w]*)(:)(.*)$")


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


def flip_byte(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    if not raw:
        return raw, "flip nothing"
    at = rng.randrange(len(raw))
    value = rng.randrange(256) if rng.random() < 0.5 else raw[at] ^ (1 << rng.randrange(8))
    return raw[:at] + bytes([value]) + raw[at + 1:], f"byte {at} -> {value:#x}"


def delete_line(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = _lines(raw)
    at = rng.randrange(len(lines))
    return b"\n".join(lines[:at] + lines[at + 1:]), f"delete line {at + 1}"


def duplicate_line(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = _lines(raw)
    at = rng.randrange(len(lines))
    return b"\n".join(lines[:at + 1] + lines[at:]), f"duplicate line {at + 1}"


def swap_keys(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = _lines(raw)
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if len(keyed) < 2:
        return raw, "no keys to swap"
    a, b = rng.sample(keyed, 2)
    ma, mb = KEY_LINE.match(lines[a]), KEY_LINE.match(lines[b])
    lines[a] = ma.group(1) + mb.group(2) + ma.group(3) + ma.group(4)
    lines[b] = mb.group(1) + ma.group(2) + mb.group(3) + mb.group(4)
    return b"\n".join(lines), f"swap keys of lines {a + 1} and {b + 1}"


def nasty_value(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = _lines(raw)
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if not keyed:
        return raw, "no value to replace"
    at = rng.choice(keyed)
    value = rng.choice(NASTY_VALUES)
    match = KEY_LINE.match(lines[at])
    lines[at] = match.group(1) + match.group(2) + b": " + value.encode("utf-8", "surrogatepass")
    return b"\n".join(lines), f"line {at + 1} value -> {value[:40]!r}"


def insert_bytes(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    junk = rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r", b"\t", b"\x1b[2J", b"\xe2\x80\xae", b"\x85", b"\xc2\xa0"])
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + junk + raw[at:], f"insert {junk!r} at {at}"


def whole_file(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    kind = rng.choice(["bom", "crlf", "cr", "tabs", "truncate", "empty", "utf16", "latin1", "repeat"])
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw, "BOM"
    if kind == "crlf":
        return raw.replace(b"\n", b"\r\n"), "CRLF"
    if kind == "cr":
        return raw.replace(b"\n", b"\r"), "CR only"
    if kind == "tabs":
        return raw.replace(b"  ", b"\t"), "tabs for indentation"
    if kind == "truncate":
        at = rng.randrange(len(raw) + 1)
        return raw[:at], f"truncate at {at}"
    if kind == "empty":
        return b"", "empty"
    if kind == "utf16":
        return raw.decode("utf-8", "replace").encode("utf-16"), "UTF-16"
    if kind == "latin1":
        return raw.decode("utf-8", "replace").encode("latin-1", "replace"), "Latin-1"
    return raw * 3, "the file three times"


def indent(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = _lines(raw)
    at = rng.randrange(len(lines))
    shift = rng.choice([-2, -1, 1, 2, 8])
    lines[at] = lines[at][-shift:] if shift < 0 else b" " * shift + lines[at]
    return b"\n".join(lines), f"indent line {at + 1} by {shift}"


MUTATIONS = [flip_byte, delete_line, duplicate_line, swap_keys, nasty_value, nasty_value, insert_bytes, whole_file, indent]


def mutate(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    steps = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        raw, what = rng.choice(MUTATIONS)(raw, rng)
        steps.append(what)
    return raw, "; ".join(steps)


# --- the story campaign ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def story_copy(tmp_path_factory) -> Path:
    """The bundled story in a scratch folder, its assets where `assets: ../assets` finds them."""
    base = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "story", base / "story")
    (base / "assets").symlink_to(ROOT / "assets")
    return base / "story"


def _play(story, rng: random.Random) -> None:
    """A short random playthrough of a story that still loads: only story errors may stop it."""
    try:
        runner = Runner(story, seed=rng.randrange(2**31))
        for _ in range(30):
            turn = runner.turn
            if turn.phase in (Phase.ENDED, Phase.STUCK):
                return
            if turn.phase is Phase.CONTINUING:
                runner.proceed()
            else:
                runner.choose(rng.randint(1, len(turn.choices)))
    except (StoryRuntimeError, RunnerError):
        return


def test_mutated_stories_load_with_problems_and_never_crash_or_hang(story_copy, capsys):
    rng = random.Random(SEED)
    files = sorted(p for p in story_copy.rglob("*.yaml"))
    originals = {path: path.read_bytes() for path in files}
    campaign = Campaign("story fuzz")
    bad_lines: list[str] = []
    for number in range(STORY_INPUTS):
        path = story_copy / "story.yaml" if rng.random() < 0.2 else rng.choice(files)
        raw, what = mutate(originals[path], rng)
        label = f"#{number} {path.relative_to(story_copy)}: {what}"
        path.write_bytes(raw)
        campaign.inputs += 1
        try:
            with _Deadline():
                result = load_story(story_copy, "story")
                for problem in result.problems:
                    text = str(problem)
                    if "\n" in text or "\r" in text or not problem.place.path.startswith("story"):
                        bad_lines.append(f"{label}: {text!r}")
                if result.story is not None:
                    _play(result.story, rng)
        except Hang:
            campaign.hang(label)
        except Exception as exc:  # noqa: BLE001 - the campaign counts every kind of crash
            campaign.crash(f"{label}: {type(exc).__name__}: {str(exc)[:200]}")
        finally:
            path.write_bytes(originals[path])
    with capsys.disabled():
        print("\n" + campaign.summary())
    assert not campaign.failures, "\n".join(campaign.failures)
    assert not bad_lines, "\n".join(bad_lines[:10])


# --- the expression campaign ----------------------------------------------------------------------

VARIABLES = {"n": "int", "m": "int", "f": "float", "s": "str", "t": "str", "b": "bool"}
SCOPE = Scope(VARIABLES, frozenset({"a", "e"}), allow_random=True)
ATOMS = ["n", "m", "f", "s", "t", "b", "0", "1", "7", "0.5", "1000000000000000", "999999999999999.9", "10000000000000000",
         "'x'", "''", "'" + "y" * 500 + "'", "true", "false", "visited('a')", "visited('zz')", "random(1, 6)",
         "random(n, m)", "random(0, 1000000000000000)", "__class__", "x", "None", "True"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or", "**", ".", "[", "]", ",", "=", "!", "&&", "|"]


def random_expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > rng.choice([3, 8, 30, 60]) or roll < 0.3:
        return rng.choice(ATOMS)
    if roll < 0.45:
        return rng.choice(["not ", "-", "+", "- -", "not not "]) + random_expression(rng, depth + 1)
    if roll < 0.6:
        return "(" + random_expression(rng, depth + 1) + ")"
    if roll < 0.65:
        return rng.choice([" + ", " * ", " and ", " < "]).join(rng.choice(ATOMS) for _ in range(rng.randint(2, 160)))
    if roll < 0.7:  # raw tokens, often not an expression at all
        return " ".join(rng.choice(ATOMS + OPERATORS + ["(", ")"]) for _ in range(rng.randint(1, 40)))
    return random_expression(rng, depth + 1) + " " + rng.choice(OPERATORS[:14]) + " " + random_expression(rng, depth + 1)


class _State:
    def __init__(self, rng: random.Random):
        extremes = [0, 1, -1, MAX_NUMBER, -MAX_NUMBER, rng.randint(-MAX_NUMBER, MAX_NUMBER), rng.randint(-100, 100)]
        self.variables = {
            "n": rng.choice(extremes), "m": rng.choice(extremes), "f": rng.choice([0.0, 0.5, -1e-300, 1e-300, float(MAX_NUMBER), rng.uniform(-1e6, 1e6)]),
            "s": rng.choice(["", "a", "x" * MAX_TEXT, "y" * (MAX_TEXT // 2)]), "t": "t", "b": rng.random() < 0.5,
        }
        self.visits = {"a": rng.randint(0, 3)}
        self.rng = rng

    def draw(self, low: int, high: int) -> int:
        from game.engine.state import check_draw
        check_draw(low, high)
        return self.rng.randint(low, high)


def test_random_expressions_compile_or_are_refused_and_never_crash(capsys):
    rng = random.Random(SEED)
    campaign = Campaign("expression fuzz")
    for number in range(EXPRESSIONS):
        source = random_expression(rng)
        campaign.inputs += 1
        try:
            with _Deadline():
                try:
                    compiled = compile_expression(source, SCOPE)
                except ExprError:
                    continue
                for _ in range(3):
                    try:
                        value = compiled.evaluate(_State(rng))
                    except EvalError:
                        continue
                    if not in_range(value) or not (type_of(value) == compiled.type or (compiled.type == "float" and type_of(value) == "int")):
                        campaign.crash(f"#{number} {source[:120]!r} gave {str(value)[:60]} ({compiled.type})")
        except Hang:
            campaign.hang(f"#{number} {source[:120]!r}")
        except Exception as exc:  # noqa: BLE001 - the campaign counts every kind of crash
            campaign.crash(f"#{number} {source[:120]!r}: {type(exc).__name__}: {str(exc)[:120]}")
    with capsys.disabled():
        print("\n" + campaign.summary())
    assert not campaign.failures, "\n".join(campaign.failures)
