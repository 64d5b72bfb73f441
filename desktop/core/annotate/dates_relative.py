"""Rules for dates given relative to the publication date: "yesterday", "last month", "Friday"."""

from __future__ import annotations

import datetime
import re
from typing import Final

from desktop.core.annotate.dates_calendar import (
    PARTS_OF_DAY,
    add_months,
    add_quarters,
    month_value,
    nearest_year,
    quarter_of,
    safe_date,
    shift_days,
    week_value,
    weekday_after,
    weekday_before,
)
from desktop.core.annotate.dates_lexicon import (
    MONTH_RE,
    ORDINAL_WORDS,
    WEEKDAY_FULL_RE,
    alternation,
    month_number,
    weekday_number,
)
from desktop.core.annotate.dates_rules import (
    Context,
    Found,
    Rule,
    capitalised_mid_sentence,
    compile_ci,
    is_capitalised,
)

_ORDINAL_DAY_RE = alternation([w for w in ORDINAL_WORDS if " " not in w and "-" not in w])
_DAY_WORDS: Final[dict[str, int]] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_POD_RE = "morning|afternoon|evening|night"


def _pod_suffix(pod: str | None) -> str:
    return f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""


# After a weekday, "morning" and "night" are mostly annotated as the plain day in the
# TimeBank/AQUAINT gold ("Friday night" -> the Friday), while "evening" and "afternoon"
# keep their part of the day.
_WEEKDAY_PLAIN_PODS: Final = frozenset({"morning", "night"})


def _weekday_pod_suffix(pod: str | None) -> str:
    if pod is None or pod.lower() in _WEEKDAY_PLAIN_PODS:
        return ""
    return _pod_suffix(pod)


def _day_word(m: re.Match[str], ctx: Context) -> Found | None:
    if capitalised_mid_sentence(ctx.text, m.start("word")):
        return None
    word = m.group("word").lower()
    if ctx.dct is None:
        return Found(None, "relative")
    day = shift_days(ctx.dct, _DAY_WORDS[word])
    if day is None:
        return Found(None, "relative")
    return Found(day.isoformat() + _pod_suffix(m.group("pod") or m.group("pre")), "relative")


def _part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    rel = m.group("rel").lower()
    if ctx.dct is None:
        return Found(None, "time")
    day = shift_days(ctx.dct, -1 if rel == "last" else 0)
    if day is None:
        return Found(None, "time")
    return Found(day.isoformat() + _pod_suffix(m.group("pod")), "time")


def weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> datetime.date | None:
    """The date a weekday mention names, by its modifier or else the clause's tense."""
    if ctx.dct is None:
        return None
    if rel == "last" or rel.endswith("past"):
        return weekday_before(ctx.dct, weekday, strict=True)
    if rel == "next" or rel.endswith("coming"):
        return weekday_after(ctx.dct, weekday, strict=True)
    if rel in ("the previous", "the following"):
        return None
    tense = ctx.tense(start, end)
    if ctx.text[end : end + 2] in ("'s", "’s"):
        # "Friday's ruling" names an event already reported, whatever the verb says.
        tense = "past"
    if rel == "this":
        tense = "past" if tense == "past" else "future"
    if tense == "future":
        return weekday_after(ctx.dct, weekday)
    return weekday_before(ctx.dct, weekday)


_NAME_AFTER_RE: Final = re.compile(r"[ \t]+([A-Z][a-z]+)")
_DAY_INTRO_RE: Final = re.compile(
    r"\b(?:on|since|by|until|till|from|through|last|next|this|his|her|their|its|our)\s+$", re.I
)


def _is_name_part(text: str, start: int, end: int) -> bool:
    """True for a weekday inside a name: "The Sunday Times", "Monday Night Football".

    A capitalised word straight after the weekday marks a name, unless a preposition
    before it shows a date ("On Thursday Putin said").
    """
    after = _NAME_AFTER_RE.match(text, end)
    if after is None or month_number(after.group(1)) is not None:
        return False
    return not _DAY_INTRO_RE.search(text, max(0, start - 8), start)


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group("wd")
    if not is_capitalised(word):
        return None
    weekday = weekday_number(word)
    if weekday is None:
        return None
    start = m.start("span")
    if _is_name_part(ctx.text, m.start("wd"), m.end()):
        return None
    if m.group("plural") or m.group("every"):
        return Found(f"XXXX-WXX-{weekday + 1}", "set", start, m.end())
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel in ("the previous", "the following"):
        # Counted from the day the story is at: resolved against the mention before it.
        unit = "weekday-before" if rel == "the previous" else "weekday-after"
        return Found(None, "weekday", start, m.end(), anchor=(unit, weekday))
    day = weekday_date(ctx, weekday, rel, m.start(), m.end())
    value = day.isoformat() + _weekday_pod_suffix(m.group("pod")) if day else None
    return Found(value, "weekday", start, m.end())


def _nth_day_today(m: re.Match[str], ctx: Context) -> Found | None:
    """ "Today is the eighth day of the strike": present tense makes it the DCT's day."""
    if ctx.dct is None:
        return Found(None, "relative", m.start("span"), m.end())
    return Found(ctx.dct.isoformat(), "relative", m.start("span"), m.end())


_UNIT_RE = "week|month|year|decade|century|weekend|quarter"


def _unit_value(dct: datetime.date, unit: str, step: int) -> str | None:
    """The TIMEX3 value of the calendar unit ``step`` units from the one holding the DCT."""
    if unit == "week":
        moved = shift_days(dct, 7 * step)
        return week_value(moved) if moved else None
    if unit == "weekend":
        moved = shift_days(dct, 7 * step)
        return week_value(moved) + "-WE" if moved else None
    if unit == "month":
        return month_value(*add_months(dct.year, dct.month, step))
    if unit == "year":
        return f"{dct.year + step:04d}"
    if unit == "quarter":
        year, quarter = add_quarters(dct.year, quarter_of(dct), step)
        return f"{year:04d}-Q{quarter}"
    if unit == "decade":
        return f"{dct.year // 10 + step:03d}"
    if unit == "century":
        return f"{dct.year // 100 + step:02d}"
    return None


_REL_STEPS: Final[dict[str, int | None]] = {
    "this": 0,
    "the current": 0,
    "the": 0,
    "this past": -1,
    "last": -1,
    "the past": -1,
    "the last": -1,
    "the previous": None,
    "next": 1,
    "the coming": 1,
    "the next": 1,
    "this coming": 1,
    "the following": None,
    "the same": None,
    "that": None,
    "the full": 0,
    "the fiscal": 0,
    "the latest": -1,
}


_ANAPHORIC_STEPS: Final[dict[str, int]] = {
    "the following": 1,
    "the previous": -1,
    "the same": 0,
    "that": 0,
}


def _week_of(m: re.Match[str], ctx: Context) -> Found | None:
    month = month_number(m.group("month"))
    day = int(m.group("day"))
    if month is None or not is_capitalised(m.group("month")):
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.dct is None:
        return Found(None, "date")
    else:
        year = nearest_year(ctx.dct, month, day, ctx.tense(m.start(), m.end()))
    found = safe_date(year, month, day)
    return Found(week_value(found) if found else None, "date")


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel.split()[-1], 0)
    return Found(None, "relative", anchor=("day", step))


def _until_then(m: re.Match[str], ctx: Context) -> Found | None:
    del ctx
    return Found(None, "relative", m.start("span"), m.end(), anchor=("same", 0))


def _apposed_day(m: re.Match[str], ctx: Context) -> Found | None:
    """ "Oct. 12, the day before the crash": "the day" is the date it stands beside."""
    del ctx
    if not is_capitalised(m.group()):
        return None  # "may, the day ..." holds no month
    return Found(None, "relative", m.start("span"), m.end("span"), anchor=("same", 0))


def _elliptic_last(m: re.Match[str], ctx: Context) -> Found | None:
    """ "twice as much this year as last": the unit "last" leaves out is the one just named."""
    if ctx.dct is None:
        return Found(None, "relative", m.start("span"), m.end())
    return Found(_unit_value(ctx.dct, m.group("unit").lower(), -1), "relative", m.start("span"), m.end())


def _relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    if capitalised_mid_sentence(ctx.text, m.start("unit")):
        return None
    unit = m.group("unit").lower()
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    step = _REL_STEPS.get(rel)
    if rel == "the" and unit in ("decade", "century", "quarter"):
        return None
    if rel == "the" and re.match(r"\s+(?:before|after|earlier|later)\b", ctx.text[m.end() : m.end() + 12]):
        # "the year before" counts from some other event; TimeBank leaves it unmarked.
        return None
    if unit == "weekend" and rel == "the" and ctx.dct is not None:
        step = -1 if ctx.dct.weekday() < 5 and ctx.tense(m.start(), m.end()) == "past" else 0
    kind = "relative"
    if rel in _ANAPHORIC_STEPS and unit in ("month", "year"):
        return Found(None, kind, anchor=(unit, _ANAPHORIC_STEPS[rel]))
    if step is None or ctx.dct is None:
        return Found(None, kind)
    return Found(_unit_value(ctx.dct, unit, step), kind)


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "day-word",
        compile_ci(
            r"(?:(?:early|late|earlier|later)\s+|mid-?\s?(?P<pre>morning|afternoon)\s+)?"
            r"(?P<word>today|tonight|yesterday|tomorrow)"
            rf"(?:\s+(?P<pod>{_POD_RE}))?"
        ),
        _day_word,
        3,
    ),
    Rule(
        "part-of-day",
        compile_ci(rf"(?:(?:early|late|earlier|later)\s+)?(?P<rel>this|last)\s+(?P<pod>{_POD_RE})\b"),
        _part_of_day,
        3,
    ),
    Rule(
        "weekday",
        compile_ci(
            r"(?P<span>(?P<every>(?:every|each)\s+)?(?:(?P<rel>last|next|this(?:\s+coming|"
            r"\s+past)?|the\s+previous|the\s+following|the\s+coming|the\s+past|coming|past)\s+)?"
            rf"(?P<wd>{WEEKDAY_FULL_RE})(?P<plural>s)?(?:\s+(?P<pod>{_POD_RE}))?)"
        ),
        _weekday,
        3,
    ),
    Rule(
        "relative-unit",
        compile_ci(
            r"(?:(?:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            r"|the\s+middle\s+of|mid-?|sometime|earlier\s+in|later\s+in)\s+)?"
            r"(?P<rel>this(?:\s+past|\s+coming)?|last|next|the\s+(?:past|last|coming|next|"
            r"previous|current|following|same|full|fiscal|latest)|that|the)\s+(?:fiscal\s+)?"
            rf"(?P<unit>{_UNIT_RE})(?![\w-])"
        ),
        _relative_unit,
        4,
    ),
    Rule(
        "apposed-day",
        compile_ci(
            rf"(?:(?:{MONTH_RE})\s+[0-3]?\d(?:\s*,\s*\d{{4}})?|{WEEKDAY_FULL_RE})\s*,\s+"
            r"(?P<span>the\s+day)(?=\s+(?:before|after|of|when)\b)"
        ),
        _apposed_day,
        4,
    ),
    Rule(
        "elliptic-last",
        compile_ci(
            r"this\s+(?P<unit>week|month|year)\s+(?:as|than|and|or|over)\s+(?P<span>last)(?![\w-])"
            r"(?!\s+(?:week|month|year|quarter|season|time)\b)"
        ),
        _elliptic_last,
        4,
    ),
    Rule(
        "week-of",
        compile_ci(
            rf"the\s+week\s+of\s+(?P<month>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?!\d)"
            r"(?:\s*,?\s*(?P<year>\d{4})(?!\d))?"
        ),
        _week_of,
        2,
    ),
    Rule(
        "anaphoric-day",
        compile_ci(
            r"(?:(?:earlier|later)\s+)?(?P<rel>that(?:\s+same)?|the\s+same|the\s+following|"
            rf"the\s+next|the\s+previous|the\s+preceding)\s+(?:day|{_POD_RE})(?![\w-])"
        ),
        _anaphoric_day,
        4,
    ),
    Rule(
        # "Until then" looks ahead to a date just named; "since then" is left unmarked, as
        # TimeBank does, for it opens a stretch rather than naming a point.
        "until-then",
        compile_ci(r"(?:until|till|by)\s+(?P<span>then)(?![\w-])"),
        _until_then,
        4,
    ),
    Rule(
        "nth-day-today",
        compile_ci(
            r"(?:is|it['’]s|marks)\s+"
            rf"(?P<span>the\s+(?:{_ORDINAL_DAY_RE})\s+(?:straight\s+|consecutive\s+|full\s+)?day)"
            r"(?=\s+(?:of|since|after|in)\b)"
        ),
        _nth_day_today,
        3,
    ),
)
