"""Small random stories for holding the explorer to the runner: loops, conditions, visit
counts, clamped measures, scene effects and random rolls, all in a state space small enough
to search whole."""

from __future__ import annotations

import random
from pathlib import Path

CONDITIONS = [
    "x > 1", "x <= 2", "flag", "not flag", "m >= 5", "m < 3", "x == 0 or flag",
    "visited('s{v}') > 0", "visited('s{v}') == 0", "visited('s{v}') >= 2 and not flag", "roll > 3",
]
EFFECTS = [
    "x: (x + 1) % 4", "x: 0", "flag: not flag", "flag: true", "m: m + 4", "m: m - 3",
    "m: m + random(1, 3)", "roll: random(1, 6)", "x: random(0, 2)", "m: m + x",
]


def write_random_story(folder: Path, seed: int, scenes: int = 12) -> Path:
    """A valid story of `scenes` scenes (two of them endings) in `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(
        "title: Random\nid: random\nstart: s0\nvariables:\n  x: 0\n  flag: false\n  m: 5\n  roll: 0\n"
        "measures:\n  - {variable: m, label: M, min: 0, max: 9}\n",
        encoding="utf-8",
    )
    lines = ["scenes:"]
    endings = {scenes - 1, scenes - 2}
    for i in range(scenes):
        lines += [f"  s{i}:", f"    text: \"Scene {i}, x is {{x}}.\""]
        if rng.random() < 0.3:
            lines += ["    set:", f"      {rng.choice(EFFECTS)}"]
        if i in endings:
            lines += ["    ending:", f"      id: end{i}", f"      title: End {i}"]
            continue
        if rng.random() < 0.2:
            lines.append(f"    goto: s{_target(rng, i, scenes)}")
            continue
        lines.append("    choices:")
        for k in range(rng.randint(2, 3)):
            lines += [f"      - text: \"Go {k}\"", f"        goto: s{_target(rng, i, scenes)}"]
            if rng.random() < 0.4:
                lines.append(f"        if: \"{rng.choice(CONDITIONS).format(v=rng.randrange(scenes))}\"")
            if rng.random() < 0.5:
                lines.append("        set:")
                lines += [f"          {effect}" for effect in _one_per_variable([rng.choice(EFFECTS) for _ in range(rng.randint(1, 2))])]
    (folder / "scenes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _target(rng: random.Random, i: int, scenes: int) -> int:
    """Mostly onwards, sometimes back (loops)."""
    return rng.randrange(i + 1, scenes) if rng.random() < 0.75 else rng.randrange(scenes)


def _one_per_variable(effects: list[str]) -> list[str]:
    seen, kept = set(), []
    for effect in effects:
        name = effect.split(":")[0]
        if name not in seen:
            seen.add(name)
            kept.append(effect)
    return kept
