"""Full-text search over the library (SQLite FTS5), with snippets the view can style.

The index holds each article's title and text with ё folded to е (FTS5's
unicode61 tokenizer folds case and, with `remove_diacritics 2`, accents, but not
ё). Snippets are cut from the original text, which the fold leaves the same
length, so match positions line up. Removed articles are taken out of the index.
"""

from __future__ import annotations

import re
import sqlite3

from desktop.core.library.errors import SearchQueryError
from desktop.core.library.records import SearchHit
from desktop.core.library.store import Library, storage_error
from desktop.core.library.textkeys import MARK_END, MARK_START, clean_text, fold_yo

ELLIPSIS = "…"
SNIPPET_WORDS = 16
DEFAULT_LIMIT = 100

_QUERY_WORD = re.compile(r"\w+\*?")
_SPACES = re.compile(r"\s+")
#: What SQLite says about a query FTS5 cannot parse.
_QUERY_ERROR = re.compile(r"fts5|syntax error|no such column|unterminated|unknown special query")


#: Articles an import stores before it indexes them together: FTS5 writes a
#: new index segment per transaction, which made indexing each article in its
#: own transaction cost ten times more than storing it.
INDEX_BATCH = 250


def queue_for_index(conn: sqlite3.Connection, article_id: int) -> None:
    """Mark a stored article for indexing by the next `pending.index_pending`."""
    conn.execute("INSERT OR IGNORE INTO unindexed (article_id) VALUES (?)", (article_id,))


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Add an article's stored search text (table `doc`) to the full-text index now."""
    conn.execute("DELETE FROM unindexed WHERE article_id = ?", (article_id,))
    title, body = conn.execute("SELECT title, body FROM doc WHERE id = ?", (article_id,)).fetchone()
    conn.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                 (article_id, fold_yo(title), fold_yo(body)))


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Take an article out of the full-text index (its `doc` row stays, for a restore)."""
    if conn.execute("DELETE FROM unindexed WHERE article_id = ?", (article_id,)).rowcount:
        return  # never indexed: telling FTS5 to forget it would damage the index
    title, body = conn.execute("SELECT title, body FROM doc WHERE id = ?", (article_id,)).fetchone()
    # An external-content index forgets a row only when told exactly what it indexed.
    conn.execute("INSERT INTO fts (fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                 (article_id, fold_yo(title), fold_yo(body)))


def set_search_title(conn: sqlite3.Connection, article_id: int, title: str) -> None:
    """Index an article under a new title (a user's edit)."""
    unindex_article(conn, article_id)
    conn.execute("UPDATE doc SET title = ? WHERE id = ?", (clean_text(title), article_id))
    index_article(conn, article_id)


def search(library: Library, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Articles matching `query`, best first (`rank`: lower is better, FTS5's bm25).

    FTS5 syntax works (words, "exact phrases", prefix*, AND/OR/NOT); a query
    FTS5 cannot parse is searched as its plain words instead. Raises
    `SearchQueryError` only if even that fails.
    """
    folded = clean_text(fold_yo(query)).strip()
    if not folded:
        return []
    try:
        return _run(library, folded, limit)
    except _BadQuery as error:
        fallback = quote_words(folded)
        if not fallback or fallback == folded:
            raise SearchQueryError(f"cannot search for {query!r}: {error}") from error
    try:
        return _run(library, fallback, limit)
    except _BadQuery as error:
        raise SearchQueryError(f"cannot search for {query!r}: {error}") from error


class _BadQuery(Exception):
    """FTS5 could not parse the query (as opposed to the library failing)."""


def quote_words(query: str) -> str:
    """`query` as plain words, each quoted for FTS5 (a trailing * keeps its prefix meaning)."""
    quoted = []
    for word in _QUERY_WORD.findall(query):
        prefix = word.endswith("*")
        quoted.append(f'"{word.rstrip("*")}"' + ("*" if prefix else ""))
    return " ".join(quoted)


#: Articles longer than this many indexed words get a snippet cut here rather
#: than by FTS5, whose snippet() takes time quadratic in the matches in one
#: article: a word 40,000 times over took 17 s. Real articles are far shorter.
SNIPPET_MAX_TOKENS = 20_000

_SEARCH_SQL = (
    "SELECT hit.id, a.story_id, COALESCE(a.user_title, a.title, a.first_words), hit.snip, hit.r "
    "FROM (SELECT rowid AS id, rank AS r, "
    "CASE WHEN indexed_tokens((SELECT sz FROM fts_docsize WHERE id = fts.rowid)) <= ? "
    f"THEN snippet(fts, -1, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', {SNIPPET_WORDS}) END AS snip "
    "FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?) hit "
    "JOIN articles a ON a.id = hit.id ORDER BY hit.r"
)
#: How far into a long article the snippet looks for the first match.
_LONG_SNIPPET_SCAN = 1_000_000


def _run(library: Library, match: str, limit: int) -> list[SearchHit]:
    with library.locked() as conn:
        try:
            rows = conn.execute(_SEARCH_SQL, (SNIPPET_MAX_TOKENS, match, limit)).fetchall()
            rows = [(*row[:3], row[3] if row[3] is not None else _long_snippet(conn, row[0], match), row[4])
                    for row in rows]
        except sqlite3.OperationalError as error:
            if _QUERY_ERROR.search(str(error)):
                raise _BadQuery(str(error)) from error
            raise storage_error(error, library.folder) from error
        except sqlite3.Error as error:
            raise storage_error(error, library.folder) from error
    hits = []
    for article_id, story_id, title, snip, rank in rows:
        text, matches = parse_snippet(snip)
        hits.append(SearchHit(article_id, story_id, title, text, float(rank), matches))
    return hits


def _long_snippet(conn: sqlite3.Connection, article_id: int, match: str) -> str:
    """A snippet of a very long article, marked like FTS5's: the words around the
    first of the query's words in its opening stretch (its start if none is there)."""
    (body,) = conn.execute("SELECT substr(body, 1, ?) FROM doc WHERE id = ?",
                           (_LONG_SNIPPET_SCAN, article_id)).fetchone()
    terms = [word for word in _QUERY_WORD.findall(match) if word not in _OPERATORS]
    pattern = re.compile("|".join(rf"\b{re.escape(t.rstrip('*'))}" + (r"\w*" if t.endswith("*") else r"\b")
                                  for t in terms) or "(?!)", re.IGNORECASE)
    folded = fold_yo(body)  # the same length as body, so positions carry over
    first = pattern.search(folded)
    around = max(0, first.start() - 200) if first else 0
    words = [w.span() for w in re.finditer(r"\S+", folded[around : around + 4000])]
    lead = next((i for i, (_, end) in enumerate(words) if first and around + end > first.start()), 0)
    chosen = words[max(0, lead - SNIPPET_WORDS // 4) :][:SNIPPET_WORDS]
    if not chosen:
        return ""
    start, end = around + chosen[0][0], around + chosen[-1][1]
    pieces, last = [], start
    for hit in pattern.finditer(folded, start, end):
        pieces += [body[last : hit.start()], MARK_START, body[hit.start() : hit.end()], MARK_END]
        last = hit.end()
    pieces.append(body[last:end])
    return (ELLIPSIS if start else "") + "".join(pieces) + (ELLIPSIS if end < len(body) else "")


#: FTS5's query operators, which are not words to look for.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def parse_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split an FTS5 snippet with match markers into plain text and `(start, end)` ranges."""
    out: list[str] = []
    ranges: list[tuple[int, int]] = []
    length = 0
    start = -1
    for piece in re.split(f"([{MARK_START}{MARK_END}])", marked):
        if piece == MARK_START:
            start = length
        elif piece == MARK_END:
            if start >= 0:
                ranges.append((start, length))
            start = -1
        else:
            # One line for a list row: block breaks and runs of spaces become one space.
            piece = _SPACES.sub(" ", piece)
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(ranges)
