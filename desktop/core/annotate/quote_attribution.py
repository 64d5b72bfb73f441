"""Finding the attribution clause of one quotation: the cue verb and the speaker mention.

Works on plain offsets within a window the caller gives. ``attribution_after`` reads
right after the quotation (“…,” Putin said / “…,” said Smith / “…” ― Ana Ruiz);
``attribution_before`` reads the same sentence before it (Smith said: “…” / Meloni said
that “…” / Trump attacked Clinton, saying “…” / Jeffrey M. Jones: “…”). Neighbouring
sentences are ``quote_context``'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.annotate.quote_cues import (
    INVERTING_CUES,
    SUBJECTLESS_CUES,
    Cue,
    find_cues,
)
from desktop.core.annotate.quote_phrases import (
    LEADING_FUNCTION,
    clause_subject,
    np_after,
    np_before,
)

__all__ = ["Attribution", "attribution_after", "attribution_before"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker mention ``text[speaker_start:speaker_end]`` and its cue verb."""

    speaker_start: int
    speaker_end: int
    cue: str | None


_SENTENCE_END_INSIDE = re.compile(r"[a-z]{3,}[.!?](?:\s|$)|[!?;:]")
# “…” ― Oscar P. Quintero: a dash and a bare name closing the paragraph or sentence.
_DASH_NAME = re.compile(
    r"\s*[―—–-][ \t\xa0]*([A-Z][\w’'.-]*(?:[ \t\xa0]+[A-Z][\w’'.-]*){0,4})"
    r"(?:[,.][^\n]{0,80})?[ \t\xa0]*(?:\n|$)"
)
_GAP = re.compile(r"[\s,—–-]*")


def attribution_after(text: str, end: int, limit: int) -> Attribution | None:
    """An attribution right after a quotation ending at ``end``: “…,” he said."""
    dash = _DASH_NAME.match(text, end)
    if dash is not None:
        return Attribution(dash.start(1), dash.end(1), "―")
    gap = _GAP.match(text, end, max(end, limit))
    lo = gap.end() if gap is not None else end
    if (
        end >= 2
        and text[end - 2] == "."
        and lo < len(text)
        and text[lo].isupper()
    ):
        return None  # “… .” He added, “…”: the cue introduces the next quotation
    return (
        _known_cue_after(text, lo, limit)
        or _appositive_after(text, lo, limit)
        or _generic_after(text, end, lo, limit)
    )


# “…,” Nate Silver, the polling guru who founded …, tweeted: a name, then a long aside.
_NAME_THEN_COMMA = re.compile(
    r"((?:[A-Z][\w’'.-]*[ \t\xa0]+){0,4}[A-Z][\w’'-]*"
    r"|(?:the|a|an)[ \t\xa0]+(?:[\w’'.-]+[ \t\xa0]+){0,5}[\w’'-]+)"
    r"(?:[ \t\xa0]*\([^()\n]{1,40}\))?,"
)


def _appositive_after(text: str, lo: int, limit: int) -> Attribution | None:
    """A name right after the quotation, an aside between commas, then the cue verb."""
    m = _NAME_THEN_COMMA.match(text, lo, limit)
    if m is None or m.group(1) in LEADING_FUNCTION:
        return None
    for cue in find_cues(text, m.end(), min(limit, m.end() + 300)):
        between = text[m.end() : cue.start]
        if _SENTENCE_END_INSIDE.search(between):
            return None
        if between.rstrip().endswith(",") and not SUBJECTLESS_CUES.search(cue.word):
            return Attribution(m.start(1), m.end(1), cue.word)
    return None


# "… - at which point the crowd chanted": a new clause, not an attribution of the quote.
_CLAUSE_WORD = re.compile(
    r"\b(?:which|that|when|where|while|at|after|before|because|if)\b", re.IGNORECASE
)


def _known_cue_after(text: str, lo: int, limit: int) -> Attribution | None:
    """“…,” Smith said / “…,” said Smith / “…,” federal prosecutors wrote."""
    for cue in find_cues(text, lo, min(limit, lo + 120)):
        between = text[lo : cue.start]
        if _SENTENCE_END_INSIDE.search(between) or len(between.split()) > 14:
            return None
        if between.strip():
            if between.rstrip().endswith(",") and cue.word.lower() in INVERTING_CUES:
                # “…” in the 2008 primary, said Paul Beck.
                after = np_after(text, cue.end, limit)
                if after is not None and not _CLAUSE_WORD.search(between):
                    return Attribution(after[0], after[1], cue.word)
            span = np_before(text, lo, cue.start, bare=True)
            if span is None:
                return None
            prefix = text[lo : span[0]]
            if (
                len(prefix.split()) <= 4
                and not _SENTENCE_END_INSIDE.search(prefix)
                and not _CLAUSE_WORD.search(prefix)
            ):
                return Attribution(span[0], span[1], cue.word)
            return None
        if cue.word.lower() in INVERTING_CUES:
            span = np_after(text, cue.end, limit)
            if span is not None:
                return Attribution(span[0], span[1], cue.word)
        return None
    return None


# After a quotation closed by , ? or !: "he surmised", "Toomey fumed", "agrees Stevens".
_SUBJECT_VERB = re.compile(
    r"(?P<np>[Hh]e|[Ss]he|[Tt]hey|I|we|(?:[A-Z][\w’'.-]*[ \t\xa0]+){0,4}[A-Z][\w’'-]*"
    r"|(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)(?:[ \t\xa0]+[\w’'-]+){1,4}?)"
    r"[ \t\xa0]+(?P<verb>[a-z]{3,}(?:ed|s)|shot|spoke|went|began|wrote|said|told|put|sang)\b"
    r"(?=[ \t\xa0]*[.,;:\n]|$|[ \t\xa0]+(?:on|in|at|to|and|as|before|after|during|while|back|"
    r"with|from|of|about|up|out|off|over)\b)"
)
_VERB_SUBJECT = re.compile(r"(?P<verb>[a-z]{3,}(?:ed|s))[ \t\xa0]+(?=[A-Z])")


def _generic_after(text: str, end: int, lo: int, limit: int) -> Attribution | None:
    """Subject and verb right after a quotation ending in , ? or ! whatever the verb."""
    if end < 2 or text[end - 2] not in ",?!" or text[end - 1] not in '”"»':
        return None
    m = _SUBJECT_VERB.match(text, lo, limit)
    if m is not None and m.group("np") not in LEADING_FUNCTION:
        return Attribution(m.start("np"), m.end("np"), m.group("verb"))
    m = _VERB_SUBJECT.match(text, lo, limit)
    if m is not None:
        span = np_after(text, m.end(), limit)
        if span is not None:
            return Attribution(span[0], span[1], m.group("verb"))
    return None


def attribution_before(
    text: str, lo: int, start: int, skip: list[tuple[int, int]]
) -> Attribution | None:
    """An attribution in ``text[lo:start]``, before a quotation starting at ``start``.

    ``skip`` holds spans (other quotations) whose words are not cues. Later cues win; a
    participle cue ("…, saying “…”") hands over to an earlier cue's subject, or else to
    the subject of the clause ("Trump attacked Clinton, saying “…”").
    """
    cues = [
        c for c in find_cues(text, lo, start) if not any(a <= c.start < b for a, b in skip)
    ]
    participle: Cue | None = None
    for cue in reversed(cues):
        word = cue.word.lower()
        if SUBJECTLESS_CUES.search(word) and word not in _PHRASES:
            # A participle has no subject of its own before it ("…, saying “…”").
            participle = participle or cue
            continue
        sub_lo = max([lo] + [b for a, b in skip if b <= cue.start])
        subject_first = word not in _PHRASES and _word_before(text, sub_lo, cue.start)
        if subject_first:
            span = np_before(text, sub_lo, cue.start)
            if span is not None:
                return Attribution(span[0], span[1], cue.word)
        if word in INVERTING_CUES:
            # "said Smith: “…”", "according to Smith, “…”"
            after = np_after(text, cue.end, start)
            if after is not None and (word in _PHRASES or _ends_clause(text, after[1], start)):
                return Attribution(after[0], after[1], cue.word)
        if not subject_first and word not in _PHRASES:
            span = np_before(text, sub_lo, cue.start)  # "Smith, a spokesman, said “…”"
            if span is not None:
                return Attribution(span[0], span[1], cue.word)
    if participle is not None:
        span = clause_subject(text, lo, participle.start)
        if span is not None:
            return Attribution(span[0], span[1], participle.word)
    return _colon_lead(text, lo, start)


# "… - Jeffrey M. Jones: “…”": a bare name (two to four capitalised words) before a colon.
_NAME_COLON = re.compile(r"(?:[A-Z][\w’'.-]*[ \t\xa0]+){1,3}[A-Z][\w’'-]*:\s*$")
# "Bush: “…”": one capitalised word before a colon.
_SURNAME_COLON = re.compile(r"(?:^|(?<=[\s.]))([A-Z][a-z][\w’'-]*):\s*$")


def _colon_lead(text: str, lo: int, start: int) -> Attribution | None:
    """The speaker of a clause that introduces a quotation with a colon and no cue verb.

    "Trump issued a statement: “…”", "She went on: “…”", "Jeffrey M. Jones: “…”".
    """
    head = text[max(lo, start - 300) : start].rstrip()
    if not head.endswith(":"):
        return None
    colon = max(lo, start - 300) + len(head) - 1
    name = _NAME_COLON.search(text, max(lo, colon - 60), colon + 1)
    if name is not None and not name.group().isupper():
        return Attribution(name.start(), colon, ":")
    surname = _SURNAME_COLON.search(text, max(lo, colon - 30), colon + 1)
    if surname is not None and re.search(
        r"[A-Z][\w’'-]+ " + re.escape(surname.group(1)) + r"\b", text[max(0, start - 5000) : start]
    ):
        # "Bush: “…”": a single word counts when the text names someone with that surname.
        return Attribution(surname.start(1), surname.end(1), ":")
    span = clause_subject(text, lo, colon)
    if span is not None:
        return Attribution(span[0], span[1], ":")
    return None


_PHRASES = frozenset({"according to", "in the words of"})


def _word_before(text: str, lo: int, pos: int) -> bool:
    """True when a word (a possible subject), not punctuation, comes right before ``pos``."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j <= lo:
        return False
    return text[j - 1].isalnum() or text[j - 1] in ")’'"


def _ends_clause(text: str, pos: int, start: int) -> bool:
    """True when only punctuation (or "that") separates ``pos`` from ``start``."""
    rest = text[pos:start]
    return bool(re.fullmatch(r"\s*[,:.!?]?\s*(?:that\s*)?", rest))
