"""Calendar arithmetic and TIMEX3 value formatting for the date finder."""

from __future__ import annotations

import datetime
from typing import Final

SEASONS: Final[dict[str, str]] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
}


def day_value(day: datetime.date) -> str:
    """ "2026-01-15"."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """ "2026-01"."""
    return f"{year:04d}-{month:02d}"


def week_value(day: datetime.date) -> str:
    """The ISO week holding ``day``, as "2026-W03"."""
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def quarter_of(day: datetime.date) -> int:
    """The calendar quarter (1-4) holding ``day``."""
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    """(year, quarter) moved by ``delta`` quarters."""
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when it does not exist (February 30) or is out of range."""
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_days(day: datetime.date, days: int) -> datetime.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return None


def weekday_before(dct: datetime.date, weekday: int, *, strict: bool = False) -> datetime.date:
    """The most recent ``weekday`` on or before the DCT (strictly before when ``strict``)."""
    back = (dct.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return dct - datetime.timedelta(days=back)


def weekday_after(dct: datetime.date, weekday: int, *, strict: bool = False) -> datetime.date:
    """The next ``weekday`` on or after the DCT (strictly after when ``strict``)."""
    ahead = (weekday - dct.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return dct + datetime.timedelta(days=ahead)


def nearest_year(dct: datetime.date, month: int, day: int, tense: str) -> int:
    """The year that puts a year-less "Month Day" closest to the DCT.

    A date on the wrong side of the DCT for the clause's tense (after it in a report
    of the past, before it in a plan) counts as twice as far away.
    """
    best_year = dct.year
    best_distance: int | None = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        candidate = safe_date(year, month, min(day, 28) if month == 2 else day)
        if candidate is None:
            continue
        distance = (candidate - dct).days
        if (tense == "past" and distance > 0) or (tense == "future" and distance < 0):
            distance = distance * 2
        if best_distance is None or abs(distance) < best_distance:
            best_year, best_distance = year, abs(distance)
    return best_year
