"""Paragraphs the library has seen in more than one story, for the compare engine.

The library keys paragraphs its own way (`textkeys.paragraph_key`) when it
groups stories; the compare engine recognises boilerplate by
`compare.normalise.fingerprint`. This translates one into the other for the
blocks of the articles being compared.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.article import Article
from desktop.core.compare.normalise import fingerprint
from desktop.core.library import textkeys
from desktop.core.library.store import Library


def boilerplate_fingerprints(library: Library, articles: Iterable[Article]) -> frozenset[str]:
    """Compare fingerprints of the body paragraphs of `articles` that recur across stories."""
    by_key: dict[int, list[str]] = {}
    for article in articles:
        for text in textkeys.body_paragraphs(article.blocks):
            by_key.setdefault(textkeys.paragraph_key(text), []).append(text)
    if not by_key:
        return frozenset()
    keys = list(by_key)
    found: set[int] = set()
    with library.reading() as conn:
        for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in conn.execute(
                f"SELECT key FROM boilerplate WHERE key IN ({marks})", chunk))
    return frozenset(fingerprint(text) for key in found for text in by_key[key])
