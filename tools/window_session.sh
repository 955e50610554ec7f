#!/usr/bin/env bash
# A real-window check of the game, as a player would try it: under Xvfb, driven by xdotool
# from the title to an ending, with held keys, at 1024x600 and 1920x1080, the largest text,
# OpenDyslexic and high contrast; a screenshot of every screen goes to OUT (default
# shots/window/). Look at every one of them.
#
#   apt-get install -y xvfb imagemagick xdotool     # once
#   tools/window_session.sh [OUT]
#
# CONFIGS="small large plain loupe" (the default) chooses which runs to make.
# It stops with a message (exit 1) when a held key made a move, or when a playthrough does
# not reach its ending. Uses the display :99 (starts Xvfb there unless one is running).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/shots/window}
PY=${PY:-$ROOT/.venv/bin/python}
export DISPLAY=:99
unset SDL_VIDEODRIVER
export SDL_AUDIODRIVER=dummy
mkdir -p "$OUT"
WORK=$(mktemp -d)
XVFB_PID=""
GAME_PID=""

cleanup() {
    [ -n "$GAME_PID" ] && kill "$GAME_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "window_session: $tool is missing (apt-get install -y xvfb imagemagick xdotool)" >&2; exit 2; }
done
if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
    Xvfb :99 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
fi

CONFIG=""   # the name of the run, for file names
SHOT=0
WID=""
DATA=""

# launch NAME WxH SETTINGS_JSON [STORY]: start the game in a fresh data folder.
launch() {
    CONFIG=$1; SHOT=0
    local size=$2 settings=$3 story=${4:-}
    DATA=$WORK/$CONFIG
    mkdir -p "$DATA/saves"
    echo "$settings" > "$DATA/settings.json"
    FACE_VALUE_DATA_DIR=$DATA "$PY" -m game play --save-dir "$DATA/saves" $story >"$DATA/game.log" 2>&1 &
    GAME_PID=$!
    WID=$(xdotool search --sync --onlyvisible --class face-value | head -1)
    xdotool windowmove "$WID" 0 0 windowsize "$WID" "${size%x*}" "${size#*x}" windowfocus "$WID"
    sleep 1.5
}

stop_game() {
    kill "$GAME_PID" 2>/dev/null || true
    wait "$GAME_PID" 2>/dev/null || true
    GAME_PID=""
}

shot() {
    SHOT=$((SHOT + 1))
    sleep "${2:-0.5}"
    import -display :99 -window "$WID" "$OUT/$(printf '%s-%02d-%s' "$CONFIG" "$SHOT" "$1").png"
}

key() { xdotool key --clearmodifiers "$@"; sleep "${PAUSE:-0.25}"; }

# hold KEY SECONDS: a held key, as a player leaning on it would.
hold() { xdotool keydown "$1"; sleep "$2"; xdotool keyup "$1"; sleep 0.4; }

# The autosave's scene, moves made and ending title ("-" when there is no autosave yet).
state() {
    "$PY" - "$DATA/saves/autosave.json" <<'EOF'
import json, sys
try:
    data = json.load(open(sys.argv[1]))
except OSError:
    print("- 0 -")
else:
    print(data["state"]["scene"], len(data["state"].get("history", [])), data.get("info", {}).get("ending_title") or "-")
EOF
}

# moved BEFORE: wait (up to 5 s: a busy machine is slow) until the autosave moves on from BEFORE.
moved() {
    for _ in $(seq 25); do
        [ "$(state)" != "$1" ] && return 0
        sleep 0.2
    done
    return 1
}

must_not_move() {  # WHAT BEFORE: fail if the autosave moved on from BEFORE
    local now
    now=$(state)
    if [ "$now" != "$2" ]; then
        echo "window_session: $CONFIG: $1 made a move ($2 -> $now)" >&2
        exit 1
    fi
}

# play: from the title, New game, then the first choice every time, to the ending and gallery.
play() {
    shot title
    key Return                                          # New game (Continue is off: no autosave yet)
    shot chapter-card 0.3
    key space
    shot scene-start 0.2
    local before
    before=$(state)
    hold space 2                                        # reveals and pages, never chooses
    must_not_move "holding Space for 2 s" "$before"
    shot scene-after-held-space
    key 1                                               # the first choice; the next scene begins
    moved "$before" || { echo "window_session: $CONFIG: 1 made no choice" >&2; exit 1; }
    before=$(state)
    hold Return 2                                       # as its text comes in: the same
    must_not_move "holding Enter for 2 s" "$before"
    shot scene-after-held-enter
    key Escape; shot pause-menu
    key Down; key Down; key Down; key Return; shot history
    key Escape; key Escape
    local moves=0 now scene ending
    while [ $moves -lt 120 ]; do
        for _ in $(seq 10); do PAUSE=0.12 key Right; done  # skip a card, reveal, turn pages: never chooses
        shot "move$(printf '%03d' $moves)" 0.4
        before=$(state)
        key 1
        moved "$before" || true                         # a card took the press, or the choices were not up yet
        now=$(state)
        read -r scene _ ending <<<"$now"
        moves=$((moves + 1))
        if [ "$ending" != "-" ]; then
            for _ in $(seq 16); do PAUSE=0.12 key Right; done  # an ending runs to several pages
            shot ending-scene
            key 1; shot ending 0.8
            key Right; key Right; key Return; shot gallery 0.6
            key Escape; key Escape
            shot back 0.4
            return 0
        fi
    done
    echo "window_session: $CONFIG: no ending after $moves moves" >&2
    exit 1
}

settings() {  # FONT THEME: the largest text, with this font and theme
    printf '{"version": 1, "text_size": 4, "font": "%s", "theme": "%s"}' "$1" "$2"
}

wanted() { [[ " ${CONFIGS:-small large plain loupe} " == *" $1 "* ]]; }

if wanted small; then
    launch small 1024x600 "$(settings dyslexic high_contrast)"
    play
    stop_game
fi
if wanted large; then
    launch large 1920x1080 "$(settings dyslexic high_contrast)"
    play
    stop_game
fi
if wanted plain; then
    launch plain 1920x1080 '{"version": 1}'
    play
    stop_game
fi
wanted loupe || { echo "window_session: $(ls "$OUT" | wc -l) screenshots in $OUT"; exit 0; }

# The inspection loupe, on the test story that has one.
launch loupe 1280x720 '{"version": 1}' "$ROOT/tests/fixtures/stories/inspect"
key Return; key space; sleep 0.6
for _ in 1 2 3; do key Right; done
key 1; shot loupe 5.0                                # the print and its code take a moment to make
key 1; shot loupe-blue-light 0.6
key Return; shot loupe-read 0.6
stop_game

echo "window_session: $(ls "$OUT" | wc -l) screenshots in $OUT"
