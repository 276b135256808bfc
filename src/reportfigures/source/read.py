"""Reading a report's text robustly: encodings, byte-order marks, line ends, limits.

In comes a path (or bytes); out comes a SourceText whose offsets index the decoded text:
a UTF-8 byte-order mark is dropped (it is not content) but line ends are kept as they are,
so CRLF files keep their `\\r` and `text[start:end]` stays exact. A text is read only up to
MAX_INPUT_BYTES (64 MiB): past that, or from a device that never ends (/dev/zero), a
one-line error, never an unbounded read. UTF-8 that is broken (cut mid-character, or an
invalid byte among valid Chinese) is reported at its byte offset, not guessed to be GB18030.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..records import Record


MAX_INPUT_BYTES = 64 * 2**20
BOMS = {
    b"\xef\xbb\xbf": "utf-8-sig",
    b"\xff\xfe": "utf-16",
    b"\xfe\xff": "utf-16",
}


class SourceText(Record):
    text: str
    path: str
    encoding: str
    had_bom: bool
    sha256: str
    _fields = tuple(__annotations__)


def sha256_bytes(data: bytes) -> str:
    import hashlib  # imported when a hash is wanted: the extractor wants none (3 ms a start)

    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path | str) -> str:
    return sha256_bytes(Path(path).read_bytes())


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str, bool]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

    Raises InputError for empty and binary input, with what to do about it.
    """
    if not data.strip():
        raise InputError("file is empty: nothing to extract", path)
    for bom, enc in BOMS.items():
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, True
            except UnicodeDecodeError as e:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc} ({e.reason} at byte {e.start})", path) from None
    if b"\x00" in data[:8192]:
        raise InputError("looks binary (NUL bytes), not a text file: give the report as plain text", path)
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as e:
        broken = _broken_utf8(data, e)
        if broken:
            raise InputError(broken, path) from None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise InputError(
            f"is neither UTF-8 nor GB18030/GBK text (bad byte at offset {e.start}): "
            "convert it to UTF-8 first, e.g. `iconv -f <encoding> -t UTF-8`", path) from None
    if not _looks_like_text(text):
        raise InputError("looks binary, not a text file: give the report as plain text", path)
    return text, "gb18030", False


def _broken_utf8(data: bytes, e: UnicodeDecodeError) -> str | None:
    """What is wrong when bytes are UTF-8 with a defect, or None when they are another encoding.

    UTF-8 cut mid-character ends in an incomplete sequence; an invalid byte deep in a UTF-8
    file follows valid Chinese. GBK bytes read as UTF-8 break within a character or two, on
    letters no report contains (Armenian, Cyrillic), so they go on to the GB18030 decoder."""
    where = _position(data, e.start)
    if e.reason == "unexpected end of data" and e.end == len(data):
        return (f"ends in the middle of a UTF-8 character (an incomplete {len(data) - e.start}-byte sequence "
                f"at byte {e.start}, {where}): the file was cut short; copy or download it again")
    prefix = data[:e.start].decode("utf-8")
    wide = [c for c in prefix[-2000:] if ord(c) >= 0x80]
    if len(wide) >= 2 and all(_plausible(c) for c in wide):
        return (f"is not valid UTF-8 at byte {e.start} ({where}): 0x{data[e.start]:02x} is an {e.reason}; "
                "repair that byte or save the file again as UTF-8")
    return None


def _plausible(c: str) -> bool:
    """A character a Chinese report contains: ideographs, CJK and full-width punctuation."""
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F
            or 0x3400 <= o <= 0x4DBF or o in (0xA0, 0xB7, 0xD7, 0x2236) or 0x2460 <= o <= 0x24FF)


def _position(data: bytes, offset: int) -> str:
    """'line L, character C' of a byte offset, counted in the decodable text before it."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, character {column}"


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n:,} bytes"


def _read_limited(p: Path) -> bytes:
    """The file's bytes, refusing more than MAX_INPUT_BYTES without reading them all."""
    limit = _size(MAX_INPUT_BYTES)
    if p.is_file() and p.stat().st_size > MAX_INPUT_BYTES:
        raise InputError(f"is {_size(p.stat().st_size)}, over the {limit} input limit: split it into reports", p)
    with open(p, "rb") as f:
        data = f.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"has more than the {limit} input limit (a device or a stream that does not end?): "
                         "give a report text file", p)
    return data


def _looks_like_text(text: str) -> bool:
    """A decode that 'worked' on random bytes yields control characters and few CJK ideographs."""
    sample = text[:4000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    return bad <= len(sample) * 0.01 and cjk >= len(sample) * 0.2


def read_text(path: Path | str) -> SourceText:
    """Read a report from disk, with a one-line InputError for every way it can be wrong."""
    p = Path(path)
    data, text, enc, bom = _read(p)
    return SourceText(text=text, path=str(p), encoding=enc, had_bom=bom, sha256=sha256_bytes(data))


def report_text(path: Path | str) -> str:
    """read_text(path).text without hashing the bytes (what the extractor reads)."""
    return _read(Path(path))[1]


def _read(p: Path) -> tuple[bytes, str, str, bool]:
    if not p.exists():
        raise InputError("no such file", p)
    if p.is_dir():
        raise InputError("is a directory, not a report text file", p)
    try:
        data = _read_limited(p)
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", p) from None
    text, enc, bom = decode_bytes(data, str(p))
    if bom and text.startswith("\ufeff"):
        text = text[1:]
    return data, text, enc, bom
