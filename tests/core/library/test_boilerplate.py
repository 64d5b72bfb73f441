"""Paragraphs the library saw in two stories are boilerplate to the compare engine."""

from __future__ import annotations

from pathlib import Path

from desktop.core import library as lib
from desktop.core.compare import CompareOptions, Zone, compare_articles

FOOTER = "This report was prepared by the Riverside bureau for the regional news network of partners."


def write(path: Path, *paragraphs: str) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return path


def test_a_footer_shared_by_two_stories_folds_in_a_comparison(tmp_path: Path) -> None:
    bridge = ["The council approved the new bridge on Monday after a long debate among members.",
              "Construction is to begin in spring and last two years, officials said at the meeting."]
    schools = ["The school board voted to extend the term by a week because of the winter storms.",
               "Parents will be told of the new calendar by letter before the end of the month."]
    files = [write(tmp_path / "bridge-1.txt", *bridge, FOOTER),
             write(tmp_path / "bridge-2.txt", *bridge),
             write(tmp_path / "schools.txt", *schools, FOOTER)]
    with lib.open_library(tmp_path / "lib") as library:
        summary = lib.import_paths(library, files, workers=0)
        ids = {Path(item.source).name: item.article_id for item in summary.added}
        first, second = lib.article(library, ids["bridge-1.txt"]), lib.article(library, ids["bridge-2.txt"])
        fingerprints = lib.boilerplate_fingerprints(library, (first, second))
    assert len(fingerprints) == 1
    plain = compare_articles(first, second)
    informed = compare_articles(first, second, CompareOptions(boilerplate_fingerprints=fingerprints))
    assert [r.zone for r in plain.blocks if r.changed] == [Zone.BODY]
    (row,) = [r for r in informed.blocks if r.changed]
    assert row.zone is Zone.BOILERPLATE and row.folded
