"""Noun phrases around cue verbs: who is speaking in "the president added" or "said Smith".

Token-level heuristics, not a parser: walk back from a cue verb over adverbs, an
appositive and a parenthesis to the subject, or forward from an inverted cue to it.
"""

from __future__ import annotations

import re

from desktop.core.annotate.quote_cues import ADVERBS, NP_STOP, PRONOUNS, TIME_WORDS, words

__all__ = ["LEADING_FUNCTION", "clause_subject", "np_after", "np_before"]

# Words (keeping inner dots and apostrophes: U.S., O'Brien) and single punctuation marks.
_TOKEN = re.compile(r"[^\W_][\w’'&./-]*|\S")
_DETERMINERS = words(
    """the a an his her their its our my your one another this that some many several
    two three four five few most other"""
)
_CONNECTORS = words("of for at")
# Abbreviations whose dot does not end a word: Sen. Gov. Jr. U.S.
_ABBREV = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|St|Ft|Mt|"
    r"Inc|Co|Corp|Ltd|No|Vol|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|[A-Z])\.$"
)
_MAX_NP_TOKENS = 12
_MAX_LOWER = 4


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` tokens of ``text[lo:hi]``; a final dot stays on abbreviations."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, lo, hi):
        s, e = m.span()
        w = m.group()
        if len(w) > 1 and w[-1] in ".-’'" and not _ABBREV.search(w):
            out.append((s, e - 1, w[:-1]))
            out.append((e - 1, e, w[-1]))
        else:
            out.append((s, e, w))
    return out


def _skip_parenthesis(toks: list[tuple[int, int, str]], k: int) -> int:
    """Step back over a parenthesis ending at token ``k`` ("Jordan (R-Ohio)")."""
    if k < 0 or toks[k][2] != ")":
        return k
    j = k - 1
    while j >= 0 and k - j < 20 and toks[j][2] != "(":
        j -= 1
    return j - 1 if j >= 0 else k


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


def np_before(text: str, lo: int, hi: int, bare: bool = False) -> tuple[int, int] | None:
    """The noun phrase ending just before ``hi`` (a cue verb), skipping adverbs.

    ``Smith, a spokesman for X, said`` gives ``Smith``; ``the president added`` gives
    ``the president``; ``he said`` gives ``he``. With ``bare``, a lower-case phrase with
    no determiner counts too ("federal prosecutors wrote" right after a quotation).
    """
    toks = _tokens(text, lo, hi)
    k = _skip_adverbials(toks, len(toks) - 1)
    k = _skip_parenthesis(toks, k)
    if k >= 0 and toks[k][2] in {",", "—", "–"}:
        # An appositive or relative clause between subject and verb: skip back over it.
        mark = toks[k][2]
        j = _skip_parenthesis(toks, k - 1)
        while j >= 0 and k - j < 30 and toks[j][2] not in {mark, ",", "“", "”", '"'}:
            j = _skip_parenthesis(toks, j - 1)
        if j >= 1 and toks[j][2] == mark and not _name_after_clause(toks, j, k):
            k = _skip_parenthesis(toks, j - 1)
        elif k >= 1 and (toks[k - 1][2][0].isupper() or toks[k - 1][2] == ")"):
            # "Gov. John Kasich (R-OH), said": a stray comma after the name itself.
            k = _skip_parenthesis(toks, k - 1)
        else:
            return None
    if k < 0:
        return None
    first = toks[k][2]
    if first in PRONOUNS:
        return toks[k][0], toks[k][1]
    start = end = None
    lower = 0
    n = 0
    while k >= 0 and n < _MAX_NP_TOKENS:
        w = toks[k][2]
        wl = w.lower()
        if not _is_word(w) or wl in NP_STOP or w in PRONOUNS:
            break
        if wl in _DETERMINERS and w != "One":
            start = toks[k][0]
            end = end if end is not None else toks[k][1]
            break
        if wl in _CONNECTORS:
            if k == 0 or not _is_word(toks[k - 1][2]):
                break
        elif w[0].islower():
            lower += 1
            if lower > _MAX_LOWER:
                break
        if end is None:
            end = toks[k][1]
        start = toks[k][0]
        n += 1
        k -= 1
    if start is None or end is None:
        return None
    # A connector left dangling at the front ("of Smith") is not part of the phrase.
    while True:
        m = re.match(r"(?:of|for|at)\s+", text[start:end])
        if not m:
            break
        start += m.end()
    phrase = text[start:end]
    if not (bare or any(c.isupper() for c in phrase) or _has_noun_head(phrase)):
        return None
    return start, end


def _name_after_clause(toks: list[tuple[int, int, str]], j: int, k: int) -> bool:
    """True for "…the primary, Gov. John Kasich (R-OH), said": a name between two commas
    after a lower-case clause is the subject, not an appositive."""
    segment = [w for _, _, w in toks[j + 1 : k] if w not in "()"]
    if len(segment) < 2 or not all(w[0].isupper() or not w[0].isalpha() for w in segment):
        return False
    return toks[j - 1][2][0].islower()


_TIME_LEAD = words("on last this next early late")
_DAY_PARTS = words("night morning afternoon evening")


def _skip_adverbials(toks: list[tuple[int, int, str]], k: int) -> int:
    """Step back over adverbs and time phrases before a verb ("Beck on Wednesday called")."""
    while k >= 0:
        w = toks[k][2]
        if _is_adverb(w):
            k -= 1
        elif w in _DAY_PARTS and k >= 1 and toks[k - 1][2] in TIME_WORDS:
            k -= 1  # "Tuesday night": the weekday goes next round
        elif w in TIME_WORDS and k >= 1:
            k -= 2 if toks[k - 1][2].lower() in _TIME_LEAD else 1
        else:
            break
    return k


def _has_noun_head(phrase: str) -> bool:
    """A lower-case phrase counts as a speaker only with a determiner: "the official"."""
    tokens = phrase.split()
    return len(tokens) >= 2 and tokens[0].lower() in _DETERMINERS


def _is_adverb(word: str) -> bool:
    # Lower case only: "Will wrote" is George Will writing, not a modal verb.
    return word[0].islower() and (word in ADVERBS or (len(word) > 4 and word.endswith("ly")))


def np_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``lo`` (after an inverted cue: "said Paula Pinho")."""
    toks = _tokens(text, lo, hi)
    k = 0
    while k < len(toks) and (toks[k][2] in TIME_WORDS or _is_adverb(toks[k][2])):
        k += 1
    if k < len(toks) and toks[k][2] in PRONOUNS:
        return toks[k][0], toks[k][1]
    start = end = None
    lower = 0
    while k < len(toks) and k < _MAX_NP_TOKENS:
        w = toks[k][2]
        wl = w.lower()
        if not _is_word(w) or w in PRONOUNS or w in TIME_WORDS:
            break
        if wl in NP_STOP and not (wl in _CONNECTORS and start is not None):
            break
        if wl in _CONNECTORS and start is None:
            break
        if w[0].islower() and wl not in _DETERMINERS and wl not in _CONNECTORS:
            lower += 1
            if lower > _MAX_LOWER:
                break
        if start is None:
            start = toks[k][0]
        end = toks[k][1]
        k += 1
    if start is None or end is None:
        return None
    # Trailing connectors and determiners ("Smith of the") are not the speaker.
    phrase = text[start:end]
    trimmed = re.sub(r"(?:\s+(?:of|for|at|the|a|an))+$", "", phrase)
    end = start + len(trimmed)
    if trimmed.lower() in {"one", "another"}:
        return start, end  # “…,” read one.
    if not any(c.isupper() for c in trimmed) and not _has_noun_head(trimmed):
        return None
    return start, end


LEADING_FUNCTION = words(
    """On In At After Before During When While As Since Though Although But And Or So Outside
    Inside Minutes Hours Days Weeks Months Years Moments Soon Now Today Yesterday Each Every
    What Here There Why How Where Who Which Maybe Perhaps Also Even Just Only Indeed Yes No
    Thus Hence Ultimately Finally Again Once
    Yet Then Still Instead However Meanwhile Later Earlier Last This That The A An For
    With Without Despite Like Unlike From Asked Speaking"""
)


def clause_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the clause in ``text[lo:hi]``: its first pronoun or name.

    Leading adverbials ("On Thursday, after a long delay, Warren …") are skipped: a name
    counts only at the clause start or right after a comma. Only the first 300 characters
    are read: a subject comes early.
    """
    toks = _tokens(text, lo, min(hi, lo + 300))
    for k, (s, e, w) in enumerate(toks):
        before = toks[k - 1][2] if k else ""
        at_start = k == 0 or before in {",", "—", "–"} or (k == 1 and before in LEADING_FUNCTION)
        if not at_start:
            continue
        if w in PRONOUNS and w.lower() not in {"it", "you"}:
            return s, e
        if w[0].isupper() and w not in LEADING_FUNCTION and w not in TIME_WORDS:
            end = e
            j = k + 1
            while j < len(toks) and toks[j][2][0].isupper():
                end = toks[j][1]
                j += 1
            # The name must be followed by its verb, not by "later", "the", "in" or a comma.
            nxt = toks[j][2] if j < len(toks) else ""
            if nxt[:1].islower() and nxt not in _NOT_VERB and nxt not in TIME_WORDS:
                return s, end
    return None


_NOT_VERB = words(
    """ago later earlier after before the a an in on at of for from to with by minutes hours
    days weeks months years"""
)
