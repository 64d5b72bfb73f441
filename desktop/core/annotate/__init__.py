"""Finding quotations and dates in article text.

`annotate(text, dct)` runs both finders; `dates.find_dates` and
`quotes.find_quotes` are the finders themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.core.annotate.dates import DateMention, find_dates
from desktop.core.annotate.quotes import Quote, find_quotes

__all__ = ["Annotations", "DateMention", "Quote", "annotate", "parse_dct"]


@dataclass(frozen=True, slots=True)
class Annotations:
    """The dates and quotations of one text, each sorted by position."""

    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the `annotate --json/--jsonl` record, less its id)."""
        return {
            "dates": [
                {"start": d.start, "end": d.end, "text": d.text, "value": d.value, "kind": d.kind}
                for d in self.dates
            ],
            "quotes": [
                {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                 "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "cue": q.cue,
                 "kind": q.kind}
                for q in self.quotes
            ],
        }


def annotate(text: str, dct: dt.date | None = None) -> Annotations:
    """Dates (resolved against the publication date `dct`) and quotations in `text`."""
    return Annotations(dates=tuple(find_dates(text, dct)), quotes=tuple(find_quotes(text)))


def parse_dct(value: object) -> dt.date | None:
    """A publication date from JSON: None, "YYYY-MM-DD" or an ISO date-time; else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
