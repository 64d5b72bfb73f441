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
    text = "State officials issued a report; Post said the claim was false and added more."
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
