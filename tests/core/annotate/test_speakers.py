"""Tests for speaker mentions and their resolution (speakers, quote_phrases, quote_attribution)."""

from __future__ import annotations

import pytest

from desktop.core.annotate.quote_attribution import attribution_after, attribution_before
from desktop.core.annotate.quote_cues import find_cues
from desktop.core.annotate.quote_phrases import clause_subject, np_after, np_before
from desktop.core.annotate.speakers import SpeakerResolver, name_in


def span_text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Italian Prime Minister Giorgia Meloni", "Giorgia Meloni"),
        ("European Commission chief spokesperson Paula Pinho", "Paula Pinho"),
        ("Sen. Ted Cruz", "Ted Cruz"),
        ("the president", None),
        ("Putin’s", "Putin"),
    ],
)
def test_name_in_strips_titles_and_roles(phrase: str, name: str | None) -> None:
    assert name_in(phrase) == name


def test_resolver_surname_pronoun_and_role() -> None:
    text = "President Ana Ruiz met Tom Reed. Ruiz spoke. She left. The president smiled."
    resolver = SpeakerResolver(text)

    def at(word: str) -> str | None:
        i = text.index(word)
        return resolver.resolve(i, i + len(word))

    assert at("Ruiz spoke") == "Ana Ruiz"
    assert at("She") == "Ana Ruiz"
    assert at("The president") == "Ana Ruiz"


def test_resolver_unknown_pronoun_is_none() -> None:
    assert SpeakerResolver("It rained. He left.").resolve(11, 13) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Smith, a spokesman for the city, said", "Smith"),
        ("the president added", "the president"),
        ("On Monday, he said", "he"),
        ("Macron also said", "Macron"),
        ("Rep. Jim Jordan (R-Ohio), a panel member, said", "Rep. Jim Jordan"),
        ("Beck on Wednesday called", "Beck"),
    ],
)
def test_np_before(text: str, expected: str) -> None:
    cue = text.rindex(" ") + 1
    assert span_text(text, np_before(text, 0, cue)) == expected


def test_np_after_skips_time_words_and_trims_connectors() -> None:
    text = "said Tuesday spokeswoman Ana Ruiz of the."
    assert span_text(text, np_after(text, 5, len(text))) == "spokeswoman Ana Ruiz"


def test_clause_subject_skips_leading_adverbials() -> None:
    text = "On Thursday, after a long delay, Warren endorsed Clinton, saying"
    assert span_text(text, clause_subject(text, 0, len(text))) == "Warren"


def test_find_cues_ignores_capitalised_names_and_nouns() -> None:
    text = "State officials issued a report; Post said the note was false and added more."
    assert [c.word for c in find_cues(text, 0, len(text))] == ["said", "added"]


def test_find_cues_phrase() -> None:
    text = "according to the mayor"
    assert [c.word for c in find_cues(text, 0, len(text))] == ["according to"]


def test_attribution_after_rejects_new_clause() -> None:
    text = "“Build the wall” - at which point the crowd chanted."
    assert attribution_after(text, text.index("”") + 1, len(text)) is None


def test_attribution_before_prefers_subject_over_addressee() -> None:
    text = "Campaign spokesman Brian Fallon told Politico, “"
    attr = attribution_before(text, 0, len(text) - 1, [])
    assert attr is not None
    assert text[attr.speaker_start : attr.speaker_end] == "Campaign spokesman Brian Fallon"


def test_attribution_before_colon_name() -> None:
    text = "Polls were wrong - Jeffrey M. Jones: “"
    attr = attribution_before(text, 0, len(text) - 1, [])
    assert attr is not None
    assert text[attr.speaker_start : attr.speaker_end] == "Jeffrey M. Jones"


def test_resolver_gender_from_given_name_beats_recency() -> None:
    text = "Hillary Clinton met Donald Trump. Later she spoke."
    i = text.index("she")
    assert SpeakerResolver(text).resolve(i, i + 3) == "Hillary Clinton"


def test_resolver_surname_takes_the_latest_full_name_before_it() -> None:
    text = "Bill Clinton spoke. Clinton left. Hillary Clinton came. Clinton stayed."
    resolver = SpeakerResolver(text)
    first = text.index("Clinton left")
    last = text.index("Clinton stayed")
    assert resolver.resolve(first, first + 7) == "Bill Clinton"
    assert resolver.resolve(last, last + 7) == "Hillary Clinton"


@pytest.mark.parametrize(
    "phrase",
    ["one Sanders supporter", "the Clinton campaign", "the Texan", "a U.S. official"],
)
def test_resolver_descriptions_are_not_names(phrase: str) -> None:
    text = "Bernie Sanders and Hillary Clinton spoke. " + phrase
    start = text.index(phrase)
    assert SpeakerResolver(text).resolve(start, len(text)) is None


def test_resolver_generic_role_without_holder_is_none() -> None:
    text = "Tom Reed spoke. The spokesman said no."
    i = text.index("The spokesman")
    assert SpeakerResolver(text).resolve(i, i + len("The spokesman")) is None


def test_resolver_names_an_organisation_when_no_person_is_named() -> None:
    text = "Russia's Prosecutor General's Office acted. The authorities agreed."
    resolver = SpeakerResolver(text)
    office = "Russia's Prosecutor General's Office"
    assert resolver.resolve(0, len(office)) == office
    i = text.index("The authorities")
    assert resolver.resolve(i, i + len("The authorities")) is None
