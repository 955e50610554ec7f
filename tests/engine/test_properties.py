"""Property tests: random valid stories check clean and play without engine errors; random
mutations of story files never produce a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.engine import load_story, playtest
from tests.conftest import FIXTURES

INT_VARS = ["score", "trust"]
BOOL_VARS = ["met", "warned"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def int_expr(scenes: int):
    leaves = st.one_of(
        st.integers(-20, 120).map(str),
        st.sampled_from(INT_VARS),
        st.integers(0, scenes - 1).map(lambda i: f"visited('s{i}')"),
    )
    return st.recursive(leaves, lambda inner: st.tuples(inner, st.sampled_from(["+", "-"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"), max_leaves=6)


def bool_expr(scenes: int):
    numbers = int_expr(scenes)
    leaves = st.one_of(
        st.sampled_from(BOOL_VARS + ["true", "false"]),
        st.tuples(numbers, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), numbers).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    )
    return st.recursive(leaves, lambda inner: st.one_of(
        inner.map(lambda e: f"not ({e})"),
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
    ), max_leaves=5)


@st.composite
def stories(draw):
    count = draw(st.integers(2, 12))
    endings = draw(st.integers(1, max(1, count // 2)))
    lines = ["scenes:"]
    for i in range(count):
        lines += [f"  s{i}:", f"    text: \"Scene {i}: score {{score}}, met {{met}}, {{visited('s{i}')}} visits.\""]
        if i >= count - endings:
            lines += ["    ending:", f"      id: e{i % 3}", f"      title: Ending {i % 3}"]
            continue
        if draw(st.booleans()):
            lines.append(f"    set:\n      score: \"{draw(int_expr(count))}\"")
        choices = draw(st.integers(0, 3))
        if choices == 0:
            lines.append(f"    goto: s{draw(st.integers(0, count - 1))}")
            continue
        lines.append("    choices:")
        for k in range(choices):
            lines += [f"      - text: \"Choice {k}\"", f"        goto: s{draw(st.integers(0, count - 1))}"]
            if k > 0 and draw(st.booleans()):
                lines.append(f"        if: \"{draw(bool_expr(count))}\"")
            if draw(st.booleans()):
                lines.append(f"        set:\n          met: \"{draw(bool_expr(count))}\"\n          trust: \"{draw(int_expr(count))}\"")
    return "\n".join(lines) + "\n"


STORY = "title: Random\nstart: s0\nvariables:\n  score: 0\n  trust: 50\n  met: false\n  warned: true\n"


@SETTINGS
@given(stories())
def test_random_valid_stories_check_clean_and_play_without_errors(scenes):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "story.yaml").write_text(STORY, encoding="utf-8")
        (folder / "scenes.yaml").write_text(scenes, encoding="utf-8")
        result = load_story(folder)
        assert result.problems.errors == [], [str(p) for p in result.problems.errors]
        report = playtest(result.story, runs=20, seed=1, max_steps=60)
        # A loop can double a number past the story range (score: 1 + score + score, 60 times):
        # that is the story's own run-time error, reported at its place, not the engine failing.
        assert [e for e in report.errors if "a number grew too large" not in e] == []


LANE_FILES = {p.name: p.read_bytes() for p in (FIXTURES / "stories" / "lane").iterdir()}
NOISE = st.sampled_from([b":", b"{", b"}", b"[", b"]", b"'", b'"', b"&a", b"*a", b"!", b"|", b">", b"-", b"#", b"\t", b"\n", b"\x00", b"\xff", b"{x", b"  ", b"goto", b"%", b"@"])


@st.composite
def mutated(draw):
    files = dict(LANE_FILES)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(files)))
        data = files[name]
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "dupline"]))
        if kind == "insert":
            data = data[:at] + draw(NOISE) + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 30)):]
        elif kind == "replace":
            data = data[:at] + draw(NOISE) + data[at + 1:]
        elif kind == "truncate":
            data = data[:at]
        else:
            lines = data.split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = b"\n".join(lines)
        files[name] = data
    return files


@SETTINGS
@given(mutated())
def test_mutated_stories_never_raise(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        result = load_story(folder)
        for problem in result.problems:
            assert problem.place.line >= 0 and problem.message
        assert main(["check", str(folder)]) in (0, 1)
        if result.ok:
            assert main(["playtest", str(folder), "--runs", "5", "--max-steps", "30"]) in (0, 1)
