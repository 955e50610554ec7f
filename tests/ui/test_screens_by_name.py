"""Screens are opened by name, so no screen module imports another screen: the import circle
in game/ui/ stays broken as screens are added."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.ui.registry import Screens
from game.ui.screens.base import Screen
from tests.conftest import ROOT

UI = ROOT / "game" / "ui"


def _imported_modules(path: Path) -> set[str]:
    """Sibling screen modules a file imports (`from . import x`, `from .x import y`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [alias.name for alias in node.names])
    return found


def test_every_screen_is_known_by_its_name():
    names = set(Screens().kinds)
    assert {"title", "scene", "pause", "slots", "history", "settings", "chapters", "gallery", "ending", "error"} <= names


def test_no_screen_module_imports_another_screen():
    screens = Screens()
    screen_modules = {kind.__module__.rsplit(".", 1)[1] for kind in screens.kinds.values()}
    for path in sorted((UI / "screens").glob("*.py")):
        imported = _imported_modules(path) & screen_modules
        assert not imported, f"{path.name} imports the screen module(s) {sorted(imported)}; open them by name instead"


def test_the_app_imports_no_screen():
    tree = ast.parse((UI / "app.py").read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not [m for m in modules if m.startswith("screens")], modules


def test_an_unknown_name_says_which_names_there_are(make_app, staged):
    app = make_app(staged)
    with pytest.raises(KeyError, match="no screen named 'nowhere' .*title"):
        app.push("nowhere")


def test_two_screens_may_not_share_a_name():
    screens = Screens()

    class Another(Screen):
        name = "title"

    with pytest.raises(ValueError, match="two screens are named 'title'"):
        screens.add(Another)


def test_screens_open_by_name_with_options(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    app.push("slots", saving=True)
    assert app.top.name == "slots" and app.top.saving
    assert app.find("scene") is app.stack[0]
    app.reset("title")
    assert [s.name for s in app.stack] == ["title"]
