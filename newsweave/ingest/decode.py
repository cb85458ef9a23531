"""Bytes to text: refuse binary data, detect the encoding, normalise line endings."""

from __future__ import annotations

import unicodedata

from newsweave.ingest.errors import InputSkipped

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_TEXT_CONTROLS = {9, 10, 12, 13}
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b", b"BZh", b"Rar!",
)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text, NULs and all
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
    for encoding in ("utf-8-sig", declared):
        if not encoding:
            continue
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputSkipped("undecodable: no text encoding fits these bytes")
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u00a0", " ")
    if not text.strip():
        raise InputSkipped("empty input")
    if sum(ch == "\ufffd" for ch in text) > max(3, len(text) // 100):
        raise InputSkipped("undecodable: too many invalid characters")
    return text
