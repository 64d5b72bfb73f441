"""Words for a reader: what a normalised date value means ("Thu 15 Jan 2026")."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_PARTS = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night"}
_REFS = {
    "PAST_REF": "some time in the past",
    "PRESENT_REF": "now",
    "FUTURE_REF": "some time to come",
}


def describe_value(value: str | None) -> str:
    """A short phrase for a TIMEX3-style `value`; "unknown" when there is none."""
    if not value:
        return "date unknown"
    if value in _REFS:
        return _REFS[value]
    match = _DAY.match(value)
    if match:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return value
        text = f"{day:%a} {day.day} {day:%b %Y}"
        if match[4]:
            text += f", {match[4]}:{match[5]}"
        for code, part in _PARTS.items():
            if value.endswith(code):
                text += f" ({part})"
        return text
    match = _MONTH.match(value)
    if match and 1 <= int(match[2]) <= 12:
        return f"{dt.date(2000, int(match[2]), 1):%B} {match[1]}"
    match = _WEEK.match(value)
    if match:
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return value
        return f"week of Mon {monday.day} {monday:%b %Y}"
    match = _QUARTER.match(value)
    if match:
        return f"Q{match[2]} {match[1]}"
    if _YEAR.match(value):
        return value
    if _DECADE.match(value):
        return f"the {value}0s"
    return value
