"""The story loader finds scalar tags faster than PyYAML's resolver; it must find the same tags."""

import random
from pathlib import Path

import yaml

from game.engine.yamlsrc import _Loader

STORY = Path(__file__).resolve().parents[2] / "story"
TRICKY = [
    "", "~", "null", "Null", "NULL", "yes", "No", "on", "OFF", "y", "n", "true", "True", "tRUE",
    "1", "-1", "+1", "0x1F", "0o17", "0b101", "1_000", "1:30", "3.5", ".5", "-.inf", ".NaN", "1e3",
    "2021-05-01", "2021-05-01 10:00:00", "<<", "=", "text", "The bus is late", "o'clock", "Tuesday",
    "ffff", "nope", "--", "+", ".", "0", "007", "12:30:00",
]


def tags(text: str, loader) -> list[str]:
    found, todo = [], [yaml.compose(text, Loader=loader)]
    while todo:
        node = todo.pop()
        if node is None:
            continue
        found.append(node.tag)
        if isinstance(node, yaml.MappingNode):
            todo.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return found


def test_same_tags_as_pyyaml_on_every_story_file():
    files = sorted(STORY.rglob("*.yaml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert tags(text, _Loader) == tags(text, yaml.SafeLoader), path


def test_same_tags_on_tricky_scalars_plain_and_quoted():
    rng = random.Random(5)
    words = TRICKY + ["".join(rng.choice("tfnoy01.-+:e_x ") for _ in range(rng.randint(1, 6))).strip() or "a" for _ in range(2000)]
    for word in words:
        for text in (f"key: {word}\n", f"key: '{word}'\n", f"- {word}\n", f"{word}: 1\n") if ":" not in word and "#" not in word else (f"key: '{word}'\n",):
            try:
                expected = tags(text, yaml.SafeLoader)
            except yaml.YAMLError:
                continue
            assert tags(text, _Loader) == expected, text
            assert tags(text, _Loader) == expected, text  # the second time from what it remembered
