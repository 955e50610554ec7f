"""The `face-value` commands: each one's options and its body. game/cli.py parses the command
line (and answers --help and --version alone, for start-up time) and sends each command here; the
classroom's commands live in game/classroom/commands.py and the writers' tools in game/tools."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from .cli import EXIT_OK, EXIT_PROBLEMS, HELP, UsageError

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    from .engine import SaveStore
    from .engine.loader import LoadResult


def add_parsers(commands) -> None:
    """Every command's parser, in the order of cli.HELP, under the top-level one's subparsers."""
    from .classroom import commands as classroom
    from .tools import explore as explore_tool
    from .tools.graph import add_parser as add_graph_parser
    from .tools.mask import add_parser as add_mask_parser
    from .tools.playtest import add_options as add_playtest_options

    play = commands.add_parser("play", help=HELP["play"])
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
    classroom.add_play_options(play)
    play.add_argument("--replay", metavar="FILE", help="play the moves of a replay file (from explore or playtest), then go on")

    check = commands.add_parser("check", help=HELP["check"])
    check.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--max-pages", type=_positive, default=None, metavar="N", help="warn when a scene's text takes more than N pages of the window (default 3)")

    test = commands.add_parser("playtest", help=HELP["playtest"])
    test.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    test.add_argument("--runs", type=_runs, default=1000, metavar="N", help="how many playthroughs (default 1000, at most 100,000; Ctrl-C stops early with a summary)")
    test.add_argument("--seed", type=int, default=0, metavar="S")
    test.add_argument("--max-steps", type=_positive, default=500, metavar="M")
    test.add_argument("--chapter", type=_positive, default=None, metavar="N", help="only runs that start at chapter N and stop at its end")
    test.add_argument("--format", choices=("text", "json"), default="text")
    add_playtest_options(test)

    shot = commands.add_parser("shot", help=HELP["shot"])
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
    classroom.add_commands(commands)

    new = commands.add_parser("new", help=HELP["new"])
    new.add_argument("story", metavar="STORY_DIR", help="a new (or empty) folder")

    stats = commands.add_parser("stats", help=HELP["stats"])
    stats.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    explore_tool.add_parser(commands)
    add_mask_parser(commands)
    add_graph_parser(commands)


def _runs(text: str) -> int:
    value = _positive(text)
    if value > 100_000:  # game.engine.playtest.MAX_RUNS
        raise argparse.ArgumentTypeError(f"at most 100,000 runs at a time (about ten minutes), not {value:,}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: its exit code."""
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


def story_folder(given: str | None) -> tuple[Path, str]:
    """The story folder and how to show its path; a missing folder is a usage error."""
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


def load_checked(given: str | None, compiled: bool = True, to_play: bool = False) -> tuple[LoadResult, str]:
    """The story, checked; read from its compiled entry when its files have not changed (every
    command but `check`, which always reads the YAML, like a compiler). `to_play`: the process
    plays it until it exits (engine.loader.load_to_play)."""
    from . import paths
    from .engine.loader import load_story, load_to_play
    folder, display = story_folder(given)
    load = load_to_play if to_play else load_story
    return load(folder, display, compiled=paths.compiled_dir() if compiled else None), display


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
    result, display = load_checked(args.story, compiled=False)
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
    from .engine.playtest import playtest, story_starts

    result, display = load_checked(args.story, to_play=True)
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

    result, display = load_checked(args.story, to_play=True)
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

    result, display = load_checked(args.story, to_play=True)
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
    from .engine.replay import play_replay, read_replay

    play_replay(runner, read_replay(Path(file)), file)


# --- shot ------------------------------------------------------------------------------------

def run_shot(args: argparse.Namespace) -> int:
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
    from .tools.newstory import NewStoryError, create

    try:
        create(Path(args.story))
    except NewStoryError as exc:
        raise UsageError(str(exc)) from None
    print(f"{args.story}: a new story with 3 scenes and 2 endings; try 'face-value play {args.story}' and 'face-value check {args.story}'")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
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
