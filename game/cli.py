"""The `face-value` command line: play, check and playtest, with one-line errors and exit codes."""

from __future__ import annotations

import os
import sys

from . import __version__

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from .engine import SaveStore
    from .engine.loader import LoadResult

# Every command imports what it needs inside its function, and this module imports nothing at
# its top but os and sys: `face-value --version` and `--help` must start in under 50 ms
# (docs/performance.md; the engine alone takes ~100 ms to import, argparse, json, re and
# pathlib ~15 ms together). tests/test_cli.py holds the start-up imports to that.
VERSION = f"face-value {__version__}"
COMMANDS = ("play", "check", "playtest", "shot", "explore", "new", "stats", "sessions", "transcript", "report", "prompts", "mask", "graph")
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class UsageError(Exception):
    """A wrong flag or argument: exit 2 with one line."""


# The help lines of the commands whose parsers live in modules that import the engine: the
# top-level --help lists them from here (tests/test_cli.py holds them equal to the real ones).
LISTED = {
    "sessions": "list the session records kept on this computer",
    "transcript": "a readable record of one session, to print",
    "report": "one HTML page of how a class chose, from session files",
    "prompts": "a printable sheet of the story's discussion prompts",
    "explore": "search every reachable state: endings, unused scenes and choices, soft-locks",
    "mask": "make a photo mask with a hidden code, read, scramble or show one",
    "graph": "draw the story as a map: html (pan, zoom, click a scene), svg, dot or mermaid",
}


def build_parser(listing: bool = False) -> argparse.ArgumentParser:
    """The whole command line. With `listing`, the commands defined in other modules are only
    named with their help line (enough for `face-value --help` and `--version`, without
    importing the engine)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("formatter_class", _formatter)
            super().__init__(*args, **kwargs)

        def error(self, message: str):
            raise UsageError(f"{message} (see '{self.prog} --help')")

    parser = _Parser(prog="face-value", description="Face Value: an interactive-fiction game, and its story engine.")
    parser.add_argument("--version", action="version", version=VERSION)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    play = commands.add_parser("play", help="play the game (the default command)")
    play.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--plain", action="store_true", help="play in the terminal for a screen reader: no decoration, one line each, paging (implies --text)")
    play.add_argument("--save-dir", metavar="DIR", help="keep saves here instead of the per-user folder")
    play.add_argument("--load", metavar="SLOT", help="start from this save slot")
    play.add_argument("--seed", type=int, default=None, metavar="N", help="seed for the story's random rolls")
    play.add_argument("--chapter", type=_positive, default=None, metavar="N", help="start at chapter N")
    play.add_argument("--start", dest="chapter_start", default=None, metavar="NAME", help="with --chapter: one of its named starts, like 'complied' (a wrong name lists them)")
    play.add_argument("--scene", metavar="SCENE", help="start at this scene, as if arriving there (turns on --debug)")
    play.add_argument("--set", action="append", default=[], metavar="VAR=VALUE", help="start with this value (repeatable; turns on --debug)")
    play.add_argument("--watch", action="store_true", help="reload the story whenever one of its files is saved (turns on --debug)")
    play.add_argument("--debug", action="store_true", help="writer tools: F3 debug overlay, F5 reload; in the terminal d, g SCENE, r")
    if listing:
        classroom = None
    else:
        from .classroom import commands as classroom
        classroom.add_play_options(play)
    play.add_argument("--replay", metavar="FILE", help="play the moves of a replay file (from explore or playtest), then go on")

    check = commands.add_parser("check", help="check a story and list every problem")
    check.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--max-pages", type=_positive, default=None, metavar="N", help="warn when a scene's text takes more than N pages of the window (default 3)")

    test = commands.add_parser("playtest", help="random seeded playthroughs: endings, coverage, errors")
    test.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    test.add_argument("--runs", type=_runs, default=1000, metavar="N", help="how many playthroughs (default 1000, at most 100,000; Ctrl-C stops early with a summary)")
    test.add_argument("--seed", type=int, default=0, metavar="S")
    test.add_argument("--max-steps", type=_positive, default=500, metavar="M")
    test.add_argument("--chapter", type=_positive, default=None, metavar="N", help="only runs that start at chapter N and stop at its end")
    test.add_argument("--format", choices=("text", "json"), default="text")
    if not listing:
        from .tools.playtest import add_options as add_playtest_options
        add_playtest_options(test)

    shot = commands.add_parser("shot", help="render a scene headless into a PNG, as a player sees it")
    shot.add_argument("story", nargs="?", metavar="STORY_DIR", help="story folder (default: the bundled story)")
    shot.add_argument("--scene", metavar="SCENE", help="scene id (default: the story's start)")
    shot.add_argument("--out", required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1280x720", metavar="WxH")
    shot.add_argument("--set", action="append", default=[], metavar="VAR=VALUE", help="a variable's value (repeatable)")
    shot.add_argument("--settings", action="append", default=[], metavar="KEY=VALUE", help="a setting, e.g. theme=high_contrast (repeatable)")
    shot.add_argument("--screen", default="scene", help="scene, title, menu, save, load, history, settings, chapters, endings, ending, help, "
                      "inspect, or classroom mode's classroom, discussion, vote, chapter_end, roads, think_note")
    shot.add_argument("--story", dest="story_option", metavar="DIR", help="the same as STORY_DIR (kept for old scripts)")
    shot.add_argument("--save", metavar="FILE.json", help="start from this save file (its scene and history) instead of a scene id")
    _add_listed(commands, ("sessions", "transcript", "report", "prompts")) if listing else classroom.add_commands(commands)

    new = commands.add_parser("new", help="create a small story to start writing from")
    new.add_argument("story", metavar="STORY_DIR", help="a new (or empty) folder")

    stats = commands.add_parser("stats", help="words, scenes, choices, endings and reading time per chapter and scene")
    stats.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    if listing:
        _add_listed(commands, ("explore", "mask", "graph"))
    else:
        from .tools import explore as explore_tool
        from .tools.graph import add_parser as add_graph_parser
        from .tools.mask import add_parser as add_mask_parser
        explore_tool.add_parser(commands)
        add_mask_parser(commands)
        add_graph_parser(commands)
    return parser


def _formatter(prog: str):
    """argparse's own help layout, at the width shutil.get_terminal_size would give, found
    without importing shutil (and with it bz2, lzma and zlib) for `face-value --help`."""
    import argparse

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return argparse.HelpFormatter(prog, width=(columns or 80) - 2)


def _add_listed(commands, names: tuple[str, ...]) -> None:
    for name in names:
        commands.add_parser(name, help=LISTED[name])


def _runs(text: str) -> int:
    import argparse

    value = _positive(text)
    if value > 100_000:  # playtest.MAX_RUNS, not imported here: --help must start fast
        raise argparse.ArgumentTypeError(f"at most 100,000 runs at a time (about ten minutes), not {value:,}")
    return value


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def parse_args(argv: list[str]) -> argparse.Namespace:
    if argv and argv[0] not in COMMANDS and _looks_like_command(argv[0]):
        from .engine.checker import did_you_mean
        hint = did_you_mean(argv[0], COMMANDS, "commands: " + ", ".join(COMMANDS))
        raise UsageError(f"unknown command '{argv[0]}' ({hint})")
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]
    return build_parser(listing=argv[0] not in COMMANDS).parse_args(argv)


def _looks_like_command(word: str) -> bool:
    """A bare word that is not a folder: a mistyped command, not a story to play."""
    import re

    return bool(re.fullmatch(r"[A-Za-z][A-Za-z_-]*", word)) and not os.path.exists(word)


def story_folder(given: str | None) -> tuple[Path, str]:
    """The story folder and how to show its path; a missing folder is a usage error."""
    from pathlib import Path

    if given is None:
        from . import paths
        folder = paths.story_dir()
        return folder, _display(folder)
    folder = Path(given)
    if not folder.exists():
        raise UsageError(f"no such story folder: {given}")
    if not folder.is_dir():
        raise UsageError(f"not a folder: {given} (give the folder that holds story.yaml)")
    return folder, given.rstrip("/\\") or given


def _display(folder: Path) -> str:
    try:
        return os.path.relpath(folder)
    except ValueError:
        return str(folder)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `face-value` and `python -m game`; never shows a traceback."""
    argv = sys.argv[1:] if argv is None else argv
    _tolerant_output()
    try:
        if argv == ["--version"]:  # what the parser's --version prints, without importing argparse
            print(VERSION)
            return EXIT_OK
        args = parse_args(argv)
        if args.command in ("sessions", "transcript", "report", "prompts"):
            from .classroom import commands as classroom
        return {
            "play": run_play, "check": run_check, "playtest": run_playtest, "shot": run_shot,
            "explore": run_explore, "graph": run_graph, "new": run_new, "mask": run_mask, "stats": run_stats,
            "sessions": lambda a: classroom.run_sessions(a, UsageError),
            "transcript": lambda a: classroom.run_transcript(a, UsageError, load_checked),
            "report": lambda a: classroom.run_report(a, UsageError, load_checked),
            "prompts": lambda a: classroom.run_prompts(a, UsageError, load_checked),
        }[args.command](args)
    except UsageError as exc:
        print(f"face-value: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except SystemExit as exc:  # argparse's --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last guard: report, never show a traceback
        from .engine.runner import StoryRuntimeError
        if isinstance(exc, StoryRuntimeError):  # the story failed as it began (a random roll check could not foresee)
            print(f"face-value: story error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        return _internal_error(exc)


def _tolerant_output() -> None:
    """Under a strict locale, printing a path that is not UTF-8 (held as surrogate escapes)
    would raise: show such characters as \\udcff escapes instead, as stderr already does."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "") == "strict":
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def _internal_error(exc: Exception) -> int:
    import traceback

    from . import paths
    log = paths.user_data_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8", errors="backslashreplace")
        where = f"; details in {log}"
    except OSError:
        where = ""
    print(f"face-value: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return EXIT_INTERNAL


def load_checked(given: str | None) -> tuple[LoadResult, str]:
    from .engine import load_story
    folder, display = story_folder(given)
    return load_story(folder, display), display


def report_story_errors(result: LoadResult, display: str) -> int:
    """For play and playtest: a story with errors cannot run; show the errors, exit 1."""
    errors = result.problems.errors
    for problem in [p for p in result.problems.sorted() if p in errors][:20]:
        print(problem, file=sys.stderr)
    more = f" (showing 20 of {len(errors)})" if len(errors) > 20 else ""
    print(f"face-value: the story in {display} has {len(errors)} error(s){more}; run 'face-value check {display}'", file=sys.stderr)
    return EXIT_PROBLEMS


# --- check ---------------------------------------------------------------------------------

def run_check(args: argparse.Namespace) -> int:
    import json

    result, display = load_checked(args.story)
    if result.story is not None:
        from .tools.lint_window import deeper_warnings
        result.problems.items.extend(deeper_warnings(result.story, args.max_pages))
    problems = result.problems.sorted()
    errors, warnings = len(result.problems.errors), len(result.problems.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        document = {
            "story": display, "ok": not failed, "errors": errors, "warnings": warnings,
            "problems": [p.to_json() for p in problems], "stats": result.stats,
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        stats = result.stats
        summary = f"{display}: {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        if stats:
            summary += f" ({_count(stats['scenes'], 'scene')}, {_count(stats['words'], 'word')}, {_count(stats['endings'], 'ending')})"
        print(summary)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# --- playtest --------------------------------------------------------------------------------

def run_playtest(args: argparse.Namespace) -> int:
    import json

    from .engine.playtest import playtest, story_starts

    result, display = load_checked(args.story)
    if not result.ok:
        return report_story_errors(result, display)
    story = result.story
    check_chapter(story, args.chapter)
    from .tools import playtest as report_tool

    replays = report_tool.check_options(args, UsageError)
    report = playtest(story, args.runs, args.seed, args.max_steps, story_starts(story, args.chapter))
    if report.interrupted:
        print(f"face-value: interrupted after {report.runs:,} of {args.runs:,} runs; the figures below are for those runs", file=sys.stderr)
    document = report.to_json(story)
    document["scope"] = f"chapter {args.chapter}" if args.chapter else "whole story"
    written = report_tool.write_failures(report, replays) if replays is not None else []
    document["replays"] = written
    missing = report_tool.missing_endings(story, report)
    if args.format == "json":
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(report_tool.render_text(story, report, document, display, args.max_steps, written))
    if args.require_all_endings and missing:
        print(f"face-value: {len(missing)} ending(s) never reached (--require-all-endings): {', '.join(missing)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def run_explore(args: argparse.Namespace) -> int:
    from .tools import explore as explore_tool

    result, display = load_checked(args.story)
    if not result.ok:
        return report_story_errors(result, display)
    return explore_tool.run(args, result.story, display, UsageError)


def run_graph(args: argparse.Namespace) -> int:
    from .tools.graph import run

    result, display = load_checked(args.story)
    if not result.ok:
        return report_story_errors(result, display)
    return run(args, result.story, display, UsageError)


# --- play ------------------------------------------------------------------------------------

def check_chapter(story, number: int | None) -> None:
    if number is not None and story.chapter(number) is None:
        have = f"chapters 1 to {len(story.chapters)}" if story.chapters else "no chapters"
        raise UsageError(f"there is no chapter {number}: this story has {have}")


def check_chapter_start(story, number: int | None, start: str | None) -> None:
    if start is None:
        return
    if number is None:
        raise UsageError("--start names one of a chapter's starts: give --chapter N too")
    chapter = story.chapter(number)
    if start not in chapter.start_names:
        from .engine.runner import starts_listed
        raise UsageError(f"chapter {number} has no start '{start}': {starts_listed(chapter)}")


def run_play(args: argparse.Namespace) -> int:
    from . import paths
    from .classroom import commands as classroom
    from .engine import SaveStore, check_slot
    from .live import LiveStory

    result, display = load_checked(args.story)
    if not result.ok:
        return report_story_errors(result, display)
    check_chapter(result.story, args.chapter)
    check_chapter_start(result.story, args.chapter, args.chapter_start)
    if args.load is not None:
        try:
            check_slot(args.load)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    story = result.story
    args.start = debug_start(story, args)
    args.debug = args.debug or args.watch or args.start is not None
    args.live = LiveStory(story.root, display, watch=args.watch) if args.debug else None
    store = SaveStore(paths.save_dir(story.id, args.save_dir), story)
    args.text = args.text or args.plain
    if args.classroom and (args.text or not paths.has_display()):
        return classroom.play_classroom_in_terminal(story, args)
    if not args.text:
        if paths.has_display():
            code = play_in_window(story, args)
            if code is not None:
                return code
        else:
            print("face-value: no display found, so the game plays in the terminal (--text)", file=sys.stderr)
    return play_in_terminal(story, store, args)


def debug_start(story, args: argparse.Namespace) -> dict | None:
    """--scene and --set: where and with what values to begin (Runner.restart's arguments)."""
    from .engine.debug import find_scene, parse_assignments

    if args.scene is None and not args.set:
        return None
    if args.load is not None:
        raise UsageError("--scene and --set start a new playthrough; they cannot be used with --load")
    if args.scene is not None and args.chapter is not None:
        raise UsageError("give --scene or --chapter, not both")
    try:
        scene = find_scene(story, args.scene) if args.scene is not None else None
    except ValueError as exc:
        raise UsageError(f"--scene: {exc}") from None
    try:
        values = parse_assignments(story, args.set)
    except ValueError as exc:
        raise UsageError(f"--set: {exc}") from None
    chapter = story.chapter(args.chapter) if args.chapter is not None else None
    if chapter is not None:
        return {"scene": chapter.start, "values": {**chapter.values_for(args.chapter_start), **values}, "chapter": chapter.number}
    return {"scene": scene, "values": values}


def play_in_window(story, args: argparse.Namespace) -> int | None:
    """Open the window; None (after a one-line note) if it cannot open, to play in the terminal."""
    from pathlib import Path

    from .classroom import commands as classroom
    from .engine import SaveError
    from .engine.replay import ReplayError

    try:
        from .ui.app import App
        app = App(story, save_dir=Path(args.save_dir) if args.save_dir else None)
    except Exception as exc:  # noqa: BLE001 - any failure to open a window means: use the terminal
        print(f"face-value: the window could not open ({exc}); playing in the terminal", file=sys.stderr)
        return None
    app.push("title")
    if args.live is not None:
        from .ui.live import LiveTools
        LiveTools.attach(app, args.live)
    if classroom.open_in_window(app, args):
        return app.run()
    if args.chapter is not None or args.load is not None or args.start is not None or args.replay is not None:
        try:
            if args.replay is not None:
                replay_into(app.session.runner, args.replay)
            elif args.load is not None:
                app.session.load(args.load)
            elif args.start is not None:
                app.session.start_at(seed=args.seed, **args.start)
            else:
                app.session.start_chapter(args.chapter, seed=args.seed, start=args.chapter_start)
        except (SaveError, ReplayError) as exc:
            app.close()
            print(f"face-value: cannot load: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        app.reset("scene")
    return app.run()


def play_in_terminal(story, store: SaveStore, args: argparse.Namespace) -> int:
    from .classroom import commands as classroom
    from .engine import Runner, SaveError
    from .engine.replay import ReplayError
    from .textplay import TextPlayer

    runner = Runner(story, seed=args.seed if args.seed is not None else _fresh_seed())
    if args.start is not None:
        runner.restart(seed=runner.state.seed, **args.start)
    elif args.chapter is not None:
        runner.start_chapter(args.chapter, seed=runner.state.seed, start=args.chapter_start)
    if args.load is not None:
        try:
            loaded = store.read(args.load)
        except SaveError as exc:
            print(f"face-value: cannot load: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        for note in loaded.notes + runner.restore(loaded.state):
            print(f"face-value: note: {note}", file=sys.stderr)
    if args.replay is not None:
        try:
            replay_into(runner, args.replay)
        except ReplayError as exc:
            print(f"face-value: cannot replay: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    player = TextPlayer(runner, store, recorder=_begun(classroom.recorder_for(story, args, "single"), runner, args.chapter_start), plain=args.plain)
    if args.live is not None:
        from .textdebug import TextDebug
        player.tools = TextDebug(player, args.live)
    return player.run()


def _begun(recorder, runner, start: str | None = None):
    recorder.begin(runner, runner.state.chapter, start)
    return recorder


def replay_into(runner, file: str) -> None:
    """Play a replay file's moves on the runner; raises ReplayError naming the file."""
    from pathlib import Path

    from .engine.replay import play_replay, read_replay

    play_replay(runner, read_replay(Path(file)), file)


# --- shot ------------------------------------------------------------------------------------

def run_shot(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .engine import SaveError
    from .engine.checker import did_you_mean
    from .engine.debug import parse_assignments
    from .ui import shot

    if args.screen not in shot.SCREENS:
        raise UsageError(f"--screen must be one of {', '.join(shot.SCREENS)}, not '{args.screen}'")
    given, scene = shot_story_and_scene(args)
    result, display = load_checked(given)
    if not result.ok:
        return report_story_errors(result, display)
    story = result.story
    if scene is not None and scene not in story.scenes:
        hint = did_you_mean(scene, story.scenes)
        raise UsageError(f"no scene '{scene}' in {display}" + (f" ({hint})" if hint else ""))
    out = Path(args.out)
    try:
        shot.check_out(out)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        size = shot.parse_size(args.size)
        settings = shot.parse_settings(args.settings)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        values = parse_assignments(story, args.set)
    except ValueError as exc:
        raise UsageError(f"--set: {exc}") from None
    state = None
    if args.save:
        from .engine import read_save_file
        try:
            state = read_save_file(Path(args.save), story).state
        except SaveError as exc:
            print(f"face-value: cannot load: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    try:
        shot.render_shot(story, out, scene=scene, size=size, values=values, settings=settings, screen=args.screen, state=state)
    except shot.ShotError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        print(f"face-value: error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{out}: {size[0]}x{size[1]}")
    return EXIT_OK


def shot_story_and_scene(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """STORY_DIR is positional as in every command; `--story DIR` still works, and so does the
    old `shot SCENE` (a positional that is no folder, when no --scene is given)."""
    import re
    from pathlib import Path

    given, scene = args.story, args.scene
    if args.story_option is not None:
        if given is not None and scene is None and not Path(given).is_dir():
            given, scene = args.story_option, given
        elif given is not None:
            raise UsageError("give the story folder once: as STORY_DIR or as --story")
        else:
            given = args.story_option
    elif given is not None and scene is None and not Path(given).exists() and re.fullmatch(r"[a-z][a-z0-9_]*", given):
        given, scene = None, given
    return given, scene


# --- new and stats ---------------------------------------------------------------------------

def run_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .tools.newstory import NewStoryError, create

    try:
        create(Path(args.story))
    except NewStoryError as exc:
        raise UsageError(str(exc)) from None
    print(f"{args.story}: a new story with 3 scenes and 2 endings; try 'face-value play {args.story}' and 'face-value check {args.story}'")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    import json

    from .tools.stats import render_text, story_table

    result, display = load_checked(args.story)
    if not result.ok:
        return report_story_errors(result, display)
    table = story_table(result.story)
    print(json.dumps(table, indent=2, ensure_ascii=False) if args.format == "json" else render_text(table, display))
    return EXIT_OK


def run_mask(args: argparse.Namespace) -> int:
    from .tools.mask import run

    try:
        return run(args, UsageError)
    except ImportError as exc:
        raise UsageError(f"the mask tools need {exc.name}, which is not installed here (run 'make play', or pip install the project)") from None


def _fresh_seed() -> int:
    return int.from_bytes(os.urandom(4), "little")
