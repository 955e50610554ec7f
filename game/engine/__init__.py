"""The Face Value story engine: pure Python, no pygame, no printing, no input.

Front ends (the terminal player, the window, tests, tools) load a story with `load_story`
and drive a `Runner`: read `runner.turn`, then `choose(n)` or `proceed()`, `undo()`.
"""

from .expr import EvalError
from .loader import LoadResult, load_story
from .model import Choice, Ending, Scene, Story
from .playtest import PlaytestReport, Start, playtest
from .problems import ERROR, WARNING, Place, Problem, Problems
from .runner import ChoiceView, Moment, Phase, Runner, RunnerError, StoryRuntimeError, Turn
from .saves import AUTOSAVE, LoadedSave, SaveError, SaveStore, SlotInfo, check_slot, read_save_file
from .state import GameState, Step

__all__ = [
    "AUTOSAVE", "ERROR", "WARNING", "Choice", "ChoiceView", "Ending", "EvalError", "GameState",
    "LoadResult", "LoadedSave", "Moment", "Phase", "Place", "PlaytestReport", "Problem", "Problems",
    "Runner", "RunnerError", "SaveError", "SaveStore", "Scene", "SlotInfo", "Start", "Step",
    "Story", "StoryRuntimeError", "Turn", "check_slot", "load_story", "playtest", "read_save_file",
]
