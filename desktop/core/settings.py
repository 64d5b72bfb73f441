"""Where Palimpsest keeps things, and the declared schema of its settings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from desktop import APP_NAME

LIBRARY_ENV = "PALIMPSEST_LIBRARY"
CONFIG_ENV = "PALIMPSEST_CONFIG_DIR"


def default_library_dir() -> Path:
    """`$PALIMPSEST_LIBRARY`, else the user data folder platformdirs names."""
    override = os.environ.get(LIBRARY_ENV)
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """`$PALIMPSEST_CONFIG_DIR`, else the user config folder platformdirs names."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    """The INI file the window's settings live in."""
    return config_dir() / "palimpsest.ini"


@dataclass(frozen=True, slots=True)
class Setting:
    """One declared setting: its key, value type and default."""

    key: str
    type: type
    default: Any


#: Every setting the app stores. The UI reads and writes only these keys.
SCHEMA = {
    s.key: s
    for s in (
        Setting("window/geometry", bytes, b""),
        Setting("window/state", bytes, b""),
        Setting("window/splitter", bytes, b""),
        Setting("window/compare_splitter", bytes, b""),
        # Files over this size are refused rather than read (a 1 GB log is not an article).
        Setting("files/max_megabytes", int, 50),
        Setting("appearance/theme", str, "system"),  # "system", "light" or "dark"
        Setting("reader/font_family", str, ""),  # "" is the system's font
        Setting("reader/font_size", int, 0),  # points; 0 is the system's size
        Setting("compare/ignore_whitespace", bool, True),
        Setting("compare/ignore_markup", bool, True),
        Setting("compare/ignore_quote_style", bool, True),
        Setting("compare/ignore_punctuation", bool, False),
        Setting("compare/ignore_case", bool, False),
        Setting("compare/hide_boilerplate", bool, False),
        Setting("library/location", str, ""),  # "" is the default; takes effect on the next start
        Setting("reader/show_quotes", bool, True),
        Setting("reader/show_dates", bool, True),
        Setting("window/reader_splitter", bytes, b""),
        # Article ids selected at the last close, comma-separated: reopened on start.
        Setting("session/selection", str, ""),
        # Files and folders opened lately, newest first, one per line.
        Setting("session/recent", str, ""),
    )
}
