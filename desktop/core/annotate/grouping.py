"""How annotations are listed for a reader: quotations by speaker, dates by day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop.core.annotate.dates import DateMention
from desktop.core.annotate.quotes import Quote

UNKNOWN_SPEAKER = "Speaker unknown"


def speaker_label(quote: Quote, text: str) -> str:
    """The name to file a quotation under: the resolved speaker, else the mention, else unknown."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_start is not None and quote.speaker_end is not None:
        mention = text[quote.speaker_start:quote.speaker_end].strip()
        if mention:
            return mention
    return UNKNOWN_SPEAKER


def quotes_by_speaker(quotes: Sequence[Quote], text: str) -> list[tuple[str, list[Quote]]]:
    """Quotations grouped by speaker, the most quoted first, unknown speakers last."""
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(speaker_label(quote, text), []).append(quote)
    return sorted(groups.items(), key=lambda item: (item[0] == UNKNOWN_SPEAKER, -len(item[1]),
                                                    item[1][0].start))


def dates_in_calendar_order(dates: Sequence[DateMention]) -> list[DateMention]:
    """Dates sorted by the time they mean; vague and unknown ones last, in text order."""
    concrete = [d for d in dates if d.value and d.value[:1].isdigit()]
    other = [d for d in dates if not (d.value and d.value[:1].isdigit())]
    # TIMEX3 values of one calendar sort as strings ("2025-12" < "2026-01-09" < "2026-W03"
    # is not quite right for weeks, so weeks sort by their Monday).
    return sorted(concrete, key=lambda d: (_sort_key(d.value or ""), d.start)) + other


def _sort_key(value: str) -> str:
    if len(value) >= 8 and value[4:6] == "-W" and value[6:8].isdigit():
        try:
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat()
        except ValueError:
            return value
    return value
