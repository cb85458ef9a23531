"""Bytes to text: refuse binary data, detect the encoding, normalise line endings."""

from __future__ import annotations

import unicodedata

from newsweave.ingest.errors import InputSkipped

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_TEXT_CONTROLS = {9, 10, 12, 13}
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b", b"BZh", b"Rar!",
)


def bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text saved without a byte-order mark, else None.

    In such text (mostly Latin script) every other byte is NUL: the high byte of each code unit, always
    on the same side. Binary data has NULs on both sides."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 16:
        return None
    half = len(head) // 2
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    if nul_odd >= 0.6 * half and nul_even == 0:
        encoding = "utf-16-le"
    elif nul_even >= 0.6 * half and nul_odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    sample = head[: len(head) // 2 * 2].decode(encoding, errors="replace")  # e.g. an array of small integers
    controls = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS)
    return encoding if controls / len(sample) <= 0.05 else None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text, NULs and all
        return False
    if bomless_utf16(data):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise :class:`InputSkipped` with the reason."""
    if not data.strip():
        raise InputSkipped("empty input")
    if looks_binary(data):
        raise InputSkipped("binary data, not text")
    text: str | None = None
    # BOM-less UTF-16 first: its NULs are valid UTF-8, so utf-8 would "succeed" on it.
    for encoding in (bomless_utf16(data), "utf-8-sig", declared):
        if not encoding:
            continue
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputSkipped("undecodable: no text encoding fits these bytes")
        # Short single-byte text often fits several code pages equally well (cp1250 and cp1252 differ only
        # in a few accented letters, so "à" can come out as "ŕ"). On a tie prefer cp1252: the usual legacy
        # encoding of English-language text, and what browsers read "latin-1" as.
        for m in matches:
            if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
                best = m
                break
        text = str(best)
    if "\x00" in text:  # e.g. bytes that only looked like BOM-less UTF-16, read as UTF-8
        raise InputSkipped("binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u00a0", " ")
    if not text.strip():
        raise InputSkipped("empty input")
    if sum(ch == "\ufffd" for ch in text) > max(3, len(text) // 100):
        raise InputSkipped("undecodable: too many invalid characters")
    return text
