"""`face-value explore`: prove every ending reachable and find soft-locks, by searching every
reachable game state (game/engine/explore.py); prints the report, writes replay files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..engine.explore import DEFAULT_MAX_STATES, ExploreReport, Path as StatePath, explore
from ..engine.model import Story
from ..engine.playtest import Start, chapter_starts
from ..engine.replay import Replay, ReplayError, play_replay, seed_for, write_replay
from ..engine.runner import Runner

SHOWN = 20


def add_parser(commands) -> None:
    explore_cmd = commands.add_parser("explore", help="search every reachable state: endings, unused scenes and choices, soft-locks")
    explore_cmd.add_argument("story", nargs="?", help="story folder (default: the bundled story)")
    explore_cmd.add_argument("--chapter", type=_positive, default=None, metavar="N", help="only chapter N, from its start values to its end")
    explore_cmd.add_argument("--from-chapter", type=_positive, default=None, metavar="N", help="from chapter N's start values to the end of the story")
    explore_cmd.add_argument("--whole", action="store_true", help="from the story's start to its end, not chapter by chapter")
    explore_cmd.add_argument("--max-states", type=_positive, default=DEFAULT_MAX_STATES, metavar="N", help=f"stop after N states per start (default {DEFAULT_MAX_STATES:,}; ~200 bytes each)")
    explore_cmd.add_argument("--replays", metavar="DIR", help="write a replay file per ending, soft-lock and error here (face-value play --replay FILE)")
    explore_cmd.add_argument("--format", choices=("text", "json"), default="text")


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def starts_for(story: Story, args) -> list[tuple[Start, bool]]:
    """(start, stop at the chapter's end) for each search the arguments ask for."""
    if args.chapter is not None:
        return [(start, True) for start in chapter_starts(story.chapter(args.chapter))]
    if args.from_chapter is not None:
        return [(start, False) for start in chapter_starts(story.chapter(args.from_chapter))]
    if args.whole or not story.chapters:
        return [(Start(), False)]
    return [(start, True) for chapter in story.chapters for start in chapter_starts(chapter)]


def run(args, story: Story, display: str, usage_error) -> int:
    """Explore and report; 1 when an ending is unreachable, a soft-lock or a story error is found."""
    for number in (args.chapter, args.from_chapter):
        if number is not None and story.chapter(number) is None:
            have = f"chapters 1 to {len(story.chapters)}" if story.chapters else "no chapters"
            raise usage_error(f"there is no chapter {number}: this story has {have}")
    if args.chapter is not None and (args.from_chapter is not None or args.whole):
        raise usage_error("--chapter cannot be combined with --from-chapter or --whole")
    replays = Path(args.replays) if args.replays else None
    if replays is not None and replays.exists() and not replays.is_dir():
        raise usage_error(f"--replays {args.replays}: not a folder")
    reports = []
    for start, chapter_only in starts_for(story, args):
        report, _space = explore(story, start, max_states=args.max_states, chapter_only=chapter_only)
        reports.append(report)
    endings = combined_endings(story, reports)
    written = write_replays(story, reports, replays) if replays else {}
    ok = not any(r.stuck or r.traps or r.errors for r in reports) and False not in endings.values()
    if args.format == "json":
        document = {
            "story": display, "ok": ok,
            "endings": endings, "searches": [r.to_json() for r in reports], "replays": written,
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print_text(display, reports, endings, written)
    return 0 if ok else 1


def combined_endings(story: Story, reports: list[ExploreReport]) -> dict[str, bool | None]:
    """Per ending: True when some search reached it, False when every search that could
    reach it was complete and none did, None when a search was cut short."""
    result: dict[str, bool | None] = {}
    for ending_id in story.endings:
        found = [r.endings[ending_id] for r in reports if ending_id in r.endings]
        if any(reach.path is not None for reach in found):
            result[ending_id] = True
        elif found and all(r.complete for r in reports if ending_id in r.endings):
            result[ending_id] = False
        elif found:
            result[ending_id] = None
    return result


# --- replay files ------------------------------------------------------------------------------

def replay_for(story: Story, path: StatePath, note: str) -> tuple[Replay, str]:
    """A replay of `path` that the runner follows (a seed that gives the path's random rolls),
    and a note on how far it was checked."""
    seed = seed_for([(d.low, d.high, d.value) for d in path.draws])
    replay = Replay(story.id, seed or 0, path.steps, path.start.chapter, note, path.scene, start=path.start.name)
    if seed is None:
        return replay, "no seed gives this path's random rolls; the replay may turn off it"
    runner = Runner(story)
    try:
        play_replay(runner, replay)
    except ReplayError as exc:
        return replay, f"does not replay ({exc.message})"
    if runner.state.scene != path.scene:
        return replay, f"replays to '{runner.state.scene}', not '{path.scene}'"
    return replay, "checked: the runner plays it to that scene"


def write_replays(story: Story, reports: list[ExploreReport], folder: Path) -> dict[str, dict]:
    written = {}
    for report in reports:
        label = f"chapter{report.start.chapter}-" if report.start.chapter and len(reports) > 1 else ""
        label += f"{report.start.name}-" if report.start.name else ""
        items = [(f"ending-{e.ending.id}", e.path, f"reaches the ending '{e.ending.title}'") for e in report.endings.values() if e.path]
        items += [(f"stuck-{f.scene.id}", f.path, f"{f.scene.place}: {f.message}") for f in report.stuck]
        items += [(f"no-ending-{f.scene.id}", f.path, f"{f.scene.place}: {f.message}") for f in report.traps]
        items += [(f"error-{n}", f.path, f.message) for n, f in enumerate(report.errors, 1) if f.path.steps or f.path.scene]
        for name, path, note in items:
            replay, checked = replay_for(story, path, note)
            file = folder / f"{label}{name}.json"
            write_replay(file, replay)
            written[str(file)] = {"moves": len(path.steps), "note": note, "checked": checked}
    return written


# --- text ----------------------------------------------------------------------------------------

def print_text(display: str, reports: list[ExploreReport], endings: dict, written: dict) -> None:
    for report in reports:
        print_search(display, report)
    story = reports[0].story
    print(f"{display}: endings")
    for ending_id, reached in endings.items():
        ending = story.endings[ending_id]
        scenes = [s for s in story.scenes.values() if s.ending and s.ending.id == ending_id]
        where = str(scenes[0].place) if scenes else ""
        if reached:
            shortest = min((r.endings[ending_id].path for r in reports if ending_id in r.endings and r.endings[ending_id].path), key=lambda p: len(p.steps))
            print(f"  {ending_id} ({ending.title}): reachable, shortest {len(shortest.steps)} moves from {shortest.start.label}")
        elif reached is False:
            print(f"  {where}: {ending_id} ({ending.title}): UNREACHABLE: no reachable state gets there")
        else:
            print(f"  {ending_id} ({ending.title}): not reached within --max-states (not proven either way)")
    if written:
        folder = Path(next(iter(written))).parent
        print(f"{len(written)} replay file(s) in {folder} (face-value play --replay FILE)")
    elif any(r.endings for r in reports):
        print("add --replays DIR to save each shortest path as a replay file for 'face-value play --replay'")


def print_search(display: str, report: ExploreReport) -> None:
    done = "complete" if report.complete else "INCOMPLETE"
    print(f"{display}, {report.start.label}: {report.states:,} states, {report.moves:,} moves, depth {report.depth} "
          f"in {report.seconds:.2f} s ({report.states_per_second:,.0f} states/s); {done}")
    for limit in report.limits:
        print(f"  limit: {limit}")
    for scene_id, path in report.exits.items():
        print(f"  leaves the chapter at '{scene_id}' (shortest {len(path.steps)} moves)")
    _listed("scenes no reachable state uses", [f"{s.place}: scene '{s.id}'" for s in report.unreachable_scenes], report.complete)
    _listed("choices never offered", [
        f"{c.place}: choice {c.index + 1} of scene '{s.id}' ({c.text.source[:50]})" + (f", if: {c.condition.source}" if c.condition else "")
        for s, c in report.unused_choices
    ], report.complete)
    for finding in report.stuck:
        print(f"  {finding.scene.place}: soft-lock: in scene '{finding.scene.id}' {finding.message} ({_states(finding.states)}, first after {len(finding.path.steps)} moves)")
    for finding in report.traps:
        print(f"  {finding.scene.place}: soft-lock: from scene '{finding.scene.id}' {finding.message} ({_states(finding.states)}, first after {len(finding.path.steps)} moves)")
    for finding in report.errors:
        print(f"  {finding.scene.place}: story error: {finding.message} (after {len(finding.path.steps)} moves)")
    ranges = [f"{name} {low}..{high}" for name, (low, high) in _numbers(report)]
    if ranges:
        print("  ranges reached: " + ", ".join(ranges))


def _numbers(report: ExploreReport):
    for name, values in report.ranges.items():
        variable = report.story.variables[name]
        if variable.type in ("int", "float"):
            yield name, values


def _listed(title: str, lines: list[str], complete: bool) -> None:
    if not lines:
        return
    proof = "" if complete else " (of the states explored; the search was cut short)"
    shown = f", {SHOWN} of {len(lines)} shown" if len(lines) > SHOWN else ""
    print(f"  {title}: {len(lines)}{proof}{shown}")
    for line in lines[:SHOWN]:
        print(f"    {line}")


def _states(count: int) -> str:
    return f"{count:,} state{'' if count == 1 else 's'}"
