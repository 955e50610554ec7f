"""The road not taken: every earlier choice of this session's path; picking one goes back
there to play the other branch (the class's own path is kept to return to)."""

from __future__ import annotations

from ..widgets import Button
from .menus import MenuScreen

LABEL_LIMIT = 56


class RoadsScreen(MenuScreen):
    name = "roads"
    heading = "Go back to a choice"

    def __init__(self, app, lesson):
        self.lesson = lesson
        super().__init__(app)

    def buttons(self) -> list[Button]:
        items = []
        for number, point in enumerate(self.lesson.choice_points()[-8:], 1):
            label = f"{point.scene_title}: chose '{point.taken}'"
            if len(label) > LABEL_LIMIT:
                label = label[: LABEL_LIMIT - 4].rsplit(" ", 1)[0] + "...'"
            items.append(Button(label, lambda step=point.step: self.go_back(step)))
        return items + [Button("Back", self.app.pop)]

    def go_back(self, step: int) -> None:
        self.lesson.take_other_road(step)
        self.app.reset("scene")
