"""Speaker resolution: from a mention ("he", "the president", "Putin") to a full name.

A light coreference, not a parser: names are runs of capitalised words with titles and
roles stripped ("President Vladimir Putin" is Vladimir Putin, a president). A surname
resolves to the full name it ends; a pronoun to the most recent person named before it;
a role noun to the most recent person introduced with that role.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from desktop.core.annotate.quote_cues import ROLE_NOUNS, TITLES, words

__all__ = ["SpeakerResolver", "name_in"]

# A dot belongs to a name only on initials and short titles ("J. Smith", "Sen. Cruz"), so
# a run never crosses a sentence end ("… met Tom Reed. Ruiz spoke").
_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Capt|Prof|Rev)\.|[A-Z][\w’'-]*)"
_RUN = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(“\"‘—]))"
    + _NAME_WORD
    + r"(?:\s+(?:"
    + _NAME_WORD
    + r"|(?:de|van|von|bin|da|del|la|le|di|al-\w+)\b))*"
)
# Capitalised words that mark a run as an organisation, place or title, not a person.
_NOT_PERSON = words(
    """The A An In On At For But And Or If As It This That These Those When While After
    Before Because Since Although However Meanwhile Still Yet So Then There Here We They He
    She I You Our Their His Her Its My Your What Who How Why Where Which Commission Party
    House Department Court Union Committee Council News Times Post Journal Street University
    College Institute Center Centre Foundation Association Agency Bureau Office Ministry
    Administration Campaign Senate Congress Republican Republicans Democrat Democrats
    Democratic States United America American Americans Network Press Group Company Inc
    Corp Bank Fund Club Church Assembly Parliament Kremlin Europe European Russia Russian
    China Chinese Washington York County City State National International Federal Army
    Navy Police Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December GOP Fox CNN NBC
    ABC CBS MSNBC Twitter Facebook White Supreme Security Affairs Foreign Prime Vice Deputy
    First Former Twitter Video Act Bill Plan Day Trail Road Avenue Square Hall"""
)
_ROLE_WORDS = frozenset(t.lower() for t in TITLES) | ROLE_NOUNS | {"prime", "vice"}
_PRONOUNS = words("he she him her his hers")
_FEMININE = words("she her hers herself")
_GENDERED = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Person:
    """A person named at ``pos``: full name and the roles it was introduced with."""

    pos: int
    name: str
    roles: frozenset[str]


def _clean(word: str) -> str:
    """A word of a name without possessive or final dot; initials ("J.") keep theirs."""
    if len(word) == 2 and word[1] == ".":
        return word
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    elif word.endswith(("’", "'")):
        word = word[:-1]
    return word.rstrip(".")


def _strip_run(run: str) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (role words, name words)."""
    tokens = [w for w in map(_clean, run.split()) if w]
    cut = 0
    for i, w in enumerate(tokens):
        if w in _NOT_PERSON or w.lower() in _ROLE_WORDS:
            cut = i + 1
    return [w.lower() for w in tokens[:cut]], tokens[cut:]


def name_in(phrase: str) -> str | None:
    """The personal name inside a mention phrase, if it has one."""
    best: list[str] = []
    for m in _RUN.finditer(phrase):
        _, name = _strip_run(m.group())
        if len(name) >= len(best):
            best = name
    return " ".join(best) if best else None


class SpeakerResolver:
    """Resolves speaker mentions in one text to full names."""

    def __init__(self, text: str) -> None:
        self._text = text
        people: list[_Person] = []
        full_by_last: dict[str, str] = {}
        for m in _RUN.finditer(text):
            roles, name = _strip_run(m.group())
            before = text[max(0, m.start() - 40) : m.start()].lower().split()
            roles += [w for w in before[-2:] if w in ROLE_NOUNS]
            if len(name) >= 2:
                full = " ".join(name)
                full_by_last[name[-1]] = full
                people.append(_Person(m.start(), full, frozenset(roles)))
            elif len(name) == 1 and name[0] in full_by_last:
                people.append(_Person(m.start(), full_by_last[name[0]], frozenset(roles)))
        self._people = people
        self._positions = [p.pos for p in people]
        self._full_by_last = full_by_last
        self._gender = self._genders(text)

    def _genders(self, text: str) -> dict[str, str]:
        """Guess each person's gender from the first pronoun after their first mention.

        The pronoun must come before the next person is named and within a few
        sentences; "Mrs", "Ms" and "Mr" titles settle it outright.
        """
        gender: dict[str, str] = {}
        for k, person in enumerate(self._people):
            if person.name in gender:
                continue
            title = text[max(0, person.pos - 6) : person.pos]
            if re.search(r"\b(?:Mrs|Ms|Miss)\.?\s*$", title):
                gender[person.name] = "f"
                continue
            if re.search(r"\bMr\.?\s*$", title):
                gender[person.name] = "m"
                continue
            stop = self._people[k + 1].pos if k + 1 < len(self._people) else len(text)
            m = _GENDERED.search(text, person.pos, min(stop, person.pos + 400))
            if m is not None:
                gender[person.name] = "f" if m.group().lower() in _FEMININE else "m"
        return gender

    def resolve(self, start: int, end: int) -> str | None:
        """The full name for the mention ``text[start:end]``, or None if unknown."""
        phrase = self._text[start:end]
        tokens = phrase.split()
        if not tokens:
            return None
        name = name_in(phrase)
        if name:
            if " " not in name:
                return self._full_by_last.get(name, name)
            return name
        lowered = [w.lower().strip(",.") for w in tokens]
        if len(tokens) == 1 and lowered[0] in _PRONOUNS:
            return self._recent(start, None, "f" if lowered[0] in _FEMININE else "m")
        roles = [w for w in lowered if w in ROLE_NOUNS]
        if roles and lowered[0] in {"the", "this"}:
            return self._recent(start, roles[-1])
        return None

    def _recent(self, pos: int, role: str | None, gender: str | None = None) -> str | None:
        """The person named most recently before ``pos``, with ``role`` and ``gender``.

        A person of unknown gender is compatible with either pronoun; a person lacking the
        role is only a fallback.
        """
        k = bisect.bisect_left(self._positions, pos) - 1
        fallback: str | None = None
        while k >= 0:
            person = self._people[k]
            k -= 1
            if gender is not None and self._gender.get(person.name, gender) != gender:
                continue
            if role is None or role in person.roles:
                return person.name
            if fallback is None:
                fallback = person.name
        return fallback
