"""The engine core never imports pygame, never prints and never reads input."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

ENGINE = ROOT / "game" / "engine"


def test_engine_imports_and_plays_with_pygame_blocked():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "from game.engine import load_story, Runner\n"
        "r = load_story('tests/fixtures/stories/lane')\n"
        "runner = Runner(r.story); runner.choose(3)\n"
        "assert runner.turn.ending.id == 'dark_shop'\n"
        "assert 'pygame' not in [m.split('.')[0] for m, v in sys.modules.items() if v is not None]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_engine_source_has_no_print_input_or_eval():
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("print", "input", "eval", "exec", "compile"), f"{path.name}:{node.lineno}"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any(n.split(".")[0] in ("pygame", "pickle") for n in names), f"{path.name}:{node.lineno}"


def test_yaml_is_only_loaded_safely():
    for path in sorted(Path(ROOT / "game").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "yaml.load(" not in text and "yaml.unsafe_load" not in text and "FullLoader" not in text, path
