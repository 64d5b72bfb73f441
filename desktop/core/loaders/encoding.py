"""Turning a file's bytes into text: BOMs, UTF-8, then charset-normalizer's guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from desktop.core.errors import BinaryFileError, UndecodableError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# When charset-normalizer rates several single-byte code pages equally (it often
# does for Western text), the most common one on the web is the likeliest.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250")

# Control characters that do not occur in text files (tab, LF, CR, FF are fine).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return `(text, encoding)` for `data`, or raise a `LoadError` subclass.

    UTF-8 and BOM-marked files are decoded exactly; anything else is guessed by
    charset-normalizer. Binary data (NUL bytes outside UTF-16/32, many control
    characters) is refused rather than turned into mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as error:
                raise UndecodableError(path, f"the file starts like {encoding} but is not") from error
            if "\x00" in text:  # a BOM does not make binary data text
                raise BinaryFileError(path, "this is a binary file (it contains NUL bytes), not an article")
            return text, encoding
    if b"\x00" not in data:  # NUL bytes are valid UTF-8, but UTF-16 text is full of them
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    elif not _nuls_like_utf16(data):
        raise BinaryFileError(path, "this is a binary file (it contains NUL bytes), not an article")

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        if _looks_binary(data):
            raise BinaryFileError(path, "this is a binary file, not an article")
        raise UndecodableError(path, "no text encoding fits this file's bytes")
    chosen = best
    for match in matches:
        if (
            match.encoding in _PREFERRED
            and abs(match.chaos - best.chaos) < 0.01
            and abs(match.coherence - best.coherence) < 0.01
            and (chosen.encoding not in _PREFERRED
                 or _PREFERRED.index(match.encoding) < _PREFERRED.index(chosen.encoding))
        ):
            chosen = match
    text = str(chosen)
    if "\x00" in text or _looks_binary(text.encode("utf-8", "surrogatepass")):
        raise BinaryFileError(path, "this is a binary file, not an article")
    return text, codecs.lookup(chosen.encoding).name


def _nuls_like_utf16(data: bytes) -> bool:
    """NUL bytes as UTF-16 without a BOM has them: nearly all at even or all at odd offsets."""
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    return max(even, odd) >= 0.95 * (even + odd)


def _looks_binary(data: bytes) -> bool:
    """More than 1 % of the first 64 KB are control characters no text file has."""
    sample = data[:65536]
    if not sample:
        return False
    return sum(byte in _CONTROL for byte in sample) > len(sample) / 100
