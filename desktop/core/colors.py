"""The colours that mark differences, quotations and dates, for light and dark themes.

Each mark is a background behind the theme's ordinary text colour, chosen so the
text keeps WCAG AA contrast (4.5:1) on it; `contrast_ratio` is the check.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class MarkColors:
    """Backgrounds (#rrggbb) for each kind of mark, and the text colour they sit under."""

    text: str
    delete_word: str
    insert_word: str
    delete_block: str
    insert_block: str
    move_block: str
    gap: str
    current: str
    quote: str
    date: str

    def backgrounds(self) -> dict[str, str]:
        """Every background colour by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "text"}


LIGHT = MarkColors(
    text="#1b1b1b",
    delete_word="#f6b9b3",
    insert_word="#b5e3bd",
    delete_block="#fdecea",
    insert_block="#e9f7ec",
    move_block="#e5eefa",
    gap="#f2f2f2",
    current="#fff3c4",
    quote="#fbe7b5",
    date="#d9e8fb",
)

DARK = MarkColors(
    text="#e8e8e8",
    delete_word="#7a2e2a",
    insert_word="#24603a",
    delete_block="#3d2523",
    insert_block="#213a2a",
    move_block="#22324a",
    gap="#2c2c2c",
    current="#5a4a12",
    quote="#5c4a1e",
    date="#23405e",
)


def marks_for(dark: bool) -> MarkColors:
    """The mark colours for a dark or a light theme."""
    return DARK if dark else LIGHT


def _luminance(color: str) -> float:
    value = color.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
