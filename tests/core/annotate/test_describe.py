"""Reader-facing phrases for date values."""

from __future__ import annotations

import pytest

from desktop.core.annotate.describe import describe_value


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("2026-01-15", "Thu 15 Jan 2026"),
        ("2026-01-15T20:00", "Thu 15 Jan 2026, 20:00"),
        ("2026-01-16TMO", "Fri 16 Jan 2026 (morning)"),
        ("2025-12", "December 2025"),
        ("2026-W03", "week of Mon 12 Jan 2026"),
        ("2026-Q1", "Q1 2026"),
        ("2026", "2026"),
        ("199", "the 1990s"),
        ("PAST_REF", "some time in the past"),
        (None, "date unknown"),
        ("2026-02-30", "2026-02-30"),
        ("XXXX-01-15", "XXXX-01-15"),
    ],
)
def test_describe(value: str | None, phrase: str) -> None:
    assert describe_value(value) == phrase
