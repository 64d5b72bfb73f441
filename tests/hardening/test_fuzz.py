"""Property tests with hostile shapes the existing ones do not draw.

Already covered elsewhere (not repeated here): random bytes to `load_bytes` and
`decode` (tests/core/loaders), random texts to `find_dates`, `find_quotes`,
`quote_fates` and `word_diff`, and vocabulary-built article pairs to
`compare_articles` (tests/core/annotate, tests/core/compare). Added here:
markup soup and encoded text to the loaders, whole loaded articles to the
annotators and the storage codec, any Unicode to the diff and the report, and
random blocks and spans to the reader.
"""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.annotate import annotate
from desktop.core.article import Article, Block, BlockKind, InlineSpan, InlineStyle, Metadata
from desktop.core.compare import CompareOptions, Op, compare_articles
from desktop.core.compare.report_html import render_report
from desktop.core.errors import LoadError
from desktop.core.library.codec import blocks_from_blob, blocks_to_blob, meta_from_json, meta_to_json
from desktop.core.library.prepare import prepare_article
from desktop.core.loaders import load_bytes
from tests.hardening.report_checks import active_content

_FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "<a href=\"javascript:alert(1)\">",
    "<a href='http://example.org/x'>", "<a href=file:///etc/passwd>", "</a>", "<script>alert(1)</script>",
    "<iframe src=http://frame.example>", "<img src=x onerror=alert(1)>", "<h1>", "</h1>", "<li>", "<ul>",
    "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<br>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;",
    "&#0;", "&#xD800;", "&nbsp;", "<style>p{background:url(http://tracker.example/x)}</style>",
    "<table><tr><td>", "</td></tr></table>", "<svg><script>alert(2)</script></svg>", "<math>",
    "\n", "\n\n", "\r\n", "  ", "# ", "> ", "* ", "1. ", "```", "[x](javascript:y)", "![i](data:image/png;base64,AA)",
    "**", "_", "`", "|", "---", "Talks", "resumed", "on", "Monday,", "\u201cWe", "are", "ready,\u201d",
    "she", "said.", "Москва", "15", "января", "2026", "\u202e", "\u200b", "\ufeff", "e\u0301", "\U0001f600",
]
_OK_SCHEMES = ("http://", "https://", "mailto:")

markup = st.lists(st.sampled_from(_FRAGMENTS), max_size=120).map(" ".join)
suffixes = st.sampled_from(["a.html", "a.md", "a.txt", None])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r",
                             "latin-1", "cp1252"])


def _check(article: Article) -> None:
    assert article.blocks
    for block in article.blocks:
        assert block.text.strip()
        assert "\x00" not in block.text
        block.text.encode("utf-8")  # no lone surrogates (from "&#xD800;" or a decoder)
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)
            assert span.href is None or span.href.lower().startswith(_OK_SCHEMES), span.href
    for mention in (*(found := annotate(article.text, article.meta.date)).dates, *found.quotes):
        assert 0 <= mention.start <= mention.end <= len(article.text)
    # What the library stores reads back the same, and can be stored (valid UTF-8 throughout).
    assert blocks_from_blob(blocks_to_blob(article.blocks)) == article.blocks
    assert meta_from_json(meta_to_json(article.meta)) == article.meta
    prepared = prepare_article(article, b"x", source="fuzz", path=None)
    prepared.search_body.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup, suffixes)
def test_markup_soup_gives_a_safe_article_or_a_load_error(page: str, name: str | None) -> None:
    try:
        article = load_bytes(page.encode("utf-8"), path=name)
    except LoadError as error:
        assert error.reason
        return
    # Markup may survive as text (an unclosed <iframe> swallows the rest of a broken page as
    # its raw text); text is written into the views as text, so _check's links are what matter.
    _check(article)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400), encodings, suffixes)
def test_any_text_in_any_encoding_loads_or_fails_cleanly(text: str, encoding: str, name: str | None) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    if encoding == "utf-16":  # Python writes a BOM for this one; also try without
        data = data if len(text) % 2 else data[len(codecs.BOM_UTF16):]
    try:
        article = load_bytes(data, path=name)
    except LoadError as error:
        assert error.reason
        return
    _check(article)


blocks = st.lists(st.text(min_size=1, max_size=60).filter(str.strip), min_size=1, max_size=8)


@settings(max_examples=120, deadline=None)
@given(blocks, blocks)
def test_any_unicode_diffs_back_to_both_texts_and_reports_inertly(a: list[str], b: list[str]) -> None:
    left = Article(tuple(Block(BlockKind.PARAGRAPH, t) for t in a), Metadata(title=a[0]))
    right = Article(tuple(Block(BlockKind.PARAGRAPH, t) for t in b), Metadata(title=b[0], url=b[-1]))
    comparison = compare_articles(left, right, CompareOptions.keep_all())
    rebuilt_a = [
        "".join(s.text for s in r.segments if s.op is not Op.INSERT) for r in comparison.blocks if r.a_blocks
    ]
    rebuilt_b = [
        "".join(s.text for s in r.segments if s.op is not Op.DELETE) for r in comparison.blocks if r.b_blocks
    ]
    assert sorted(rebuilt_a) == sorted(a)  # moved paragraphs come in B's order
    assert rebuilt_b == b
    assert 0.0 <= comparison.stats.similarity <= 1.0
    assert active_content(render_report(comparison)) == []
    compare_articles(left, right)  # the default options normalise; they must not fail either


spans = st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from(list(InlineStyle)),
                           st.sampled_from([None, "javascript:x", "http://ok.example", "file:///etc", "MAILTO:a"])),
                 max_size=5)
#: What a loader can put in a block: no control characters, no line or paragraph separators.
block_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=70)


@st.composite
def odd_blocks(draw: st.DrawFn) -> Block:
    text = draw(block_text.filter(str.strip))
    found = []
    for start, end, style, href in draw(spans):
        start, end = sorted((min(start, len(text)), min(end, len(text))))
        if start < end:
            found.append(InlineSpan(start, end, style, href))
    return Block(draw(st.sampled_from(list(BlockKind))), text, draw(st.integers(0, 6)), tuple(found),
                 draw(st.booleans()))


def _utf16(text: str) -> bytes:
    # toPlainText gives a no-break space back as a space; the length is the same.
    return text.replace("\xa0", " ").encode("utf-16-le")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(odd_blocks(), min_size=1, max_size=6))
def test_reader_writes_any_blocks_where_it_says(qapp: object, blocks: list[Block]) -> None:
    from desktop.ui.reader_view import ReaderView

    view = ReaderView()
    try:
        article = Article(tuple(blocks), Metadata(url="javascript:alert(1)"))
        view.set_article(article)
        # Document positions count UTF-16 units, as Qt does.
        text = _utf16(view.toPlainText())
        for index, block in enumerate(blocks):
            start = 2 * view.block_start(index)
            assert text[start:start + len(_utf16(block.text))] == _utf16(block.text)
        html = view.toHtml().lower()
        assert 'href="javascript' not in html and 'href="file' not in html
        view.set_annotations(annotate(article.text))
        view.grab()
    finally:
        view.deleteLater()
