"""Decoding bytes: exact for UTF-8 and BOMs, guessed otherwise, binary refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import BinaryFileError, LoadError
from desktop.core.loaders.encoding import decode

RUSSIAN = "Президент России заявил в четверг, что страна готова восстановить отношения с Европой. " * 3
FRENCH = "Le président a déclaré jeudi que la Russie était prête à rétablir ses relations. Très bien. " * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RUSSIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_exact_encodings(data: bytes, encoding: str) -> None:
    assert decode(data) == (RUSSIAN, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1251", "koi8-r"])
def test_guessed_encodings_give_the_text_back(encoding: str) -> None:
    text, found = decode(RUSSIAN.encode(encoding))
    assert text == RUSSIAN
    assert codecs.lookup(found).name == codecs.lookup(encoding).name


def test_western_single_byte_text_reads_right() -> None:
    text, found = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH
    assert found in {"cp1252", "latin-1", "iso8859-15"}


@pytest.mark.parametrize("data", [b"text\x00with\x00nul" * 20, bytes(range(256)) * 8])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryFileError):
        decode(data, "x.bin")


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except LoadError as error:
        assert str(error)
    else:
        assert isinstance(text, str) and encoding
