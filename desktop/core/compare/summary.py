"""The one-line summary of a comparison, in words a reader skims."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.compare.model import BlockDiff, Op, Zone

__all__ = ["ZONE_LABELS", "join_words", "summarise"]

#: How a zone is named in a summary.
ZONE_LABELS = {
    Zone.TITLE: "title",
    Zone.DATELINE: "dateline",
    Zone.BYLINE: "byline",
    Zone.CAPTION: "caption",
    Zone.RELATED: "related link",
    Zone.URL_FOOTER: "URL footer",
    Zone.BOILERPLATE: "appeal",
    Zone.BODY: "body",
}


def join_words(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _body_phrase(body: Sequence[BlockDiff]) -> str:
    edited = [r for r in body if r.op is Op.REPLACE or (r.op is Op.MOVE and r.changed)]
    words = sum(max(r.words_inserted, r.words_deleted) for r in edited)
    phrases = []
    if edited:
        where = _count(len(edited), "paragraph")
        phrases.append(f"{_count(words, 'word')} changed in {where}" if words else f"{where} changed")
    for op, verb in ((Op.INSERT, "added"), (Op.DELETE, "removed"), (Op.MOVE, "moved")):
        n = sum(r.op is op for r in body)
        if n:
            phrases.append(f"{_count(n, 'paragraph')} {verb}")
    return ", ".join(phrases) if phrases else "No differences in the body"


def summarise(records: Sequence[BlockDiff]) -> str:
    """Like "3 words changed in 1 paragraph; title and dateline added; appeal removed"."""
    changed = [r for r in records if r.changed]
    if not changed:
        return "No differences"
    body = Zone.BODY
    parts = [_body_phrase([r for r in changed if r.zone is body])]
    furniture = [r for r in changed if r.zone is not body]
    for ops, verb in (
        ((Op.INSERT,), "added"),
        ((Op.DELETE,), "removed"),
        ((Op.REPLACE, Op.MOVE), "changed"),
    ):
        labels: list[str] = []
        for r in furniture:
            label = ZONE_LABELS[r.zone]
            if r.op in ops and label not in labels:
                labels.append(label)
        if labels:
            parts.append(f"{join_words(labels)} {verb}")
    return "; ".join(parts)
