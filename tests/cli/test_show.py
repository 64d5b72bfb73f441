"""`palimpsest-cli show`: stable JSON, readable text, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import MARKDOWN_SEED


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(MARKDOWN_SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"metadata", "blocks"}
    assert set(data["metadata"]) == {"title", "date", "date_source", "publisher", "url", "author",
                                     "format", "encoding", "byte_size", "sha256", "path"}
    assert data["metadata"]["date"] == "2026-01-15"
    assert data["metadata"]["publisher"] == "The Moscow Times"
    assert set(data["blocks"][0]) == {"kind", "text", "level", "continues", "links"}


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(MARKDOWN_SEED)]) == 0
    out = capsys.readouterr().out
    assert "Title:     Putin Says Russia" in out
    assert "[  1 caption  ] January 15, 2026" in out


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty)]) == 2
    assert capsys.readouterr().err.strip() == f"palimpsest-cli: {empty}: the file is empty"
    assert main(["show", str(tmp_path / "missing.txt")]) == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("palimpsest-cli ")


def test_max_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    assert main(["show", str(big), "--max-size", "1"]) == 2
    assert "over the limit of 1.0 MB" in capsys.readouterr().err
    assert main(["show", str(big), "--max-size", "2"]) == 0
