"""Dropped and pasted data: files, HTML, a URL (stored, never fetched), plain text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl

from desktop.ui.mime_import import MimeImport, is_url, mime_import


def mime(**parts: object) -> QMimeData:
    data = QMimeData()
    if "urls" in parts:
        data.setUrls([QUrl(u) for u in parts["urls"]])  # type: ignore[union-attr]
    if "html" in parts:
        data.setHtml(str(parts["html"]))
    if "text" in parts:
        data.setText(str(parts["text"]))
    return data


def test_kinds() -> None:
    assert mime_import(mime(urls=["file:///tmp/a.txt"])) == MimeImport(paths=("/tmp/a.txt",))
    assert mime_import(mime(html="<p>Hi</p>", urls=["https://news.example/a"])) == MimeImport(
        text="<p>Hi</p>", source_url="https://news.example/a")
    assert mime_import(mime(urls=["https://news.example/a"])) == MimeImport(
        text="https://news.example/a", source_url="https://news.example/a")
    assert mime_import(mime(text="  https://x.example/b  ")) == MimeImport(
        text="https://x.example/b", source_url="https://x.example/b")
    assert mime_import(mime(text="Just words.")) == MimeImport(text="Just words.")
    assert mime_import(mime(text="   ")) is None
    assert mime_import(None) is None


def test_is_url() -> None:
    assert is_url("https://a.example/x") and not is_url("https://a.example/x and more")
    assert not is_url("ftp://a.example/x")
