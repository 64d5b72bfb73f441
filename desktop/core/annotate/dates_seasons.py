"""Rules for seasons and the turn of the year: "last spring", "the summer of 1990", "year-end"."""

from __future__ import annotations

import re
from typing import Final

from desktop.core.annotate.dates_calendar import SEASONS
from desktop.core.annotate.dates_rules import Context, Found, Rule, compile_ci
from desktop.core.annotate.dates_spelled import SPELLED_YEAR_RE, spelled_year


def _year_end(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found(None, "date")
    calendar = "fiscal" not in m.group().lower()
    if calendar and ctx.tense(m.start(), m.end()) == "past" and (ctx.dct.month, ctx.dct.day) != (12, 31):
        # A year-end already reached ("up 5% since year-end") is last year's closing day;
        # one ahead ("by year-end") is told as this year, its end a modifier.
        return Found(f"{ctx.dct.year - 1:04d}-12-31", "date")
    return Found(f"{ctx.dct.year:04d}", "date")


_SEASON_START: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASONS[m.group("season").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    after = ctx.text[m.end() : m.end() + 12]
    if not m.group("year") and not m.group("spelled"):
        if not rel:
            return None
        if rel in ("the", "early", "late", "mid", "mid-") and re.match(
            r"\s+(?:of|in|from|to|was|is|and|for)\b", after
        ):
            return None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("spelled"):
        year = spelled_year(m.group("spelled"))
    elif ctx.dct is None:
        return Found(None, "date")
    else:
        start_month = _SEASON_START[code]
        last = rel.endswith("last")
        past = rel.endswith("past")
        following = rel.endswith(("next", "coming"))
        if not (last or past or following) and rel.endswith("the"):
            tense = ctx.tense(m.start(), m.end())
            past, following = tense == "past", tense == "future"
        if last:
            # TimeBank reads "last spring" as the previous year's, even late in the year.
            year = ctx.dct.year - 1
        elif past:
            year = ctx.dct.year if ctx.dct.month >= start_month else ctx.dct.year - 1
        elif following:
            year = ctx.dct.year if ctx.dct.month < start_month else ctx.dct.year + 1
        else:
            year = ctx.dct.year
    return Found(f"{year:04d}-{code}", "date")


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "year-end",
        compile_ci(r"(?:around\s+)?(?:(?:calendar\s+|fiscal\s+)?year[-\s]end|year['’]s\s+end)(?![\w-])"),
        _year_end,
        3,
    ),
    Rule(
        "season",
        compile_ci(
            r"(?:(?P<rel>this(?:\s+past|\s+coming)?|last|next|the(?:\s+coming|\s+past)?|"
            r"early|late|mid-?|the\s+early|the\s+late)\s*)?"
            r"(?P<season>spring|summer|fall|autumn|winter)(?![\w-])"
            rf"(?:\s*(?:of\s+)?(?:(?P<year>\d{{4}})(?!\d)|{SPELLED_YEAR_RE}))?"
        ),
        _season,
        3,
    ),
)
