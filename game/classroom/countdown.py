"""The facilitator's discussion timer: start, pause, extend, skip; advanced by the front end."""

from __future__ import annotations

DEFAULT_SECONDS = 120
EXTEND_SECONDS = 30


class Countdown:
    """Counts down only while running; `update(dt)` is driven by the window's frames."""

    def __init__(self, seconds: float = DEFAULT_SECONDS):
        self.remaining = float(seconds)
        self.running = False
        self.started = False

    def start(self) -> None:
        self.started = True
        self.running = self.remaining > 0

    def pause(self) -> None:
        self.running = False

    def toggle(self) -> None:
        """Enter: start, pause, or go on."""
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        self.remaining += seconds

    def shorten(self, seconds: float = EXTEND_SECONDS) -> None:
        self.remaining = max(0.0, self.remaining - seconds)

    def update(self, dt: float) -> bool:
        """True when the time shown changed."""
        if not self.running:
            return False
        before = int(self.remaining + 0.999)
        self.remaining = max(0.0, self.remaining - dt)
        if self.remaining == 0:
            self.running = False
        return int(self.remaining + 0.999) != before

    @property
    def done(self) -> bool:
        return self.started and self.remaining == 0

    def label(self) -> str:
        whole = int(self.remaining + 0.999)
        return f"{whole // 60}:{whole % 60:02d}"
