"""Rules for counted stretches of time: "three days ago", "the past two years", "every week"."""

from __future__ import annotations

import re
from typing import Final

from desktop.core.annotate.dates_calendar import add_months, month_value, shift_days, week_value
from desktop.core.annotate.dates_lexicon import NUMBER_WORDS, alternation
from desktop.core.annotate.dates_periods import quarter_context
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci

_NUMBER_RE = r"\d+|a\s+couple\s+of|a\s+few|" + alternation([w for w in NUMBER_WORDS if " " not in w])
_UNIT_DAYS: Final[dict[str, int]] = {"day": 1, "week": 7}


def _number(words: str) -> int | None:
    key = re.sub(r"\s+", " ", words.lower())
    if key.isdigit():
        return int(key)
    parts = re.split(r"[\s-]+", key)
    if len(parts) > 1 and all(p in NUMBER_WORDS for p in parts) and key not in NUMBER_WORDS:
        return sum(NUMBER_WORDS[p] for p in parts) or None
    value = NUMBER_WORDS.get(key)
    return value or None


def _ago(m: re.Match[str], ctx: Context) -> Found | None:
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    unit = m.group("unit").lower().rstrip("s")
    count = _number(m.group("num"))
    if unit == "centurie":
        unit = "century"
    if direction in ("later", "after"):
        # Counted from some other event, not from the DCT: an anaphoric duration.
        return None
    if direction == "before":
        # "ten days before the vote" counts back from the vote; only the length is known.
        letter = _DURATION_UNITS.get(unit, "Y")
        value = f"P{count}{letter}" if count and unit in _DURATION_UNITS else None
        return Found(value, "duration", m.start(), m.end("unit"))
    if count is None:
        return Found("PAST_REF" if direction != "from now" else "FUTURE_REF", "vague")
    if ctx.dct is None:
        return Found(None, "relative")
    sign = 1 if direction == "from now" else -1
    if count > 5000:
        return None
    if unit in _UNIT_DAYS:
        day = shift_days(ctx.dct, sign * count * _UNIT_DAYS[unit])
        if day is not None and unit == "week" and count > 2:
            # "six weeks ago" is a round figure that names a week, not the day 42 days back;
            # "two weeks ago" still usually points at a day, as "a fortnight ago" would.
            return Found(week_value(day), "relative")
        return Found(day.isoformat() if day else None, "relative")
    if unit == "month":
        return Found(month_value(*add_months(ctx.dct.year, ctx.dct.month, sign * count)), "relative")
    if unit == "year" and count == 1 and direction != "from now":
        framed = quarter_context(ctx, m.start())
        if framed is not None:
            return Found(f"{framed[0] - 1:04d}-Q{framed[1]}", "relative")
    years = count * {"year": 1, "decade": 10, "century": 100}[unit]
    year = ctx.dct.year + sign * years
    return Found(f"{year:04d}" if 0 < year < 10000 else None, "relative")


_DURATION_UNITS: Final[dict[str, str]] = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _span_of_time(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    count = _number(m.group("num"))
    unit = m.group("unit").lower().rstrip("s")
    if unit == "decade":
        return Found(f"P{count * 10}Y" if count else "PXY", "duration")
    letter = _DURATION_UNITS.get(unit, "Y")
    return Found(f"P{count}{letter}" if count else f"PX{letter}", "duration")


_SET_VALUES: Final[dict[str, str]] = {
    "day": "P1D",
    "night": "P1D",
    "morning": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "quarter": "P3M",
}


def _set(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    return Found(_SET_VALUES[m.group("unit").lower()], "set")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "set",
        compile_ci(r"(?:every|each)\s+(?:other\s+)?(?P<unit>day|night|morning|week|month|year|quarter)\b"),
        _set,
        4,
    ),
    Rule(
        "span-of-time",
        compile_ci(
            r"(?:the\s+)?(?:past|last|next|coming|first|previous|following)\s+"
            rf"(?P<num>{_NUMBER_RE})\s+(?P<unit>days|weeks|months|years|decades)\b"
        ),
        _span_of_time,
        4,
    ),
    Rule(
        "ago",
        compile_ci(
            rf"(?:(?:nearly|almost|roughly|exactly)\s+)?(?P<num>{_NUMBER_RE})[\s-]+(?P<unit>days?|weeks?|months?|years?|"
            r"decades?|centuries|century)(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b"
        ),
        _ago,
        2,
    ),
)
