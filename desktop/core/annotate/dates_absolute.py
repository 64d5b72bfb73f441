"""Rules for calendar dates written out: "January 15, 2026", "15 Jan. 2026", "1998", "the 1990s"."""

from __future__ import annotations

import re
from typing import Final

from desktop.core.annotate.dates_calendar import (
    month_value,
    nearest_year,
    safe_date,
)
from desktop.core.annotate.dates_lexicon import (
    MONTH_FULL_RE,
    MONTH_RE,
    MONTHS,
    ORDINAL_WORDS,
    WEEKDAY_FULL_RE,
    alternation,
    month_number,
)
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci, is_capitalised
from desktop.core.annotate.dates_spelled import SPELLED_LOW, SPELLED_YEAR_RE, spelled_number, spelled_year

_YEAR = r"(?P<year>\d{4})(?![\d%])(?!,\d)(?!\.\d)"
_ORDINAL_DAY = alternation(list(ORDINAL_WORDS))
_DAY = rf"(?P<day>[0-3]?\d(?!\d)|{_ORDINAL_DAY})(?:st|nd|rd|th)?\b"
# A day number followed by these is a quantity: "May 5 percent" is not May 5th.
_NOT_A_DAY = r"(?!\s*(?:%|percent|per\b|points?\b|-\w))"

_MIN_YEAR = 1000
_MAX_YEAR = 2099
# A lone four-digit number after these is a count or a label, not a year.
_COUNT_BEFORE: Final = re.compile(
    r"(?:\b(?:about|some|nearly|almost|over|than|approximately|roughly|least|total\s+of|"
    r"estimated|no|nos|number|numbers|room|flight|route|page|pages|article|section|"
    r"resolution|highway|interstate|model|boeing|airbus|top|lot|code|tel|fax|"
    r"ca|ext|plus|minus|just|only|another|additional|all)|[$#£€¥]|No\.)\s*$",
    re.IGNORECASE,
)
_COUNT_AFTER: Final = re.compile(
    r"^(?:[\s-]+(?:people|persons|troops|soldiers|men|women|children|votes|shares|jobs|"
    r"workers|employees|cases|deaths|dead|killed|residents|members|delegates|students|"
    r"points?|miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|tons?|tonnes|"
    r"pounds?|dollars|euros|yen|barrels|units|cars|homes|houses|acres|hectares|calories|"
    r"rooms|beds|words|pages|hours|minutes|seconds|times|others|more|or\s+so|percent)\b"
    r"|\s*(?:%|:\d|\.\d|,\d))",
    re.IGNORECASE,
)
_MODIFIER = (
    r"(?:(?P<mod>early|late|mid-?|the\s+(?:middle|end|beginning|start|spring|summer|fall|"
    r"autumn|winter)\s+of|around)\s*)?"
)


# Capitalised words that may stand before a year ("In 1998", "Fiscal 1990"); after any
# other capitalised word a number is part of a name ("Orion 1980").
_YEAR_INTRO: Final = frozenset(
    [
        "in",
        "since",
        "by",
        "from",
        "until",
        "before",
        "after",
        "during",
        "of",
        "the",
        "fiscal",
        "summer",
        "winter",
        "spring",
        "fall",
        "autumn",
        "early",
        "late",
        "mid",
        "end",
        "and",
        "or",
        "to",
        "through",
    ]
) | frozenset(MONTHS)


def _year_ok(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


_ENDED_RE: Final = re.compile(r"\bended\s+$", re.IGNORECASE)


def _month_day(m: re.Match[str], ctx: Context) -> Found | None:
    month_word = m.group("month")
    if not is_capitalised(month_word):
        return None
    month = month_number(month_word)
    day_text = m.group("day").lower()
    day = int(day_text) if day_text.isdigit() else ORDINAL_WORDS.get(day_text, 0)
    if month is None:
        return None
    return calendar_day(m, ctx, month, day)


def calendar_day(m: re.Match[str], ctx: Context, month: int, day: int) -> Found | None:
    """The value of day `day` of `month` in a match with an optional `year` group: that
    year's, else the year nearest the DCT that the clause's tense allows (none: year-less)."""
    if not 1 <= day <= 31:
        return None
    if m.group("year"):
        year = int(m.group("year"))
        found_day = safe_date(year, month, day) if _year_ok(year) else None
        if found_day is None:
            return None
        return Found(found_day.isoformat(), "date")
    if ctx.dct is None:
        return Found(f"XXXX-{month:02d}-{day:02d}", "date")
    if _ENDED_RE.search(ctx.text, max(0, m.start() - 8), m.start()):
        # "the fiscal year ended Jan. 31": a period that has ended, so on or before the DCT.
        this_year = safe_date(ctx.dct.year, month, day)
        year = ctx.dct.year if this_year is None or this_year <= ctx.dct else ctx.dct.year - 1
    else:
        year = nearest_year(ctx.dct, month, day, ctx.tense(m.start(), m.end()))
    found_day = safe_date(year, month, day)
    return Found(found_day.isoformat() if found_day else None, "date")


def _second_day(m: re.Match[str], ctx: Context) -> Found | None:
    """The second day of "April 24 and 25": a mention of its own, in the first one's month."""
    found = _month_day(m, ctx)
    if found is None:
        return None
    return Found(found.value, found.kind, m.start("day"), m.end())


def _iso(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    year, month, day = int(m.group("year")), int(m.group("mnum")), int(m.group("dnum"))
    found_day = safe_date(year, month, day) if _year_ok(year) else None
    if found_day is None:
        return None
    if m.group("hour"):
        hour, minute = int(m.group("hour")), int(m.group("minute"))
        if hour > 24 or minute > 59:
            return Found(found_day.isoformat(), "date", m.start(), m.start("hour") - 1)
        return Found(f"{found_day.isoformat()}T{hour:02d}:{minute:02d}", "time")
    return Found(found_day.isoformat(), "date")


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month_word = m.group("month")
    month = month_number(month_word)
    if month is None or not is_capitalised(month_word):
        return None
    rel = (m.group("rel") or "").lower()
    if rel:
        if ctx.dct is None:
            return Found(None, "date")
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif m.group("spelled"):
        year = spelled_year(m.group("spelled"))
    else:
        year = int(m.group("year"))
        if not _year_ok(year):
            return None
    return Found(month_value(year, month), "date")


# "May" the modal and "March" the verb are months only after a word that introduces a date.
_MONTH_INTRO: Final = re.compile(
    r"\b(?:in|of|since|until|till|by|from|to|through|during|before|after|last|next|this|"
    r"early|late|mid|between|and|or|for|as\s+of|since\s+early|end|beginning|middle)[\s-]*$",
    re.IGNORECASE,
)
_RISKY_MONTHS: Final = frozenset({"may", "march", "august"})
# "the March accession", "the May elections": between "the" and a lower-case noun the
# word can only be the month (the verb and the modal take no article; a name is
# followed by a capital or "of": "The March of Dimes"). \0 marks where the month was.
_MONTH_AS_MODIFIER: Final = re.compile(
    r"\b(?:the|The|THE)\s+\0\s+(?!(?:of|on|to|in|and|or|is|was|will|has|had|would|could)\b)[a-z]{3,}"
)


def _month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    month_word = m.group("month")
    month = month_number(month_word)
    if month is None or not is_capitalised(month_word):
        return None
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    rel = (m.group("rel") or "").lower().split()
    risky = month_word.lower() in _RISKY_MONTHS and not rel and not m.group("mod")
    after = ctx.text[m.end() : m.end() + 20]
    if risky and not _MONTH_INTRO.search(before) and not _MONTH_AS_MODIFIER.search(before + "\0" + after):
        return None
    # "April Ryan", "August Wilson": a capitalised word after a bare month makes it a name.
    if not rel and re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:I|The)\b", after):
        return None
    if ctx.dct is None:
        return Found(f"XXXX-{month:02d}", "date")
    dct_year, dct_month = ctx.dct.year, ctx.dct.month
    if rel and rel[-1] in ("last", "past"):
        # "last February" said in March means a year ago; the month just gone is "last month".
        year = dct_year if month <= dct_month - 2 else dct_year - 1
    elif rel and rel[-1] in ("next", "coming"):
        year = dct_year if month > dct_month else dct_year + 1
    elif rel and rel[-1] == "this":
        year = dct_year
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "future":
            year = dct_year if month >= dct_month else dct_year + 1
        elif month > dct_month + (1 if tense == "past" else 2):
            # A month after the DCT's in a report of the past is last year's; one or two
            # months ahead stay in this year as often as not, as plans are told in the past.
            year = dct_year - 1
        else:
            year = dct_year
    return Found(month_value(year, month), "date")


def _year(m: re.Match[str], ctx: Context) -> Found | None:
    year = int(m.group("year"))
    if not _year_ok(year):
        return None
    before = ctx.text[max(0, m.start() - 25) : m.start()]
    after = ctx.text[m.end("year") : m.end("year") + 25]
    if not m.group("mod"):
        if _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(after):
            return None
        name = re.search(r"\b([A-Z][A-Za-z]+)\s+$", before)
        if (
            name
            and name.group(1).lower() not in _YEAR_INTRO
            and not re.search(r"(?:^|[.!?\n\"“]\s*)\S+\s+$", before)
        ):
            # "Orion 1980", "Windows 95": a number after a name is part of the name.
            return None
        # Old years are rare in news; a number like 1200 needs "in" or "since" to be one.
        if year < 1800 and not re.search(r"\b(?:in|since|of|by|from)\s*$", before, re.I):
            return None
    return Found(str(year), "date", m.start(), m.end("year"))


_DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _decade(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group("dec"):
        return Found(m.group("dec")[:3], "date")
    if m.group("short"):
        return Found("19" + m.group("short")[0], "date")
    word = m.group("word")
    if not m.group("the") and not m.group("mod"):
        return None
    return Found(f"19{_DECADE_WORDS[word.lower()]}", "date")


def _century(m: re.Match[str], ctx: Context) -> Found | None:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else ORDINAL_WORDS.get(raw, 0)
    if not 1 <= n <= 21:
        return None
    return Found(f"{n - 1:02d}", "date")


def _spelled_year(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group("hi2"):
        low = m.group("low2")
        before = ctx.text[max(0, m.start() - 8) : m.start()]
        # "two thousand and five" is a count as often as a year; only "the year two
        # thousand" or "in two thousand five" is surely one.
        if not m.group("yr") and not re.search(r"\b(?:in|since|by|until)\s+$", before, re.I):
            return None
        if re.match(r"\s+(?:hundred|thousand)", ctx.text[m.end() : m.end() + 10], re.I):
            return None
        return Found(str(2000 + (spelled_number(low) if low else 0)), "date")
    century = 19 if m.group("hi").lower() == "nineteen" else 18
    return Found(str(century * 100 + spelled_number(m.group("low"))), "date")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "month-day",
        compile_ci(
            rf"(?:(?:{WEEKDAY_FULL_RE})\s*,?\s+)?(?P<month>{MONTH_RE})\s+{_DAY}"
            rf"{_NOT_A_DAY}(?:\s*,?\s*{_YEAR})?"
        ),
        _month_day,
        1,
    ),
    Rule(
        "day-month",
        compile_ci(
            rf"(?<![\d.,])(?:(?:{WEEKDAY_FULL_RE})\s*,?\s+)?{_DAY}\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_RE})(?:\s*,?\s*{_YEAR})?"
        ),
        _month_day,
        1,
    ),
    Rule(
        "month-day-and-day",
        compile_ci(
            rf"(?P<month>{MONTH_RE})\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|&)\s+"
            r"(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?\b"
            # A count after the second number makes it no day: "on May 5 and 30 people".
            rf"{_NOT_A_DAY}(?!\s+(?!(?:and|or|in|at|on|to|the|for|when|with|as|but)\b)[a-z])"
            rf"(?:\s*,?\s*{_YEAR})?"
        ),
        _second_day,
        1,
    ),
    Rule(
        "iso",
        re.compile(
            r"(?<![\d/.-])(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<dnum>\d{2})"
            r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2})?)?(?![\d-])"
        ),
        _iso,
        1,
    ),
    Rule(
        "month-year",
        compile_ci(
            rf"{_MODIFIER}(?P<month>{MONTH_RE})\s*,?\s+(?:of\s+)?"
            rf"(?:{_YEAR}|(?P<rel>this|last|next)\s+year|{SPELLED_YEAR_RE})"
        ),
        _month_year,
        2,
    ),
    Rule(
        "month",
        compile_ci(
            rf"(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|the\s+coming|the\s+past)\s+)?"
            rf"{_MODIFIER}(?P<month>{MONTH_FULL_RE}|Sept\.|Dec\.|Nov\.|Oct\.|Feb\.|Aug\.)"
            rf"(?![\w-])(?!\s*\d)"
        ),
        _month_alone,
        4,
    ),
    Rule(
        "year",
        compile_ci(
            r"(?<![\w$#.,/:£€])(?<![A-Za-z]-)(?<!--)(?:(?P<mod>early|late|mid-?|post-|pre-|the\s+(?:middle|end|beginning|start)"
            r"\s+of|fiscal(?:\s+year)?|the\s+year|calendar|the\s+(?:spring|summer|fall|autumn|"
            r"winter)\s+of)\s*)?"
            r"(?P<year>\d{4})(?![\d%])(?!,\d)(?!\.\d)(?!\w)"
        ),
        _year,
        5,
    ),
    Rule(
        "decade",
        compile_ci(
            r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid-?)\s*)?"
            r"(?:(?P<dec>(?:1\d|20)\d0)'?s|'(?P<short>\d0)s|"
            r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
        ),
        _decade,
        3,
    ),
    Rule(
        "century",
        compile_ci(
            rf"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<n>\d{{1,2}}(?=st|nd|rd|th)|{_ORDINAL_DAY})"
            r"(?:st|nd|rd|th)?[\s-]+century"
        ),
        _century,
        3,
    ),
    Rule(
        "spelled-year",
        compile_ci(
            rf"(?:(?P<yr>the\s+year)\s+)?(?:(?P<hi>nineteen|eighteen)[\s-]+(?P<low>{SPELLED_LOW})"
            rf"|(?P<hi2>two)\s+thousand(?:\s+(?:and\s+)?(?P<low2>{SPELLED_LOW}))?)\b"
        ),
        _spelled_year,
        3,
    ),
)
