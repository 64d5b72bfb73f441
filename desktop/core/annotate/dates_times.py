"""Rules for clock times ("8 p.m.", "noon Thursday") and vague references ("now", "the past")."""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate.dates_calendar import PARTS_OF_DAY, nearest_year, safe_date, shift_days
from desktop.core.annotate.dates_lexicon import (
    MONTH_RE,
    WEEKDAY_FULL_RE,
    month_number,
    weekday_number,
)
from desktop.core.annotate.dates_relative import weekday_date
from desktop.core.annotate.dates_rules import (
    Context,
    Found,
    Rule,
    capitalised_mid_sentence,
    compile_ci,
    is_capitalised,
)

_ZONE = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|MSK|JST)\b)?"
_CLOCK = (
    r"(?:(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:GMT|UTC|[ECMP][SD]?T|hours|h\b|local))"
    r"|(?P<word>noon|midnight|midday)"
    r"|(?P<hoc>\d{1,2})\s+o['’]clock"
    r"|(?P<hin>\d{1,2})\s+in\s+the\s+(?P<inpod>morning|afternoon|evening))"
)
_TRAIL = (
    rf"(?:\s*,?\s+(?:on\s+)?(?P<wd>{WEEKDAY_FULL_RE})\b"
    r"|\s+(?P<rel>today|yesterday|tomorrow|tonight)\b"
    rf"|\s*,?\s+(?P<month>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?!\d))?"
)
_ANCHOR_BEFORE: Final = re.compile(
    rf"\b(?P<wd>{WEEKDAY_FULL_RE})|\b(?P<rel>today|yesterday|tomorrow|tonight)",
    re.IGNORECASE,
)


def _hour_minute(m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("h"):
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        if not 1 <= hour <= 12:
            return None
        pm = m.group("ap").lower().startswith("p")
        return (hour % 12) + (12 if pm else 0), minute
    if m.group("h24"):
        return int(m.group("h24")), int(m.group("mi24"))
    if m.group("word"):
        return (24, 0) if m.group("word").lower() == "midnight" else (12, 0)
    if m.group("hoc"):
        hour = int(m.group("hoc"))
        return (hour, 0) if 1 <= hour <= 12 else None
    hour = int(m.group("hin"))
    if not 1 <= hour <= 12:
        return None
    return (hour % 12) + (12 if m.group("inpod").lower() != "morning" else 0), 0


# "10:35 a.m. (0735 GMT) Friday": the day follows a parenthesis the span leaves out.
_WEEKDAY_AFTER_ASIDE: Final = re.compile(
    rf"\s*\([^()\n]{{1,25}}\)\s*,?\s+(?:on\s+)?(?P<wd>{WEEKDAY_FULL_RE})\b",
    re.IGNORECASE,
)


def _weekday_after_aside(m: re.Match[str], ctx: Context) -> str | None:
    """A capitalised weekday straight after a parenthesis that follows the time."""
    found = _WEEKDAY_AFTER_ASIDE.match(ctx.text, m.end())
    return found.group("wd") if found and is_capitalised(found.group("wd")) else None


def _anchor_before(m: re.Match[str], ctx: Context) -> bool:
    """True when a weekday or "yesterday" just before the time names its day."""
    window = ctx.text[max(0, m.start() - 30) : m.start()]
    return any(
        found.group("rel") or is_capitalised(found.group("wd") or "")
        for found in _ANCHOR_BEFORE.finditer(window)
    )


def _anchor_day(m: re.Match[str], ctx: Context) -> datetime.date | None:
    """The day a time is on: a day named with it, one just before it, or the DCT."""
    if ctx.dct is None:
        return None
    wd, rel = m.group("wd"), m.group("rel")
    if wd is None and rel is None and not m.group("month"):
        wd = _weekday_after_aside(m, ctx)
    if wd is None and rel is None and m.group("month"):
        month = month_number(m.group("month"))
        if month is not None:
            day = int(m.group("day"))
            year = nearest_year(ctx.dct, month, day, ctx.tense(m.start(), m.end()))
            return safe_date(year, month, day)
    if wd is None and rel is None:
        window = ctx.text[max(0, m.start() - 30) : m.start()]
        last = None
        for found in _ANCHOR_BEFORE.finditer(window):
            last = found
        if last is not None:
            wd, rel = last.group("wd"), last.group("rel")
    if wd is not None and is_capitalised(wd):
        weekday = weekday_number(wd)
        if weekday is not None:
            return weekday_date(ctx, weekday, "", m.start(), m.end())
    if rel is not None:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[rel.lower()]
        return shift_days(ctx.dct, offset)
    return ctx.dct


def _time(m: re.Match[str], ctx: Context) -> Found | None:
    clock = _hour_minute(m)
    if clock is None:
        return None
    if m.group("word") and re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None
    if m.group("wd") and not is_capitalised(m.group("wd")):
        return None
    suffix = f"T{clock[0]:02d}:{clock[1]:02d}"
    named = m.group("wd") or m.group("rel") or m.group("month") or _weekday_after_aside(m, ctx)
    if not named and not _anchor_before(m, ctx):
        # No day named with it: the day the story was last at, found once all are known.
        return Found(suffix, "time", anchor=("time", 0))
    day = _anchor_day(m, ctx)
    if day is None:
        return Found(f"XXXX-XX-XX{suffix}", "time")
    return Found(f"{day.isoformat()}{suffix}", "time")


def _mid_part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    # Like a clock time, "by mid-afternoon" belongs to the day the story is at.
    return Found(f"T{PARTS_OF_DAY[m.group('pod').lower()]}", "time", anchor=("time", 0))


def _in_the_part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    pod = m.group("pod").lower()
    start = m.start("span")
    if pod == "day":
        # Only "later in the day" and "earlier in the day" name the day the story is at;
        # "in the day" alone is as often "by day" as a date.
        if not m.group().lower().startswith(("early", "late")):
            return None
        return Found("", "relative", start, m.end(), anchor=("time", 0))
    return Found(f"T{PARTS_OF_DAY[pod]}", "time", start, m.end(), anchor=("time", 0))


_VAGUE: Final[dict[str, str]] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


def _vague(m: re.Match[str], ctx: Context) -> Found | None:
    if capitalised_mid_sentence(ctx.text, m.start()):
        return None  # "Apocalypse Now" is a title
    phrase = re.sub(r"\s+", " ", m.group("phrase").lower())
    if phrase == "now" and ctx.text[m.start()].isupper() and ctx.text[m.end() : m.end() + 1] == ",":
        # "Now, he says, ..." opens a turn in the argument, not a time.
        return None
    if phrase.startswith("the") and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the future of Europe" is a topic, not a time
    if phrase in _VAGUE:
        if phrase == "current" and re.match(
            r"\s+(?:account|affairs|events|and\s+former|or\s+former|flows?)\b",
            ctx.text[m.end() : m.end() + 20],
            re.IGNORECASE,
        ):
            return None
        return Found(_VAGUE[phrase], "vague")
    if "future" in phrase or "coming" in phrase or "next" in phrase:
        return Found("FUTURE_REF", "vague")
    return Found("PAST_REF", "vague")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "time",
        compile_ci(rf"(?:around\s+)?{_CLOCK}{_ZONE}{_TRAIL}"),
        _time,
        1,
    ),
    Rule("mid-part-of-day", compile_ci(r"mid-?\s?(?P<pod>morning|afternoon)(?![\w-])"), _mid_part_of_day, 3),
    Rule(
        "in-the-part-of-day",
        compile_ci(
            r"(?:(?:early|late|earlier|later)\s+)?in\s+(?P<span>the\s+(?P<pod>morning|afternoon|evening|day))(?![\w-])"
        ),
        _in_the_part_of_day,
        4,
    ),
    Rule(
        "vague",
        compile_ci(
            r"(?P<phrase>now|currently|current|nowadays|these\s+days|(?:more\s+)?"
            r"recently|the\s+past|the\s+(?:near\s+|distant\s+)?future|"
            r"recent\s+(?:days|weeks|months|years|decades)|"
            r"(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|"
            r"the\s+(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|years|decades))"
            r"(?![\w-])"
        ),
        _vague,
        6,
    ),
)
