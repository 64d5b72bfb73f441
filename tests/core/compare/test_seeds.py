"""The two seed versions: the body is unchanged, the furniture around it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.compare import CompareOptions, Op, Zone, compare_articles

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
loaders = pytest.importorskip("desktop.core.loaders", reason="the loaders are not written yet")
if not hasattr(loaders, "load_file"):
    pytest.skip("desktop.core.loaders.load_file is not written yet", allow_module_level=True)


def _seeds() -> tuple[Path, Path]:
    plain, markdown = sorted(SEEDS.glob("00[01]_*.txt"))
    return plain, markdown


def test_seed_body_is_unchanged_and_furniture_is_labelled() -> None:
    plain, markdown = _seeds()
    a, b = loaders.load_file(plain), loaders.load_file(markdown)
    result = compare_articles(a, b)

    body = [r for r in result.blocks if r.zone is Zone.BODY]
    assert len(body) == 9
    assert all(r.op is Op.EQUAL and not r.changed for r in body)
    # The paragraph a stray blank line cut in two is one record covering two blocks of B.
    assert any(len(r.b_blocks) == 2 and len(r.a_blocks) == 1 for r in body)

    inserted = [r.zone for r in result.blocks if r.op is Op.INSERT]
    assert inserted == [
        Zone.TITLE,
        Zone.DATELINE,
        Zone.CAPTION,
        Zone.RELATED,
        Zone.URL_FOOTER,
        Zone.URL_FOOTER,
    ]
    deleted = [r for r in result.blocks if r.op is Op.DELETE]
    assert deleted and all(r.zone is Zone.BOILERPLATE and r.folded for r in deleted)
    assert a.blocks[deleted[0].a_blocks[0]].text.startswith("A Message from The Moscow Times")

    assert result.summary == (
        "No differences in the body; title, dateline, caption, related link and URL footer added;"
        " appeal removed"
    )
    assert result.stats.paragraphs_changed == 0
    assert result.stats.paragraphs_moved == 0
    assert result.has_differences


def test_seed_body_differs_when_everything_counts() -> None:
    plain, markdown = _seeds()
    a, b = loaders.load_file(plain), loaders.load_file(markdown)
    exact = compare_articles(a, b, CompareOptions.keep_all())
    assert any(r.op is Op.REPLACE and r.zone is Zone.BODY for r in exact.blocks)
