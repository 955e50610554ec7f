"""The command line as a user meets it: exit codes, one-line errors, JSON output, piped play."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import shutil

import pytest

from game.cli import main
from tests.conftest import FIXTURES, ROOT

LANE = str(FIXTURES / "stories" / "lane")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_a_good_story_exits_0(capsys):
    code, out, _ = run(capsys, "check", LANE)
    assert code == 0
    assert out.strip().endswith("0 errors, 0 warnings (6 scenes, 64 words, 2 endings)")


def test_check_lists_problems_and_exits_1(capsys, tmp_path):
    broken = shutil.copytree(LANE, tmp_path / "lane")
    text = (broken / "shop.yaml").read_text().replace("goto: guo\n", "goto: gou\n")
    (broken / "shop.yaml").write_text(text)
    code, out, _ = run(capsys, "check", str(broken))
    assert code == 1
    assert f"{broken}/shop.yaml:12:15: error: 'goto' in scene 'shop' names unknown scene 'gou' (did you mean 'guo'?)" in out


def test_check_strict_fails_on_warnings(capsys, make_story):
    folder = make_story("scenes:\n  start:\n    text: A.\n    ending: {id: a, title: A}\n  attic:\n    text: B.\n    goto: start\n")
    assert run(capsys, "check", str(folder))[0] == 0
    assert run(capsys, "check", str(folder), "--strict")[0] == 1


def test_check_json_output(capsys, make_story):
    folder = make_story("scenes:\n  start:\n    text: \"{nope}\"\n    ending: {id: a, title: A}\n")
    code, out, _ = run(capsys, "check", str(folder), "--format", "json")
    document = json.loads(out)
    assert code == 1 and document["ok"] is False and document["errors"] == 1
    problem = document["problems"][0]
    assert (problem["line"], problem["column"], problem["code"]) == (3, 13, "unknown-variable")


@pytest.mark.parametrize("argv, message", [
    (["check", "/no/such/folder"], "no such story folder: /no/such/folder"),
    (["check", "--format", "xml"], "invalid choice: 'xml'"),
    (["playtest", "--runs", "-3"], "must be at least 1, not -3"),
    (["playtest", "--runs", "many"], "'many' is not a whole number"),
    (["play", "--seed", "x"], "invalid int value: 'x'"),
    (["play", "--load", "../../x"], "not a save slot name"),
    (["frobnicate"], "unknown command 'frobnicate' (commands: play, check"),
    (["chekc", "story"], "unknown command 'chekc' (did you mean 'check'?)"),
    (["./frobnicate"], "no such story folder: ./frobnicate"),
])
def test_usage_errors_are_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("face-value: error: ") and message in err


def test_playtest_json(capsys):
    code, out, _ = run(capsys, "playtest", LANE, "--runs", "200", "--seed", "3", "--max-steps", "50", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["runs"] == 200 and report["errors"] == [] and report["scene_coverage"] == 1.0
    assert set(report["endings"]) == {"model_citizen", "dark_shop"} and sum(report["endings"].values()) == 200
    assert report["steps"] > 200 and report["seconds"] > 0


def test_playtest_same_seed_same_result(capsys):
    first = json.loads(run(capsys, "playtest", LANE, "--runs", "50", "--seed", "9", "--format", "json")[1])
    second = json.loads(run(capsys, "playtest", LANE, "--runs", "50", "--seed", "9", "--format", "json")[1])
    assert first["endings"] == second["endings"] and first["steps"] == second["steps"]


def test_playtest_exits_1_when_a_run_gets_stuck(capsys, make_story):
    folder = make_story("""
        scenes:
          start:
            text: A.
            choices:
              - {text: Rich, goto: end, if: score > 10}
              - {text: Poor, goto: trap}
          trap:
            text: Trapped.
            choices:
              - {text: Out, goto: end, if: score > 10}
          end:
            text: End.
            ending: {id: a, title: A}
        """)
    code, out, _ = run(capsys, "playtest", str(folder), "--runs", "20")
    assert code == 1
    assert "no choice is available in scene 'trap'" in out


def test_play_and_playtest_refuse_a_broken_story(capsys, make_story):
    folder = make_story("scenes:\n  start:\n    text: A.\n    goto: nowhere\n")
    code, _, err = run(capsys, "play", str(folder), "--text")
    assert code == 1 and "unknown scene 'nowhere'" in err and "run 'face-value check" in err


def face_value(*args, stdin: str = "", cwd=None):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def test_piped_input_plays_to_an_ending(tmp_path):
    result = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="3\n")
    assert result.returncode == 0, result.stderr
    assert "1) Install it now" in result.stdout
    assert "*** Ending: The Dark Shop ***" in result.stdout
    assert "Traceback" not in result.stderr


def test_end_of_input_quits_cleanly(tmp_path):
    result = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="")
    assert result.returncode == 0 and result.stderr == ""


def test_bad_input_gets_a_hint_and_the_same_prompt(tmp_path):
    result = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="9\nhello\n\n3\n")
    assert result.returncode == 0
    assert result.stdout.count("type a number from 1 to 3 (h for help)") == 3
    assert "Ending: The Dark Shop" in result.stdout


def test_save_in_one_session_and_load_in_the_next(tmp_path):
    first = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="2\ns 4\nq\n")
    assert "saved in slot 4" in first.stdout
    second = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), "--load", "4", stdin="\n")
    assert "The notice is still there." in second.stdout


def test_autosave_after_every_move(tmp_path):
    face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="2\n")
    document = json.loads((tmp_path / "autosave.json").read_text())
    assert document["state"]["scene"] == "guo"


def test_loading_a_corrupt_save_names_the_file(tmp_path):
    (tmp_path / "5.json").write_text("{oops")
    result = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), "--load", "5")
    assert result.returncode == 1
    assert result.stderr.strip() == f"face-value: cannot load: {tmp_path}/5.json: the save is corrupt: it is not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"
    assert (tmp_path / "5.json").read_text() == "{oops"


def test_undo_and_help_in_the_terminal(tmp_path):
    result = face_value("play", "--text", LANE, "--save-dir", str(tmp_path), stdin="u\nh\n2\nu\n3\n")
    assert "nothing to undo: this is the start" in result.stdout
    assert "u undo" in result.stdout
    assert "(undone)" in result.stdout
    assert "Ending: The Dark Shop" in result.stdout


def test_top_level_help_lists_every_command_with_its_own_help_line(capsys):
    # `--help` and `--version` build a listing parser from cli.HELP, without importing the
    # commands' modules (start-up time): what it shows must be what the full parser shows, and
    # its commands the ones main runs, each answering its own --help.
    import re

    from game.cli import COMMANDS, build_parser

    full = build_parser()
    assert build_parser(listing=True).format_help() == full.format_help()
    listed = re.search(r"\{([a-z,]+)\}", full.format_usage()).group(1).split(",")
    assert listed == list(COMMANDS)
    for command in COMMANDS:
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and out.startswith(f"usage: face-value {command} "), command


@pytest.mark.parametrize("columns", ["61", "200", "", "junk"])
def test_help_is_laid_out_at_the_width_argparse_would_choose(monkeypatch, columns):
    # cli finds the terminal width itself (argparse would import shutil for it): same layout.
    import argparse

    from game.cli import build_parser

    monkeypatch.setenv("COLUMNS", columns)
    parser = build_parser(listing=True)
    ours = parser.format_help()
    parser.formatter_class = argparse.HelpFormatter
    assert ours == parser.format_help()
    width = int(columns) - 2 if columns.isdigit() else 78  # no terminal under pytest: 80 columns
    assert max(len(line) for line in ours.splitlines() if "{" not in line) <= width  # {play,...} cannot wrap


def test_version_says_what_the_parser_would(capsys):
    # main answers a lone --version without building the parser (start-up time): the same line.
    from game import __version__
    from game.cli import build_parser

    code, out, _ = run(capsys, "--version")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--version"])
    assert code == 0 and out == capsys.readouterr().out == f"face-value {__version__}\n"


STARTUP_NEVER = ("yaml", "transitions", "pygame", "numpy", "game.engine", "game.commands", "game.classroom", "game.tools", "json", "pathlib", "shutil")


@pytest.mark.parametrize("flag, also_never", [("--version", ("argparse", "re")), ("--help", ())])
def test_version_and_help_start_without_the_engine_or_heavy_modules(flag, also_never):
    # `face-value --version` and `--help` must start in under 50 ms (docs/performance.md): the
    # engine, YAML, pygame and numpy take ~100 ms to import, and game.commands, json, pathlib and
    # shutil (with bz2 and lzma) a few ms each that these two never use. Nothing is timed here:
    # what is imported is what can creep back. What the interpreter imports before any of ours
    # (site, a .pth file) is not counted.
    def imported(*args):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout, {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}

    out, ours = imported("-m", "game", flag)
    assert out.startswith(("face-value ", "usage: face-value")) and "game.cli" in ours
    never = STARTUP_NEVER + also_never
    added = ours - imported("-c", "pass")[1]
    assert sorted(name for name in added if name in never or name.startswith(tuple(f"{n}." for n in never))) == []
