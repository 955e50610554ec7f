"""What a photo mask's hidden code says, and how it is packed into bits with error correction.

Eight bytes of data, like the fields the EFF read out of a colour laser printer's yellow dots:
which printer (24 bits), a short hash of the image file it printed (16 bits) and when (minutes
since 2020-01-01 UTC, 24 bits, good until 2051). A CRC-8 guards them, and Reed-Solomon adds eight
parity bytes, so a reader can repair up to four damaged bytes (eight when it knows which ones are
doubtful) and can tell a real code from noise: a wrong payload would need the noise to look like
a valid codeword and pass the CRC, odds of about one in a billion per try.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import reedsolo

EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
DATA_BYTES = 8
PARITY_BYTES = 8
CODE_BYTES = DATA_BYTES + 1 + PARITY_BYTES  # data, CRC-8, Reed-Solomon parity
CODE_BITS = CODE_BYTES * 8
MAX_PRINTER = (1 << 24) - 1
MAX_MINUTES = (1 << 24) - 1

_RS = reedsolo.RSCodec(PARITY_BYTES)


class PayloadError(ValueError):
    """A payload field out of range."""


@dataclass(frozen=True)
class Payload:
    printer: int  # 0 .. 16,777,215; shown as P-0004217
    image_hash: int  # 16 bits of the image file's SHA-256
    minutes: int  # minutes since 2020-01-01 00:00 UTC

    def __post_init__(self):
        if not 0 <= self.printer <= MAX_PRINTER:
            raise PayloadError(f"printer id must be 0..{MAX_PRINTER}, not {self.printer}")
        if not 0 <= self.image_hash <= 0xFFFF:
            raise PayloadError(f"image hash must be 16 bits, not {self.image_hash}")
        if not 0 <= self.minutes <= MAX_MINUTES:
            raise PayloadError(f"print time must be 2020-01-01 .. 2051, not {self.minutes} minutes")

    @classmethod
    def make(cls, printer: int, image: bytes, when: datetime) -> "Payload":
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        minutes = int((when - EPOCH).total_seconds() // 60)
        return cls(printer, image_digest(image), minutes)

    @property
    def printer_label(self) -> str:
        return format_printer(self.printer)

    @property
    def time(self) -> datetime:
        return EPOCH + timedelta(minutes=self.minutes)

    @property
    def date_text(self) -> str:
        return self.time.strftime("%Y-%m-%d")

    @property
    def time_text(self) -> str:
        return self.time.strftime("%H:%M")

    @property
    def hash_text(self) -> str:
        return f"{self.image_hash:04x}"

    def describe(self) -> str:
        return f"printer {self.printer_label}, image {self.hash_text}, printed {self.date_text} {self.time_text} UTC"

    def to_json(self) -> dict:
        return {"printer": self.printer_label, "image_hash": self.hash_text, "printed": self.time.strftime("%Y-%m-%dT%H:%MZ")}

    def data(self) -> bytes:
        return self.printer.to_bytes(3, "big") + self.image_hash.to_bytes(2, "big") + self.minutes.to_bytes(3, "big")

    @classmethod
    def from_data(cls, data: bytes) -> "Payload":
        return cls(int.from_bytes(data[0:3], "big"), int.from_bytes(data[3:5], "big"), int.from_bytes(data[5:8], "big"))


def format_printer(printer: int) -> str:
    return f"P-{printer:07d}"


def parse_printer(text: str) -> int:
    """'P-0004217', '4217' or 'p4217' to 4217; PayloadError otherwise."""
    match = re.fullmatch(r"(?:P-?)?([0-9]{1,8})", text.strip().upper())
    if match is None:
        raise PayloadError(f"a printer id is a number like 4217 or P-0004217, not '{text}'")
    value = int(match.group(1))
    if value > MAX_PRINTER:
        raise PayloadError(f"printer id must be at most {MAX_PRINTER}, not {value}")
    return value


def image_digest(image: bytes) -> int:
    return int.from_bytes(hashlib.sha256(image).digest()[:2], "big")


def crc8(data: bytes) -> int:
    """CRC-8 (polynomial 0x07), as in ATM headers and SMBus."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def encode(payload: Payload) -> bytes:
    data = payload.data()
    return bytes(_RS.encode(data + bytes([crc8(data)])))


def decode(code: bytes, erasures: list[int] | None = None) -> Payload | None:
    """The payload, or None when the code is beyond repair or fails its CRC."""
    if len(code) != CODE_BYTES:
        return None
    try:
        message = _RS.decode(bytearray(code), erase_pos=erasures or None)[0]
    except reedsolo.ReedSolomonError:
        return None
    data, check = bytes(message[:DATA_BYTES]), message[DATA_BYTES]
    if crc8(data) != check:
        return None
    try:
        return Payload.from_data(data)
    except PayloadError:
        return None


def to_bits(code: bytes) -> list[int]:
    return [(byte >> (7 - i)) & 1 for byte in code for i in range(8)]


def from_bits(bits) -> bytes:
    out = bytearray()
    for start in range(0, len(bits) - len(bits) % 8, 8):
        value = 0
        for bit in bits[start:start + 8]:
            value = (value << 1) | (1 if bit else 0)
        out.append(value)
    return bytes(out)
