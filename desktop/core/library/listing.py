"""Cheap queries for the library view: stories, their versions, one article at a time.

None of these reads article texts in bulk: the window lists 10,000 articles from
a few indexed columns and asks for one article's blocks when it is opened.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from typing import Any

from desktop.core.article import Article
from desktop.core.library.codec import blocks_from_blob, meta_from_json, parse_date
from desktop.core.library.errors import NotInLibraryError
from desktop.core.library.records import ArticleRow, StoryRow, UserFields
from desktop.core.library.store import Library

#: The effective title and date of an article: the user's edit, else what was extracted.
_TITLE = "COALESCE(a.user_title, a.title, a.first_words)"
_DATE = "COALESCE(a.user_date, a.date)"

_STORIES_SQL = f"""
WITH live AS (
    SELECT a.id, a.story_id, {_TITLE} AS title, (a.user_title IS NULL AND a.title IS NULL) AS untitled,
           a.publisher, {_DATE} AS date, a.imported_at
    FROM articles a WHERE a.removed_at IS NULL AND a.story_id IS NOT NULL
), ranked AS (
    SELECT *,
        ROW_NUMBER() OVER (PARTITION BY story_id
                           ORDER BY untitled, date IS NULL, date DESC, imported_at DESC, id DESC) AS pick,
        COUNT(*) OVER (PARTITION BY story_id) AS versions,
        MIN(date) OVER (PARTITION BY story_id) AS story_date,
        MAX(imported_at) OVER (PARTITION BY story_id) AS last_import,
        MAX(publisher) OVER (PARTITION BY story_id) AS any_publisher
    FROM live
)
SELECT story_id, title, COALESCE(publisher, any_publisher), story_date, versions, last_import
FROM ranked WHERE pick = 1
ORDER BY story_date IS NULL, story_date DESC, story_id DESC
"""

_VERSIONS_SQL = f"""
SELECT a.id, {_TITLE}, a.publisher, {_DATE} AS d, a.format, a.path, a.imported_at, a.sha256,
       a.duplicate_of, a.story_id,
       (SELECT MIN(COALESCE(b.user_date, b.date)) FROM articles b
        WHERE b.story_id = a.story_id AND b.removed_at IS NULL)
FROM articles a
WHERE a.removed_at IS NULL AND {{where}}
ORDER BY {{order}}
"""


def stories(library: Library) -> list[StoryRow]:
    """Every story with at least one version, newest story date first, undated last."""
    with library.reading() as conn:
        rows = conn.execute(_STORIES_SQL).fetchall()
    return [StoryRow(sid, title, publisher, parse_date(date), versions, imported)
            for sid, title, publisher, date, versions, imported in rows]


def versions(library: Library, story_id: int) -> list[ArticleRow]:
    """The versions of a story, oldest date first, undated versions last."""
    sql = _VERSIONS_SQL.format(where="a.story_id = ?", order="d IS NULL, d, a.imported_at, a.id")
    with library.reading() as conn:
        return [_article_row(r) for r in conn.execute(sql, (story_id,))]


def pair_to_compare(versions: list[ArticleRow]) -> tuple[ArticleRow, ArticleRow] | None:
    """The two versions of a story that Compare shows: its two latest dated ones (the later
    import breaking a tie), else its first two; None for a story of one version."""
    if len(versions) < 2:
        return None
    dated = [v for v in versions if v.date is not None]
    if len(dated) < 2:
        return versions[0], versions[1]
    earlier, later = sorted(dated, key=lambda v: (v.date or dt.date.min, v.imported_at))[-2:]
    return earlier, later


def all_articles(library: Library) -> list[ArticleRow]:
    """Every article in the library (not in the trash), in import order."""
    sql = _VERSIONS_SQL.format(where="1", order="a.id")
    with library.reading() as conn:
        return [_article_row(r) for r in conn.execute(sql)]


def article_row(library: Library, article_id: int) -> ArticleRow:
    """The listing row of one article."""
    sql = _VERSIONS_SQL.format(where="a.id = ?", order="a.id")
    with library.reading() as conn:
        row = conn.execute(sql, (article_id,)).fetchone()
    if row is None:
        raise NotInLibraryError(f"there is no article {article_id} in the library")
    return _article_row(row)


def story_date(library: Library, article_id: int) -> dt.date | None:
    """The date to show for an article: its own, else its story's (earliest known) date."""
    row = article_row(library, article_id)
    return row.date or row.story_date


def article(library: Library, article_id: int) -> Article:
    """The article as loaded, rebuilt from the stored blocks, with the user's title and date applied."""
    blob, meta_json, user_title, user_date = _live(library, article_id, "blocks, meta_json, user_title, user_date")
    loaded = Article(blocks=blocks_from_blob(blob), meta=meta_from_json(meta_json))
    changes: dict[str, object] = {}
    if user_title is not None:
        changes["title"] = user_title
    if user_date is not None:
        changes["date"] = parse_date(user_date)
        changes["date_source"] = None  # the user's word, not a source's
    return loaded.with_meta(**changes) if changes else loaded


def original_bytes(library: Library, article_id: int) -> bytes:
    """The bytes of the file (or pasted text) the article was imported from."""
    (original,) = _live(library, article_id, "original")
    return zlib.decompress(original)


def user_fields(library: Library, article_id: int) -> UserFields:
    """What the user set on an article (None or empty where nothing was set)."""
    title, date, tags, notes = _live(library, article_id, "user_title, user_date, user_tags, user_notes")
    return UserFields(title, parse_date(date), tuple(json.loads(tags)) if tags else (), notes)


def _live(library: Library, article_id: int, columns: str) -> tuple[Any, ...]:
    """`columns` of an article that is in the library (not removed), or NotInLibraryError."""
    with library.reading() as conn:
        row = conn.execute(f"SELECT {columns} FROM articles WHERE id = ? AND removed_at IS NULL",
                           (article_id,)).fetchone()
    if row is None:
        raise NotInLibraryError(f"there is no article {article_id} in the library")
    return tuple(row)


def _article_row(row: Any) -> ArticleRow:
    aid, title, publisher, date, fmt, path, imported, sha, duplicate_of, story_id, sdate = row
    return ArticleRow(id=aid, title=title, publisher=publisher, date=parse_date(date), format=fmt,
                      path=path, imported_at=imported, sha256=sha, duplicate_of=duplicate_of,
                      story_id=story_id, story_date=parse_date(sdate))
