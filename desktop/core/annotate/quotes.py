"""Quotation finder: quoted spans in article text, with their speakers.

``find_quotes`` pairs the quotation marks (``quote_marks``), attributes each outermost
quotation from its own sentence or its neighbours (``quote_context``, which uses
``quote_attribution`` and ``quote_phrases`` with the word lists of ``quote_cues``),
classifies it (full, partial, scare) and resolves the speaker mention to a name
(``speakers``). Pure Python, linear in the text; it never raises on odd input.

Span convention (as in PolNeAR-style gold data): the span includes the quotation marks;
a quotation running over several paragraphs gives one Quote per paragraph, each opening
with its mark, all sharing the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.annotate.quote_attribution import Attribution
from desktop.core.annotate.quote_context import Sentences, attribute_quotes
from desktop.core.annotate.quote_marks import QuoteSpan, find_quote_spans
from desktop.core.annotate.speakers import SpeakerResolver

__all__ = ["FULL", "PARTIAL", "SCARE", "Quote", "find_quotes", "reported_speech"]

FULL = "full"
PARTIAL = "partial"
SCARE = "scare"


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its span in the text (marks included), who said it and how.

    ``speaker_start``/``speaker_end`` locate the speaker mention in the attribution clause
    ("he" in "he said"); ``speaker`` is the name it resolves to (None when the mention is
    not a person, or no earlier name fits). ``cue`` is the cue verb ("said"), ":" or "―"
    for a colon or dash attribution, None when the speaker is only the sentence subject.
    ``kind`` is "full" for a quoted sentence or clause, "partial" for a fragment inside
    reported speech (and for a quotation nested in another) and "scare" for scare quotes
    and titles; a scare quote keeps the speaker its sentence names, if any.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    kind: str


_LONG_FRAGMENT = 6
# Words before a title: on “Meet the Press”, CBS’s “Face the Nation”, a book titled “…”.
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|in|of|from|for|about|titled|entitled|called|named|dubbed|show|book|film|"
    r"movie|program|programme|podcast|series|song|album|novel|column|op-ed|slogan)|[’']s?)"
    r"[\s,]*$",
    re.IGNORECASE,
)
# Nouns after a title: the “Daily Show” host, a “Make America Great Again” hat.
_TITLE_AFTER = re.compile(
    r"\s*(?:star|stars|host|co-host|anchor|actor|actress|author|creator|hat|hats|cap|shirt|"
    r"t-shirt|sign|signs|banner|slogan|show|series|film|movie|book|album|song|program|"
    r"campaign|initiative|bill|act|rule|podcast|segment|episode|broadcast|documentary)\b",
    re.IGNORECASE,
)
# A byline after a quoted headline: “…,” by the Post's Ana Ruiz / by Reuters.
_BYLINE_AFTER = re.compile(r"[ \t\xa0]*by[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z]")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at"})
_CUE_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|added|asked|wrote|writes|declared)\s*$")


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations in ``text``, sorted by start offset."""
    spans = find_quote_spans(text)
    if not spans:
        return []
    top = [s for s in spans if s.depth == 0]
    sentences = Sentences(text, top)
    attrs = attribute_quotes(text, top, sentences)
    resolver = SpeakerResolver(text)
    quotes: list[Quote] = []
    outer: QuoteSpan | None = None
    for span in spans:
        attr: Attribution | None = None
        if span.depth == 0:
            outer = span
            attr = attrs.get(span.start)
            # A speaker guessed from the sentence subject alone (no cue) does not make a
            # scare quote into reported speech.
            kind = _kind(text, span, sentences, attr is not None and attr.cue is not None)
        else:
            kind = PARTIAL if outer is not None and outer.end >= span.end else SCARE
        quotes.append(
            Quote(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                speaker=resolver.resolve(attr.speaker_start, attr.speaker_end) if attr else None,
                speaker_start=attr.speaker_start if attr else None,
                speaker_end=attr.speaker_end if attr else None,
                cue=attr.cue if attr else None,
                kind=kind,
            )
        )
    return quotes


def _is_title(inner: str, head: str, tail: str) -> bool:
    """A short title-cased quotation after "on", "'s", "titled" or before "star", "host"."""
    tokens = inner.rstrip(".,!?”\"’'»“").split()
    if not tokens or len(tokens) > 7:
        return False
    if not (_TITLE_BEFORE.search(head[-40:]) or _TITLE_AFTER.match(tail)):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS for w in tokens)


def _kind(text: str, span: QuoteSpan, sentences: Sentences, attributed: bool) -> str:
    """Classify an outermost quotation as full, partial or scare."""
    inner = text[span.start + 1 : span.end].lstrip(" .…[(\"'“‘")
    capital = bool(inner) and inner[0].isupper()
    head = sentences.head(text, span.start).rstrip()
    clause = head == "" or head[-1] in ":,—–-" or bool(_CUE_BEFORE.search(head[-30:]))
    if _is_title(inner, head, text[span.end : span.end + 30]):
        return SCARE
    if _BYLINE_AFTER.match(text, span.end):
        return SCARE  # “Museum to close,” by Ana Ruiz: a headline, not speech
    words = len(inner.split(None, _LONG_FRAGMENT))
    if clause and capital and (attributed or words >= 4 or not span.closed):
        return FULL
    if attributed or words >= _LONG_FRAGMENT:
        # Six words and more are quoted speech or writing even with no one named.
        return PARTIAL
    return SCARE


def reported_speech(quotes: list[Quote]) -> list[Quote]:
    """The quotations that are reported speech: all but scare quotes and titles."""
    return [q for q in quotes if q.kind != SCARE]
