"""`palimpsest-cli import/list/stories/search/remove/export` on a temporary library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED


@pytest.fixture
def imported(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """`--library DIR` with the seeds imported; the global option as a prefix."""
    assert main(["--library", str(library_dir), "import", str(PLAIN_SEED), str(MARKDOWN_SEED)]) == 0
    capsys.readouterr()
    return ["--library", str(library_dir)]


def test_import_summary(library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--library", str(library_dir), "import"]
    assert main([*args, str(PLAIN_SEED)]) == 0
    assert capsys.readouterr().out.startswith("Added: 1\n  #1 ")
    recoded = tmp_path / "recoded.txt"
    recoded.write_bytes(PLAIN_SEED.read_text("utf-8").replace("\n", "\r\n").encode("utf-8"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([*args, str(PLAIN_SEED), str(recoded), str(empty)]) == 2
    captured = capsys.readouterr()
    assert f"{PLAIN_SEED}: already in the library as #1" in captured.out
    assert f"#2 {recoded}: same text as #1" in captured.out
    assert f"{empty}: the file is empty" in captured.out
    assert captured.err == "palimpsest-cli: 1 of the files could not be imported\n"


def test_environment_names_the_library(library_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PALIMPSEST_LIBRARY", str(library_dir / "from-env"))
    assert main(["import", str(PLAIN_SEED)]) == 0
    assert (library_dir / "from-env" / "library.sqlite3").exists()


def test_list_and_stories_json(imported: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*imported, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["date"], r["story_date"]) for r in rows] == [(1, None, "2026-01-15"),
                                                                    (2, "2026-01-15", "2026-01-15")]
    assert main([*imported, "stories", "--json"]) == 0
    [story] = json.loads(capsys.readouterr().out)
    assert story["versions"] == [2, 1] and story["date"] == "2026-01-15"
    assert story["publisher"] == "The Moscow Times"


def test_stories_text(imported: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*imported, "stories"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("story 1: Putin Says Russia Is 'Ready to Restore' Relations With Europe — "
                          "The Moscow Times, 2026-01-15, 2 versions\n")


def test_search(imported: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*imported, "search", '"Remind me"']) == 0
    out = capsys.readouterr().out
    assert out.startswith("#1 (story 1)") and "Thank you for standing with us. [Remind me] later." in out
    assert main([*imported, "search", "kreml*", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["article_id"] for h in hits} == {1, 2}
    assert all(h["snippet"][s:e].lower().startswith("kreml") for h in hits for s, e in h["matches"])


def test_remove_and_export(imported: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original, text = tmp_path / "original.txt", tmp_path / "text.txt"
    assert main([*imported, "export", "2", "-o", str(original)]) == 0
    assert original.read_bytes() == MARKDOWN_SEED.read_bytes()
    assert main([*imported, "export", "2", "--text", "-o", str(text)]) == 0
    heading = "Putin Says Russia Is 'Ready to Restore' Relations With Europe\n\n"
    assert text.read_text("utf-8").startswith(heading)
    assert main([*imported, "remove", "2"]) == 0
    assert capsys.readouterr().out == "Removed #2 (to the library's trash)\n"
    assert main([*imported, "remove", "2"]) == 2
    assert capsys.readouterr().err == "palimpsest-cli: there is no article 2 in the library\n"
    assert main([*imported, "export", "2", "-o", str(original)]) == 2
    assert main([*imported, "export", "1", "-o", str(tmp_path / "missing" / "x")]) == 2
    assert "cannot write the file" in capsys.readouterr().err


def test_diff_and_annotate_take_library_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from tests.conftest import SEEDS

    library = str(tmp_path / "lib")
    assert main(["--library", library, "import", *map(str, SEEDS)]) == 0
    capsys.readouterr()
    assert main(["--library", library, "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    plain = next(a["id"] for a in listing if a["path"].endswith(SEEDS[0].name))
    markdown = next(a["id"] for a in listing if a["path"].endswith(SEEDS[1].name))
    assert main(["--library", library, "diff", str(plain), f"#{markdown}", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"].startswith("No differences in the body")
    # The undated plain-text version resolves "Thursday" against its story's date.
    assert main(["--library", library, "annotate", str(plain), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dct"] == "2026-01-15"
    assert {d["text"]: d["value"] for d in data["dates"]}["Thursday"] == "2026-01-15"
    assert main(["--library", library, "diff", "999", str(plain)]) == 2


def test_diff_of_a_story_is_the_pair_the_window_compares(imported: list[str], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`diff --story ID` takes the story's two latest versions, the older (or undated) first."""
    assert main([*imported, "stories", "--json"]) == 0
    story = json.loads(capsys.readouterr().out)[0]["id"]
    assert main([*imported, "diff", "--story", str(story), "--json"]) == 1
    by_story = json.loads(capsys.readouterr().out)
    assert main([*imported, "diff", str(PLAIN_SEED), str(MARKDOWN_SEED), "--json"]) == 1
    assert by_story == json.loads(capsys.readouterr().out)  # the undated scrape on the left
    for wrong in (["--story", "999"], ["--story", str(story), str(PLAIN_SEED)], [str(PLAIN_SEED)]):
        assert main([*imported, "diff", *wrong]) == 2
        assert "palimpsest-cli:" in capsys.readouterr().err
