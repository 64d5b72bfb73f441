"""Quotations and dates of two versions side by side: what happened to each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.annotate import annotate
from desktop.core.annotate.fates import DateChange, QuoteFate, date_changes, quote_fates
from desktop.core.article import Article


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """Every quotation's fate between versions A and B, and the dates that now mean another day."""

    fates: tuple[QuoteFate, ...]
    date_changes: tuple[DateChange, ...]

    def counts(self) -> dict[str, int]:
        """How many quotations had each fate."""
        out: dict[str, int] = {}
        for fate in self.fates:
            out[fate.fate] = out.get(fate.fate, 0) + 1
        return out


def quote_report(a: Article, b: Article, dct_a: dt.date | None, dct_b: dt.date | None) -> QuoteReport:
    """Annotate both versions (dates resolved against their own publication dates) and pair them."""
    a_text, b_text = a.text, b.text
    found_a, found_b = annotate(a_text, dct_a), annotate(b_text, dct_b)
    return QuoteReport(
        fates=tuple(quote_fates(a_text, found_a.quotes, b_text, found_b.quotes)),
        date_changes=tuple(date_changes(a_text, found_a.dates, b_text, found_b.dates)),
    )
