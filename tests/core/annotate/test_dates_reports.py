"""Dates in earnings reports and appositions: fiscal quarters, closing days, elliptic "last"."""

from __future__ import annotations

import datetime

import pytest

from tests.core.annotate.test_dates import D, found, value_of

OCT_27 = D(2025, 10, 27)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # A quarter closing on July 31 runs May to July: mostly the second calendar quarter.
        ("Orders dipped in the quarter ended July 31.", "the quarter", "2025-Q2"),
        ("Orders dipped in the quarter ended Sept. 30.", "the quarter", "2025-Q3"),
        # November to January: mostly December's quarter, of the year before.
        ("Orders dipped in the quarter ended Jan. 31.", "the quarter", "2024-Q4"),
        ("Orders dipped in the quarter ended Aug. 31, 2023.", "the quarter", "2023-Q3"),
    ],
)
def test_the_quarter_ended_on_a_day_is_the_calendar_quarter_it_mostly_covers(
    text: str, phrase: str, value: str
) -> None:
    assert value_of(text, phrase, OCT_27) == value


def test_a_fiscal_quarter_takes_its_year_from_its_closing_day() -> None:
    # Oct. 31 is still ahead of the DCT, so the quarter that ended then is last year's.
    text = "The chain lost money in the second quarter ended Oct. 31."
    assert value_of(text, "the second quarter", OCT_27) == "2024-Q2"
    assert value_of(text, "Oct. 31", OCT_27) == "2024-10-31"
    text = "The chain lost money in the fiscal first quarter ended Sept. 30."
    assert value_of(text, "the fiscal first quarter", OCT_27) == "2025-Q1"


def test_that_quarter_follows_a_fiscal_quarter_and_its_year() -> None:
    text = "The chain lost money in the second quarter ended Oct. 31. Costs rose in that quarter."
    assert value_of(text, "that quarter", OCT_27) == "2024-Q2"


def test_an_ordinal_quarter_in_apposition_names_the_quarter() -> None:
    text = "In the year-ago quarter, the second quarter ended Nov. 30, the chain lost money."
    assert value_of(text, "the year-ago quarter", D(2025, 12, 10)) == "2024-Q2"
    assert value_of(text, "the second quarter", D(2025, 12, 10)) == "2024-Q2"
    text = "In the year-ago quarter, the chain lost money."
    assert value_of(text, "the year-ago quarter", D(2025, 10, 20)) == "2024-Q3"


def test_the_quarter_is_the_one_the_report_named() -> None:
    text = "The toy maker earned $3 million in its fiscal first quarter. It shipped more boats in the quarter."
    assert value_of(text, "the quarter", OCT_27) == "2025-Q1"
    # With no ordinal quarter named, it is the quarter just ended.
    assert value_of("It shipped more boats in the quarter.", "the quarter", OCT_27) == "2025-Q3"


def test_the_day_in_apposition_to_a_date_is_that_date() -> None:
    text = "Prices slid after March 3, the day before the strike began."
    assert found(text, D(2025, 4, 2)) == [("March 3", "2025-03-03"), ("the day", "2025-03-03")]
    text = "They met on Monday, the day of the vote."
    assert value_of(text, "the day") == "2026-01-12"
    # Without a date beside it, "the day" names nothing.
    assert found("He came home, the day before the vote.") == []


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The club spent twice as much this year as last.", D(2025, 10, 27), "2024"),
        ("Rain fell more often this month than last.", D(2025, 10, 27), "2025-09"),
        ("Fares rose this week and last.", D(2025, 10, 27), "2025-W43"),
    ],
)
def test_last_after_this_unit_is_the_unit_before(text: str, dct: datetime.date, value: str) -> None:
    assert value_of(text, "last", dct) == value


def test_last_with_its_own_unit_is_left_to_the_unit_rule() -> None:
    text = "The club spent more this year than last year."
    assert found(text, D(2025, 10, 27)) == [("this year", "2025"), ("last year", "2024")]


def test_the_day_needs_a_written_date_beside_it() -> None:
    text = "Costs rose on Jan. 2. We may, the day after the vote, sell."
    assert found(text) == [("Jan. 2", "2026-01-02")]


def test_an_ordinal_quarter_in_apposition_is_the_latest_of_that_number() -> None:
    # In February the latest fourth quarter is the one of the year before.
    text = "In the latest quarter, the fourth quarter, the chain lost money."
    assert value_of(text, "the latest quarter", D(2026, 2, 10)) == "2025-Q4"
