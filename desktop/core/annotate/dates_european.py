"""Dates written in other European languages of the news: "15 января 2026 года",
"15. Januar 2026", "1er janvier 2026", "15 de enero de 2026", "3 maggio", "janvier 2026".

Only written-out calendar dates: relative expressions and weekdays are English-only.
German capitalises its months, the others do not: a capitalised "Mars" after a
number is the planet, not March.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate.dates_absolute import calendar_day
from desktop.core.annotate.dates_calendar import month_value, safe_date
from desktop.core.annotate.dates_lexicon import alternation
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci

_NAMES: Final[dict[str, tuple[str, ...]]] = {
    # Russian: genitive (after a day), nominative and prepositional (with a year).
    "ru": ("января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
           "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
           "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"),
    "de": ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
           "Jänner Feb. Mär. Apr. Jun. Jul. Aug. Sep. Okt. Nov. Dez."),
    "fr": ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre",),
    "es": ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",),
    "it": ("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",),
    "pt": ("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",),
}
_GERMAN_SHORT: Final = {"Jänner": 1, "Feb.": 2, "Mär.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8,
                        "Sep.": 9, "Okt.": 10, "Nov.": 11, "Dez.": 12}


def _lexicon() -> dict[str, tuple[int, frozenset[bool]]]:
    """Month word (lower case) → its month, and whether it is capitalised (German "Mai")
    or not (French "mai") in the languages that have it."""
    found: dict[str, tuple[int, frozenset[bool]]] = {}
    for language, rows in _NAMES.items():
        for row in rows:
            for number, word in enumerate(row.split(), start=1):
                month, cases = _GERMAN_SHORT.get(word, number), found.get(word.lower(), (0, frozenset()))[1]
                found[word.lower()] = (month, cases | {language == "de"})
    return found


_MONTHS: Final = _lexicon()
_MONTH_RE: Final = alternation([re.escape(word) for word in _MONTHS])
_DAY: Final = r"(?P<day>[0-3]?\d)(?:er|\.)?"  # "1er" (French), "15." (German)
_OF: Final = r"(?:\s+(?:de|del))?"  # "15 de enero de 2026", "3 del 2026"
_YEAR: Final = r"(?P<year>\d{4})(?!\d)(?:\s*(?:года|г\.))?"  # "2026 года", "2026 г."


def _month(word: str) -> int | None:
    """The month `word` names, written as its language writes month names."""
    month, cases = _MONTHS.get(word.lower(), (0, frozenset()))
    return month if word[0].isupper() in cases else None


def _day_month(m: re.Match[str], ctx: Context) -> Found | None:
    month = _month(m.group("month"))
    return None if month is None else calendar_day(m, ctx, month, int(m.group("day")))


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month = _month(m.group("month"))
    return None if month is None else Found(month_value(int(m.group("year")), month), "date")


RULES: Final[tuple[Rule, ...]] = (
    Rule("day-month-european",
         compile_ci(rf"(?<![\d.,]){_DAY}{_OF}\s+(?P<month>{_MONTH_RE})(?!\w)(?:{_OF}\s+{_YEAR})?"),
         _day_month, 1),
    Rule("month-year-european", compile_ci(rf"(?P<month>{_MONTH_RE})(?!\w){_OF}\s+{_YEAR}"), _month_year, 2),
)


# A line that is nothing but such a date (and maybe a time): a publication dateline;
# "15.01.2026" too, the way Russian and German sites write them.
_TIME: Final = r"(?:\s*,?\s*(?:в|um|à|a\s+las|alle|às)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?)?"
_DATELINES: Final = (
    re.compile(rf"^\s*{_DAY}{_OF}\s+(?P<month>{_MONTH_RE}){_OF}\s+{_YEAR}{_TIME}\s*\.?\s*$", re.IGNORECASE),
    re.compile(rf"^\s*(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>\d{{4}}){_TIME}\s*$"),
)


def parse_dateline(line: str) -> datetime.date | None:
    """The date of a line that is only a date written as these languages write it, else None."""
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match is None:
            continue
        month = int(match.group("mnum")) if "mnum" in match.groupdict() else _month(match.group("month"))
        return safe_date(int(match.group("year")), month, int(match.group("day"))) if month else None
    return None
