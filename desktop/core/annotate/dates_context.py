"""Reading the context around a date mention: tense, URLs and sentence bounds."""

from __future__ import annotations

import bisect
import re
from typing import Final

# A scheme, "www." or a dotted host followed by a path: its digits are never mentions.
# Possessive quantifiers and the look-behind keep the scan linear on long dotted runs.
_URL_RE: Final = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]++"
    r"|(?<![\w.-])[\w-]++(?:\.[\w-]++)++/[^\s<>\"')\]]*+"
)

# Cues that the clause speaks of what is still to come.
_FUTURE_RE: Final = re.compile(
    # "faster than expected to" compares with an old forecast: no plan lies ahead.
    r"\b(?:will|won't|shall|'ll|going\s+to|scheduled|(?<!than\s)expected\s+to|plans?\s+to|planning"
    r"|as\s+soon\s+as|as\s+early\s+as|due\s+to"
    r"|set\s+to|upcoming|is\s+to|are\s+to|intends?|aims?\s+to|would"
    r"|(?:is|are)\s+(?:set|due)\s+(?:for|on)|(?:was|were)\s+(?:planning|preparing)\s+to"
    # Present-tense verbs of scheduled events: "the two meet Monday", "talks resume Friday";
    # not after "to", where the verb is an infinitive ("hard to meet demand"), nor after
    # "not", where "did" tells the tense ("they did not meet Monday").
    r"|(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?:meets?|begins|resumes?|convenes?|expires?|arrives?|travels|departs?"
    r"|takes?\s+effect|takes?\s+office|goes\s+on\s+trial))\b",
    re.IGNORECASE,
)
# Cues of reported past: reporting verbs, auxiliaries and common irregular past forms.
_PAST_RE: Final = re.compile(
    # A participle after "be", "is" or "are" is passive, not past: "will be paid", "the
    # case is heard in May".
    r"\b(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?:said|told|was|were|had|did|announced|came|went|met|made|gave|took|began|"
    r"spoke|wrote|held|left|saw|got|fell|rose|won|lost|sold|bought|struck|hit|"
    r"shot|found|became|brought|built|chose|fought|flew|grew|heard|kept|knew|led|meant|"
    r"paid|ran|sent|sat|spent|stood|thought|threw|broke|caught|drew|drove|felt|fled|"
    r"froze|hid|laid|rode|sank|shook|sought|stuck|swept|tore|withdrew|arose|dealt|"
    r"ago|last|earlier)\b",
    re.IGNORECASE,
)
# A plan told in the past ("had been due to expire Friday") is over by the time of writing.
_PAST_PLAN_RE: Final = re.compile(
    r"\bhad\s+been\s+(?:due|scheduled|expected|set|going|planning)(?:\s+to(?:\s+[a-z]+)?)?\b",
    re.IGNORECASE,
)
# Regular past forms, a weaker cue. Many "-ed" words are adjectives: those negated with
# "un-" ("unspecified") and those after a determiner ("the proposed merger") are skipped.
_PAST_ED_RE: Final = re.compile(
    r"\b(?!un)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)"
    r"(?<!\bour\s)[a-z]{2,}ed\b"
)
_SENTENCE_END_RE: Final = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, whose digits look like dates but are not mentions."""
    return [m.span() for m in _URL_RE.finditer(text)]


# A deadline ("until Tuesday", "by Friday") lies ahead whatever the verb's tense.
_DEADLINE_RE: Final = re.compile(r"\b(?:(?:until|till)\s+(?:\S+\s+){0,3}|by\s+)$", re.IGNORECASE)
# "since the Oct. 23 attack" looks back, whatever the main verb.
_SINCE_RE: Final = re.compile(r"\bsince\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
# A plan or promise told in the past lies ahead of the date it precedes ("planned to
# leave on Thursday", "agreed to buy the line in February"); a date before it says when
# the plan was made ("On Friday, they planned to").
_PLANNED_RE: Final = re.compile(
    r"\b(?:planned\s+(?:to|an?)|(?:agreed|promised|pledged|vowed|offered)\s+to|agreements?\s+to)\b",
    re.IGNORECASE,
)
# (pattern, tense, weight, also counts when after the mention)
_CUES: Final = (
    (_PAST_PLAN_RE, "past", 1, True),
    (_PLANNED_RE, "future", 1, False),
    (_FUTURE_RE, "future", 1, True),
    (_PAST_RE, "past", 1, True),
    (_PAST_ED_RE, "past", 2, True),
)
# A sentence is looked at no further than this either side of a mention.
_REACH = 400


class TenseIndex:
    """The tense cues and sentence breaks of one text, found once and looked up by position.

    Scanning each mention's sentence afresh made a text dense with dates slow; with the
    cues indexed, each look-up costs a few bisections.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        breaks = list(_SENTENCE_END_RE.finditer(text))
        self._break_starts = [m.start() for m in breaks]
        self._break_ends = [m.end() for m in breaks]
        found = [
            (m.start(), m.end(), rank, tense, weight, after_ok)
            for rank, (pattern, tense, weight, after_ok) in enumerate(_CUES)
            for m in pattern.finditer(text)
        ]
        # A cue inside a longer one is part of it: in "had been due to expire" and "were
        # planning to" only the whole phrase speaks, not "expire" or "were".
        found.sort(key=lambda c: (c[0], -c[1]))
        cues = []
        reach = -1
        for cue in found:
            if cue[1] <= reach:
                continue
            reach = cue[1]
            cues.append(cue)
        cues.sort()
        self._cue_starts = [c[0] for c in cues]
        self._cues = cues

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The start and end of the sentence around ``text[start:end]`` (approximate)."""
        i = bisect.bisect_right(self._break_ends, start) - 1
        left = max(start - _REACH, self._break_ends[i] if i >= 0 else 0, 0)
        j = bisect.bisect_left(self._break_starts, end)
        limit = min(len(self._text), end + _REACH)
        right = min(limit, self._break_starts[j] + 1) if j < len(self._break_starts) else limit
        return left, right

    def tense(self, start: int, end: int) -> str:
        """ "future", "past" or "unknown": the tense of the clause around a mention.

        The nearest cue in the sentence wins, since a sentence such as "X said Monday
        that talks will resume Friday" holds both tenses and each date takes its verb's.
        """
        text = self._text
        left, right = self.sentence(start, end)
        if _SINCE_RE.search(text, max(left, start - 40), start):
            return "past"
        if _DEADLINE_RE.search(text, max(left, start - 30), start) and not re.search(
            r"\b(?:had|was|were|did)\b", text[start:right]
        ):
            return "future"
        best: tuple[int, int, str] | None = None
        lo = bisect.bisect_left(self._cue_starts, left)
        hi = bisect.bisect_left(self._cue_starts, right)
        for cue_start, cue_end, rank, tense, weight, after_ok in self._cues[lo:hi]:
            if cue_end <= start:
                distance = (start - cue_end) * weight
            elif after_ok and cue_start >= end and cue_end <= right:
                # A verb after the date usually belongs to the next clause: weigh it less.
                distance = ((cue_start - end) * 2 + 10) * weight
            else:
                continue
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, tense)
        return best[2] if best else "unknown"
