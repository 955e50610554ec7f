"""Screens by name: each screen class names itself, and the App opens screens by that name, so a
screen module imports only what lies below it (base, widgets, layout), never another screen."""

from __future__ import annotations

import importlib
import pkgutil

from .screens.base import Screen

PACKAGE = "game.ui.screens"


class Screens:
    """The screen classes found in game/ui/screens/: every Screen subclass with a `name` of its own."""

    def __init__(self, package: str = PACKAGE):
        self.kinds: dict[str, type[Screen]] = {}
        root = importlib.import_module(package)
        for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{package}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Screen) and value.__module__ == module.__name__ and vars(value).get("name"):
                    self.add(value)

    def add(self, kind: type[Screen]) -> None:
        """Register one screen class under its `name`; two screens may not share a name."""
        known = self.kinds.get(kind.name)
        if known is not None and known is not kind:
            raise ValueError(f"two screens are named '{kind.name}': {known.__module__}.{known.__name__} and {kind.__module__}.{kind.__name__}")
        self.kinds[kind.name] = kind

    def make(self, name: str, app, **options) -> Screen:
        kind = self.kinds.get(name)
        if kind is None:
            raise KeyError(f"no screen named '{name}' (screens: {', '.join(sorted(self.kinds))})")
        return kind(app, **options)
