"""What dropped or pasted data asks to import: files and folders, or a text with its URL."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData


@dataclass(frozen=True, slots=True)
class MimeImport:
    """Local paths to import, or one text (HTML, plain text or a bare URL) and the URL it came from."""

    paths: tuple[str, ...] = ()
    text: str | None = None
    source_url: str | None = None


def is_url(text: str) -> bool:
    """Whether `text` is one web address and nothing else."""
    return text.startswith(("http://", "https://")) and len(text.split()) == 1


def mime_import(mime: QMimeData | None) -> MimeImport | None:
    """The import that `mime` (a drop or the clipboard) stands for; None if it holds nothing usable.

    A URL is stored as text with that URL: nothing is ever fetched.
    """
    if mime is None:
        return None
    local = tuple(u.toLocalFile() for u in mime.urls() if u.isLocalFile())
    remote = [u.toString() for u in mime.urls() if not u.isLocalFile() and u.scheme() in ("http", "https")]
    if local:
        return MimeImport(paths=local)
    if mime.hasHtml() and mime.html().strip():
        return MimeImport(text=mime.html(), source_url=remote[0] if remote else None)
    if remote:
        return MimeImport(text=remote[0], source_url=remote[0])
    text = mime.text().strip() if mime.hasText() else ""
    if text:
        return MimeImport(text=text, source_url=text if is_url(text) else None)
    return None
