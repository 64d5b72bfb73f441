"""Tests for the date finder and the dateline parser (no Qt)."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotate.dates import _RULES, KINDS, DateMention, find_dates, parse_dateline
from desktop.core.annotate.dates_rules import Context

D = datetime.date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 15, 2026", D(2026, 1, 15)),
        ("  January 15, 2026  ", D(2026, 1, 15)),
        ("Jan. 15, 2026 10:30 AM", D(2026, 1, 15)),
        ("Jan 15, 2026, 10:30 a.m. ET", D(2026, 1, 15)),
        ("Published: 15 January 2026", D(2026, 1, 15)),
        ("Published on 3rd March 2025", D(2025, 3, 3)),
        ("Updated 2026-01-15 14:02 GMT", D(2026, 1, 15)),
        ("Updated: 2026-01-15T14:02:00Z", D(2026, 1, 15)),
        ("Thursday, January 15, 2026", D(2026, 1, 15)),
        ("Thu 15 Jan 2026 14:02", D(2026, 1, 15)),
        ("Sept. 9, 2024 | 6:00 PM EDT", D(2024, 9, 9)),
        ("May 1, 2026", D(2026, 5, 1)),
        ("Mon 12 Jan 2026 06.00 EST", D(2026, 1, 12)),
        ("Last updated: 15 January 2026 14:02 GMT+1", D(2026, 1, 15)),
    ],
)
def test_parse_dateline_accepts_datelines(line: str, expected: datetime.date) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "",
        "January 2026",  # month precision only
        "2026",
        "Thursday",
        "January 15",  # no year: not full-day precision on its own
        "Putin said on January 15, 2026 that talks would resume.",
        "February 30, 2026",  # no such day
        "2026-13-01",
        "January 15, 2026 " + "x" * 200,
        "Vladimir Putin. kremlin.ru",
    ],
)
def test_parse_dateline_rejects_other_lines(line: str) -> None:
    assert parse_dateline(line) is None


def test_parse_dateline_reads_seed_article() -> None:
    seeds = sorted((Path(__file__).parents[3] / "seeds").glob("001_*.txt"))
    if not seeds:
        pytest.skip("seed article not present")
    lines = seeds[0].read_text(encoding="utf-8").splitlines()
    found = [d for d in map(parse_dateline, lines) if d is not None]
    assert found[:1] == [D(2026, 1, 15)]


# --- find_dates -----------------------------------------------------------------------------


DCT = D(2026, 1, 15)  # a Thursday


def found(text: str, dct: datetime.date | None = DCT) -> list[tuple[str, str | None]]:
    """(text, value) of every mention, for compact assertions."""
    return [(m.text, m.value) for m in find_dates(text, dct)]


def value_of(text: str, phrase: str, dct: datetime.date | None = DCT) -> str | None:
    """The value of the one mention whose text is ``phrase``."""
    hits = [m for m in find_dates(text, dct) if m.text == phrase]
    assert len(hits) == 1, (phrase, found(text, dct))
    return hits[0].value


def test_seed_article_values() -> None:
    seeds = sorted((Path(__file__).parents[3] / "seeds").glob("001_*.txt"))
    if not seeds:
        pytest.skip("seed article not present")
    text = seeds[0].read_text(encoding="utf-8")
    mentions = find_dates(text, DCT)
    by_text: dict[str, set[str | None]] = {}
    for m in mentions:
        by_text.setdefault(m.text, set()).add(m.value)
    assert by_text["Thursday"] == {"2026-01-15"}
    assert by_text["Friday"] == {"2026-01-09"}
    assert by_text["last month"] == {"2025-12"}
    assert by_text["Monday"] == {"2026-01-12"}
    assert by_text["January 15, 2026"] == {"2026-01-15"}
    # The URL at the end holds 2026/01/15, which is not a mention.
    assert all("themoscowtimes" not in text[m.start - 40 : m.start] for m in mentions)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The law took effect on January 15, 2026.", "January 15, 2026", "2026-01-15"),
        ("It was signed 15 Jan. 2026 in Rome.", "15 Jan. 2026", "2026-01-15"),
        ("The filing is dated 2026-01-15.", "2026-01-15", "2026-01-15"),
        ("The vote is set for Jan. 20.", "Jan. 20", "2026-01-20"),
        ("Talks began in January 2026.", "January 2026", "2026-01"),
        ("The treaty was signed in 1998.", "1998", "1998"),
        ("The plant opened Sept. 30, 1998, near Lyon.", "Sept. 30, 1998", "1998-09-30"),
        ("Shares rose on Friday, Jan. 9, 2026.", "Friday, Jan. 9, 2026", "2026-01-09"),
        ("He was born on the 4th of July, 1990.", "4th of July, 1990", "1990-07-04"),
        ("Prices peaked in the 1990s.", "the 1990s", "199"),
        ("Profits fell in the first quarter of 1998.", "the first quarter of 1998", "1998-Q1"),
        ("The war ended in the 20th century.", "the 20th century", "19"),
        ("It was founded in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("Results improved in the second half of 2025.", "the second half of 2025", "2025-H2"),
        ("The bridge reopened in mid-1996.", "mid-1996", "1996"),
        ("Revenue for Q3 2025 beat forecasts.", "Q3 2025", "2025-Q3"),
        ("The FY2025 budget was cut.", "FY2025", "2025"),
        ("He served from 2018-2022 in Paris.", "2022", "2022"),
        ("Talks resumed on 1 January 2027.", "1 January 2027", "2027-01-01"),
        ("Margins grew in the last half of 1989.", "the last half of 1989", "1989-H2"),
        ("Sales peaked the week of March 6, 2000.", "the week of March 6, 2000", "2000-W10"),
        ("In fiscal 1990-91 the deficit grew.", "fiscal 1990", "1990"),
    ],
)
def test_absolute_dates(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        # Past-tense reporting: the most recent such day on or before the DCT.
        ("The minister said Thursday that talks would go on.", DCT, "Thursday", "2026-01-15"),
        ("The minister said Friday that talks would go on.", DCT, "Friday", "2026-01-09"),
        ("On Monday, the spokesman said nothing had changed.", DCT, "Monday", "2026-01-12"),
        # Across a year end and a month end.
        ("Officials said Friday the border was shut.", D(2026, 1, 1), "Friday", "2025-12-26"),
        ("The mayor resigned Saturday.", D(2026, 3, 2), "Saturday", "2026-02-28"),
        # Future-tense context: the next such day.
        ("The leaders will meet on Friday in Geneva.", DCT, "Friday", "2026-01-16"),
        ("The court will rule Monday.", D(2025, 12, 30), "Monday", "2026-01-05"),
        ("Voters have until Tuesday to register.", DCT, "Tuesday", "2026-01-20"),
        # Explicit modifiers.
        ("The plant closed last Thursday.", DCT, "last Thursday", "2026-01-08"),
        ("The summit opens next Monday.", DCT, "next Monday", "2026-01-19"),
        ("Fighting resumed Friday morning.", DCT, "Friday morning", "2026-01-09"),
        ("Fighting resumed Friday evening.", DCT, "Friday evening", "2026-01-09TEV"),
    ],
)
def test_weekdays(text: str, dct: datetime.date, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        ("Macron said last month that Europe should talk.", DCT, "last month", "2025-12"),
        ("Sales fell last month.", D(2026, 3, 15), "last month", "2026-02"),
        ("Elections are due next year.", DCT, "next year", "2027"),
        ("Growth slowed this year.", DCT, "this year", "2026"),
        ("The talks collapsed two weeks ago.", DCT, "two weeks ago", "2026-01-01"),
        ("The ship sank three years ago.", DCT, "three years ago", "2023"),
        ("The suspect was arrested yesterday.", D(2026, 1, 1), "yesterday", "2025-12-31"),
        ("The report comes out tomorrow.", DCT, "tomorrow", "2026-01-16"),
        ("Markets were calm today.", DCT, "today", "2026-01-15"),
        ("The envoy arrived this week.", DCT, "this week", "2026-W03"),
        ("Rates rose last week.", DCT, "last week", "2026-W02"),
        ("Profit fell last quarter.", DCT, "last quarter", "2025-Q4"),
        ("Profit fell in the fourth quarter.", DCT, "the fourth quarter", "2025-Q4"),
        ("Inflation eased last year.", DCT, "last year", "2025"),
        ("The strike began last summer.", DCT, "last summer", "2025-SU"),
        ("The bill passed earlier this month.", DCT, "earlier this month", "2026-01"),
        ("Sales rose last month's.", DCT, "last month", "2025-12"),
        ("Christmas Day fell on a Thursday.", DCT, "Christmas Day", "2025-12-25"),
    ],
)
def test_relative_dates(text: str, dct: datetime.date, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The rally starts at 8 p.m. near the square.", "8 p.m.", "2026-01-15T20:00"),
        ("The quake struck at 10:35 a.m. local time.", "10:35 a.m.", "2026-01-15T10:35"),
        ("Polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2026-01-14T22:00"),
        ("The deadline passed at noon Tuesday.", "noon Tuesday", "2026-01-13T12:00"),
        ("The shelling stopped this morning.", "this morning", "2026-01-15TMO"),
        ("Police fired tear gas last night.", "last night", "2026-01-14TNI"),
    ],
)
def test_times(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("A deal could come in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("The firm recently hired a new chief.", "recently", "PAST_REF"),
        ("The country is now in recession.", "now", "PRESENT_REF"),
        ("Such attacks were rare in the past.", "the past", "PAST_REF"),
        ("Nobody knows what the future holds.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The dam broke on Oct. 23, 1998. Earlier that day, rain fell.", "Earlier that day", "1998-10-23"),
        ("He moved in 1995 and married the following year.", "the following year", "1996"),
        ("The vote was in March 2024. That month, prices fell.", "That month", "2024-03"),
        ("The ferry sank on Jan. 3. Rescuers arrived at 10 p.m.", "10 p.m.", "2026-01-03T22:00"),
        ("The storm hit at 6 a.m., police said.", "6 a.m.", "2026-01-15T06:00"),
    ],
)
def test_mentions_anchored_on_an_earlier_one(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # A possessive weekday names an event already reported, despite "will".
        ("The family will appeal Wednesday's ruling.", "Wednesday", "2026-01-14"),
        # A plan told in the past perfect is over.
        ("The deal had been due to close Friday.", "Friday", "2026-01-09"),
        ("The contract is due to expire Friday.", "Friday", "2026-01-16"),
        # A cue far back in another sentence does not carry over.
        ("Talks will go on. The envoy left Tuesday.", "Tuesday", "2026-01-13"),
    ],
)
def test_tense_cues(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def test_since_looks_back_without_a_past_verb() -> None:
    text = "Police are searching for him since the Oct. 23 attack."
    assert value_of(text, "Oct. 23", D(2026, 6, 1)) == "2025-10-23"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It was founded in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("Snow fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
        ("Sales were weak this past spring.", "this past spring", "2025-SP"),
        ("Sales were weak last spring.", "last spring", "2025-SP"),
        ("The loan is due by February.", "February", "2026-02"),
        ("Exports fell in November.", "November", "2025-11"),
    ],
)
def test_months_and_seasons(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def test_spelled_years_need_a_year_context() -> None:
    text = "He paid two thousand five hundred dollars in two thousand five, in the year two thousand."
    assert found(text) == [("two thousand five", "2005"), ("the year two thousand", "2000")]


def test_comparisons_and_discourse_markers_are_not_dates() -> None:
    text = "Profit fell from $450 million the year before. Now, he says, it is over."
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Prices may rise. May I ask a question? It may be so.",
        "Protesters March on the capital.",
        "We will see. We agreed.",
        "About 2,000 people and some 1500 soldiers were there.",
        "The bill costs $2026 and weighs 1999 pounds.",
        "He scored 2019 points in room 1984.",
        "Read more at https://example.com/2026/01/15/story-1998 today.",
        "See www.example.org/archive/2025-12-01/page for details.",
        "Donations reached 3,1998 units.",
        "The Orion 1980 satellite failed.",
        "Tune in to This Week on Sunday mornings.",
        "The Sunday Times and Monday Night Football ran it.",
        "They watched Apocalypse Now again.",
        "He scored twice in the first half and once in the second half.",
        "The Jets scored a touchdown in the third quarter.",
        "They debated the future of Europe.",
        "Source: bbc.co.uk/news/world-2026-01-15-1998",
    ],
)
def test_non_dates_are_not_found(text: str) -> None:
    assert [m.text for m in find_dates(text, DCT) if m.text not in ("today", "Sunday mornings")] == []


def test_weekday_before_a_name_is_kept_after_on() -> None:
    assert found("On Thursday Putin spoke.") == [("Thursday", "2026-01-15")]


def test_may_and_march_as_months_are_found() -> None:
    text = "The law passed in May. Protests grew in March and by early May had spread."
    assert found(text) == [("May", "2025-05"), ("March", "2025-03"), ("early May", "2025-05")]


def test_weekday_span_excludes_preposition() -> None:
    (mention,) = find_dates("She resigned on Monday.", DCT)
    assert (mention.text, mention.start, mention.kind) == ("Monday", 16, "weekday")


def test_weekday_span_excludes_earlier_and_later() -> None:
    assert found("Earlier Friday, the army withdrew.") == [("Friday", "2026-01-09")]


def test_days_before_an_event_are_a_duration() -> None:
    (mention,) = find_dates("Ten days before the vote, he quit.", DCT)
    assert (mention.text, mention.value, mention.kind) == ("Ten days", "P10D", "duration")


def test_month_day_span_excludes_article() -> None:
    (mention,) = find_dates("Since the Aug. 7 attacks, security is tight.", DCT)
    assert mention.text == "Aug. 7"


def test_without_dct_values_needing_it_are_none_or_yearless() -> None:
    text = "He said Friday that on Jan. 15, 2026 and on March 3 the talks and last month failed."
    assert found(text, None) == [
        ("Friday", None),
        ("Jan. 15, 2026", "2026-01-15"),
        ("March 3", "XXXX-03-03"),
        ("last month", None),
    ]


def test_kinds_are_declared() -> None:
    text = "On Monday at 8 p.m., two days ago, recently, on Jan. 3 and every Sunday over the past three years"
    kinds = {m.kind for m in find_dates(text, DCT)}
    assert kinds == KINDS == {"date", "time", "weekday", "relative", "vague", "duration", "set"}


def test_empty_and_whitespace() -> None:
    assert find_dates("", DCT) == []
    assert find_dates("   \n\t", None) == []


def test_accepts_a_datetime_as_dct() -> None:
    when = datetime.datetime(2026, 1, 15, 9, 30)
    assert value_of("It rained yesterday.", "yesterday", when) == "2026-01-14"


_DATEY = st.sampled_from(
    [
        "January 15, 2026",
        " Jan. ",
        "May",
        "March",
        " 1998",
        "2026-01-15",
        "Friday",
        " last ",
        " month",
        " ago",
        " two weeks",
        "p.m.",
        "8",
        ":",
        ",",
        " ",
        "\n",
        "http://x.com/2026/01/",
        "the ",
        "quarter",
        "'s",
        "ﬁ",
        "İ",
        "\u0301",
        "Q3 ",
        "H1 '26",
        "FY",
        " nineteen ninety-",
        "two thousand and ",
        " o'clock",
        "noon ",
        " a.m. ",
        "Christmas",
        " 9999",
        " 0000",
        " 31",
        "Feb. 30",
        " 4th of ",
        "the third quarter",
        "a year earlier",
        " that day",
        "Now,",
        "0",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_DATEY, st.text(max_size=8)), max_size=30).map("".join),
    st.one_of(st.none(), st.dates(min_value=D(1, 1, 8), max_value=D(9999, 12, 24))),
)
def test_any_text_gives_sound_mentions(text: str, dct: datetime.date | None) -> None:
    mentions = find_dates(text, dct)
    previous_end = -1
    for m in mentions:
        assert isinstance(m, DateMention)
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= previous_end
        assert m.kind in KINDS
        previous_end = m.end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_DATEY, st.text(max_size=6)), max_size=25).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_no_rule_raises(text: str, dct: datetime.date | None) -> None:
    # find_dates guards each rule so that one bad rule costs one mention; this test
    # calls the rules bare, so that a rule which raises is still caught and fixed.
    ctx = Context(text, dct)
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            rule.handler(match, ctx)


@settings(max_examples=50, deadline=None)
@given(st.dates(), st.sampled_from(["Friday", "yesterday", "last week", "next year", "ago"]))
def test_extreme_dcts_do_not_crash(dct: datetime.date, word: str) -> None:
    find_dates(f"It happened {word} and two days ago and next month, Jan. 3.", dct)


@pytest.mark.parametrize(
    "text",
    ["a." * 20000, "1998 " * 8000, "year-ago " * 4500, "Friday 8 : 1 " * 3000],
    ids=["dotted-run", "many-years", "many-modifiers", "many-weekdays"],
)
def test_dense_or_odd_text_stays_fast(text: str) -> None:
    # Each of these took 3 to 35 seconds before the patterns and look-ups were made
    # linear; the bound is loose so that a busy machine does not fail it.
    began = time.perf_counter()
    find_dates(text, DCT)
    assert time.perf_counter() - began < 4.0
