"""Palimpsest: keep, read and compare versions of news articles."""

__version__ = "0.1.0"
APP_NAME = "Palimpsest"
