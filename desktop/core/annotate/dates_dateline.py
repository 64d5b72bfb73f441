"""Recognising a publication dateline: a short line that is nothing but a full date."""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate import dates_european
from desktop.core.annotate.dates_lexicon import (
    MONTH_RE,
    WEEKDAY_ABBR_RE,
    WEEKDAY_FULL_RE,
    month_number,
)

# A dateline is short; anything longer is a sentence that happens to hold a date.
_MAX_LINE = 120

_PREFIX = (
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated|created)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*)?"
)
_WEEKDAY = rf"(?:(?:{WEEKDAY_FULL_RE}|{WEEKDAY_ABBR_RE})\s*,?\s*)?"
_TIME = (
    r"(?:\s*(?:,|\||·|•|-|–|—|at|T)?\s*"
    r"\d{1,2}(?:[:.]\d{2})(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|\(?[A-Z]{2,5}\)?(?:[+-]\d{1,2}(?::?\d{2})?)?))?"
    r"|\s*(?:,|\||at)?\s*\d{1,2}\s*[ap]\.?\s?m\.?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_MONTH = rf"(?P<month>{MONTH_RE})"

_FORMS: Final[tuple[str, ...]] = (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
    r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})",
)

_DATELINE_RES: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(
        rf"^\s*{_PREFIX}{_WEEKDAY}(?:{form}){_TIME}\s*\.?\s*$",
        re.IGNORECASE,
    )
    for form in _FORMS
)


def parse_dateline(line: str) -> datetime.date | None:
    """A date when the whole short line is a publication dateline of full-day precision.

    Accepts "January 15, 2026", "Jan. 15, 2026 10:30 AM", "Published: 15 January 2026",
    "Updated 2026-01-15 14:02 GMT" and "Thursday, January 15, 2026" (and the European
    forms of `dates_european.parse_dateline`: "15 января 2026", "15.01.2026"); anything else,
    including a sentence that merely contains a date, gives None.
    """
    if len(line) > _MAX_LINE:
        return None
    for pattern in _DATELINE_RES:
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else month_number(groups["month"] or "")
        if month is None:
            return None
        try:
            return datetime.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
    return dates_european.parse_dateline(line)
