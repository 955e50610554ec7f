"""Synthetic stories for benchmarks and property tests: N scenes, 3 choices each, ~80 words a scene."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "rain shutters printer mask camera lane neighbour officer nurse ward face data dots firmware "
    "street shop window light quiet market steam signal registry code layer print shelf night "
    "morning tram bridge harbour tower phone message pocket counter receipt stamp queue gate"
).split()


def scene_text(rng: random.Random, words: int = 80) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_story(folder: Path, scenes: int, seed: int = 1, per_file: int = 100) -> Path:
    """Write a valid story of `scenes` scenes into `folder` and return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(
        "title: Synthetic\nstart: s0\nvariables:\n  score: 0\n  trust: 50\n  flag: false\n  name: \"Lin\"\n",
        encoding="utf-8",
    )
    endings = max(1, scenes // 20)
    for first in range(0, scenes, per_file):
        lines = ["scenes:"]
        for i in range(first, min(first + per_file, scenes)):
            lines.extend(_scene_lines(rng, i, scenes, endings))
        (folder / f"part_{first // per_file:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _scene_lines(rng: random.Random, i: int, total: int, endings: int) -> list[str]:
    lines = [f"  s{i}:", f"    text: \"{scene_text(rng)} {{name}} has {{score}} points.\""]
    if i >= total - endings:
        return lines + ["    ending:", f"      id: end_{i}", f"      title: Ending {i}"]
    targets = [i + 1] + [rng.randrange(total) for _ in range(2)]
    return lines + _choice_lines(i, targets)


def _choice_lines(i: int, targets: list[int]) -> list[str]:
    """Scene i's three choices: on to each target; the second has a condition, the third effects."""
    lines = ["    choices:"]
    for k, target in enumerate(targets):
        lines.append(f"      - text: \"Go on to {target} ({k})\"")
        lines.append(f"        goto: s{target}")
        if k == 1:
            lines.append(f"        if: trust > {i % 47} or flag")
        if k == 2:
            lines.append(f"        set: {{score: score + {i % 89}, flag: not flag}}")
    return lines


def write_confined_story(folder: Path, scenes: int, reachable: int, seed: int = 1) -> Path:
    """A story of `scenes` scenes of which play can reach only the first `reachable`: those are
    `write_story(folder, reachable, seed)`, and the rest lead only among themselves. A walk on it
    makes the steps a walk on the small story makes, in a machine as large as the big one."""
    write_story(folder, reachable, seed)
    rng = random.Random(seed + 1)
    lines = ["scenes:"]
    for i in range(reachable, scenes):
        lines.append(f"  s{i}:")
        lines.append(f"    text: \"{scene_text(rng)} {{name}} has {{score}} points.\"")
        targets = [i + 1 if i + 1 < scenes else reachable] + [reachable + rng.randrange(scenes - reachable) for _ in range(2)]
        lines += _choice_lines(i, targets)
    (folder / "part_unreachable.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def write_ink(path: Path, scenes: int, seed: int = 1) -> Path:
    """The story `write_story` writes, with the same seed, as one ink file (for the inkjs
    comparison, `make bench-peers`): the same text, choices, condition and effects."""
    rng = random.Random(seed)
    lines = ['VAR score = 0', 'VAR trust = 50', 'VAR flag = false', 'VAR name = "Lin"', "-> s0", ""]
    endings = max(1, scenes // 20)
    for i in range(scenes):
        text = f"{scene_text(rng)} {{name}} has {{score}} points."
        lines += [f"=== s{i} ===", text]
        if i >= scenes - endings:
            lines += ["-> END", ""]
            continue
        targets = [i + 1] + [rng.randrange(scenes) for _ in range(2)]
        for k, target in enumerate(targets):
            condition = f"{{trust > {i % 47} or flag}} " if k == 1 else ""
            lines.append(f"+ {condition}[Go on to {target} ({k})]")
            if k == 2:
                lines += [f"  ~ score = score + {i % 89}", "  ~ flag = not flag"]
            lines.append(f"  -> s{target}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
