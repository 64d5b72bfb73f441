"""Reading the context around a date mention: tense, URLs and sentence bounds."""

from __future__ import annotations

import re
from typing import Final

_URL_RE: Final = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[\w.-]+\.(?:com|org|net|ru|uk)/\S*")

# Cues that the clause speaks of what is still to come.
_FUTURE_RE: Final = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|scheduled|expected\s+to|plans?\s+to|planning"
    r"|as\s+soon\s+as|as\s+early\s+as|due\s+to"
    r"|set\s+to|upcoming|is\s+to|are\s+to|intends?|aims?\s+to|would)\b",
    re.IGNORECASE,
)
# Cues of reported past: the common reporting verbs and auxiliaries, plus regular "-ed" forms.
_PAST_RE: Final = re.compile(
    r"\b(?:said|told|was|were|had|did|announced|came|went|met|made|gave|took|began|"
    r"spoke|wrote|held|left|saw|got|fell|rose|won|lost|sold|bought|struck|hit|"
    r"ago|last|earlier)\b",
    re.IGNORECASE,
)
# A plan told in the past ("had been due to expire Friday") is over by the time of writing.
_PAST_PLAN_RE: Final = re.compile(
    r"\bhad\s+been\s+(?:due|scheduled|expected|set|going|planning)(?:\s+to)?\b",
    re.IGNORECASE,
)
# Regular past forms, a weaker cue: many "-ed" words are adjectives ("unspecified").
_PAST_ED_RE: Final = re.compile(r"\b[a-z]{2,}ed\b")
_SENTENCE_END_RE: Final = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, whose digits look like dates but are not mentions."""
    return [m.span() for m in _URL_RE.finditer(text)]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence around ``text[start:end]`` (approximate)."""
    window_start = max(0, start - 400)
    left = window_start
    for m in _SENTENCE_END_RE.finditer(text, window_start, start):
        left = m.end()
    m_right = _SENTENCE_END_RE.search(text, end, min(len(text), end + 400))
    right = m_right.start() + 1 if m_right else min(len(text), end + 400)
    return left, right


# A deadline ("until Tuesday", "by Friday") lies ahead whatever the verb's tense.
_DEADLINE_RE: Final = re.compile(r"\b(?:(?:until|till)\s+(?:\S+\s+){0,3}|by\s+)$", re.IGNORECASE)


def tense_near(text: str, start: int, end: int) -> str:
    """ "future", "past" or "unknown": the tense of the clause around a mention.

    The nearest cue in the sentence wins, since a sentence such as "X said Monday
    that talks will resume Friday" holds both tenses and each date takes its verb's.
    """
    left, right = sentence_bounds(text, start, end)
    if _DEADLINE_RE.search(text, max(left, start - 30), start) and not re.search(
        r"\b(?:had|was|were|did)\b", text[start:right]
    ):
        return "future"
    best: tuple[int, str] | None = None
    cues = (
        (_PAST_PLAN_RE, "past", 1),
        (_FUTURE_RE, "future", 1),
        (_PAST_RE, "past", 1),
        (_PAST_ED_RE, "past", 2),
    )
    for pattern, tense, weight in cues:
        for m in pattern.finditer(text, left, start):
            distance = (start - m.end()) * weight
            if best is None or distance < best[0]:
                best = (distance, tense)
        for m in pattern.finditer(text, end, right):
            # A verb after the date usually belongs to the next clause, so weigh it less.
            distance = ((m.start() - end) * 2 + 10) * weight
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else "unknown"
