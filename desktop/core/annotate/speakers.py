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
from desktop.core.annotate.quote_names import FEMININE_NAMES, MASCULINE_NAMES

__all__ = ["SpeakerResolver", "name_in"]

# A dot belongs to a name only on initials and short titles ("J. Smith", "Sen. Cruz"), so
# a run never crosses a sentence end ("… met Tom Reed. Ruiz spoke").
_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Capt|Prof|Rev)\.|[A-Z][\w’'-]*)"
_RUN = re.compile(
    r"(?<![\w’'.-])"
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
    First Former Twitter Video Act Plan Day Trail Road Avenue Square Los Las San
    Santa New North South East West Des Fort Lake Mount Palm Port Saint Salt Sioux Grand"""
)
_ROLE_WORDS = frozenset(t.lower() for t in TITLES) | ROLE_NOUNS | {"prime", "vice"}
_PRONOUNS = words("he she him her his hers")
_FEMININE = words("she her hers herself")
_TITLE_FEMININE = re.compile(r"\b(?:Mrs|Ms|Miss)\.?\s*$")
_TITLE_MASCULINE = re.compile(r"\bMr\.?\s*$")
# Subject and possessive forms only: "her" and "him" as objects often mean someone else.
_GENDERED = re.compile(r"\b(?:he|she|his|himself|herself)\b", re.IGNORECASE)


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


def _strip_run(run: str, common: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (role words, name words).

    Titles, roles and organisation words go to the roles. Of a long run only the tail is
    the name ("Des Moines Register Matt Sinovic" is Matt Sinovic); a first word the text
    also uses in lower case is a capitalised common word ("Billionaire Donald Trump").
    """
    tokens = [w for w in map(_clean, run.split()) if w]
    cut = 0
    for i, w in enumerate(tokens):
        if w in _NOT_PERSON or w.lower() in _ROLE_WORDS:
            cut = i + 1
    roles, name = [w.lower() for w in tokens[:cut]], tokens[cut:]
    if len(name) >= 3 and name[0].lower() in common:
        name = name[1:]
    if len(name) >= 4:
        keep = 3 if name[-2].endswith(".") or len(name[-2]) <= 2 else 2
        name = name[-keep:]
    return roles, name


def name_in(phrase: str, common: frozenset[str] = frozenset()) -> str | None:
    """The personal name inside a mention phrase, if it has one.

    ``common`` holds words the text uses in lower case (not names when capitalised).
    """
    best: list[str] = []
    for m in _RUN.finditer(phrase):
        _, name = _strip_run(m.group(), common)
        if len(name) >= len(best):
            best = name
    return " ".join(best) if best else None


_LOOK_BACK = 60
_ORGANISATION_WORDS = words(
    """Office Department Ministry Commission Committee Council Court Party Campaign
    Administration Agency Bureau Times Post News Journal Network Press Kremlin House
    Senate Congress Union Foundation Institute University Association Group Company Bank
    Fund Police Army Navy Service Board Center Centre Coalition Alliance Organization
    Organisation Review Magazine Tribune Herald Register Globe Sentinel Reuters AP CNN NBC
    ABC CBS MSNBC BBC Fox Politico Axios PAC"""
)
_QUANTIFIERS = words("the a an one another some many several two three his her their its this that")
_ROLE_ALIASES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general"}
_TITLE_ROLES = frozenset(_ROLE_ALIASES.values()) | words(
    "president minister premier chancellor mayor secretary ambassador judge justice king queen"
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


def _organisation(phrase: str) -> str | None:
    """An organisation named in a mention ("the Kremlin", "Fox News"), or None.

    Organisations speak too; their name is the speaker when no person is named.
    """
    best = ""
    for m in _RUN.finditer(phrase):
        run = m.group()
        if any(_clean(w) in _ORGANISATION_WORDS for w in run.split()) and len(run) > len(best):
            best = run
    best = re.sub(r"^(?:The|A|An)\s+", "", best)
    return best or None


class SpeakerResolver:
    """Resolves speaker mentions in one text to full names."""

    def __init__(self, text: str) -> None:
        self._text = text
        people: list[_Person] = []
        # Surname -> (position, full name) of each full mention, in text order.
        by_last: dict[str, list[tuple[int, str]]] = {}
        self._common = common = frozenset(_LOWER_WORD.findall(text))
        for m in _RUN.finditer(text):
            run = m.group()
            if " " not in run and _clean(run) not in by_last:
                continue  # a lone capitalised word that is not a known surname: skip fast
            roles, name = _strip_run(run, common)
            before = text[max(0, m.start() - 40) : m.start()].lower().split()
            roles += [w for w in before[-2:] if w in ROLE_NOUNS]
            roles = [_ROLE_ALIASES.get(r, r) for r in roles]
            if len(name) >= 2 and not all(len(w) <= 2 for w in name):
                full = " ".join(name)
                by_last.setdefault(name[-1], []).append((m.start(), full))
                people.append(_Person(m.start(), full, frozenset(roles)))
            elif len(name) == 1 and name[0] in by_last:
                full = by_last[name[0]][-1][1]
                people.append(_Person(m.start(), full, frozenset(roles)))
        self._people = people
        self._positions = [p.pos for p in people]
        self._by_last = by_last
        self._gender = self._genders(text)

    def _full_name(self, surname: str, pos: int) -> str:
        """The full name ending in ``surname`` mentioned last before ``pos`` (else first)."""
        mentions = self._by_last.get(surname)
        if not mentions:
            return surname
        k = bisect.bisect_left(mentions, (pos, "")) - 1
        return mentions[max(k, 0)][1]

    def _genders(self, text: str) -> dict[str, str]:
        """Guess each person's gender from the pronouns that follow their mentions.

        Each mention votes with the first pronoun after it, if that comes before the next
        person is named and within a few sentences; the majority wins, a tie leaves the
        gender unknown. "Mrs", "Ms" and "Mr" titles settle it, and a common given name
        settles it outright.
        """
        votes: dict[str, int] = {}
        settled: dict[str, str] = {}
        for k, person in enumerate(self._people):
            title = text[max(0, person.pos - 6) : person.pos]
            if _TITLE_FEMININE.search(title):
                settled[person.name] = "f"
            elif _TITLE_MASCULINE.search(title):
                settled[person.name] = "m"
            stop = self._people[k + 1].pos if k + 1 < len(self._people) else len(text)
            m = _GENDERED.search(text, person.pos, min(stop, person.pos + 300))
            if m is not None:
                vote = -1 if m.group().lower() in _FEMININE else 1
                votes[person.name] = votes.get(person.name, 0) + vote
        gender = {name: "f" if v < 0 else "m" for name, v in votes.items() if v}
        gender.update(settled)
        for name in votes.keys() | {p.name for p in self._people}:
            first = name.split()[0].lower()
            if first in FEMININE_NAMES:
                gender[name] = "f"
            elif first in MASCULINE_NAMES:
                gender[name] = "m"
        return gender

    def resolve(self, start: int, end: int) -> str | None:
        """The full name for the mention ``text[start:end]``, or None if unknown."""
        phrase = self._text[start:end]
        tokens = phrase.split()
        if not tokens:
            return None
        # "one Sanders supporter", "the Clinton campaign": the head noun is not the name.
        headed = tokens[-1][:1].islower() and tokens[0].lower() in _QUANTIFIERS
        name = None if headed else name_in(phrase, self._common)
        if name and not all(len(w) <= 2 for w in name.split()):  # "U." of "U.S." is no name
            if " " in name:
                return name
            if name in self._by_last:
                return self._full_name(name, start)
            if tokens[0].lower() != "the":  # "the Texan" is a description, not a name
                return name
        lowered = [w.lower().strip(",.") for w in tokens]
        if len(tokens) == 1 and lowered[0] in _PRONOUNS:
            return self._recent(start, None, "f" if lowered[0] in _FEMININE else "m")
        roles = [w for w in lowered if w in ROLE_NOUNS]
        if roles and lowered[0] in {"the", "this"}:
            return self._recent(start, roles[-1])
        return None if headed else _organisation(phrase)

    def _recent(self, pos: int, role: str | None, gender: str | None = None) -> str | None:
        """The person named most recently before ``pos``, with ``role`` and ``gender``.

        A person of unknown gender is compatible with either pronoun; a person lacking the
        role is only a fallback.
        """
        k = bisect.bisect_left(self._positions, pos) - 1
        fallback: str | None = None
        unknown: str | None = None  # a person of unknown gender, if none is known to match
        floor = k - _LOOK_BACK  # a bounded look-back keeps resolution linear in the text
        while k >= 0 and k > floor:
            person = self._people[k]
            k -= 1
            if gender is not None:
                known = self._gender.get(person.name)
                if known is None and unknown is None:
                    unknown = person.name
                if known != gender:
                    continue
            if role is None or role in person.roles:
                return person.name
            if fallback is None:
                fallback = person.name
        if unknown is not None:
            return unknown
        # Only a title-like role ("the president", "the senator") may fall back on the
        # most recent person; "the spokesman" is rarely the last person named.
        return fallback if role is None or role in _TITLE_ROLES else None
