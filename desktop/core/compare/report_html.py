"""A standalone HTML redline report of a comparison (CLI `diff --html`, GUI File → Export Report).

The page carries its own CSS, no script and no remote resource, so it opens in
any browser, offline, and prints well. Every piece of article text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from desktop.core.article import Metadata
from desktop.core.compare.engine import Comparison
from desktop.core.compare.model import BlockDiff, Op
from desktop.core.compare.summary import ZONE_LABELS

__all__ = ["render_report"]

_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #1b1b1b; background: #fff;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.summary { font-weight: bold; margin: 1rem 0; }
table.meta { border-collapse: collapse; font: 13px/1.4 system-ui, sans-serif; width: 100%; }
table.meta th, table.meta td { text-align: left; vertical-align: top; padding: .15rem .5rem;
       border-bottom: 1px solid #ddd; }
table.meta td { word-break: break-all; }
.stats { font: 13px/1.4 system-ui, sans-serif; color: #444; }
.block { margin: .9rem 0; padding: .3rem .7rem; border-left: 4px solid transparent;
       page-break-inside: avoid; break-inside: avoid; }
.block .label { font: 11px/1.2 system-ui, sans-serif; color: #666; text-transform: uppercase;
       letter-spacing: .04em; }
.block.insert { border-color: #2e7d32; background: #f1f8f1; }
.block.delete { border-color: #c62828; background: #fcf1f1; }
.block.replace { border-color: #f9a825; }
.block.move { border-color: #1565c0; }
.block.equal { color: #555; }
.block.folded { color: #777; font-size: .85rem; }
ins { background: #c8e6c9; text-decoration: underline; color: #0b3d0b; }
del { background: #ffcdd2; text-decoration: line-through; color: #5f0b0b; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .block.equal { display: none; }
  ins { background: none; text-decoration: underline; font-weight: bold; }
  del { background: none; text-decoration: line-through; }
  .block.insert, .block.delete { background: none; }
}
"""

_META_ROWS = (
    ("Title", "title"),
    ("Date", "date"),
    ("Publisher", "publisher"),
    ("Author", "author"),
    ("URL", "url"),
    ("File", "path"),
    ("Format", "format"),
    ("SHA-256", "sha256"),
)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _meta_table(a: Metadata, b: Metadata) -> Iterator[str]:
    da, db = a.to_dict(), b.to_dict()
    yield '<table class="meta"><tr><th></th><th>Version A</th><th>Version B</th></tr>'
    for label, key in _META_ROWS:
        va, vb = da.get(key), db.get(key)
        if va or vb:
            yield f"<tr><th>{label}</th><td>{_e(va or '—')}</td><td>{_e(vb or '—')}</td></tr>"
    yield "</table>"


def _block(record: BlockDiff) -> str:
    where = []
    if record.a_index is not None:
        where.append(f"A ¶{record.a_index}")
    if record.b_index is not None:
        where.append(f"B ¶{record.b_index}")
    label = f"{ZONE_LABELS[record.zone]} · {record.op.value} · {' → '.join(where)}"
    parts = []
    for seg in record.segments:
        text = _e(seg.text).replace("\n\n", "<br>")
        if seg.op is Op.INSERT:
            parts.append(f"<ins>{text}</ins>")
        elif seg.op is Op.DELETE:
            parts.append(f"<del>{text}</del>")
        else:
            parts.append(text)
    classes = f"block {record.op.value}" + (" folded" if record.folded else "")
    return f'<div class="{classes}"><div class="label">{_e(label)}</div>{"".join(parts)}</div>'


def render_report(comparison: Comparison, *, include_equal: bool = True) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    a, b = comparison.a_meta, comparison.b_meta
    title = b.title or a.title or "Comparison"
    stats = comparison.stats
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Changes: {_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Changes: {_e(title)}</h1>",
        *_meta_table(a, b),
        f'<p class="summary">{_e(comparison.summary)}</p>',
        f'<p class="stats">{stats.words_inserted} words inserted, {stats.words_deleted} deleted;'
        f" paragraphs: {stats.paragraphs_changed} changed, {stats.paragraphs_inserted} added,"
        f" {stats.paragraphs_deleted} removed, {stats.paragraphs_moved} moved;"
        f" similarity {stats.similarity:.0%}.</p>",
    ]
    body += [_block(r) for r in comparison.blocks if include_equal or r.changed]
    body.append("</body></html>")
    return "\n".join(body) + "\n"


def report_file_name(comparison: Comparison) -> str:
    """A file name for the report: the title, without characters file systems refuse."""
    title = comparison.b_meta.title or comparison.a_meta.title or "comparison"
    cleaned = " ".join("".join(c if c.isalnum() or c in " -_,.'" else " " for c in title).split())[:80]
    return f"{cleaned or 'comparison'} - changes.html"
