"""Fixtures of the library tests: an open library in a temporary folder, generated articles."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library import Library, open_library

#: Made-up words, so generated articles share no vocabulary by accident.
SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "pel", "dor", "sun", "bri", "gal", "nev", "ti", "ro",
             "zan", "ful", "qui", "mes", "ark", "ped")
COMMON = ("the", "of", "and", "to", "in", "a", "said", "that", "on", "was", "for", "with")


def prose(rng: random.Random, paragraphs: int, words: int = 60) -> list[str]:
    """Paragraphs of generated prose: made-up words mixed with common English ones."""
    out = []
    for _ in range(paragraphs):
        text = " ".join(
            rng.choice(COMMON) if rng.random() < 0.3
            else "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
            for _ in range(words)
        )
        out.append(text.capitalize() + ".")
    return out


@pytest.fixture
def library(library_dir: Path) -> Iterator[Library]:
    """An open, empty library."""
    with open_library(library_dir) as opened:
        yield opened


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write `text` to `folder/name` and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
