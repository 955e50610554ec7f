"""`face-value playtest`'s report: hit counts, the rarest scenes, cut lists that say they are
cut, a replay file per failing run, and --require-all-endings (game/engine/playtest.py plays)."""

from __future__ import annotations

from pathlib import Path

TYPE_CHECKING = False  # add_options is called while `face-value --help` builds its parser: no engine import here
if TYPE_CHECKING:
    from ..engine.model import Story
    from ..engine.playtest import PlaytestReport

SHOWN = 20


def add_options(test) -> None:
    test.add_argument("--replays", metavar="DIR", help="write a replay file of every failing run here (face-value play --replay FILE)")
    test.add_argument("--require-all-endings", action="store_true", help="exit 1 when some ending of the story was never reached")


def check_options(args, usage_error) -> Path | None:
    folder = Path(args.replays) if args.replays else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise usage_error(f"--replays {args.replays}: not a folder")
    return folder


def write_failures(report: PlaytestReport, folder: Path) -> list[str]:
    """One replay file per failing run (identical runs once), named by the scene it stops in."""
    from ..engine.replay import write_replay

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, failed in enumerate(report.failed, 1):
        path = folder / f"failed-{number:03d}-{failed.replay.target}.json"
        write_replay(path, failed.replay)
        written.append(str(path))
    return written


def missing_endings(story: Story, report: PlaytestReport) -> list[str]:
    return [ending for ending in report.endings_in_scope(story) if ending not in report.endings]


def listed(title: str, lines: list[str], shown: int = SHOWN) -> list[str]:
    """A titled list, cut after `shown` lines; the title says so when it is cut."""
    if not lines:
        return []
    cut = f" ({shown} of {len(lines)} shown)" if len(lines) > shown else ""
    return [f"  {title}: {len(lines)}{cut}"] + [f"    {line}" for line in lines[:shown]]


def render_text(story: Story, report: PlaytestReport, document: dict, display: str, max_steps: int, written: list[str]) -> str:
    scope = "" if report.total_scenes == len(story.scenes) else f" of the {report.total_scenes} scenes of {document['scope']}"
    lines = [f"{display}: {report.runs} runs, {report.steps:,} steps in {report.seconds:.2f} s; "
             f"scene coverage {report.scene_coverage:.0%}{scope}"]
    for ending, count in document["endings"].items():
        lines.append(f"  ending {ending}: {count}")
    for ending in document["endings_never_reached"]:
        lines.append(f"  ending {ending}: never reached")
    if report.unfinished:
        lines.append(f"  {report.unfinished} run(s) stopped after {max_steps} steps without an ending")
    places = {scene.id: str(scene.place) for scene in story.scenes.values()}
    lines += listed("scenes never visited", [f"{places[s]}: {s}" for s in document["scenes_never_visited"]])
    lines += listed("rarest scenes, fewest visits first", [f"{places[r['scene']]}: {r['scene']}: {r['hits']:,} visit(s)" for r in document["rarest_scenes"]])
    never_taken = [key for key, hits in document["choice_hits"].items() if hits == 0 and key.split("#")[0] in report.visited]
    lines += listed("choices never taken in scenes that were visited", [_choice(story, key) for key in never_taken])
    for label, reading in document["reading"].items():
        lines.append(f"  reading, {label}: median {reading['median_words']:,} words (~{reading['median_minutes']} min at 200 wpm), {reading['min_words']:,}-{reading['max_words']:,}")
    for error in report.errors:
        lines.append(f"error: {error}")
    if report.failed_runs:
        lines.append(f"  {report.failed_runs} run(s) failed")
    if written:
        extra = f" (identical runs once; {report.failed_runs - len(written)} more not written)" if report.failed_runs > len(written) else ""
        lines.append(f"  {len(written)} replay file(s) in {Path(written[0]).parent}{extra} (face-value play --replay FILE)")
    elif report.failed_runs:
        lines.append("  add --replays DIR to save each failing run as a replay file for 'face-value play --replay'")
    return "\n".join(lines)


def _choice(story: Story, key: str) -> str:
    scene_id, number = key.rsplit("#", 1)
    choice = story.scenes[scene_id].choices[int(number) - 1]
    return f"{choice.place}: choice {number} of '{scene_id}' ({choice.text.source[:50]})"
