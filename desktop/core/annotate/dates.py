"""Finding dates and times in news text and normalising them to TIMEX3-style values.

The rules live in ``dates_absolute`` (written-out calendar dates), ``dates_periods``
(quarters, halves, reporting periods), ``dates_seasons`` (seasons, year-end),
``dates_holidays`` (Christmas, Easter, Labor Day), ``dates_relative`` (yesterday, last
month, weekdays), ``dates_counts`` (three days ago, every week) and ``dates_times``
(clock times, vague references). Every rule
proposes candidates; the longest win, so "Friday, Jan. 9, 2026" is one mention rather
than three.
``dates_context`` reads the tense that decides which Friday is meant, and
``dates_anaphora`` resolves "that day" or "10 p.m." against the mention before it.
"""

from __future__ import annotations

import bisect
import datetime
import logging
import re
from dataclasses import dataclass
from typing import Final

from desktop.core.annotate import (
    dates_absolute,
    dates_counts,
    dates_european,
    dates_holidays,
    dates_periods,
    dates_relative,
    dates_seasons,
    dates_times,
)
from desktop.core.annotate.dates_anaphora import resolve_anchors
from desktop.core.annotate.dates_calendar import shift_days
from desktop.core.annotate.dates_context import url_spans
from desktop.core.annotate.dates_dateline import parse_dateline
from desktop.core.annotate.dates_rules import Context, Rule

__all__ = ["DateMention", "find_dates", "parse_dateline"]

log = logging.getLogger(__name__)

# The kinds a DateMention can have, for callers that group or filter mentions by kind.
KINDS: Final = frozenset({"date", "time", "weekday", "relative", "vague", "duration", "set"})

_RULES: Final[tuple[Rule, ...]] = (
    *dates_absolute.RULES,
    *dates_european.RULES,
    *dates_periods.RULES,
    *dates_seasons.RULES,
    *dates_holidays.RULES,
    *dates_relative.RULES,
    *dates_counts.RULES,
    *dates_times.RULES,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One temporal expression found in a text.

    ``start``/``end`` are Python string indices into the text given, ``text`` is
    ``text[start:end]``, ``value`` a TIMEX3-style value ("2026-01-15", "2025-12",
    "2026-W03", "2026-01-15T20:00", "PAST_REF") or None when it cannot be known, and
    ``kind`` one of "date", "time", "weekday", "relative", "vague", "duration", "set".
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: str | None
    kind: str
    rank: int
    anchor: tuple[str, int] | None


def _is_word_edge(text: str, start: int, end: int) -> bool:
    """True when the span neither starts nor ends inside a word or a number."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())


def _candidates(ctx: Context) -> list[_Candidate]:
    found: list[_Candidate] = []
    text = ctx.text
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            try:
                result = rule.handler(match, ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                # A rule tripping on an odd input loses that one mention, never the text.
                log.debug("date rule %s failed on %r", rule.name, match.group(), exc_info=True)
                continue
            if result is None:
                continue
            start = match.start() if result.start is None else result.start
            end = match.end() if result.end is None else result.end
            # Trailing spaces and commas creep in through optional groups; a span never ends so.
            while end > start and text[end - 1] in " ,\t\n":
                end -= 1
            if end <= start or not _is_word_edge(text, start, end):
                continue
            found.append(_Candidate(start, end, result.value, result.kind, rule.rank, result.anchor))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of ``spans``, sorted and non-overlapping."""
    i = bisect.bisect_left(spans, (start, start))
    # Only the neighbours can overlap: the span starting before ``start`` and the next.
    return any(s < end and start < e for s, e in spans[max(0, i - 1) : i + 1])


def _select(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """The longest candidates that overlap neither each other nor a blocked span."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start))
    blocked = sorted(blocked)
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for cand in ordered:
        if _overlaps(blocked, cand.start, cand.end) or _overlaps(taken, cand.start, cand.end):
            continue
        bisect.insort(taken, (cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def find_dates(text: str, dct: datetime.date | None = None) -> list[DateMention]:
    """Temporal expressions in ``text``, sorted by start and non-overlapping.

    Values are resolved against the publication date ``dct``; without it, values that
    need it are None (or year-less, such as "XXXX-01-15").
    """
    if not text:
        return []
    if isinstance(dct, datetime.datetime):
        dct = dct.date()
    ctx = Context(text, dct)
    chosen = _select(_candidates(ctx), url_spans(text))
    values = resolve_anchors(
        [(c.start, c.end, c.value, c.anchor) for c in chosen],
        dct.isoformat() if dct else None,
    )
    mentions: list[DateMention] = []
    for c, value in zip(chosen, values, strict=True):
        if value is None and c.anchor is not None and c.anchor[0] == "same":
            # A "then" with no date just before it is an adverb of sequence, not a date.
            continue
        start, shifted = _day_next_to(text, c.start, value)
        if not mentions or start >= mentions[-1].end:
            value = shifted
        else:
            start = c.start
        mentions.append(DateMention(start, c.end, text[start : c.end], value, c.kind))
    return mentions


# "the day before last Tuesday's hearing", "the day after Christmas": one day off a date.
_DAY_NEXT_TO_RE: Final = re.compile(r"\bday\s+(?P<dir>before|after)\s+$", re.IGNORECASE)
_FULL_DAY_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _day_next_to(text: str, start: int, value: str | None) -> tuple[int, str | None]:
    """A day mention's start and value, widened to a "day before"/"day after" just before it."""
    if value is None or not _FULL_DAY_RE.match(value):
        return start, value
    found = _DAY_NEXT_TO_RE.search(text, max(0, start - 12), start)
    if found is None:
        return start, value
    day = shift_days(datetime.date.fromisoformat(value), -1 if found["dir"].lower() == "before" else 1)
    return (found.start(), day.isoformat()) if day else (start, value)
