"""Rules for a year's reporting periods: quarters, halves and "the year-ago period"."""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate.dates_calendar import add_months, add_quarters, quarter_of, safe_date
from desktop.core.annotate.dates_lexicon import MONTH_RE, month_number
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci, is_capitalised

_ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 2,
    "latter": 2,
}
_ORDINAL_RE = "first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter"
_QUARTER_MODS = (
    r"(?P<mods>(?:(?:this\s+year's|next\s+year's|last\s+year's|year-ago|year-earlier|"
    r"year\s+ago|latest|current|comparable|same|fiscal|flat|\d{4}|calendar)[\s-]+){0,4})"
)
_OF_YEAR = (
    r"(?:\s+of\s+(?:fiscal\s+|the\s+)?(?:(?P<ofyear>\d{4})(?!\d)|(?P<ofrel>this|last|next)\s+year"
    r"|(?P<ofthe>the)\s+(?:fiscal\s+)?year|fiscal\s+(?P<ofyear2>\d{4})))?"
)


# A game's quarters and halves are not the calendar's: "scored in the third quarter".
_SPORTS_RE: Final = re.compile(
    r"\b(?:scor(?:ed|es|ing)|touchdowns?|field\s+goals?|baskets?|free\s+throws?|overtime|"
    r"halftime|half-time|quarterback|innings?|game|match|seconds\s+left|lead\s+\d)\b",
    re.IGNORECASE,
)


def _in_sports(ctx: Context, start: int, end: int) -> bool:
    """True when the text around a quarter or half speaks of a game."""
    return bool(_SPORTS_RE.search(ctx.text, max(0, start - 150), min(len(ctx.text), end + 150)))


def _base_year(mods: str, dct: datetime.date) -> tuple[int, bool]:
    """The year a quarter's modifiers name, and whether they named one."""
    found = re.search(r"\d{4}", mods)
    if found:
        return int(found.group()), True
    if re.search(r"year-ago|year-earlier|year\s+ago|last\s+year's", mods, re.I):
        return dct.year - 1, True
    if re.search(r"next\s+year's", mods, re.I):
        return dct.year + 1, True
    if re.search(r"this\s+year's", mods, re.I):
        return dct.year, True
    return dct.year, False


def _of_year(m: re.Match[str], dct: datetime.date | None) -> int | None:
    if m.group("ofyear") or m.group("ofyear2"):
        return int(m.group("ofyear") or m.group("ofyear2"))
    if dct is not None and m.group("ofrel"):
        return dct.year + {"this": 0, "last": -1, "next": 1}[m.group("ofrel").lower()]
    if dct is not None and m.group("ofthe"):
        return dct.year
    return None


# "the second quarter ended Oct. 31": the closing day that pins a reporting period down.
_ENDED_ON: Final = re.compile(
    rf"\s*,?\s+(?:ended|ending)\s+(?P<month>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?!\d)(?:\s*,\s*(?P<year>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)


def _ended_on(ctx: Context, pos: int) -> datetime.date | None:
    """The closing day of a period whose mention ends at ``pos``, when one follows it."""
    found = _ENDED_ON.match(ctx.text, pos)
    if found is None or not is_capitalised(found["month"]):
        return None
    month = month_number(found["month"])
    if month is None:
        return None
    day = int(found["day"])
    if found["year"]:
        return safe_date(int(found["year"]), month, day)
    if ctx.dct is None:
        return None
    # As with the date itself: a period that has ended closed on or before the DCT.
    closing = safe_date(ctx.dct.year, month, day)
    if closing is not None and closing > ctx.dct:
        closing = safe_date(ctx.dct.year - 1, month, day)
    return closing


# The head of an apposition told a year back: "In the comparable year-ago quarter, ...".
_YEAR_AGO_HEAD: Final = re.compile(
    r"\b(?:year-ago|year-earlier|year\s+ago|prior-year|year-before)\s+quarter\s*,\s*$", re.IGNORECASE
)


def _latest_year(dct: datetime.date, quarter: int) -> int:
    """The year of the latest quarter numbered ``quarter`` that has begun by the DCT."""
    return dct.year if quarter <= quarter_of(dct) else dct.year - 1


def _calendar_quarter_ending(closing: datetime.date) -> tuple[int, int]:
    """The calendar quarter most of the three months up to ``closing`` fall in.

    A company's quarter ended July 31 runs May to July: mostly the second calendar quarter.
    """
    year, month = add_months(closing.year, closing.month, -1)
    return year, (month - 1) // 3 + 1


def _ordinal_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    n = _ORDINALS[m.group("ord").lower()]
    unit = m.group("unit").lower()
    if unit == "quarter" and m.group("ord").lower() in ("last", "latter"):
        # "last quarter" is the one before the DCT's, which the bare-quarter rule reads.
        return None
    # "the third-quarter profit": the article belongs to the noun, not to the date.
    start = m.start("mods") if "-" in m.group("sep") and not m.group("ofyear") else m.start()
    year = _of_year(m, ctx.dct)
    if (
        year is None
        and not re.search(r"\d{4}", m.group("mods") or "")
        and _in_sports(ctx, m.start(), m.end())
    ):
        return None
    if unit == "half" and year is None and not re.search(r"\d{4}|year", m.group("mods") or ""):
        # "the first half" alone is as often a match's as a year's.
        return None
    closing = _ended_on(ctx, m.end()) if unit == "quarter" else None
    if year is None and ctx.dct is not None and _YEAR_AGO_HEAD.search(ctx.text, max(0, start - 40), start):
        # "the year-ago quarter, the second quarter ended ...": the apposition is a year back too.
        year = _latest_year(ctx.dct, n) - 1
    if year is None and closing is not None and not _base_year(m.group("mods") or "", closing)[1]:
        # A fiscal quarter keeps its own number but takes its year from the day it closed.
        year = closing.year
    if year is None:
        mods = m.group("mods") or ""
        if ctx.dct is None:
            found_year = re.search(r"\d{4}", mods)
            if not found_year:
                return Found(None, "date", start, m.end())
            year = int(found_year.group())
        else:
            year, named = _base_year(mods, ctx.dct)
            current = quarter_of(ctx.dct) if unit == "quarter" else (ctx.dct.month + 5) // 6
            if not named and n > current and ctx.tense(m.start(), m.end()) == "past":
                year -= 1
    if unit == "half":
        if n > 2:
            return None
        return Found(f"{year:04d}-H{n}", "date", start, m.end())
    return Found(f"{year:04d}-Q{n}", "date", start, m.end())


def _bare_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    det = m.group("det").lower()
    mods = (m.group("mods") or "").lower()
    if det.endswith("year's") or det.endswith("year’s"):
        det, mods = "the", det + " " + mods
    if det == "that" and not mods:
        # "that quarter" is the one named last, resolved once all mentions are known.
        return Found(None, "date", anchor=("quarter", 0))
    if not re.search(r"\d{4}", mods) and _in_sports(ctx, m.start(), m.end()):
        return None
    if ctx.dct is None:
        return Found(None, "date")
    closing = _ended_on(ctx, m.end())
    if det == "the" and not mods and closing is not None:
        year, quarter = _calendar_quarter_ending(closing)
        return Found(f"{year:04d}-Q{quarter}", "date")
    year, quarter = add_quarters(ctx.dct.year, quarter_of(ctx.dct), -1)
    framed = quarter_context(ctx, m.start()) if det == "this" and not mods else None
    named = named_quarter(ctx, m.start()) if det == "the" and not mods else None
    apposed = _APPOSED_ORDINAL.match(ctx.text, m.end())
    if framed is not None and ctx.tense(m.start(), m.end()) != "future":
        # In an earnings report, "this quarter's loss" is the quarter being reported on.
        year, quarter = framed
    elif named is not None:
        # "Profit rose in the fiscal first quarter ... sales in the quarter": the one just named.
        year, quarter = named
    elif det in ("this", "next") or "current" in mods:
        year, quarter = add_quarters(ctx.dct.year, quarter_of(ctx.dct), det == "next")
    if apposed is not None and mods:
        # "the year-ago quarter, the second quarter ended ...": the apposition names which.
        quarter = _ORDINALS[apposed["ord"].lower()]
        year = _latest_year(ctx.dct, quarter)
    found = re.search(r"\d{4}", mods)
    if found:
        year = int(found.group())
    elif re.search(r"year-ago|year-earlier|year\s+ago|last\s+year's|same", mods):
        year -= 1
    return Found(f"{year:04d}-Q{quarter}", "date")


_QUARTER_ORDINALS: Final = frozenset(o for o in _ORDINALS if o not in ("last", "latter"))
_QUARTER_MENTION: Final = re.compile(
    # "its quarter-century low" names no quarter.
    rf"\b(?:(?P<ord>{_ORDINAL_RE})[\s-]+quarter|(?:the|latest|this|its)\s+quarter|quarterly)(?!\w|-century)",
    re.IGNORECASE,
)
# A report's longer periods: once one is named after the quarter, "a year earlier" and
# "the 1988 period" compare it, not the quarter, with the year before.
_LONGER_PERIOD: Final = re.compile(
    r"\b(?:(?:the|first|latest|past)\s+(?:nine|six|twelve|9|6|12)\s+months|(?:first|second)\s+half"
    r"|(?:nine|six|twelve)\s+months\s+ended"
    r"|(?:fiscal|full|calendar)[\s-]+year|for\s+the\s+year|year\s+ended)\b",
    re.IGNORECASE,
)
# How far back a quarter mention still frames "a year earlier" as that quarter a year before.
_QUARTER_REACH = 800


def quarter_context(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The (year, quarter) an earnings report is about, if a quarter was named shortly before.

    Financial news compares a quarter with "a year earlier": that is the same quarter
    one year back, not the whole previous year.
    """
    if ctx.dct is None:
        return None
    window_start = max(0, pos - _QUARTER_REACH)
    last = None
    for found in _QUARTER_MENTION.finditer(ctx.text, window_start, pos):
        last = found
    if last is None or _LONGER_PERIOD.search(ctx.text, last.end(), pos):
        return None
    if last.group("ord") and last.group("ord").lower() in _QUARTER_ORDINALS:
        n = _ORDINALS[last.group("ord").lower()]
        year = ctx.dct.year if n <= quarter_of(ctx.dct) else ctx.dct.year - 1
        return year, n
    return add_quarters(ctx.dct.year, quarter_of(ctx.dct), -1)


_QUARTER_ORDINAL_RE = "|".join(sorted(_QUARTER_ORDINALS, key=len, reverse=True))
# "the year-ago quarter, the second quarter": an ordinal quarter in apposition.
_APPOSED_ORDINAL: Final = re.compile(
    rf",\s+(?:the\s+|its\s+)?(?:fiscal[\s-]+)?(?P<ord>{_QUARTER_ORDINAL_RE})[\s-]+quarter\b",
    re.IGNORECASE,
)
_ORDINAL_QUARTER_MENTION: Final = re.compile(
    rf"\b(?P<ord>{_QUARTER_ORDINAL_RE})[\s-]+quarter(?!\w|-century)", re.IGNORECASE
)


def named_quarter(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The (year, quarter) of the ordinal quarter named last shortly before ``pos``, if any.

    "The quarter" in an earnings report is the one the report named, fiscal or not.
    """
    if ctx.dct is None:
        return None
    last = None
    for found in _ORDINAL_QUARTER_MENTION.finditer(ctx.text, max(0, pos - _QUARTER_REACH), pos):
        last = found
    if last is None:
        return None
    n = _ORDINALS[last["ord"].lower()]
    closing = _ended_on(ctx, last.end())
    if closing is not None:
        return closing.year, n
    return _latest_year(ctx.dct, n), n


def _year_before(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found(None, "relative")
    framed = quarter_context(ctx, m.start())
    if framed is not None:
        return Found(f"{framed[0] - 1:04d}-Q{framed[1]}", "relative")
    return Found(f"{ctx.dct.year - 1:04d}", "relative")


def _period(m: re.Match[str], ctx: Context) -> Found | None:
    mods = m.group("mods").lower()
    if ctx.dct is None:
        return Found(None, "date")
    framed = quarter_context(ctx, m.start())
    found_year = re.search(r"\d{4}", mods)
    if framed is None:
        if found_year:
            return Found(found_year.group(), "date")
        if _LONGER_PERIOD.search(ctx.text, max(0, m.start() - _QUARTER_REACH), m.start()) and re.search(
            r"year-ago|year-earlier|year\s+ago|comparable|corresponding|prior", mods
        ):
            return Found(f"{ctx.dct.year - 1:04d}", "date")
        if "latest" in mods:
            # With no quarter named nearby, the latest period reported is the quarter just ended.
            year, quarter = add_quarters(ctx.dct.year, quarter_of(ctx.dct), -1)
            return Found(f"{year:04d}-Q{quarter}", "date")
        return Found(None, "date")
    year, quarter = framed
    if found_year:
        year = int(found_year.group())
    elif re.search(r"year-ago|year-earlier|year\s+ago|comparable|corresponding|same|prior", mods):
        year -= 1
    return Found(f"{year:04d}-Q{quarter}", "date")


def _two_quarters(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the first two quarters of 1990" is that year's first half, "the last two" its second."""
    year = _of_year(m, ctx.dct)
    if year is None:
        # Without its year ("in the first two quarters") it is a stretch of a report, not a date.
        return None
    half = 1 if m.group("which").lower() == "first" else 2
    return Found(f"{year:04d}-H{half}", "date", m.start("which"))


def _short_period(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    year_text = (m.group("y1") or m.group("y2")).lstrip("'")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    period = (m.group("p1") or m.group("p2")).upper()
    return Found(f"{year:04d}-{period}", "date")


def _fiscal_short(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    year_text = m.group("fy")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    return Found(f"{year:04d}", "date")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "short-period",
        # Written the way business pages abbreviate: "Q3 2025", "2025 Q3", "H1 2026".
        re.compile(
            r"(?<![\w-])(?:(?P<p1>Q[1-4]|H[12])\s*(?:FY\s*)?(?P<y1>\d{4}|'\d{2})"
            r"|(?P<y2>\d{4})\s*(?P<p2>Q[1-4]|H[12]))(?![\w-])"
        ),
        _short_period,
        2,
    ),
    Rule("fiscal-short", re.compile(r"(?<![\w-])FY\s?'?(?P<fy>\d{4}|\d{2})(?![\w-])"), _fiscal_short, 2),
    Rule("year-before", compile_ci(r"year-(?:earlier|ago)(?=\s)"), _year_before, 4),
    Rule(
        "period",
        compile_ci(
            r"(?:the|its)\s+(?P<mods>(?:(?:year-ago|year-earlier|latest|comparable|same|\d{4}|"
            r"corresponding|year-before|prior-year|previous|fiscal)[\s-]+){1,4})period\b"
        ),
        _period,
        3,
    ),
    Rule(
        "ordinal-quarter",
        compile_ci(
            rf"(?:(?:the|this|that)\s+)?{_QUARTER_MODS}(?P<ord>{_ORDINAL_RE})"
            rf"(?P<sep>[\s-]+)(?P<unit>quarter|half)(?!ly|s\b){_OF_YEAR}"
        ),
        _ordinal_quarter,
        2,
    ),
    Rule(
        "bare-quarter",
        compile_ci(
            rf"(?P<det>the|this|that|its|last|next|(?:last|this|next)\s+year['’]s)\s+{_QUARTER_MODS}"
            r"quarter(?![\w-])"
            r"(?!\s+(?:of|century|mile|point|inch|percent|pound|hour))"
        ),
        _bare_quarter,
        3,
    ),
    Rule(
        "two-quarters",
        compile_ci(rf"(?:the\s+)?(?P<which>first|last|final)\s+two\s+quarters{_OF_YEAR}"),
        _two_quarters,
        2,
    ),
)
