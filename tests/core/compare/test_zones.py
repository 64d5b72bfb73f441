"""Zones of single articles: headline matter, related links, footers, appeals."""

from __future__ import annotations

from desktop.core.article import Article, Block, BlockKind, Metadata
from desktop.core.compare import Zone, block_zones, fingerprint

BODY = (
    "Russia is ready to restore diplomatic relations with Europe to pre-war levels, President "
    "Vladimir Putin said Thursday, as ties remain at an all-time low following the invasion."
)


def _blocks(*items: tuple[BlockKind, str]) -> Article:
    return Article(tuple(Block(kind, text) for kind, text in items))


P, H, C, L = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CAPTION, BlockKind.LINK


def test_headline_matter_above_the_body() -> None:
    art = _blocks(
        (H, "Putin Says Russia Is 'Ready to Restore' Relations With Europe"),
        (C, "January 15, 2026"),
        (P, "By Jane Doe"),
        (C, "Vladimir Putin. kremlin.ru"),
        (P, BODY),
        (P, BODY + " Again."),
    )
    assert block_zones(art) == (
        Zone.TITLE,
        Zone.DATELINE,
        Zone.BYLINE,
        Zone.CAPTION,
        Zone.BODY,
        Zone.BODY,
    )


def test_a_bare_first_line_is_the_title_even_in_plain_text() -> None:
    art = _blocks((P, "Putin Says Russia Is Ready"), (P, BODY), (P, BODY))
    assert block_zones(art)[0] is Zone.TITLE


def test_the_body_starts_at_once_in_a_text_without_headline() -> None:
    art = _blocks((P, BODY), (P, "Short line under the body."), (P, BODY))
    assert block_zones(art) == (Zone.BODY, Zone.BODY, Zone.BODY)


def test_title_from_metadata() -> None:
    art = Article(
        (Block(P, "Talks Are Frozen."), Block(P, BODY), Block(P, BODY)),
        Metadata(title="Talks Are Frozen."),
    )
    assert block_zones(art)[0] is Zone.TITLE


def test_related_line_and_url_footer() -> None:
    art = _blocks(
        (P, BODY),
        (L, "Related article: France's Macron Calls for Re-Engagement With Putin"),
        (P, BODY),
        (L, "Original url:"),
        (L, "https://www.themoscowtimes.com/2026/01/15/putin-a91691"),
    )
    assert block_zones(art) == (
        Zone.BODY,
        Zone.RELATED,
        Zone.BODY,
        Zone.URL_FOOTER,
        Zone.URL_FOOTER,
    )


def test_an_appeal_runs_from_its_header_to_the_end() -> None:
    art = _blocks(
        (P, BODY),
        (P, "A Message from The Moscow Times:"),
        (P, "Dear readers,"),
        (P, "We are facing unprecedented challenges. " * 6),
        (P, "Remind me later."),
    )
    assert block_zones(art) == (Zone.BODY,) + (Zone.BOILERPLATE,) * 4


def test_a_body_sentence_about_donations_in_a_long_paragraph_stays_body() -> None:
    long = BODY + " The charity said donations had fallen, and asked people to subscribe."
    assert block_zones(_blocks((P, BODY), (P, long)))[1] is Zone.BODY


def test_known_fingerprints_are_boilerplate_anywhere() -> None:
    recurring = "Our journalism relies on readers like you, every single month of the year."
    art = _blocks((P, BODY), (P, recurring), (P, BODY))
    assert block_zones(art)[1] is Zone.BODY
    assert block_zones(art, {fingerprint(recurring)})[1] is Zone.BOILERPLATE
