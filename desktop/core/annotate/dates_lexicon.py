"""Words and regex fragments shared by the date finder and the dateline parser."""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

MONTH_ABBREVIATIONS: Final[dict[str, int]] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

WEEKDAY_ABBREVIATIONS: Final[dict[str, int]] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "several": 0,
    "few": 0,
    "a few": 0,
    "many": 0,
    "some": 0,
    "couple": 2,
    "a couple of": 2,
}

ORDINAL_WORDS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(sorted(words, key=len, reverse=True))


# "Sept." and "Sept" both occur; the optional dot is part of the span, as TimeBank marks it.
MONTH_FULL_RE: Final[str] = alternation(list(MONTHS))
MONTH_ABBR_RE: Final[str] = rf"(?:{alternation(list(MONTH_ABBREVIATIONS))})\.?"
MONTH_RE: Final[str] = rf"(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE})"
WEEKDAY_FULL_RE: Final[str] = alternation(list(WEEKDAYS))
WEEKDAY_ABBR_RE: Final[str] = rf"(?:{alternation(list(WEEKDAY_ABBREVIATIONS))})\.?"


def month_number(word: str) -> int | None:
    """The month (1-12) named by a full or abbreviated month word, else None."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def weekday_number(word: str) -> int | None:
    """The weekday (Monday 0) named by a full or abbreviated weekday word, else None."""
    key = word.lower().rstrip(".")
    if key.endswith("s") and key[:-1] in WEEKDAYS:
        key = key[:-1]
    found = WEEKDAYS.get(key)
    return found if found is not None else WEEKDAY_ABBREVIATIONS.get(key)
