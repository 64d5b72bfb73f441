"""Grouping articles into stories (versions of one article), and the user's regrouping.

An article joins the story of an earlier article with the same canonical URL,
else the same normalised title, else a body that is nearly the same text once
boilerplate is set aside. A paragraph is boilerplate once it is seen in two
different stories (a donation appeal, a newsletter footer). The user's choices
(move, split, merge) pin every article of the stories they touch; `regroup`
never moves a pinned article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from desktop.core.library import textkeys
from desktop.core.library.codec import blocks_from_blob
from desktop.core.library.errors import NotInLibraryError
from desktop.core.library.prepare import Paragraph, paragraph
from desktop.core.library.store import Library, index_unindexed, now, require_live

#: Sketch entries a candidate must share with the new article to be compared in
#: full (one shared paragraph counts as this many).
MIN_SHARED_SKETCH = 2
#: Candidates compared in full, most similar sketch first.
MAX_CANDIDATES = 8

#: Paragraph keys and full shingle sets of a body, given the keys to leave out.
BodyShingles = Callable[[frozenset[int]], set[int]]


def find_story(conn: sqlite3.Connection, *, url_key: str | None, title_key: str | None,
               paragraphs: Sequence[Paragraph], body: BodyShingles) -> tuple[int | None, list[int]]:
    """The story an article with these keys belongs to (None: a new one), and its sketch.

    Only articles already placed in a story (`story_id IS NOT NULL`) and not in
    the trash are considered. The sketch is over the non-boilerplate paragraphs.
    """
    if url_key:
        row = conn.execute("SELECT story_id FROM articles WHERE url_key = ? AND removed_at IS NULL "
                           "AND story_id IS NOT NULL ORDER BY id LIMIT 1", (url_key,)).fetchone()
        if row:
            return row[0], article_sketch(conn, paragraphs)
    if title_key:
        for story_id, other_url in conn.execute(
            "SELECT story_id, url_key FROM articles WHERE title_key = ? AND removed_at IS NULL "
            "AND story_id IS NOT NULL ORDER BY id", (title_key,)
        ):
            # Two different addresses with the same headline are two articles
            # (a recurring column); a copy without an address is the same one.
            if not (url_key and other_url and other_url != url_key):
                return story_id, article_sketch(conn, paragraphs)
    boiler = boilerplate_keys(conn, paragraphs)
    sketch = _sketch(paragraphs, boiler)
    keys = list({p.key for p in paragraphs if p.key not in boiler})
    if not keys and len(sketch) < MIN_SHARED_SKETCH:
        return None, sketch
    # Candidates share a whole paragraph (weight 2), or enough sketch entries
    # (weight 1 each) for a copy whose every paragraph was touched. UNION, not
    # UNION ALL: a key both held here and settled by another process counts once.
    candidates = conn.execute(
        f"SELECT a.id, a.story_id, a.blocks FROM ("
        f"  SELECT article_id, SUM(weight) AS score FROM ("
        f"    SELECT key, article_id, {MIN_SHARED_SKETCH} AS weight FROM paragraphs WHERE key IN ({_marks(keys)})"
        f"    UNION SELECT key, article_id, {MIN_SHARED_SKETCH} FROM held_paragraphs WHERE key IN ({_marks(keys)})"
        f"    UNION SELECT hash, article_id, 1 FROM sketch WHERE hash IN ({_marks(sketch)})"
        f"    UNION SELECT hash, article_id, 1 FROM held_sketch WHERE hash IN ({_marks(sketch)})"
        f"  ) GROUP BY article_id HAVING score >= ?"
        f") c JOIN articles a ON a.id = c.article_id "
        f"WHERE a.removed_at IS NULL AND a.story_id IS NOT NULL ORDER BY c.score DESC, a.id LIMIT ?",
        (*keys, *keys, *sketch, *sketch, MIN_SHARED_SKETCH, MAX_CANDIDATES),
    ).fetchall()
    if not candidates:
        return None, sketch
    mine = body(boiler)
    for _, story_id, blob in candidates:
        theirs = body_shingles(textkeys.body_paragraphs(blocks_from_blob(blob)), boiler)
        if textkeys.same_story_text(mine, theirs):
            return story_id, sketch
    return None, sketch


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def body_shingles(paragraphs: Sequence[str], leave_out: frozenset[int]) -> set[int]:
    """Shingles of the paragraphs whose key is not in `leave_out` (boilerplate)."""
    found: set[int] = set()
    for text in paragraphs:
        if textkeys.paragraph_key(text) not in leave_out:
            found |= textkeys.shingles(text)
    return found


def shingler(texts: Sequence[str]) -> BodyShingles:
    """The `BodyShingles` of these body paragraph texts."""
    return lambda leave_out: body_shingles(texts, leave_out)


def boilerplate_keys(conn: sqlite3.Connection, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The keys among `paragraphs` already known as boilerplate."""
    keys = list({p.key for p in paragraphs})
    if not keys:
        return frozenset()
    marks = ",".join("?" * len(keys))
    return frozenset(r[0] for r in conn.execute(f"SELECT key FROM boilerplate WHERE key IN ({marks})", keys))


def record_paragraphs(conn: sqlite3.Connection, article_id: int, story_id: int,
                      paragraphs: Sequence[Paragraph], sketch: Sequence[int], *, hold: bool = False) -> None:
    """Store an article's paragraph keys and sketch; mark keys shared with other stories as boilerplate.

    With `hold`, the keys go to this connection's held tables (an import's), which
    `settle` writes to the library's own in one go; until then the queries here
    read both.
    """
    keys = list({p.key for p in paragraphs})
    # Keys known as boilerplate already are skipped: a site's appeal is in thousands
    # of articles, and joining all of them again for each new one grew with the library.
    known = boilerplate_keys(conn, paragraphs)
    fresh = [key for key in keys if key not in known]
    if fresh:
        conn.execute(
            f"INSERT OR IGNORE INTO boilerplate (key) SELECT DISTINCT p.key FROM ("
            f"  SELECT key, article_id FROM paragraphs WHERE key IN ({_marks(fresh)})"
            f"  UNION ALL SELECT key, article_id FROM held_paragraphs WHERE key IN ({_marks(fresh)})"
            f") p JOIN articles a ON a.id = p.article_id WHERE a.story_id != ? AND a.removed_at IS NULL",
            (*fresh, *fresh, story_id),
        )
    prefix = "held_" if hold else ""
    conn.executemany(f"INSERT OR IGNORE INTO {prefix}paragraphs (key, article_id) VALUES (?, ?)",
                     [(key, article_id) for key in keys])
    conn.executemany(f"INSERT OR IGNORE INTO {prefix}sketch (hash, article_id) VALUES (?, ?)",
                     [(h, article_id) for h in sketch])
    if hold:
        conn.execute("INSERT OR IGNORE INTO held_articles (article_id) VALUES (?)", (article_id,))


def settle(conn: sqlite3.Connection) -> int:
    """An import's batch step (in a transaction): write the held keys to the library's
    tables and add the queued articles to the full-text index; returns how many.

    Articles queued but whose keys this connection does not hold were stored by an
    import that was killed (or by another process, whose keys are the same): their
    keys are worked out again from their blocks.
    """
    lost = conn.execute(
        "SELECT a.id, a.story_id, a.blocks FROM unindexed u JOIN articles a ON a.id = u.article_id "
        "WHERE a.story_id IS NOT NULL AND u.article_id NOT IN (SELECT article_id FROM held_articles) "
        "ORDER BY a.id"
    ).fetchall()
    for article_id, story_id, blob in lost:
        _, paragraphs = paragraphs_of(blob)
        record_paragraphs(conn, article_id, story_id, paragraphs, article_sketch(conn, paragraphs))
    # In key order, so that each page of the indexes is written once per batch.
    conn.execute("INSERT OR IGNORE INTO paragraphs (key, article_id) "
                 "SELECT key, article_id FROM held_paragraphs ORDER BY key, article_id")
    conn.execute("INSERT OR IGNORE INTO sketch (hash, article_id) "
                 "SELECT hash, article_id FROM held_sketch ORDER BY hash, article_id")
    forget_held(conn)
    return index_unindexed(conn)


def forget_held(conn: sqlite3.Connection, article_id: int | None = None) -> None:
    """Drop the keys this connection holds (for one article, or all)."""
    for table in ("held_paragraphs", "held_sketch", "held_articles"):
        if article_id is None:
            conn.execute(f"DELETE FROM {table}")
        else:
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def new_story(conn: sqlite3.Connection, story_id: int | None = None) -> int:
    """Create a story (with `story_id` if given) and return its id."""
    cursor = conn.execute("INSERT INTO stories (id, created_at) VALUES (?, ?)", (story_id, now()))
    return int(cursor.lastrowid or 0)


def drop_empty_stories(conn: sqlite3.Connection) -> None:
    """Delete stories no article (not even one in the trash) belongs to."""
    conn.execute("DELETE FROM stories WHERE id NOT IN "
                 "(SELECT story_id FROM articles WHERE story_id IS NOT NULL)")


def paragraphs_of(blob: bytes) -> tuple[list[str], tuple[Paragraph, ...]]:
    """Body paragraph texts and `Paragraph` keys of stored blocks."""
    texts = textkeys.body_paragraphs(blocks_from_blob(blob))
    return texts, tuple(paragraph(t) for t in texts)


def article_sketch(conn: sqlite3.Connection, paragraphs: Sequence[Paragraph]) -> list[int]:
    """The sketch stored for an article: over its paragraphs that are not boilerplate."""
    return _sketch(paragraphs, boilerplate_keys(conn, paragraphs))


def _sketch(paragraphs: Sequence[Paragraph], boiler: frozenset[int]) -> list[int]:
    return textkeys.sketch(p.sketch for p in paragraphs if p.key not in boiler)


def move_article(library: Library, article_id: int, story_id: int) -> None:
    """Put an article into another story, for good (re-grouping keeps it there)."""
    with library.writing() as conn:
        require_live(conn, article_id)
        if not conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            raise NotInLibraryError(f"there is no story {story_id} in the library")
        _pin(conn, article_id, story_id)
        drop_empty_stories(conn)


def split_article(library: Library, article_id: int) -> int:
    """Take an article out of its story into a new story of its own; returns the new story id."""
    with library.writing() as conn:
        require_live(conn, article_id)
        story_id = new_story(conn)
        _pin(conn, article_id, story_id)
        drop_empty_stories(conn)
        return story_id


def merge_stories(library: Library, into: int, other: int) -> int:
    """Make the versions of story `other` versions of story `into`, for good; returns `into`."""
    with library.writing() as conn:
        for story_id in (into, other):
            if not conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
                raise NotInLibraryError(f"there is no story {story_id} in the library")
        conn.execute("UPDATE articles SET story_id = ?, story_manual = 1 WHERE story_id IN (?, ?)",
                     (into, into, other))  # pinned: re-grouping keeps them together
        drop_empty_stories(conn)
        return into


def _pin(conn: sqlite3.Connection, article_id: int, story_id: int) -> None:
    """Move an article, and pin it and every article of both stories where they are.

    The user has looked at these stories: re-grouping must keep the article
    where it was put, and must not pull it back to its old story-mates (or
    them to it) by the automatic rules either.
    """
    old = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
    conn.execute("UPDATE articles SET story_manual = 1 WHERE story_id IN (?, ?)", (old, story_id))


def regroup(library: Library) -> None:
    """Group every article again by the current rules; articles the user placed stay put."""
    with library.writing() as conn:
        settle(conn)  # an import's held keys are in the tables emptied below
        rows = conn.execute("SELECT id, story_id, url_key, title_key, blocks FROM articles "
                            "WHERE story_manual = 0 AND removed_at IS NULL ORDER BY id").fetchall()
        taken = {r[0] for r in conn.execute(
            "SELECT DISTINCT story_id FROM articles WHERE story_manual = 1 OR removed_at IS NOT NULL")}
        conn.execute("UPDATE articles SET story_id = NULL WHERE story_manual = 0 AND removed_at IS NULL")
        conn.execute("DELETE FROM boilerplate")
        conn.execute("DELETE FROM paragraphs WHERE article_id IN "
                     "(SELECT id FROM articles WHERE story_id IS NULL)")
        conn.execute("DELETE FROM sketch WHERE article_id IN "
                     "(SELECT id FROM articles WHERE story_id IS NULL)")
        for article_id, old_story, url_key, title_key, blob in rows:
            texts, paragraphs = paragraphs_of(blob)
            story_id, sketch = find_story(
                conn, url_key=url_key, title_key=title_key, paragraphs=paragraphs,
                body=shingler(texts),
            )
            if story_id is None:
                # Keep story ids stable where the grouping did not change.
                story_id = new_story(conn) if old_story is None or old_story in taken else old_story
            taken.add(story_id)
            conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
            record_paragraphs(conn, article_id, story_id, paragraphs, sketch)
        drop_empty_stories(conn)

