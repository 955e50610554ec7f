"""The classroom commands of the CLI: `sessions`, `transcript`, `report`, and what `play`
needs for records and `--classroom`. game/commands.py registers them; the bodies live here."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine.atomic import write_atomic
from .record import Recorder, RecordError, clean_nickname, list_records, read_record, records_on, sessions_dir


def add_play_options(play) -> None:
    play.add_argument("--classroom", action="store_true", help="classroom mode: discussion pauses, room votes, the road not taken")
    play.add_argument("--nickname", default="", metavar="NAME", help="an optional nickname kept in the session record")
    play.add_argument("--no-record", action="store_true", help="keep no session record of this playthrough")


def add_commands(commands) -> None:
    sessions = commands.add_parser("sessions", help="list the session records kept on this computer")
    sessions.add_argument("--dir", metavar="DIR", help="a folder of session files (default: the per-user folder)")
    transcript = commands.add_parser("transcript", help="a readable record of one session, to print")
    transcript.add_argument("session", metavar="SESSION.json")
    transcript.add_argument("--format", choices=("md", "html"), default="md")
    transcript.add_argument("--out", metavar="FILE", help="write here instead of printing")
    transcript.add_argument("--story", metavar="DIR", help="the story folder, for scene text (default: the bundled story)")
    report = commands.add_parser("report", help="one HTML page of how a class chose, from session files")
    report.add_argument("sessions", nargs="+", metavar="SESSIONS", help="session files, folders or globs")
    report.add_argument("--out", required=True, metavar="report.html")
    report.add_argument("--story", metavar="DIR", help="the story folder (default: the bundled story)")
    prompts = commands.add_parser("prompts", help="a printable sheet of the story's discussion prompts")
    prompts.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    prompts.add_argument("--format", choices=("md", "html"), default="md")
    prompts.add_argument("--out", metavar="FILE", help="write here instead of printing")


def recorder_for(story, args, mode: str) -> Recorder:
    """A recorder writing into the per-user sessions folder, or off (--no-record, or the setting)."""
    on = not getattr(args, "no_record", False) and records_on()
    return Recorder(story, sessions_dir() / story.id if on else None, mode=mode, nickname=clean_nickname(getattr(args, "nickname", "") or ""))


def open_in_window(app, args) -> bool:
    """Records off or a nickname for the window's session; True when --classroom opened the
    classroom screen (over the title), so nothing else starts."""
    if args.no_record:
        app.session.recorder = Recorder(app.story, None)
    elif args.nickname:
        app.session.recorder.nickname = clean_nickname(args.nickname)
    if args.classroom:
        app.push("classroom", chapter=args.chapter, nickname=args.nickname, start=getattr(args, "chapter_start", None))
    return bool(args.classroom)


def run_sessions(args, usage_error) -> int:
    folder = Path(args.dir) if args.dir else sessions_dir()
    if args.dir and not folder.is_dir():
        raise usage_error(f"no such folder: {args.dir}")
    files = [p for sub in ([folder] + sorted(d for d in folder.iterdir() if d.is_dir()) if folder.is_dir() else []) for p in list_records(sub)]
    if not files:
        print(f"no session records in {folder}")
        return 0
    for path in files:
        try:
            record = read_record(path)
        except RecordError as exc:
            print(f"skipped: {exc}")
            continue
        where = f"chapter {record['chapter']}" if record.get("chapter") else "whole story"
        endings = ", ".join(e["title"] for e in record["endings"] if e.get("road", 0) == 0) or ("chapter end" if record["chapter_ends"] else "unfinished")
        nick = f" '{record['nickname']}'" if record.get("nickname") else ""
        print(f"{record['started']}  {record['session']}{nick}  {record['mode']}, {where}, {len(record['choices'])} choices, {endings}  {path}")
    return 0


def _story_or_none(given: str | None, load_checked):
    result, _ = load_checked(given)
    return result.story if result.ok else None


def run_transcript(args, usage_error, load_checked) -> int:
    from .transcript import to_html, to_markdown

    path = Path(args.session)
    if not path.is_file():
        raise usage_error(f"no such session file: {args.session}")
    try:
        record = read_record(path)
    except RecordError as exc:
        print(f"face-value: cannot read the session: {exc.message} ({exc.path})", file=sys.stderr)
        return 1
    story = _story_or_none(args.story, load_checked)
    if story is not None and story.id != record.get("story"):
        story = None  # scene text only from the story the session was played in
    document = (to_html if args.format == "html" else to_markdown)(record, story)
    if args.out:
        return _write(args.out, document, usage_error)
    sys.stdout.write(document)
    return 0


def run_report(args, usage_error, load_checked) -> int:
    from ..tools.report import build_report

    result, display = load_checked(args.story)
    if not result.ok:
        print(f"face-value: the story in {display} has errors; run 'face-value check {display}'", file=sys.stderr)
        return 1
    document, data, messages = build_report(args.sessions, result.story.id, result.story.title)
    for message in messages:
        print(f"skipped: {message}", file=sys.stderr)
    code = _write(args.out, document, usage_error)
    if code == 0:
        print(f"{args.out}: {data.sessions} session(s), {len(data.points)} choice point(s)")
    return code


def run_prompts(args, usage_error, load_checked) -> int:
    from ..tools.prompt_sheet import to_html, to_markdown

    result, display = load_checked(args.story)
    if not result.ok:
        print(f"face-value: the story in {display} has errors; run 'face-value check {display}'", file=sys.stderr)
        return 1
    document = (to_html if args.format == "html" else to_markdown)(result.story)
    if args.out:
        return _write(args.out, document, usage_error)
    sys.stdout.write(document)
    return 0


def _write(out: str, document: str, usage_error) -> int:
    target = Path(out)
    if not target.parent.is_dir():
        raise usage_error(f"cannot write {out}: no folder {target.parent}")
    try:
        write_atomic(target, document.encode("utf-8"))
    except OSError as exc:
        print(f"face-value: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def play_classroom_in_terminal(story, args) -> int:
    from ..engine import Runner
    from .lesson import Lesson
    from .textclass import ClassroomTextPlayer

    runner = Runner(story, seed=args.seed or 0)
    lesson = Lesson(runner, recorder_for(story, args, "classroom"), args.chapter, getattr(args, "chapter_start", None))
    lesson.start(seed=args.seed or 0)
    return ClassroomTextPlayer(lesson, sys.stdout, sys.stdin, plain=getattr(args, "plain", False)).run()

