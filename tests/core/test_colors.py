"""Every mark keeps the text readable: WCAG AA contrast in both themes."""

from __future__ import annotations

import pytest

from desktop.core.colors import DARK, LIGHT, contrast_ratio, marks_for


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_on_every_mark_meets_aa(theme: object) -> None:
    for name, background in theme.backgrounds().items():  # type: ignore[attr-defined]
        assert contrast_ratio(theme.text, background) >= 4.5, name  # type: ignore[attr-defined]


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_marks_for() -> None:
    assert marks_for(dark=True) is DARK and marks_for(dark=False) is LIGHT
