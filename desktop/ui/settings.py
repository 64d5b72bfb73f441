"""Typed reads of the declared settings (desktop.core.settings.SCHEMA) from QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from desktop.core.settings import SCHEMA


def setting_value(settings: QSettings, key: str) -> Any:
    """The value stored under `key`, converted to its declared type, or its default."""
    declared = SCHEMA[key]
    value = settings.value(key, declared.default)
    if declared.type is bytes:
        return value
    if declared.type is bool and isinstance(value, str):  # INI files store "true"/"false"
        return value.lower() in ("true", "1", "yes")
    try:
        return declared.type(value)
    except (TypeError, ValueError):
        return declared.default
