"""`palimpsest-cli diff`: exit status, JSON, HTML and terminal output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.diff import use_colour

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture()
def seeds() -> tuple[str, str]:
    plain, markdown = sorted(SEEDS.glob("00[01]_*.txt"))
    return str(plain), str(markdown)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_same_text_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "a.txt", "Talks are “frozen,” he said.\nThey resume later.\n")
    b = _write(tmp_path, "b.txt", 'Talks are "frozen," he said.\n\nThey resume later.\n')
    assert main(["diff", a, b]) == 0
    assert "No differences" in capsys.readouterr().out


def test_changed_words_exit_1_and_show_in_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path, "a.txt", "The minister said on Thursday that talks were frozen.\n")
    b = _write(tmp_path, "b.txt", "The minister said on Friday that talks were frozen.\n")
    assert main(["diff", a, b]) == 1
    out = capsys.readouterr().out
    assert "said on [-Thursday-] {+Friday+} that" in out
    assert "\x1b[" not in out  # captured output is not a terminal: no colour
    assert "1 word changed in 1 paragraph" in out


def test_options_change_what_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "a.txt", "Talks are FROZEN, he said.\n")
    b = _write(tmp_path, "b.txt", "Talks are frozen he said.\n")
    assert main(["diff", a, b]) == 1
    assert main(["diff", "--ignore-case", "--ignore-punctuation", a, b]) == 0
    c = _write(tmp_path, "c.txt", "Talks are “frozen”.\n")
    d = _write(tmp_path, "d.txt", 'Talks are "frozen".\n')
    assert main(["diff", c, d]) == 0
    assert main(["diff", "--keep-quote-style", c, d]) == 1


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "a.txt", "Some text.\n")
    assert main(["diff", a, str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_empty_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "a.txt", "Some text.\n")
    assert main(["diff", a, _write(tmp_path, "empty.txt", "")]) == 2


def test_seeds_json(seeds: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--json", *seeds]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"a", "b", "stats", "summary", "blocks"}
    assert data["b"]["sha256"] and data["a"]["sha256"] != data["b"]["sha256"]
    assert set(data["stats"]) == {
        "words_inserted",
        "words_deleted",
        "paragraphs_changed",
        "paragraphs_inserted",
        "paragraphs_deleted",
        "paragraphs_moved",
        "similarity",
    }
    for block in data["blocks"]:
        assert block["op"] in {"equal", "insert", "delete", "replace", "move"}
        assert {"zone", "a_index", "b_index", "segments"} <= set(block)
        assert all(s["op"] in {"equal", "insert", "delete"} for s in block["segments"])
    body_ops = {b["op"] for b in data["blocks"] if b["zone"] == "body"}
    assert body_ops == {"equal"}
    assert data["summary"].startswith("No differences in the body")


def test_hiding_boilerplate_removes_it(seeds: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--json", "--hide-boilerplate", *seeds]) == 1  # the title is still new
    data = json.loads(capsys.readouterr().out)
    assert "boilerplate" not in {b["zone"] for b in data["blocks"]}


def test_seeds_html(seeds: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["diff", "--html", str(out), *seeds]) == 1
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    tags = re.findall(r"<[^>]*>", page)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, re.IGNORECASE)]
    assert "http" not in "".join(tags)
    assert "url(" not in page and "@import" not in page
    assert "03da9f8d363f188cf81e2e62ee199ae83b65ea4fd23855b8adb4d1e39b165a81" in page or "SHA-256" in page


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Tty(True))  # type: ignore[arg-type]
    assert not use_colour(_Tty(False))  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(_Tty(True))  # type: ignore[arg-type]
