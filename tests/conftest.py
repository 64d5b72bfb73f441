"""Test set-up: offscreen Qt, and a throw-away configuration and library for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PLAIN_SEED, MARKDOWN_SEED = SEEDS


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's real settings or library."""
    scratch = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PALIMPSEST_CONFIG_DIR", str(scratch / "config"))
    monkeypatch.setenv("PALIMPSEST_LIBRARY", str(scratch / "library"))


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """An empty library folder."""
    path = tmp_path / "library"
    path.mkdir()
    return path
