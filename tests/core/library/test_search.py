"""Full-text search: Cyrillic, ё/е, case, diacritics, prefixes, phrases, bad queries, snippets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import library as lib
from desktop.core.library import fulltext
from desktop.core.library.fulltext import parse_snippet, quote_words
from desktop.core.library.importer import store_prepared
from desktop.core.library.prepare import Prepared, prepare_file
from desktop.core.library.store import indexed_tokens
from desktop.core.library.textkeys import MARK_END, MARK_START
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED

RUSSIAN = ("Вчера в Тёплом Стане открылась ёлочная ярмарка. Жители района пришли посмотреть на ёлки "
           "и купить подарки к празднику.")
FRENCH = "Le café de la Gare a fermé ses portes après quarante ans. Les habitués étaient émus."


@pytest.fixture
def filled(library: lib.Library) -> lib.Library:
    lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED])
    lib.import_text(library, RUSSIAN, name="russian")
    lib.import_text(library, FRENCH, name="french")
    page = ("<html><body><article><h1>Markup test page</h1><p>Some <b>bold</b> words and "
            "<script>alert(1)</script> a written &lt;tag&gt;.</p></article></body></html>")
    lib.import_text(library, page, name="html")
    return library


def _titles(library: lib.Library, query: str) -> list[str]:
    return [hit.title for hit in lib.search(library, query)]


@pytest.mark.parametrize("query", ["ёлки", "елки", "ЕЛКИ", "Ёлки", "ёлоч*", "елоч*", "теплом", "ТЁПЛОМ"])
def test_cyrillic_case_and_yo(filled: lib.Library, query: str) -> None:
    [hit] = lib.search(filled, query)
    assert hit.title.startswith("Вчера в Тёплом Стане")
    # The snippet shows the original spelling, with the match marked where it is.
    for start, end in hit.matches:
        assert hit.snippet[start:end].replace("ё", "е").replace("Ё", "Е").lower().startswith(
            query.rstrip("*").replace("ё", "е").replace("Ё", "Е").lower())
    assert "ё" in hit.snippet


@pytest.mark.parametrize("query", ["cafe", "CAFÉ", "ferme", "habitues"])
def test_diacritics_do_not_matter(filled: lib.Library, query: str) -> None:
    assert len(lib.search(filled, query)) == 1


def test_prefix_and_phrase(filled: lib.Library) -> None:
    assert len(lib.search(filled, "restor*")) == 2
    assert len(lib.search(filled, '"ready to restore"')) == 2
    assert lib.search(filled, '"restore ready to"') == []
    assert len(lib.search(filled, '"Remind me later"')) == 1  # only the scraped copy has the appeal
    assert len(lib.search(filled, "Putin NOT Remind")) == 1


def test_title_matches_rank_first(filled: lib.Library) -> None:
    hits = lib.search(filled, "Putin")
    assert hits[0].title.startswith("Putin Says") and hits[0].rank <= hits[1].rank


@pytest.mark.parametrize("query", ['"unbalanced', "Putin AND", "(Kremlin", "title:", "a:b", "NOT", "*", "^"])
def test_malformed_queries_do_not_raise_raw_errors(filled: lib.Library, query: str) -> None:
    try:
        hits = lib.search(filled, query)
    except lib.SearchQueryError as error:
        assert "cannot search" in str(error)
    else:
        assert isinstance(hits, list)


def test_malformed_query_falls_back_to_its_words(filled: lib.Library) -> None:
    assert len(lib.search(filled, '"Kremlin ceremony')) == 2
    assert quote_words('"Kremlin (cere*') == '"Kremlin" "cere"*'


def test_snippet_is_plain_text_with_ranges(filled: lib.Library) -> None:
    [hit] = lib.search(filled, "bold")
    # The page's markup is gone; the text's own "<tag>" stays as text, for the view to escape.
    assert "<b>" not in hit.snippet and "script" not in hit.snippet and "alert" not in hit.snippet
    assert "<tag>" in hit.snippet
    assert MARK_START not in hit.snippet and MARK_END not in hit.snippet
    start, end = hit.matches[0]
    assert hit.snippet[start:end] == "bold"


def test_removed_articles_are_not_found_and_come_back(filled: lib.Library) -> None:
    [hit] = lib.search(filled, "ярмарка")
    lib.remove(filled, hit.article_id)
    assert lib.search(filled, "ярмарка") == []
    lib.restore(filled, hit.article_id)
    assert [h.article_id for h in lib.search(filled, "ярмарка")] == [hit.article_id]


def test_user_title_is_searchable(filled: lib.Library) -> None:
    [hit] = lib.search(filled, "cafe")
    lib.set_user_fields(filled, hit.article_id, title="Zanzibar closing")
    assert [h.title for h in lib.search(filled, "zanzibar")] == ["Zanzibar closing"]
    lib.set_user_fields(filled, hit.article_id, title=None)
    assert lib.search(filled, "zanzibar") == []


def test_empty_query(filled: lib.Library) -> None:
    assert lib.search(filled, "   ") == []


@given(st.lists(st.tuples(st.booleans(), st.text(alphabet="ab ё\n", min_size=1)), max_size=6))
def test_parse_snippet_ranges_cover_the_marked_text(pieces: list[tuple[bool, str]]) -> None:
    marked = "".join(f"{MARK_START}{t}{MARK_END}" if hit else t for hit, t in pieces)
    text, ranges = parse_snippet(marked)
    assert MARK_START not in text and MARK_END not in text
    assert len(ranges) == sum(hit for hit, _ in pieces)
    assert all(0 <= s <= e <= len(text) for s, e in ranges)


def test_articles_stored_but_not_indexed_are_indexed_on_open(library: lib.Library) -> None:
    prepared = prepare_file(str(PLAIN_SEED))
    assert isinstance(prepared, Prepared)
    store_prepared(library, prepared)  # an import killed before it indexed its last batch
    assert lib.search(library, "Kremlin") == []
    with lib.open_library(library.folder) as reopened:
        assert len(lib.search(reopened, "Kremlin")) == 1
    [item] = lib.all_articles(library)
    lib.remove(library, item.id)  # removing it again must not damage the index
    with library.reading() as conn:
        conn.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("query", ["ёлки", "ЁЛКИ", "подар*", '"купить подарки"', "ярмарка OR zzz"])
def test_long_article_snippet_marks_what_fts5_marks(filled: lib.Library, query: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SNIPPET_MAX_TOKENS the snippet is cut in Python; it marks the same words FTS5 does."""
    def marked(hit: lib.SearchHit) -> list[str]:
        return [word.lower() for start, end in hit.matches for word in hit.snippet[start:end].split()]

    [short] = lib.search(filled, query)
    monkeypatch.setattr(fulltext, "SNIPPET_MAX_TOKENS", 3)
    [long] = lib.search(filled, query)
    assert long.article_id == short.article_id
    assert marked(long) and set(marked(long)) <= set(marked(short))
    assert long.snippet.strip("…") in RUSSIAN


def test_a_word_an_article_holds_thousands_of_times_is_found_quickly(library: lib.Library) -> None:
    """FTS5's snippet() is quadratic in one article's matches: 20,000 took 4 s, here 0.01."""
    lib.import_text(library, "Opening words. " + "minister " * 20_001, name="repeat")
    with library.locked() as conn:
        [(sizes,)] = conn.execute("SELECT sz FROM fts_docsize").fetchall()
    assert indexed_tokens(sizes) == 20_003 > fulltext.SNIPPET_MAX_TOKENS
    [hit] = lib.search(library, "minister")
    assert hit.snippet.startswith("Opening words. minister")
    assert len(hit.matches) == fulltext.SNIPPET_WORDS - 2


def test_indexed_tokens_reads_sqlite_varints() -> None:
    assert indexed_tokens(None) == 0
    assert indexed_tokens(bytes([0x00, 0x09])) == 9
    assert indexed_tokens(bytes([0xCE, 0x13])) == 78 * 128 + 19
    assert indexed_tokens(bytes([0x81, 0x80, 0x00, 0x05])) == 1 << 14 | 5
