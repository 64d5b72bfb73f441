"""Calendar dates written in Russian, German, French, Spanish, Italian and Portuguese."""

from __future__ import annotations

import pytest

from desktop.core.annotate.dates_dateline import parse_dateline
from desktop.core.loaders import load_bytes
from tests.core.annotate.test_dates import D, found

JAN_20 = D(2026, 1, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Он сказал 15 января 2026 года, что переговоры продолжатся.", [("15 января 2026 года", "2026-01-15")]),
        ("Документ подписан 2 февраля 2025 г. в Москве.", [("2 февраля 2025 г.", "2025-02-02")]),
        ("В январе 2026 года цены выросли.", [("январе 2026 года", "2026-01")]),
        ("Am 15. Januar 2026 sagte er.", [("15. Januar 2026", "2026-01-15")]),
        ("Im Mai 2025 kam er zurück.", [("Mai 2025", "2025-05")]),
        ("Le 1er janvier 2026, il a parlé.", [("1er janvier 2026", "2026-01-01")]),
        ("en février 2025 les prix ont monté", [("février 2025", "2025-02")]),
        ("El 15 de enero de 2026 dijo que sí.", [("15 de enero de 2026", "2026-01-15")]),
        ("Il 3 maggio 2025 è arrivato.", [("3 maggio 2025", "2025-05-03")]),
        ("Em 15 de janeiro de 2026 ele disse.", [("15 de janeiro de 2026", "2026-01-15")]),
    ],
)
def test_written_out_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, JAN_20) == expected


def test_a_day_and_month_take_the_year_nearest_the_publication_date() -> None:
    assert found("Встреча состоится 3 февраля.", JAN_20) == [("3 февраля", "2026-02-03")]
    assert found("Le sommet du 28 décembre.", JAN_20) == [("28 décembre", "2025-12-28")]
    assert found("Встреча состоится 3 февраля.", None) == [("3 февраля", "XXXX-02-03")]


@pytest.mark.parametrize(
    "text",
    [
        "The 3 Mars rovers sent pictures.",  # capitalised: the planet, not French "mars"
        "Глава 32 мая",  # no such day
        "Seite 45 Januar",  # no such day either
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert found(text, JAN_20) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15 января 2026", D(2026, 1, 15)),
        ("15 января 2026 года, 10:30", D(2026, 1, 15)),
        ("15. Januar 2026", D(2026, 1, 15)),
        ("1er janvier 2026 à 10h30", D(2026, 1, 1)),
        ("15 de enero de 2026", D(2026, 1, 15)),
        ("15.01.2026", D(2026, 1, 15)),
        ("15.01.2026 10:30", D(2026, 1, 15)),
        ("32.01.2026", None),
        ("15 января 2026 года в Москве прошла встреча", None),  # a sentence, not a dateline
    ],
)
def test_european_datelines(line: str, expected: D | None) -> None:
    assert parse_dateline(line) == expected


def test_a_russian_article_is_dated_by_its_dateline() -> None:
    article = load_bytes("Переговоры продолжатся\n\n15 января 2026\n\nОн сказал это в четверг.".encode(),
                         path="ru.txt")
    assert article.meta.date == D(2026, 1, 15)
