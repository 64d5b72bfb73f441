"""Resolving mentions told relative to an earlier one: "that year", "the previous Friday", "10 p.m.".

News narrates: once a story has moved to "Oct. 23, 1998", "that day" and "the following
year" count from there, not from the publication date. Each such mention carries an
anchor (unit, step); it takes the latest earlier mention whose value is precise enough.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Final

from desktop.core.annotate.dates_calendar import (
    add_months,
    month_value,
    shift_days,
    weekday_after,
    weekday_before,
)

_DAY_RE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE: Final = re.compile(r"^(\d{4})-(\d{2})(?!\d)")
_YEAR_RE: Final = re.compile(r"^(\d{4})(?![\d])")
_QUARTER_RE: Final = re.compile(r"^\d{4}-Q[1-4]$")
# A clock time looks back this far for the day it belongs to; further off, it is the DCT's.
# "Until then" looks no further back either: a date far before is no longer in mind.
_TIME_REACH = 250


def _as_day(value: str) -> datetime.date | None:
    found = _DAY_RE.match(value)
    if not found:
        return None
    try:
        return datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _resolve(unit: str, step: int, previous: str) -> str | None:
    """The value ``step`` units from the anchor value ``previous``, or None if too coarse."""
    if unit == "same":
        # "until then": the very date named before, whatever its precision.
        return previous
    if unit in ("day", "time"):
        day = _as_day(previous)
        if day is None:
            return None
        moved = shift_days(day, step) if unit == "day" else day
        return moved.isoformat() if moved else None
    if unit in ("weekday-before", "weekday-after"):
        # "the previous Friday": ``step`` is the weekday, looked for before or after the anchor.
        day = _as_day(previous)
        if day is None:
            return None
        try:
            if unit == "weekday-before":
                return weekday_before(day, step, strict=True).isoformat()
            return weekday_after(day, step, strict=True).isoformat()
        except OverflowError:
            return None
    if unit == "month":
        found = _MONTH_RE.match(previous)
        if not found:
            return None
        return month_value(*add_months(int(found[1]), int(found[2]), step))
    if unit == "quarter":
        found_quarter = _QUARTER_RE.match(previous)
        return found_quarter.group() if found_quarter else None
    found_year = _YEAR_RE.match(previous)
    if unit == "year" and found_year:
        return f"{int(found_year[1]) + step:04d}"
    return None


def resolve_anchors(
    spans: Sequence[tuple[int, int, str | None, tuple[str, int] | None]],
    dct_value: str | None,
) -> list[str | None]:
    """Values for mentions in text order, anchored ones resolved against earlier mentions.

    ``spans`` holds (start, end, value, anchor) sorted by start. A clock time's anchor is
    ("time", minutes) and its value a "THH:MM" suffix; a time far from any dated
    mention falls back to the DCT, as does nothing else.
    """
    values: list[str | None] = []
    history: list[tuple[int, str]] = []  # (end, value) of mentions with a calendar value
    for start, end, value, anchor in spans:
        if anchor is None:
            values.append(value)
            if value and value[:1].isdigit():
                history.append((end, value))
            continue
        unit, step = anchor
        resolved: str | None = None
        for previous_end, previous in reversed(history):
            if unit in ("time", "same") and start - previous_end > _TIME_REACH:
                break
            resolved = _resolve(unit, step, previous)
            if resolved is not None:
                break
        if unit == "time":
            base = resolved or (dct_value if dct_value else "XXXX-XX-XX")
            resolved = f"{base}{value}" if value is not None else None
        values.append(resolved)
        if resolved:
            history.append((end, resolved))
    return values
