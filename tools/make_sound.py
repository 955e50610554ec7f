"""Owns every sound of Face Value: the music loops in assets/music/, the effects in assets/sound/.

Everything is synthesized here with the Python standard library, from fixed seeds, so a
run always makes the same samples. Each sound is written as a 16-bit WAV; when the
`oggenc` program (Debian package vorbis-tools) is on PATH, the WAV is encoded to OGG
Vorbis and removed, so only the OGG remains.

Music loops are periodic by construction, so their end joins their start without a click:
- each loop is a whole number of bars, counted in whole samples;
- a note that rings past the end is wrapped round and added to the start;
- held tones and slow modulations complete a whole number of cycles per loop;
- noise beds are a loop-long table, so they repeat exactly;
- filters and reverb are run over the loop's tail first, then the loop, so their state at
  the start is the state they have at the end.

The table it prints ends with "seam dB" for each loop: how much the join stands out above
4 kHz against the loop's own loudest moments, measured on the decoded OGG (see
seam_click_db); below 0 is seamless, a click shows above 0.

Usage: python3 tools/make_sound.py [--only NAME]
"""

import argparse
import array
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import wave

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MUSIC_DIR = os.path.join(ROOT, "assets", "music")
SOUND_DIR = os.path.join(ROOT, "assets", "sound")

MUSIC_RATE = 22050
EFFECT_RATE = 44100
MUSIC_PEAK_DB = -9.0
EFFECT_PEAK_DB = -3.0
MUSIC_QUALITY = "2"
EFFECT_QUALITY = "3"
OGG_SERIAL = "20210601"
TAU = 2.0 * math.pi


# ---------------------------------------------------------------- building blocks

def midi_hz(note):
    """Frequency of a MIDI note number (A4 = 69 = 440 Hz)."""
    return 440.0 * 2.0 ** ((note - 69) / 12.0)


def zeros(n):
    """A float buffer of n zero samples."""
    return array.array("d", bytes(8 * n))


def pan_gains(pan):
    """Equal-power left and right gains for pan in [-1, 1]."""
    angle = (pan + 1.0) * math.pi / 4.0
    return math.cos(angle), math.sin(angle)


def soft_saw_table(size=2048, harmonics=7, tilt=1.6):
    """One cycle of a band-limited, softened sawtooth, for pads and drones."""
    table = zeros(size)
    for k in range(1, harmonics + 1):
        amp = 1.0 / k ** tilt
        for i in range(size):
            table[i] += amp * math.sin(TAU * k * i / size)
    peak = max(abs(v) for v in table)
    for i in range(size):
        table[i] /= peak
    return table


def ring(freq, partials, rate, attack=0.002, floor=1e-4):
    """A struck tone: a sum of exponentially decaying sines.

    partials is a list of (frequency ratio, amplitude, decay time constant in seconds).
    """
    longest = max(tau * math.log(amp / floor) for _, amp, tau in partials if amp > floor)
    n = int(longest * rate) + 1
    out = zeros(n)
    for ratio, amp, tau in partials:
        f = freq * ratio
        if f >= rate * 0.45 or amp <= floor:
            continue
        w = TAU * f / rate
        d = math.exp(-1.0 / (tau * rate))
        c, s = math.cos(w) * d, math.sin(w) * d
        re, im = amp, 0.0
        stop = min(n, int(tau * math.log(amp / floor) * rate) + 1)
        for i in range(stop):
            out[i] += im
            re, im = re * c - im * s, re * s + im * c
    ramp = max(1, int(attack * rate))
    for i in range(min(ramp, n)):
        out[i] *= 0.5 - 0.5 * math.cos(math.pi * i / ramp)
    return out


def lowpass(signal, cutoff, rate):
    """One-pole low-pass filter (6 dB per octave)."""
    a = 1.0 - math.exp(-TAU * cutoff / rate)
    out = zeros(len(signal))
    y = 0.0
    for i, v in enumerate(signal):
        y += a * (v - y)
        out[i] = y
    return out


def highpass(signal, cutoff, rate):
    """One-pole high-pass filter (6 dB per octave)."""
    low = lowpass(signal, cutoff, rate)
    return array.array("d", (v - lo for v, lo in zip(signal, low)))


def bandpass(signal, centre, q, rate):
    """Two-pole resonant band-pass filter (RBJ biquad, constant peak gain)."""
    w = TAU * centre / rate
    alpha = math.sin(w) / (2.0 * q)
    a0 = 1.0 + alpha
    b0, b2 = alpha / a0, -alpha / a0
    a1, a2 = -2.0 * math.cos(w) / a0, (1.0 - alpha) / a0
    out = zeros(len(signal))
    x1 = x2 = y1 = y2 = 0.0
    for i, x in enumerate(signal):
        y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, x, y1, y
        out[i] = y
    return out


def reverb(signal, rate, size=1.0, feedback=0.84, damping=0.25):
    """A small Schroeder-Moorer reverb: mono in, decorrelated stereo out."""
    scale = rate / 44100.0 * size
    wet = zeros(len(signal))
    for length in (1116, 1188, 1277, 1356, 1422, 1491):
        n = max(1, int(length * scale))
        buf = zeros(n)
        j = 0
        store = 0.0
        for i, x in enumerate(signal):
            y = buf[j]
            store = y * (1.0 - damping) + store * damping
            buf[j] = x + store * feedback
            wet[i] += y
            j += 1
            if j == n:
                j = 0
    sides = []
    for lengths in ((556, 441, 341), (579, 464, 364)):
        side = wet
        for length in lengths:
            n = max(1, int(length * rate / 44100.0))
            buf = zeros(n)
            out = zeros(len(side))
            j = 0
            for i, x in enumerate(side):
                b = buf[j]
                out[i] = b - x
                buf[j] = x + b * 0.5
                j += 1
                if j == n:
                    j = 0
            side = out
        sides.append(array.array("d", (v * 0.12 for v in side)))
    return sides[0], sides[1]


def noise(n, rng):
    """n samples of uniform white noise."""
    return array.array("d", (rng.uniform(-1.0, 1.0) for _ in range(n)))


def fade(signal, rate, fade_in=0.002, fade_out=0.01):
    """Raised-cosine fade in and out, in place, so a sound starts and stops without a click."""
    n = len(signal)
    a = min(n // 2, max(1, int(fade_in * rate)))
    b = min(n // 2, max(1, int(fade_out * rate)))
    for i in range(a):
        signal[i] *= 0.5 - 0.5 * math.cos(math.pi * i / a)
    for i in range(b):
        signal[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / b)
    return signal


def shaped(signal, curve):
    """signal multiplied sample by sample by a gain curve of the same length."""
    return array.array("d", (v * g for v, g in zip(signal, curve)))


def mix(target, start, signal, gain=1.0):
    """Add signal into target from sample start, cutting what runs past the end."""
    stop = min(len(target), start + len(signal))
    for i in range(max(0, start), stop):
        target[i] += signal[i - start] * gain


def normalise(channels, peak_db):
    """Scale all channels together so the loudest sample sits at peak_db dBFS."""
    peak = max(max(abs(v) for v in ch) for ch in channels)
    gain = 10.0 ** (peak_db / 20.0) / peak if peak > 0 else 0.0
    return [array.array("d", (v * gain for v in ch)) for ch in channels]


# ---------------------------------------------------------------- the loop bus

class Loop:
    """A stereo bus a whole number of bars long: whatever runs past its end wraps to its start."""

    def __init__(self, bpm, beats_per_bar, bars, rate=MUSIC_RATE):
        self.rate = rate
        self.beat = round(rate * 60.0 / bpm)
        self.n = self.beat * beats_per_bar * bars
        if self.n % 512 == 0:
            # pygame 2.6 (SDL_mixer) loses the last 512 frames of such an OGG when it
            # resamples it into a Sound, which would put a click at the seam.
            raise ValueError("loop length %d is a multiple of 512 frames; pick another tempo"
                             % self.n)
        self.left = zeros(self.n)
        self.right = zeros(self.n)
        self.send = zeros(self.n)

    def at(self, beat):
        """Sample index of a beat position (beats may be fractional)."""
        return int(round(beat * self.beat))

    def add(self, start, signal, gain=1.0, pan=0.0, send=0.0):
        """Add a mono signal at sample start, panned, with some of it sent to the reverb."""
        gl, gr = pan_gains(pan)
        gl, gr = gl * gain, gr * gain
        wet = send * gain
        left, right, bus, n = self.left, self.right, self.send, self.n
        i = start % n
        for v in signal:
            left[i] += v * gl
            right[i] += v * gr
            bus[i] += v * wet
            i += 1
            if i == n:
                i = 0

    def add_moving(self, start, signal, pan_from, pan_to, gain=1.0, send=0.0):
        """Add a mono signal whose pan glides from pan_from to pan_to."""
        left, right, bus, n = self.left, self.right, self.send, self.n
        count = max(1, len(signal) - 1)
        i = start % n
        for k, v in enumerate(signal):
            gl, gr = pan_gains(pan_from + (pan_to - pan_from) * k / count)
            left[i] += v * gl * gain
            right[i] += v * gr * gain
            bus[i] += v * send * gain
            i += 1
            if i == n:
                i = 0

    def add_bed(self, left, right, gain=1.0):
        """Add a loop-long stereo bed sample for sample."""
        for i in range(self.n):
            self.left[i] += left[i] * gain
            self.right[i] += right[i] * gain

    def cycles(self, freq):
        """The nearest frequency that completes a whole number of cycles in the loop."""
        return max(1, round(freq * self.n / self.rate))

    def wrapped(self, process, signal, preroll_s):
        """Run a stateful process (filter, reverb) so its output is as periodic as its input."""
        pre = min(self.n, int(preroll_s * self.rate))
        out = process(signal[self.n - pre:] + signal)
        if isinstance(out, tuple):
            return tuple(ch[pre:] for ch in out)
        return out[pre:]

    def finish(self, room=1.0, feedback=0.84, damping=0.25):
        """Add the reverb of the send bus, normalise, and return the stereo channels."""
        wet_l, wet_r = self.wrapped(
            lambda s: reverb(s, self.rate, room, feedback, damping), self.send, 8.0)
        left = array.array("d", (d + w for d, w in zip(self.left, wet_l)))
        right = array.array("d", (d + w for d, w in zip(self.right, wet_r)))
        return normalise([left, right], MUSIC_PEAK_DB)


# ---------------------------------------------------------------- instruments

SAW = soft_saw_table()


def pad_note(freq, hold_s, rng, rate=MUSIC_RATE, attack=1.6, release=2.4, cutoff=1400.0,
             detune_cents=7.0, table=SAW):
    """A soft pad note: three detuned soft saws, slow envelope, darkened by a low-pass."""
    size = len(table)
    n_hold = int(hold_s * rate)
    n_rel = int(release * rate)
    n_att = max(1, int(attack * rate))
    n = n_hold + n_rel
    out = zeros(n)
    for cents in (-detune_cents, 0.0, detune_cents):
        step = freq * 2.0 ** (cents / 1200.0) * size / rate
        phase = rng.random() * size
        for i in range(n):
            k = int(phase)
            frac = phase - k
            a = table[k % size]
            out[i] += a + (table[(k + 1) % size] - a) * frac
            phase += step
            if phase >= size:
                phase -= size
    for i in range(n):
        if i < n_att:
            env = 0.5 - 0.5 * math.cos(math.pi * i / n_att)
        elif i < n_hold:
            env = 1.0
        else:
            env = 0.5 + 0.5 * math.cos(math.pi * (i - n_hold) / n_rel)
        out[i] *= env / 3.0
    return lowpass(lowpass(out, cutoff, rate), cutoff * 1.5, rate)


def mallet(freq, rate=MUSIC_RATE, decay=1.4, brightness=0.3):
    """A soft electric-piano-like mallet note."""
    return ring(freq, [(1.0, 1.0, decay),
                       (2.0, 0.35 * brightness, decay * 0.35),
                       (3.0, 0.12 * brightness, decay * 0.18),
                       (4.0, 0.05 * brightness, decay * 0.1)], rate, attack=0.004)


def sine_bell(freq, rate=MUSIC_RATE, decay=2.6):
    """A soft sine bell with a long decay and faint upper partials."""
    return ring(freq, [(1.0, 1.0, decay),
                       (2.0, 0.14, decay * 0.45),
                       (3.01, 0.05, decay * 0.22),
                       (5.43, 0.015, decay * 0.1)], rate, attack=0.003)


def bass_note(freq, hold_s, rate=MUSIC_RATE, release=1.5):
    """A round low note: sine with a little second harmonic, slow in and out."""
    n_hold = int(hold_s * rate)
    n_rel = int(release * rate)
    n_att = int(0.25 * rate)
    n = n_hold + n_rel
    out = zeros(n)
    w = TAU * freq / rate
    for i in range(n):
        if i < n_att:
            env = 0.5 - 0.5 * math.cos(math.pi * i / n_att)
        elif i < n_hold:
            env = 1.0
        else:
            env = 0.5 + 0.5 * math.cos(math.pi * (i - n_hold) / n_rel)
        out[i] = (math.sin(w * i) + 0.25 * math.sin(2 * w * i)) * env
    return out


def thump(rate, start_hz, end_hz, decay, length_s=0.6):
    """A muffled low thump whose pitch falls from start_hz to end_hz (kick, heartbeat, pulse)."""
    n = int(length_s * rate)
    out = zeros(n)
    phase = 0.0
    for i in range(n):
        t = i / rate
        f = end_hz + (start_hz - end_hz) * math.exp(-t / 0.035)
        phase += TAU * f / rate
        env = (1.0 - math.exp(-t / 0.004)) * math.exp(-t / decay)
        out[i] = (math.sin(phase) + 0.3 * math.sin(2 * phase)) * env
    return fade(out, rate, 0.0005, 0.05)


def blip(freq, rate, length_s=0.06, double=False):
    """A small high electronic beep, like a camera acknowledging a face."""
    n = int(length_s * rate)
    out = zeros(n)
    w = TAU * freq / rate
    for i in range(n):
        t = i / rate
        out[i] = (math.sin(w * i) + 0.15 * math.sin(3 * w * i)) * math.exp(-t / (length_s * 0.45))
    fade(out, rate, 0.002, 0.01)
    if not double:
        return out
    gap = int(0.09 * rate)
    both = zeros(gap + n)
    mix(both, 0, out)
    mix(both, gap, out, 0.7)
    return both


def passing_car(rng, rate, length_s):
    """Distant traffic: a swell of low-passed noise whose brightness follows its loudness."""
    n = int(length_s * rate)
    out = zeros(n)
    y1 = y2 = 0.0
    for i in range(n):
        env = math.sin(math.pi * i / n) ** 2
        a = 1.0 - math.exp(-TAU * (180.0 + 520.0 * env) / rate)
        y1 += a * (rng.uniform(-1.0, 1.0) - y1)
        y2 += a * (y1 - y2)
        out[i] = y2 * env
    return out


def held_tone(loop, freq, table=SAW, phase=0.0):
    """A loop-long periodic tone from a wavetable, snapped to whole cycles per loop."""
    size = len(table)
    cycles = loop.cycles(freq)
    n = loop.n
    out = zeros(n)
    for i in range(n):
        out[i] = table[int((cycles * i / n + phase) * size) % size]
    return out


def slow_swell(loop, cycles, depth, phase=0.0):
    """A loop-periodic gain curve between 1 - depth and 1, completing `cycles` per loop."""
    n = loop.n
    return array.array("d", (1.0 - depth * (0.5 + 0.5 * math.cos(TAU * (cycles * i / n + phase)))
                             for i in range(n)))


def noise_bed(loop, rng, low_hz, high_hz):
    """A loop-long stereo band of noise that repeats exactly (two decorrelated tables)."""
    rate = loop.rate
    sides = []
    for _ in range(2):
        table = noise(loop.n, rng)
        band = loop.wrapped(lambda s: lowpass(lowpass(highpass(s, low_hz, rate), high_hz, rate),
                                              high_hz, rate), table, 1.0)
        sides.append(band)
    return sides[0], sides[1]


# ---------------------------------------------------------------- music

def make_title():
    """Title: wistful; soft pad chords under a sparse mallet melody in B minor."""
    rng = random.Random("title")
    loop = Loop(bpm=66, beats_per_bar=4, bars=12)
    bar = 4
    chords = [  # (start bar, length in bars, bass note, pad notes)
        (0, 2, 47, [50, 54, 57, 61]),   # Bm9
        (2, 2, 43, [50, 54, 59, 61]),   # Gmaj7#11
        (4, 2, 42, [50, 57, 61, 64]),   # Dmaj9/F#
        (6, 2, 45, [52, 57, 59, 64]),   # Asus2
        (8, 2, 40, [50, 55, 59, 66]),   # Em9
        (10, 1, 43, [50, 54, 59, 62]),  # Gmaj7
        (11, 1, 42, [52, 54, 59, 61]),  # F#7sus4
    ]
    beat_s = loop.beat / loop.rate
    for start, length, bass, notes in chords:
        hold = length * bar * beat_s
        for k, note in enumerate(notes):
            tone = pad_note(midi_hz(note), hold, rng, attack=1.8, release=2.6, cutoff=1500.0)
            loop.add(loop.at(start * bar), tone, 0.16, pan=-0.5 + k / 3.0, send=0.5)
        loop.add(loop.at(start * bar), bass_note(midi_hz(bass - 12), hold, release=2.0), 0.22)
    melody = [  # (beat, note, loudness)
        (1.0, 78, 0.9), (3.5, 76, 0.6),
        (4.0, 74, 0.8), (7.0, 73, 0.6),
        (9.0, 69, 0.6), (10.0, 71, 0.7),
        (12.0, 76, 0.8),
        (17.0, 78, 0.8), (18.5, 81, 0.6), (19.0, 78, 0.6),
        (20.0, 76, 0.8),
        (24.0, 74, 0.7), (25.5, 73, 0.6), (26.0, 74, 0.5),
        (28.0, 71, 0.8),
        (34.0, 71, 0.6), (35.0, 74, 0.6),
        (36.0, 73, 0.8),
        (41.0, 74, 0.6), (42.0, 78, 0.7),
        (44.0, 76, 0.8),
    ]
    for beat, note, loud in melody:
        drift = rng.uniform(-0.012, 0.012) * loop.rate
        tone = mallet(midi_hz(note), decay=1.6, brightness=0.5)
        loop.add(loop.at(beat) + int(drift), tone, 0.26 * loud, pan=rng.uniform(-0.25, 0.25), send=0.8)
    return loop.finish(room=1.15, feedback=0.86)


def make_city():
    """City: night ambience; a low pulse, distant traffic and rain, now and then a camera's blip."""
    rng = random.Random("city")
    loop = Loop(bpm=90, beats_per_bar=4, bars=15)
    rate = loop.rate
    swell = slow_swell(loop, 3, 0.5)
    for freq, gain, pan in ((55.0, 0.10, 0.0), (82.41, 0.05, -0.3), (123.47, 0.025, 0.3)):
        tone = held_tone(loop, freq)
        tone = loop.wrapped(lambda s: lowpass(lowpass(s, 240.0, rate), 240.0, rate), tone, 1.0)
        loop.add(0, shaped(tone, swell), gain, pan, send=0.2)
    for beat in range(0, 60, 2):
        accent = 1.0 if beat % 8 == 0 else 0.6
        loop.add(loop.at(beat), thump(rate, 90.0, 52.0, 0.22), 0.18 * accent, send=0.15)
    rain_l, rain_r = noise_bed(loop, rng, 1600.0, 4200.0)
    rain_swell = slow_swell(loop, 2, 0.35, 0.3)
    loop.add_bed(shaped(rain_l, rain_swell), shaped(rain_r, rain_swell), 0.05)
    for start_s in (0.5, 6.5, 13.0, 19.0, 25.5, 31.0, 36.5):
        length = rng.uniform(5.0, 8.0)
        side = rng.choice((-1.0, 1.0))
        car = passing_car(rng, rate, length)
        loop.add_moving(int(start_s * rate), car, -0.8 * side, 0.8 * side,
                        rng.uniform(0.5, 0.8), send=0.2)
    for start_s in (3.2, 9.6, 15.1, 22.4, 28.9, 34.3, 38.8):
        tone = blip(rng.choice((2093.0, 2637.0, 3136.0)), rate, double=rng.random() < 0.4)
        loop.add(int(start_s * rate), tone, 0.05, pan=rng.uniform(-0.8, 0.8), send=0.6)
    pads = [(0, 32, [57, 60, 64, 71]), (32, 28, [53, 57, 64, 67])]  # Am(add9), Fmaj7(add9)
    for beat, beats, notes in pads:
        for k, note in enumerate(notes):
            tone = pad_note(midi_hz(note), beats * loop.beat / rate, rng, attack=4.0, release=4.0,
                            cutoff=700.0)
            loop.add(loop.at(beat), tone, 0.07, pan=-0.6 + 0.4 * k, send=0.6)
    return loop.finish(room=1.3, feedback=0.85, damping=0.4)


def make_tension():
    """Tension: a low drone rubbing against itself, a slow heartbeat, glassy dissonances coming and going."""
    rng = random.Random("tension")
    loop = Loop(bpm=54, beats_per_bar=4, bars=9)
    rate = loop.rate
    drones = ((36.71, 0.09, 0.0, 0.0), (73.42, 0.10, -0.3, 0.1), (77.78, 0.05, 0.3, 0.55),
              (103.83, 0.03, 0.0, 0.3), (146.83, 0.07, -0.2, 0.8),
              (155.56, 0.03, 0.4, 0.25))  # D1, D2, Eb2, Ab2, D3, Eb3
    for freq, gain, pan, phase in drones:
        tone = held_tone(loop, freq)
        tone = loop.wrapped(lambda s: lowpass(lowpass(s, 480.0, rate), 480.0, rate), tone, 1.0)
        swell = slow_swell(loop, 2, 0.6, phase)
        loop.add(0, shaped(tone, swell), gain, pan, send=0.25)
    lub = thump(rate, 75.0, 48.0, 0.11, 0.45)
    dub = thump(rate, 68.0, 44.0, 0.09, 0.4)
    knock = bandpass(noise(int(0.06 * rate), rng), 420.0, 1.5, rate)
    for i in range(len(knock)):
        knock[i] *= math.exp(-i / (0.012 * rate))
    mix(lub, 0, knock, 1.2)
    mix(dub, 0, knock, 0.8)
    for beat in range(36):
        loop.add(loop.at(beat), lub, 0.38, send=0.1)
        loop.add(loop.at(beat) + int(0.29 * rate), dub, 0.25, send=0.1)
    clusters = [(2, [81, 82]), (14, [75, 80]), (22, [86, 87]), (30, [79, 85])]
    for beat, notes in clusters:
        for note in notes:
            tone = pad_note(midi_hz(note), 4.5, rng, attack=3.0, release=3.5, cutoff=2500.0,
                            detune_cents=4.0)
            loop.add(loop.at(beat), tone, 0.035, pan=rng.uniform(-0.7, 0.7), send=0.9)
    return loop.finish(room=1.4, feedback=0.87, damping=0.35)


def make_ward():
    """Ward: sparse and sad; soft sine bells with long decays over a faint pad, a monitor beeping."""
    rng = random.Random("ward")
    loop = Loop(bpm=60, beats_per_bar=4, bars=10)
    rate = loop.rate
    chords = [(0, 8, [57, 64, 71, 72]), (8, 8, [53, 60, 64, 69]),
              (16, 8, [52, 59, 64, 67]), (24, 8, [50, 57, 60, 65]),
              (32, 8, [52, 57, 59, 64])]  # Am(add9), Fmaj7, Em7, Dm7, Esus4
    for beat, beats, notes in chords:
        for k, note in enumerate(notes):
            tone = pad_note(midi_hz(note), beats * loop.beat / rate, rng, attack=3.0, release=3.5,
                            cutoff=650.0)
            loop.add(loop.at(beat), tone, 0.07, pan=-0.45 + 0.3 * k, send=0.6)
    bells = [(1, 76), (3.5, 72), (6, 71),
             (10, 69), (13.5, 72), (14.5, 71),
             (18, 67), (21, 64),
             (25, 65), (27.5, 69), (29, 72),
             (33, 71), (36.5, 69)]
    for beat, note in bells:
        tone = sine_bell(midi_hz(note), decay=rng.uniform(2.4, 3.2))
        loop.add(loop.at(beat), tone, 0.22, pan=rng.uniform(-0.5, 0.5), send=0.7)
    beep = blip(880.0, rate, length_s=0.12)
    for beat in range(0, 40, 4):
        loop.add(loop.at(beat + 0.5), beep, 0.06, pan=0.55, send=0.25)
    return loop.finish(room=1.4, feedback=0.88, damping=0.3)


def make_resolve():
    """Resolve: warm and hopeful but unresolved; it circles F major without ever landing on it."""
    rng = random.Random("resolve")
    loop = Loop(bpm=72, beats_per_bar=4, bars=12)
    rate = loop.rate
    chords = [  # (start beat, bass, pad notes, arpeggio notes)
        (0, 46, [53, 57, 60, 62], [65, 69, 72, 74]),   # Bbmaj9
        (8, 45, [53, 57, 60, 64], [65, 69, 72, 76]),   # F/A
        (16, 43, [50, 53, 58, 62], [62, 65, 70, 74]),  # Gm7
        (24, 38, [53, 57, 60, 64], [62, 64, 69, 72]),  # Dm9
        (32, 46, [53, 57, 62, 65], [62, 65, 69, 74]),  # Bbmaj7
        (40, 48, [53, 55, 58, 62], [65, 67, 70, 72]),  # C9sus4
    ]
    beat_s = loop.beat / rate
    for beat, bass, pad, arp in chords:
        for k, note in enumerate(pad):
            tone = pad_note(midi_hz(note), 8 * beat_s, rng, attack=1.4, release=2.2, cutoff=1300.0)
            loop.add(loop.at(beat), tone, 0.13, pan=-0.45 + 0.3 * k, send=0.45)
        loop.add(loop.at(beat), bass_note(midi_hz(bass - 12), 8 * beat_s, release=1.6), 0.25)
        pattern = (0, 1.5, 2, 3, 4.5, 5, 6, 7)
        order = (0, 2, 1, 3, 2, 1, 3, 2)
        for step, idx in zip(pattern, order):
            if rng.random() < 0.2 and step not in (0, 4.5):
                continue
            tone = mallet(midi_hz(arp[idx]), decay=0.9, brightness=0.25)
            loop.add(loop.at(beat + step), tone, 0.09 * rng.uniform(0.75, 1.0),
                     pan=-0.3 + 0.2 * idx, send=0.5)
    melody = [(2, 81), (3, 79), (6, 77), (12, 76), (13, 77), (18, 79), (20, 74),
              (27, 76), (28, 72), (34, 74), (35, 77), (38, 81), (44, 79), (46, 77)]
    for beat, note in melody:
        tone = mallet(midi_hz(note), decay=1.8, brightness=0.4)
        loop.add(loop.at(beat), tone, 0.15, pan=0.1, send=0.7)
    return loop.finish(room=1.2, feedback=0.85)


# ---------------------------------------------------------------- effects

def make_click():
    """click: a soft ~40 ms tick for selecting in the interface."""
    rate = EFFECT_RATE
    rng = random.Random("click")
    n = int(0.04 * rate)
    body = ring(1850.0, [(1.0, 1.0, 0.006), (2.7, 0.2, 0.003)], rate, attack=0.0005)
    grit = bandpass(noise(n, rng), 3200.0, 1.2, rate)
    out = zeros(n)
    mix(out, 0, body)
    for i in range(n):
        out[i] += grit[i] * 0.5 * math.exp(-i / (0.0025 * rate))
    return [fade(out, rate, 0.0005, 0.008)]


def make_hover():
    """hover: a very quiet ~25 ms tap when the pointer rests on a choice."""
    rate = EFFECT_RATE
    n = int(0.025 * rate)
    out = zeros(n)
    mix(out, 0, ring(2600.0, [(1.0, 1.0, 0.004)], rate, attack=0.001))
    return [fade(out, rate, 0.001, 0.006)]


def make_back():
    """back: a ~60 ms lower tick, gliding down, for going back or cancelling."""
    rate = EFFECT_RATE
    rng = random.Random("back")
    n = int(0.06 * rate)
    out = zeros(n)
    phase = 0.0
    for i in range(n):
        t = i / rate
        phase += TAU * (700.0 + 400.0 * math.exp(-t / 0.015)) / rate
        out[i] = math.sin(phase) * math.exp(-t / 0.013)
    grit = bandpass(noise(n, rng), 1800.0, 1.0, rate)
    for i in range(n):
        out[i] += grit[i] * 0.35 * math.exp(-i / (0.003 * rate))
    return [fade(out, rate, 0.0005, 0.012)]


def make_printer():
    """printer: a desktop 3D printer at work; stepper tones gliding between pitches over fan noise."""
    rate = EFFECT_RATE
    rng = random.Random("printer")
    n = int(2.5 * rate)
    moves = [  # (start s, end s, start Hz, end Hz)
        (0.10, 0.42, 420.0, 420.0), (0.42, 0.50, 420.0, 660.0), (0.50, 0.86, 660.0, 660.0),
        (0.95, 1.20, 310.0, 310.0), (1.20, 1.30, 310.0, 880.0), (1.30, 1.52, 880.0, 880.0),
        (1.58, 1.70, 520.0, 520.0), (1.70, 1.76, 520.0, 740.0), (1.76, 2.02, 740.0, 740.0),
        (2.08, 2.30, 390.0, 470.0),
    ]
    motor = zeros(n)
    for start, end, f0, f1 in moves:
        a, b = int(start * rate), int(end * rate)
        phase = 0.0
        for i in range(a, b):
            u = (i - a) / max(1, b - a - 1)
            f = f0 + (f1 - f0) * u
            phase += TAU * f / rate
            tone = (math.sin(phase) + 0.45 * math.sin(2 * phase) + 0.3 * math.sin(3 * phase)
                    + 0.15 * math.sin(5 * phase))
            ramp = min(1.0, (i - a) / (0.006 * rate), (b - 1 - i) / (0.006 * rate))
            motor[i] += tone * ramp
    housing = bandpass(motor, 1300.0, 2.0, rate)
    fan_noise = lowpass(lowpass(noise(n, rng), 1400.0, rate), 2200.0, rate)
    out = zeros(n)
    for i in range(n):
        t = i / rate
        hum = 0.08 * math.sin(TAU * 150.0 * t) + 0.04 * math.sin(TAU * 300.0 * t)
        out[i] = 0.28 * motor[i] + 0.35 * housing[i] + 1.6 * fan_noise[i] + hum
    return [fade(out, rate, 0.12, 0.25)]


def make_shutter():
    """shutter: a camera shutter, ~0.3 s; open click, curtain travel, close click."""
    rate = EFFECT_RATE
    rng = random.Random("shutter")
    n = int(0.3 * rate)
    out = zeros(n)
    for at, body_hz, snap_hz, loud in ((0.004, 950.0, 4200.0, 1.0), (0.125, 720.0, 3100.0, 0.85)):
        start = int(at * rate)
        mix(out, start, ring(body_hz, [(1.0, 1.0, 0.012), (2.3, 0.5, 0.006)], rate, 0.0003), 0.6 * loud)
        snap = bandpass(noise(int(0.03 * rate), rng), snap_hz, 1.5, rate)
        for i in range(len(snap)):
            snap[i] *= math.exp(-i / (0.004 * rate))
        mix(out, start, snap, 1.4 * loud)
    travel = bandpass(noise(int(0.1 * rate), rng), 2400.0, 0.8, rate)
    for i in range(len(travel)):
        travel[i] *= 0.12 * math.sin(math.pi * i / len(travel))
    mix(out, int(0.02 * rate), travel)
    return [fade(out, rate, 0.0005, 0.04)]


def make_notify():
    """notify: a phone notification chime, ~0.6 s; two soft bell notes a fourth apart."""
    rate = EFFECT_RATE
    n = int(0.6 * rate)
    out = zeros(n)
    for at, freq, loud in ((0.0, midi_hz(81), 0.8), (0.11, midi_hz(86), 1.0)):
        tone = ring(freq, [(1.0, 1.0, 0.2), (2.0, 0.25, 0.07), (3.0, 0.08, 0.04)], rate, 0.002)
        mix(out, int(at * rate), tone, loud)
    return [fade(out, rate, 0.001, 0.08)]


def make_door():
    """door: the small brass bell on a shop door, ~1.2 s; it swings and rings a few times."""
    rate = EFFECT_RATE
    n = int(1.2 * rate)
    out = zeros(n)
    partials = [(1.0, 1.0, 0.45), (2.32, 0.45, 0.22), (4.25, 0.25, 0.1), (6.63, 0.12, 0.05)]
    strikes = ((0.0, 2093.0, 1.0), (0.075, 2349.0, 0.7), (0.17, 2093.0, 0.55),
               (0.3, 2349.0, 0.35), (0.46, 2093.0, 0.2))
    for at, freq, loud in strikes:
        mix(out, int(at * rate), ring(freq, partials, rate, 0.0005), loud)
    return [fade(out, rate, 0.0005, 0.3)]


def make_alarm():
    """alarm: the soft alert of a face-scanning gate, ~0.8 s; two rounded tones, high then low."""
    rate = EFFECT_RATE
    n = int(0.8 * rate)
    out = zeros(n)
    for start, end, freq in ((0.02, 0.34, 784.0), (0.40, 0.76, 622.25)):
        a, b = int(start * rate), int(end * rate)
        rise, fall = int(0.012 * rate), int(0.04 * rate)
        w = TAU * freq / rate
        for i in range(a, b):
            k = i - a
            env = min(1.0, k / rise, (b - 1 - i) / fall)
            tremolo = 1.0 - 0.12 * (0.5 - 0.5 * math.cos(TAU * 9.0 * k / rate))
            out[i] += (math.sin(w * k) + 0.22 * math.sin(3 * w * k) + 0.08 * math.sin(5 * w * k)) \
                * env * tremolo
    return [fade(out, rate, 0.001, 0.02)]


# ---------------------------------------------------------------- output

MUSIC = {"title": make_title, "city": make_city, "tension": make_tension,
         "ward": make_ward, "resolve": make_resolve}
EFFECTS = {"click": make_click, "hover": make_hover, "back": make_back, "printer": make_printer,
           "shutter": make_shutter, "notify": make_notify, "door": make_door, "alarm": make_alarm}
EFFECT_PEAKS = {"hover": -12.0, "alarm": -9.0}


def write_wav(path, channels, rate):
    """Write float channels in [-1, 1] as a 16-bit PCM WAV."""
    frames = array.array("h")
    for frame in zip(*channels):
        for v in frame:
            frames.append(max(-32767, min(32767, int(round(v * 32767.0)))))
    if sys.byteorder == "big":
        frames.byteswap()
    with wave.open(path, "wb") as out:
        out.setnchannels(len(channels))
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames.tobytes())


def encode_ogg(wav_path, quality):
    """Encode a WAV to OGG Vorbis beside it and remove the WAV; returns the file kept."""
    ogg_path = wav_path[:-4] + ".ogg"
    subprocess.run(["oggenc", "--quiet", "-q", quality, "--serial", OGG_SERIAL,
                    "-o", ogg_path, wav_path], check=True)
    os.remove(wav_path)
    return ogg_path


def read_wav(path):
    """Read a 16-bit PCM WAV as float channels and its sample rate."""
    with wave.open(path, "rb") as src:
        count, rate = src.getnchannels(), src.getframerate()
        frames = array.array("h", src.readframes(src.getnframes()))
    if sys.byteorder == "big":
        frames.byteswap()
    return [array.array("d", (v / 32767.0 for v in frames[c::count])) for c in range(count)], rate


def decoded(path, channels, rate):
    """What a player will hear: the OGG decoded again when oggdec exists, else the samples as made."""
    if not path.endswith(".ogg") or shutil.which("oggdec") is None:
        return channels, rate
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "decoded.wav")
        subprocess.run(["oggdec", "--quiet", "-o", wav, path], check=True)
        return read_wav(wav)


def seam_click_db(channels, rate):
    """How much the join of a loop stands out: its energy above 4 kHz in the 1 ms across the join,
    in dB against the loop's 99th-percentile 1 ms. A seamless join is below 0; a click is above."""
    worst = -math.inf
    width = max(4, rate // 1000)
    for ch in channels:
        half = len(ch) // 2
        turned = ch[half:] + ch[:half]
        hiss = highpass(highpass(turned, 4000.0, rate), 4000.0, rate)
        energy = sorted(sum(v * v for v in hiss[i:i + width])
                        for i in range(0, len(hiss) - width, width))
        start = half - width // 2
        seam = sum(v * v for v in hiss[start:start + width])
        usual = energy[int(len(energy) * 0.99)]
        worst = max(worst, 10.0 * math.log10((seam + 1e-30) / (usual + 1e-30)))
    return worst


def build(name, use_ogg):
    """Make one sound and write it; returns a row for the table."""
    if name in MUSIC:
        channels, rate, folder = MUSIC[name](), MUSIC_RATE, MUSIC_DIR
        quality = MUSIC_QUALITY
    else:
        peak = EFFECT_PEAKS.get(name, EFFECT_PEAK_DB)
        channels, rate, folder = normalise(EFFECTS[name](), peak), EFFECT_RATE, SOUND_DIR
        quality = EFFECT_QUALITY
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".wav")
    write_wav(path, channels, rate)
    if use_ogg:
        path = encode_ogg(path, quality)
    seam = "%+.1f" % seam_click_db(*decoded(path, channels, rate)) if name in MUSIC else "-"
    peak_db = 20.0 * math.log10(max(max(abs(v) for v in ch) for ch in channels))
    return (os.path.relpath(path, ROOT), len(channels[0]) / rate, os.path.getsize(path),
            len(channels), peak_db, seam)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="NAME", action="append",
                        choices=sorted(MUSIC) + sorted(EFFECTS),
                        help="make only this sound (may be given more than once)")
    args = parser.parse_args(argv)
    names = args.only or list(MUSIC) + list(EFFECTS)
    use_ogg = shutil.which("oggenc") is not None
    if not use_ogg:
        print("oggenc not found (apt-get install vorbis-tools): keeping WAV files", file=sys.stderr)
    print("%-26s %9s %9s %3s %8s %8s" % ("file", "seconds", "bytes", "ch", "peak dB", "seam dB"))
    total = 0
    for name in names:
        path, seconds, size, chans, peak_db, seam = build(name, use_ogg)
        total += size
        print("%-26s %9.3f %9d %3d %8.1f %8s" % (path, seconds, size, chans, peak_db, seam),
              flush=True)
    print("%-26s %9s %9d" % ("total", "", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
