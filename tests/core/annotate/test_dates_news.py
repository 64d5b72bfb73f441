"""Dates in news: reporting periods, tense cues, holidays, and mentions resolved from the one before."""

from __future__ import annotations

import datetime

import pytest

from tests.core.annotate.test_dates import DCT, D, found, value_of


def test_earnings_year_ago_is_the_same_quarter() -> None:
    text = "Third-quarter profit rose 5% from $2 million a year earlier."
    assert value_of(text, "a year earlier", D(2025, 10, 20)) == "2024-Q3"
    assert value_of(text, "Third-quarter", D(2025, 10, 20)) == "2025-Q3"


def test_year_ago_after_a_longer_period_is_the_year() -> None:
    text = (
        "Third-quarter profit rose 5%. For the nine months, the firm earned $9 million, "
        "up from $7 million a year earlier and from $6 million in the 2023 period."
    )
    dct = D(2025, 10, 20)
    assert value_of(text, "a year earlier", dct) == "2024"
    assert value_of(text, "the 2023 period", dct) == "2023"
    # "a six-month low" names no reporting period.
    text = "Third-quarter profit hit a six-month low, down from a year earlier."
    assert value_of(text, "a year earlier", dct) == "2024-Q3"


def test_quarter_anaphora_and_latest_period() -> None:
    text = "The firm lost money in the second quarter. Sales in that quarter fell."
    assert value_of(text, "that quarter", D(2025, 10, 20)) == "2025-Q2"
    assert value_of("Costs rose in the latest period.", "the latest period", D(2025, 11, 2)) == "2025-Q3"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # Present-tense schedules and plans told in the past lie ahead.
        ("The two envoys meet Monday in Oslo.", "Monday", "2026-01-19"),
        ("The team planned to leave on Saturday.", "Saturday", "2026-01-17"),
        ("Fans were planning to march on Sunday.", "Sunday", "2026-01-18"),
        # A date before "planned" says when the plan was made.
        ("On Tuesday, the city planned to pay the workers.", "Tuesday", "2026-01-13"),
        # "to meet" is an infinitive, not a schedule; "did not meet" is past.
        ("Sales rose Monday, hard as it was to meet demand.", "Monday", "2026-01-12"),
        ("The two sides did not meet Monday.", "Monday", "2026-01-12"),
        # A plan over by the time of writing, with the verb after "due to".
        ("The offer had been due to expire Friday.", "Friday", "2026-01-09"),
        # Passive participles and negated adjectives are not past verbs.
        ("The bonus would be paid on an unspecified date in March.", "March", "2026-03"),
    ],
)
def test_schedule_and_plan_cues(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        # "than expected to" compares with an old forecast: no plan lies ahead.
        (
            "The firm's announcement Friday of a loss shows it moving faster than expected to cut costs.",
            DCT,
            "Friday",
            "2026-01-09",
        ),
        # A participle after "is" is a present passive, not a past verb.
        ("The appeal is heard in May.", D(2026, 3, 20), "May", "2026-05"),
        # What was agreed or promised lies after the agreement.
        ("The firm agreed to buy the plant for $5 million in February.", D(2025, 10, 30), "February", "2026-02"),
        ("She had not signed an agreement to hand over the files in May.", D(2026, 3, 20), "May", "2026-05"),
    ],
)
def test_tense_cues_of_comparisons_passives_and_agreements(
    text: str, dct: datetime.date, phrase: str, value: str
) -> None:
    assert value_of(text, phrase, dct) == value


def test_many_weeks_ago_names_a_week() -> None:
    assert value_of("The boat left six weeks ago.", "six weeks ago") == "2025-W49"
    assert value_of("The boat left two weeks ago.", "two weeks ago") == "2026-01-01"


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        ("Pilgrims prayed as Easter week began.", D(2000, 4, 17), "Easter week", "2000-W16"),
        ("Shops will close on Good Friday.", DCT, "Good Friday", "2026-04-03"),
        ("The rally was held on Easter Sunday.", DCT, "Easter Sunday", "2025-04-20"),
        ("Crowds filled the squares during Holy Week.", D(2025, 4, 25), "Holy Week", "2025-W16"),
    ],
)
def test_easter_and_its_feasts(text: str, dct: datetime.date, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dct) == value


def test_easter_in_a_name_is_not_a_date() -> None:
    assert found("The ship reached Easter Island.") == []


def test_two_quarters_of_a_year_are_a_half() -> None:
    text = "Demand should stay weak through the first two quarters of 2027."
    assert value_of(text, "first two quarters of 2027") == "2027-H1"
    assert found("It lost money in the first two quarters.") == []


def test_the_day_before_or_after_a_date() -> None:
    text = "The day before last Tuesday's hearing, he flew home."
    assert found(text) == [("day before last Tuesday", "2026-01-12")]
    assert found("They left the day after Christmas.") == [("day after Christmas", "2025-12-26")]


def test_year_end_already_reached_is_last_years_close() -> None:
    assert value_of("The index is up 4% since year-end.", "year-end", D(2025, 10, 30)) == "2024-12-31"
    assert value_of("The deal should close by year-end.", "year-end", D(2025, 10, 30)) == "2025"


def test_until_then_takes_the_date_before() -> None:
    text = "Conversion rights end on Nov. 30. Until then, holders may convert."
    assert found(text, D(2025, 10, 30)) == [("Nov. 30", "2025-11-30"), ("then", "2025-11-30")]
    assert found("Until then, nobody knew.") == []


def test_this_quarter_in_an_earnings_report_is_the_reported_one() -> None:
    text = "Third-quarter profit fell 5%. This quarter's loss includes a charge."
    assert value_of(text, "This quarter", D(2025, 10, 20)) == "2025-Q3"
    assert value_of("Sales should grow this quarter.", "this quarter", D(2025, 10, 20)) == "2025-Q4"


def test_second_day_of_a_pair_is_its_own_mention() -> None:
    assert found("The summit is on April 24 and 25.") == [("April 24", "2026-04-24"), ("25", "2026-04-25")]
    assert found("On May 5 and 30 people came.", D(2026, 6, 1)) == [("May 5", "2026-05-05")]


def test_month_before_a_noun_after_the() -> None:
    assert value_of("The March accession will go ahead.", "March") == "2026-03"
    assert found("The March of Dimes raised money.") == []


def test_time_takes_the_weekday_after_an_aside() -> None:
    text = "The blast came at 10:35 a.m. (0735 GMT) Friday."
    assert value_of(text, "10:35 a.m.") == "2026-01-09T10:35"


def test_a_period_ended_on_a_date_lies_before_the_dct() -> None:
    text = "In the fiscal year ended Jan. 31, sales rose."
    assert value_of(text, "Jan. 31", D(2025, 10, 31)) == "2025-01-31"
    assert value_of("The quarter ended Oct. 31 was weak.", "Oct. 31", D(2025, 10, 27)) == "2024-10-31"


def test_nth_day_in_the_present_is_the_dct() -> None:
    assert value_of("Today is the eighth day of the strike.", "the eighth day") == "2026-01-15"
    assert found("He said the second day of talks went well.") == []


def test_later_in_the_day_and_in_the_morning_take_the_story_day() -> None:
    text = "The ship sank on Jan. 3. Later in the day divers arrived; in the morning rain fell."
    assert value_of(text, "the day") == "2026-01-03"
    assert value_of(text, "the morning") == "2026-01-03TMO"


def test_previous_and_following_weekday_count_from_the_mention_before() -> None:
    text = (
        "Stocks fell Friday, down 4% from the previous Friday. "
        "Talks began Jan. 2; the following Monday they ended."
    )
    assert value_of(text, "the previous Friday") == "2026-01-02"
    assert value_of(text, "the following Monday") == "2026-01-05"
    assert value_of("Markets closed the previous Friday.", "the previous Friday") is None


def test_mid_part_of_day() -> None:
    assert value_of("By mid-afternoon the shelling had stopped.", "mid-afternoon") == "2026-01-15TAF"
    assert value_of("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday") == "2026-01-14TAF"
