"""Plain text: one paragraph per line, or blank-line paragraphs with hard wraps undone."""

from __future__ import annotations

from desktop.core.article import BlockKind
from desktop.core.loaders.text import blocks_from_text


def test_one_paragraph_per_line() -> None:
    text = "First paragraph is long enough to be a paragraph of its own here.\nShort.\nThird one."
    assert [b.text for b in blocks_from_text(text)] == text.split("\n")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("This paragraph was wrapped by an editor at a fixed\n"
            "width so every line but the last is about as long\n"
            "as the others.\n\nSecond paragraph.")
    blocks = blocks_from_text(text)
    assert [b.text for b in blocks] == [
        "This paragraph was wrapped by an editor at a fixed width so every line but the last "
        "is about as long as the others.",
        "Second paragraph.",
    ]


def test_windows_and_old_mac_line_endings() -> None:
    assert [b.text for b in blocks_from_text("One.\r\n\r\nTwo.\rThree.")] == ["One.", "Two.", "Three."]


def test_bullets_become_list_items() -> None:
    blocks = blocks_from_text("Intro line that says what follows:\n- first\n- second")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert blocks[1].text == "first"
