"""The tracking-dot code: faint yellow dots on a grid, repeated across the whole mask.

Like the dots colour laser printers add to every page, the code is a 13 x 13 grid of cells. The
top row and the left column always carry a dot (they show where a block starts), eight cells are
fixed marks that tell which way up the block is, and the other 136 cells hold the 17 bytes of the
payload (data, CRC and Reed-Solomon parity; see payload.py). A dot is a small disc where the
printer put down yellow ink: blue light is absorbed there, red and green are not.

Reading it back is classical image processing a student can follow:
1. The yellow map: (red + green) / 2 - blue, minus its own blur, so the face's shading drops out
   and what is left is small yellow specks.
2. The grid: the dots repeat, so a Fourier transform of the yellow map has two bright peaks; their
   positions give the grid's spacing and angle, their phases where the cells sit.
3. The cells: the yellow map is sampled at every cell centre and folded, block on block, so
   every copy of the block votes on each cell.
4. The block: the fixed marks say where a block starts and which way is up; Reed-Solomon repairs
   damaged bytes, and the CRC rejects anything that is not a real code.
A photo taken at an angle bends the grid, so when the whole image does not read, smaller windows
are read one by one, each with its own grid.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from . import payload as codec
from .imageio import working_copy

TILE = 13
# Fixed marks: which way up. Chosen so that any turn or flip of the block misses at least four.
MARKS = {(10, 8): 1, (1, 12): 0, (4, 11): 1, (5, 3): 0, (3, 7): 1, (6, 3): 0, (10, 11): 1, (8, 5): 0}
DATA_CELLS = [(r, c) for r in range(1, TILE) for c in range(1, TILE) if (r, c) not in MARKS]
assert len(DATA_CELLS) == codec.CODE_BITS

DEFAULT_PITCH = 16  # pixels per cell on the printed mask
DOT_RADIUS = 0.27  # of a cell
DOT_STRENGTH = 0.13  # how much blue a dot takes away (0..1)
MIN_LATTICE = 20.0  # below this the grid's Fourier peak is lost in the background: no grid at all
CLEAR_LATTICE = 60.0  # above this a grid of dots is plainly there, whether or not it reads


def tile_bits(p: codec.Payload) -> np.ndarray:
    """The 13 x 13 block of dots (1) and blanks (0) for a payload."""
    tile = np.zeros((TILE, TILE), dtype=np.uint8)
    tile[0, :] = 1
    tile[:, 0] = 1
    for cell, value in MARKS.items():
        tile[cell] = value
    for cell, bit in zip(DATA_CELLS, codec.to_bits(codec.encode(p))):
        tile[cell] = bit
    return tile


def known_cells() -> tuple[np.ndarray, np.ndarray]:
    """Where the block's value is known without reading it (sync and marks), and those values."""
    known = np.zeros((TILE, TILE), dtype=bool)
    value = np.zeros((TILE, TILE), dtype=np.float32)
    known[0, :] = known[:, 0] = True
    value[0, :] = value[:, 0] = 1
    for cell, v in MARKS.items():
        known[cell] = True
        value[cell] = v
    return known, value


def dot_disc(pitch: float, radius: float = DOT_RADIUS):
    """Offsets (dy, dx) of the pixels in one dot, for a given cell pitch."""
    r = max(1.0, radius * pitch)
    span = int(np.ceil(r))
    dy, dx = np.mgrid[-span:span + 1, -span:span + 1]
    inside = dy * dy + dx * dx <= r * r
    return dy[inside], dx[inside]


def put_dots(rgb: np.ndarray, centres: np.ndarray, pitch: float, strength: float = DOT_STRENGTH) -> None:
    """Print yellow dots at centres (N x 2, y x): blue goes down, and in dark places red and green come up a little."""
    height, width = rgb.shape[:2]
    dy, dx = dot_disc(pitch)
    ys = (np.rint(centres[:, 0])[:, None] + dy[None, :]).astype(np.int64).ravel()
    xs = (np.rint(centres[:, 1])[:, None] + dx[None, :]).astype(np.int64).ravel()
    keep = (ys >= 0) & (ys < height) & (xs >= 0) & (xs < width)
    ys, xs = ys[keep], xs[keep]
    blue = rgb[ys, xs, 2]
    rgb[ys, xs, 2] = np.maximum(0.0, blue - strength)
    short = np.maximum(0.0, strength - blue)  # where there was too little blue to take away
    for channel in (0, 1):
        rgb[ys, xs, channel] = np.minimum(1.0, rgb[ys, xs, channel] + short)


def embed(rgb: np.ndarray, p: codec.Payload, region: np.ndarray | None = None, pitch: int = DEFAULT_PITCH) -> np.ndarray:
    """A copy of rgb with the payload's block printed over it, repeated; region limits where ink goes."""
    out = np.array(rgb, dtype=np.float32, copy=True)
    tile = tile_bits(p)
    height, width = out.shape[:2]
    rows, cols = np.mgrid[0:height // pitch, 0:width // pitch]
    on = tile[rows % TILE, cols % TILE].astype(bool)
    centres = np.stack([rows[on] * pitch + pitch / 2 - 0.5, cols[on] * pitch + pitch / 2 - 0.5], axis=1)
    if region is not None:
        cy = np.clip(centres[:, 0].astype(int), 0, height - 1)
        cx = np.clip(centres[:, 1].astype(int), 0, width - 1)
        centres = centres[region[cy, cx]]
    put_dots(out, centres, pitch)
    return out


# --- reading -------------------------------------------------------------------------------------

def box_blur(image: np.ndarray, radius: int) -> np.ndarray:
    """A fast blur (box filter by running sums), edges padded by reflection."""
    radius = max(1, int(radius))
    out = image
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (radius + 1, radius)
        padded = np.pad(out, pad, mode="reflect")
        total = np.cumsum(padded, axis=axis, dtype=np.float32)
        size = 2 * radius + 1
        if axis == 0:
            out = (total[size:] - total[:-size]) / size
        else:
            out = (total[:, size:] - total[:, :-size]) / size
    return out.astype(np.float32)


def yellow_map(rgb: np.ndarray, radius: int) -> np.ndarray:
    """How much more yellow each pixel is than its neighbourhood; dots are the bright specks."""
    yellow = 0.5 * (rgb[:, :, 0] + rgb[:, :, 1]) - rgb[:, :, 2]
    local = yellow - box_blur(yellow, radius)
    return np.maximum(local, 0.0)


@dataclass
class Lattice:
    k1: np.ndarray  # cycles per pixel, (ky, kx): along the block's columns
    k2: np.ndarray  # along its rows
    strength: float  # peak height over the spectrum's median

    @property
    def pitch(self) -> float:
        return float(2.0 / (np.linalg.norm(self.k1) + np.linalg.norm(self.k2)))

    @property
    def angle(self) -> float:
        return float(np.degrees(np.arctan2(self.k1[0], self.k1[1])))


def find_lattice(ymap: np.ndarray, min_pitch: float = 4.0, max_pitch: float = 48.0) -> Lattice | None:
    """The dot grid's two frequency vectors from the Fourier transform's two strongest peaks."""
    height, width = ymap.shape
    crop = 640  # the middle of the image is enough to see the grid, and four times faster
    if max(height, width) > crop:
        y0, x0 = max(0, (height - crop) // 2), max(0, (width - crop) // 2)
        ymap = ymap[y0:y0 + crop, x0:x0 + crop]
        height, width = ymap.shape
    size = max(height, width, 64)
    size += size % 2
    window = _window(height, width)
    data = (ymap - ymap.mean()) * window
    spectrum = np.abs(np.fft.fftshift(np.fft.fft2(data, s=(size, size))))
    freqs, fy, fx, radius = _frequencies(size)
    band = (radius >= 1.0 / max_pitch) & (radius <= 1.0 / min_pitch)
    half = (fx > 0) | ((fx == 0) & (fy > 0))
    allowed = band & half
    if not allowed.any():
        return None
    background = float(np.median(spectrum[band][::7])) or 1e-9
    masked = np.where(allowed, spectrum, 0.0)
    first = np.unravel_index(int(np.argmax(masked)), masked.shape)
    k1 = _refine_peak(spectrum, first, freqs)
    if k1 is None:
        return None
    angle = np.arctan2(fy, fx) - np.arctan2(k1[0], k1[1])
    angle = np.abs((angle + np.pi / 2) % np.pi - np.pi / 2)  # 0..pi/2 away from k1's line
    ratio = radius / max(np.hypot(*k1), 1e-9)
    near_right = allowed & (angle > np.radians(60)) & (ratio > 0.8) & (ratio < 1.25)
    if not near_right.any():
        return None
    second = np.unravel_index(int(np.argmax(np.where(near_right, spectrum, 0.0))), masked.shape)
    k2 = _refine_peak(spectrum, second, freqs)
    if k2 is None:
        return None
    strength = min(spectrum[first], spectrum[second]) / background
    # k1 runs along x (the block's columns), k2 along y; each points the way its index grows.
    if abs(k1[1]) < abs(k2[1]):
        k1, k2 = k2, k1
    if k1[1] < 0:
        k1 = -k1
    if k2[0] < 0:
        k2 = -k2
    return Lattice(np.asarray(k1), np.asarray(k2), float(strength))


@functools.lru_cache(maxsize=8)
def _window(height: int, width: int) -> np.ndarray:
    return np.outer(np.hanning(height), np.hanning(width)).astype(np.float32)


@functools.lru_cache(maxsize=8)
def _frequencies(size: int):
    freqs = (np.arange(size) - size // 2) / size
    fy, fx = np.meshgrid(freqs, freqs, indexing="ij")
    return freqs, fy, fx, np.hypot(fy, fx)


def _refine_peak(spectrum: np.ndarray, at: tuple[int, int], freqs: np.ndarray) -> np.ndarray | None:
    y, x = at
    size = spectrum.shape[0]
    if not (1 <= y < size - 1 and 1 <= x < size - 1):
        return None
    step = freqs[1] - freqs[0]

    def offset(lo, mid, hi):
        lo, mid, hi = np.log(lo + 1e-12), np.log(mid + 1e-12), np.log(hi + 1e-12)
        den = lo - 2 * mid + hi
        return 0.0 if den == 0 else float(np.clip(0.5 * (lo - hi) / den, -0.5, 0.5))

    dy = offset(spectrum[y - 1, x], spectrum[y, x], spectrum[y + 1, x])
    dx = offset(spectrum[y, x - 1], spectrum[y, x], spectrum[y, x + 1])
    return np.array([freqs[y] + dy * step, freqs[x] + dx * step])


def phase(ymap: np.ndarray, k: np.ndarray, origin: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
    """Where the dots sit along k (in cycles), and how strongly: the Fourier coefficient at exactly k."""
    height, width = ymap.shape
    ys = np.arange(height) + origin[0]
    xs = np.arange(width) + origin[1]
    ey = np.exp(-2j * np.pi * k[0] * ys)
    turn = 2 * np.pi * k[1] * xs
    rows = ymap @ np.cos(turn).astype(np.float32) - 1j * (ymap @ np.sin(turn).astype(np.float32))
    value = ey @ rows
    # The dots peak where k . x = m - angle / 2 pi, for whole numbers m.
    return float(-np.angle(value) / (2 * np.pi)), float(abs(value))


def refine(ymap: np.ndarray, k: np.ndarray, blocks: int = 3, rounds: int = 2) -> np.ndarray:
    """A frequency vector corrected by how the dots' phase drifts across the image.

    If k is a little off, the phase measured in each part of the image changes steadily from one
    side to the other; the slope of that change is the error. A least-squares plane through the
    phases of a 3 x 3 set of blocks gives it, and two rounds are plenty.
    """
    height, width = ymap.shape
    k = np.asarray(k, dtype=np.float64)
    for _ in range(rounds):
        points, phases, weights = [], [], []
        for by in range(blocks):
            for bx in range(blocks):
                y0, y1 = by * height // blocks, (by + 1) * height // blocks
                x0, x1 = bx * width // blocks, (bx + 1) * width // blocks
                theta, strength = phase(ymap[y0:y1, x0:x1], k, (y0, x0))
                points.append(((y0 + y1) / 2, (x0 + x1) / 2))
                phases.append(theta)
                weights.append(strength)
        phases = np.array(phases)
        centre = phases[len(phases) // 2]
        phases = (phases - centre + 0.5) % 1.0 - 0.5  # unwrap around the middle block
        pts = np.array(points)
        design = np.column_stack([np.ones(len(pts)), pts[:, 0], pts[:, 1]])
        w = np.sqrt(np.array(weights) + 1e-12)
        solution, *_ = np.linalg.lstsq(design * w[:, None], phases * w, rcond=None)
        # theta(x) = m - k'.x + k.x: the phase falls by the frequency error along x
        k = k - solution[1:]
    return k


def bilinear(image: np.ndarray, ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
    height, width = image.shape
    inside = (ys >= 0) & (ys <= height - 1) & (xs >= 0) & (xs <= width - 1)
    y0 = np.clip(np.floor(ys).astype(np.int64), 0, height - 2)
    x0 = np.clip(np.floor(xs).astype(np.int64), 0, width - 2)
    fy, fx = np.clip(ys - y0, 0, 1), np.clip(xs - x0, 0, 1)
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    values = top * (1 - fy) + bottom * fy
    return np.where(inside, values, np.nan)


@dataclass
class Grid:
    """The cells of one reading: values by cell, their centres, and the folded block."""

    values: np.ndarray  # rows x cols, NaN outside the image
    centres: np.ndarray  # rows x cols x 2 (y, x)
    row0: int
    col0: int


def sample_cells(ymap: np.ndarray, lattice: Lattice, origin=(0.0, 0.0)) -> Grid:
    """The yellow map's value at every cell centre the lattice puts inside the image."""
    height, width = ymap.shape
    theta1, _ = phase(ymap, lattice.k1, origin)
    theta2, _ = phase(ymap, lattice.k2, origin)
    matrix = np.array([lattice.k1, lattice.k2])  # rows: k1 (columns index m), k2 (rows index n)
    inverse = np.linalg.inv(matrix)
    corners = np.array([[0, 0], [0, width], [height, 0], [height, width]], dtype=np.float64) + np.array(origin)
    ms = corners @ lattice.k1 - theta1
    ns = corners @ lattice.k2 - theta2
    m_lo, m_hi = int(np.floor(ms.min())), int(np.ceil(ms.max()))
    n_lo, n_hi = int(np.floor(ns.min())), int(np.ceil(ns.max()))
    n_grid, m_grid = np.mgrid[n_lo:n_hi + 1, m_lo:m_hi + 1]
    targets = np.stack([m_grid + theta1, n_grid + theta2], axis=-1)
    centres = targets @ inverse.T - np.array(origin)
    smooth = box_blur(ymap, max(1, int(lattice.pitch * 0.15)))
    values = bilinear(smooth, centres[..., 0], centres[..., 1])
    return Grid(values, centres, n_lo, m_lo)


_IDX = np.arange(TILE)


def _maps() -> list[tuple[np.ndarray, np.ndarray]]:
    """The eight turns and flips of a block about its first cell, as index maps (rows, cols)."""
    rows, cols = np.meshgrid(_IDX, _IDX, indexing="ij")
    out = []
    for swap in (False, True):
        r, c = (cols, rows) if swap else (rows, cols)
        for sr in (1, -1):
            for sc in (1, -1):
                out.append(((sr * r) % TILE, (sc * c) % TILE))
    return out


_MAPS = _maps()


def fold(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """Every copy of the block laid on one another: mean value and count per cell (by grid index mod 13)."""
    rows = (np.arange(grid.values.shape[0]) + grid.row0) % TILE
    cols = (np.arange(grid.values.shape[1]) + grid.col0) % TILE
    r_idx, c_idx = np.meshgrid(rows, cols, indexing="ij")
    valid = ~np.isnan(grid.values)
    total = np.zeros((TILE, TILE))
    count = np.zeros((TILE, TILE))
    np.add.at(total, (r_idx[valid], c_idx[valid]), grid.values[valid])
    np.add.at(count, (r_idx[valid], c_idx[valid]), 1)
    mean = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
    return mean, count


@dataclass
class Candidate:
    score: float
    block: np.ndarray  # 13 x 13 normalised: > 0 a dot, < 0 a blank
    offset: tuple[int, int]
    transform: int


def candidates(mean: np.ndarray, count: np.ndarray, keep: int = 3) -> list[Candidate]:
    """The block placements (start cell and which way up) that fit the sync lines and marks best."""
    if (count == 0).any():
        return []
    ordered = np.sort(mean.ravel())
    low, high = float(np.mean(ordered[: TILE * TILE // 3])), float(np.mean(ordered[-TILE * TILE // 3:]))
    if high - low <= 1e-6:
        return []
    for _ in range(8):  # two-cluster split (k-means in one dimension)
        middle = (low + high) / 2
        lows, highs = mean[mean <= middle], mean[mean > middle]
        if lows.size == 0 or highs.size == 0:
            return []
        low, high = float(lows.mean()), float(highs.mean())
    normal = (mean - (low + high) / 2) / (high - low)
    known, value = known_cells()
    sign = np.where(value[known] > 0, 1.0, -1.0)
    shifts = _IDX[:, None, None]
    found: list[Candidate] = []
    for t, (map_r, map_c) in enumerate(_MAPS):
        kr, kc = map_r[known], map_c[known]
        values = normal[(kr[None, None, :] + shifts) % TILE, (kc[None, None, :] + _IDX[None, :, None]) % TILE]
        scores = np.clip(values * sign * 2, -1, 1).mean(axis=2)
        for u, v in zip(*np.unravel_index(np.argsort(-scores, axis=None)[:keep], scores.shape)):
            block = normal[(map_r + u) % TILE, (map_c + v) % TILE]
            found.append(Candidate(float(scores[u, v]), block, (int(u), int(v)), t))
    found.sort(key=lambda c: -c.score)
    return found[:keep]


def read_block(block: np.ndarray) -> codec.Payload | None:
    """The payload in a placed block, or None; doubtful bytes are tried as erasures, at most four."""
    bits = [1 if block[cell] > 0 else 0 for cell in DATA_CELLS]
    code = codec.from_bits(bits)
    found = codec.decode(code)
    if found is not None:
        return found
    doubt = np.array([abs(block[cell]) for cell in DATA_CELLS]).reshape(codec.CODE_BYTES, 8).min(axis=1)
    order = [int(i) for i in np.argsort(doubt)[:4] if doubt[i] < 0.35]
    for n in range(1, len(order) + 1):
        found = codec.decode(code, sorted(order[:n]))
        if found is not None:
            return found
    return None


@dataclass
class Reading:
    """What the reader found: a payload, or why not, with what it saw."""

    payload: codec.Payload | None
    lattice: Lattice | None
    status: str  # "code", "no-pattern", "unreadable"
    density: float = 0.0  # share of cells that carry a dot
    block: np.ndarray | None = None
    grid: Grid | None = None
    windows_tried: int = 0
    offset: tuple[int, int] = (0, 0)  # where the block starts, in folded cells
    transform: int = 0  # which turn or flip of the block (an index into _MAPS)

    def block_cell_centre(self, i: int, j: int) -> np.ndarray | None:
        """Pixel centre (y, x) of block cell (row i, column j) for the copy nearest the middle."""
        if self.grid is None:
            return None
        base, steps = self.block_frame()
        return base + i * steps[0] + j * steps[1]

    def block_frame(self) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """The centre of a block's first cell and the pixel steps along its rows and its columns."""
        grid = self.grid
        rows, cols = grid.values.shape
        swap, flip_r, flip_c = self.transform >= 4, (self.transform // 2) % 2 == 1, self.transform % 2 == 1
        u, v = self.offset
        r0 = rows // 2 - ((rows // 2 + grid.row0 - u) % TILE)
        c0 = cols // 2 - ((cols // 2 + grid.col0 - v) % TILE)
        r0 = min(max(r0, 0), rows - 2)
        c0 = min(max(c0, 0), cols - 2)
        base = grid.centres[r0, c0]
        down = grid.centres[r0 + 1, c0] - base  # one grid row
        right = grid.centres[r0, c0 + 1] - base  # one grid column
        down, right = (-down if flip_r else down), (-right if flip_c else right)
        return base, ((right, down) if swap else (down, right))


def read(rgb: np.ndarray) -> Reading:
    """Find and read the dot code in an RGB image (float 0..1)."""
    rgb, _ = working_copy(rgb)
    ymap = yellow_map(rgb, 16)
    lattice = find_lattice(ymap)
    if lattice is None or lattice.strength < MIN_LATTICE:
        return Reading(None, lattice, "no-pattern")
    best_density = 0.0
    best_block = None
    best_grid = None
    best_place = ((0, 0), 0)
    # The whole image first, then windows: a photo at an angle bends the grid a little.
    regions = [(0, 0, ymap.shape[0], ymap.shape[1])] + _windows(ymap.shape, lattice.pitch)
    for tried, (y0, x0, y1, x1) in enumerate(regions, start=1):
        part = ymap[y0:y1, x0:x1]
        local = _local_lattice(part, lattice)
        if local is None:
            continue
        grid = sample_cells(part, local)
        mean, count = fold(grid)
        if (count == 0).any():
            continue
        density = _density(mean)
        if best_grid is None:
            best_density, best_grid = density, grid
        for candidate in candidates(mean, count):
            if candidate.score < 0.6:
                break
            found = read_block(candidate.block)
            if best_block is None:
                best_block, best_place = candidate.block, (candidate.offset, candidate.transform)
            if found is not None:
                grid.centres = grid.centres + np.array([y0, x0])
                return Reading(found, local, "code", density, candidate.block, grid, tried,
                               candidate.offset, candidate.transform)
    status = "unreadable" if lattice.strength >= CLEAR_LATTICE else "no-pattern"
    return Reading(None, lattice, status, best_density, best_block, best_grid, len(regions), *best_place)


def _density(mean: np.ndarray) -> float:
    """Share of cells that carry a dot: about half for a real code, nearly all once scrambled."""
    strong = float(np.percentile(mean, 90))
    if strong <= 1e-9:
        return 0.0
    return float(np.mean(mean > 0.35 * strong))


def _windows(shape: tuple[int, int], pitch: float) -> list[tuple[int, int, int, int]]:
    height, width = shape
    side = int(min(max(height, width), round(pitch * TILE * 2.4)))
    step = max(1, side // 2)
    out = []
    for y0 in range(0, max(1, height - side + step), step):
        for x0 in range(0, max(1, width - side + step), step):
            y1, x1 = min(height, y0 + side), min(width, x0 + side)
            if (y1 - y0) >= side * 0.8 and (x1 - x0) >= side * 0.8:
                out.append((y0, x0, y1, x1))
    centre = (height / 2, width / 2)
    out.sort(key=lambda r: (r[0] + r[2] - 2 * centre[0]) ** 2 + (r[1] + r[3] - 2 * centre[1]) ** 2)
    return out[:16]


def _local_lattice(part: np.ndarray, around: Lattice) -> Lattice | None:
    return Lattice(refine(part, around.k1), refine(part, around.k2), around.strength)
