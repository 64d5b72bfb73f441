"""Rules for holidays: fixed feasts, the US holidays counted by weekday, and Easter's cycle."""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate.dates_calendar import safe_date, week_value
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci, is_capitalised

_FIXED: Final[dict[str, tuple[int, int]]] = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "bastille day": (7, 14),
}
# Days of Easter's cycle, counted from Easter Sunday.
_EASTER_OFFSETS: Final[dict[str, int]] = {
    "easter": 0,
    "easter sunday": 0,
    "easter monday": 1,
    "good friday": -2,
    "palm sunday": -7,
    "ash wednesday": -46,
}
# Weeks named after Easter: the (ISO, Monday-to-Sunday) week that ends on Easter Sunday.
_EASTER_WEEKS: Final = frozenset({"easter week", "holy week"})


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date | None:
    """The n-th (1-based; -1 for last) ``weekday`` of a month."""
    if n > 0:
        first = safe_date(year, month, 1)
        if first is None:
            return None
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = safe_date(year + month // 12, month % 12 + 1, 1)
    if last is None:
        return None
    last -= datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def easter_sunday(year: int) -> datetime.date | None:
    """Western (Gregorian) Easter Sunday of ``year``, by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return safe_date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _holiday_span(name: str, year: int) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of a holiday in ``year`` (one day, or Easter's week)."""
    day: datetime.date | None = None
    if name in _FIXED:
        day = safe_date(year, *_FIXED[name])
    elif name in ("thanksgiving", "thanksgiving day"):
        day = _nth_weekday(year, 11, 3, 4)
    elif name == "labor day":
        day = _nth_weekday(year, 9, 0, 1)
    elif name == "memorial day":
        day = _nth_weekday(year, 5, 0, -1)
    elif name == "election day":
        first_monday = _nth_weekday(year, 11, 0, 1)
        day = first_monday + datetime.timedelta(days=1) if first_monday else None
    elif name in _EASTER_OFFSETS or name in _EASTER_WEEKS:
        easter = easter_sunday(year)
        if easter is not None and name in _EASTER_WEEKS:
            return easter - datetime.timedelta(days=6), easter
        day = easter + datetime.timedelta(days=_EASTER_OFFSETS[name]) if easter else None
    return (day, day) if day else None


def _holiday_value(name: str, year: int) -> str | None:
    span = _holiday_span(name, year)
    if span is None:
        return None
    return week_value(span[1]) if name in _EASTER_WEEKS else span[0].isoformat()


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = re.sub(r"\s+", " ", m.group("name").lower()).replace("’", "'")
    if not is_capitalised(m.group("name")):
        return None
    if name == "easter" and re.match(r"[ \t]+[A-Z]", ctx.text[m.end() : m.end() + 3]):
        # "Easter Island", "the Easter Rising": a capitalised word after makes it a name.
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.dct is None:
        return Found(None, "date")
    else:
        rel = (m.group("rel") or "").lower()
        span = _holiday_span(name, ctx.dct.year)
        if span is None:
            return Found(None, "date")
        tense = ctx.tense(m.start(), m.end())
        year = ctx.dct.year
        # A past holiday must have begun by the DCT, a coming one not yet be over.
        if (rel == "last" or (not rel and tense == "past")) and span[0] > ctx.dct:
            year -= 1
        elif (rel == "next" or (not rel and tense == "future")) and span[1] < ctx.dct:
            year += 1
    return Found(_holiday_value(name, year), "date")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "holiday",
        compile_ci(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<name>Christmas(?:\s+(?:Eve|Day))?|"
            r"New\s+Year['’]s\s+(?:Eve|Day)|Independence\s+Day|Halloween|Valentine['’]s\s+Day|"
            r"Bastille\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
            r"Easter(?:\s+(?:Sunday|Monday|week))?|Good\s+Friday|Palm\s+Sunday|Ash\s+Wednesday|"
            r"Holy\s+week)"
            r"(?:\s*,?\s*(?P<year>\d{4})(?!\d))?"
        ),
        _holiday,
        3,
    ),
)
