"""The `face-value` command line: start-up, parsing, one-line errors and exit codes. Each command's
options and body are in game/commands.py, imported once a command runs."""

from __future__ import annotations

import os
import sys

from . import __version__

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
if TYPE_CHECKING:
    import argparse

# `face-value --version` and `--help` must start in under 50 ms (docs/performance.md), so this
# module imports nothing at its top but os and sys, and neither the engine (~100 ms) nor
# game/commands.py (its imports, and compiling it where no bytecode is cached): --help lists the
# commands from HELP, and a lone --version needs no argparse either. tests/test_cli.py holds
# these two to the modules they import, and HELP to the commands' own parsers.
VERSION = f"face-value {__version__}"
HELP = {  # every command and its help line, in the order --help lists them
    "play": "play the game (the default command)",
    "check": "check a story and list every problem",
    "playtest": "random seeded playthroughs: endings, coverage, errors",
    "shot": "render a scene headless into a PNG, as a player sees it",
    "sessions": "list the session records kept on this computer",
    "transcript": "a readable record of one session, to print",
    "report": "one HTML page of how a class chose, from session files",
    "prompts": "a printable sheet of the story's discussion prompts",
    "new": "create a small story to start writing from",
    "stats": "words, scenes, choices, endings and reading time per chapter and scene",
    "explore": "search every reachable state: endings, unused scenes and choices, soft-locks",
    "mask": "make a photo mask with a hidden code, read, scramble or show one",
    "graph": "draw the story as a map: html (pan, zoom, click a scene), svg, dot or mermaid",
}
COMMANDS = tuple(HELP)
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class UsageError(Exception):
    """A wrong flag or argument: exit 2 with one line."""


def build_parser(listing: bool = False) -> argparse.ArgumentParser:
    """The whole command line. With `listing`, each command is only named with its help line
    (enough for `face-value --help` and `--version`, without importing game/commands.py)."""
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
    if listing:  # only the top-level help is shown: the commands need no -h of their own
        for name, line in HELP.items():
            commands.add_parser(name, help=line, add_help=False)
    else:
        from .commands import add_parsers
        add_parsers(commands)
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of `face-value` and `python -m game`; never shows a traceback."""
    argv = sys.argv[1:] if argv is None else argv
    _tolerant_output()
    try:
        if argv == ["--version"]:  # what the parser's --version prints, without importing argparse
            print(VERSION)
            return EXIT_OK
        args = parse_args(argv)
        from .commands import run
        return run(args)
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
