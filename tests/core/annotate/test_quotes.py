"""Tests for the quotation finder (``desktop.core.annotate.quotes``)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotate.quotes import Quote, find_quotes

SEED = next((Path(__file__).resolve().parents[3] / "seeds").glob("000_*.txt"))


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def mention(text: str, q: Quote) -> str | None:
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start : q.speaker_end]


def only(text: str) -> Quote:
    quotes = [q for q in find_quotes(text) if q.text.startswith(("“", '"', "«", "„"))]
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- marks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('She said "we will win" and left.', ['"we will win"']),
        ("She said “we will win” and left.", ["“we will win”"]),
        ("Il a dit « nous gagnerons » hier.", ["« nous gagnerons »"]),
        ("Er sagte „wir gewinnen“ gestern.", ["„wir gewinnen“"]),
    ],
)
def test_mark_styles(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_span_includes_the_marks() -> None:
    text = "The mayor called it “a mess,” officials said."
    q = only(text)
    assert (q.start, q.end) == (text.index("“"), text.index("”") + 1)


@pytest.mark.parametrize(
    "text",
    [
        "We’re sure Russia’s plan dates from the ’90s.",
        "It was rock ’n’ roll, and the ’em of the old days.",
        "The Smiths' house and O'Brien's dog aren't quotes.",
        "He is 6'2\" tall.",
        "The workers’ union met.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quotes(text) == []


def test_apostrophes_inside_a_quote_do_not_split_it() -> None:
    text = "“We’re back in the ’90s with rock ’n’ roll,” he said."
    assert texts(text) == ["“We’re back in the ’90s with rock ’n’ roll,”"]


def test_straight_and_misturned_elisions_inside_a_quote_are_not_nested_quotes() -> None:
    text = "“It was the '90s, rock 'n' roll, the ‘90s and all o' them,” he said."
    assert texts(text) == ["“It was the '90s, rock 'n' roll, the ‘90s and all o' them,”"]


def test_nested_quotes() -> None:
    text = "“He told me ‘go home’ and I did,” she said."
    found = find_quotes(text)
    assert [q.text for q in found] == ["“He told me ‘go home’ and I did,”", "‘go home’"]
    assert found[1].kind == "partial"


def test_nested_straight_quotes() -> None:
    text = "\"He told me 'go home' and I did,\" she said."
    assert texts(text) == ["\"He told me 'go home' and I did,\"", "'go home'"]


def test_unbalanced_mark_runs_to_paragraph_end_and_does_not_swallow_the_next() -> None:
    text = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    assert texts(text) == ["“this never closes.", "“a quote”"]


def test_stray_closer_is_ignored() -> None:
    assert texts("Nothing opened here” but “this” is fine.") == ["“this”"]


def test_multi_paragraph_quote_gives_one_piece_per_paragraph() -> None:
    text = (
        "The senator spoke at length.\n\n"
        "“First we fix the roads.\n\n"
        "“Then we fix the bridges.\n\n"
        "“Then we rest,” she said."
    )
    found = find_quotes(text)
    assert [q.text for q in found] == [
        "“First we fix the roads.",
        "“Then we fix the bridges.",
        "“Then we rest,”",
    ]
    assert {mention(text, q) for q in found} == {"she"}


def test_markup_attributes_are_not_quotes() -> None:
    assert texts('<tweet id="12345" author="x">Hello</tweet> and "yes" indeed') == ['"yes"']


def test_markup_attribute_running_over_lines_is_not_a_quote() -> None:
    # A scraped embed whose attribute value holds a newline: still one tag, no quotation.
    text = '<tweet author="@someone" date="May 2, 2016\n">Great rally tonight</tweet>.\n\nNext.'
    assert texts(text) == []


def test_misturned_closing_mark() -> None:
    assert texts("They called it “Mostly False.“\n\nNext.") == ["“Mostly False.“"]


def test_british_style_single_marks() -> None:
    text = (
        "‘We will fight on,’ the minister said. ‘It is the Russians’ plan, not ours.’\n\n"
        "‘Nothing has changed,’ she added. ‘We are ready.’ Critics called it ‘hollow’."
    )
    assert texts(text) == [
        "‘We will fight on,’",
        "‘It is the Russians’ plan, not ours.’",
        "‘Nothing has changed,’",
        "‘We are ready.’",
        "‘hollow’",
    ]


def test_top_level_single_marks_ignored_in_double_quoted_text() -> None:
    text = "Headline: Trump ‘angry’ at aides.\n\n“We are fine,” he said."
    assert texts(text) == ["“We are fine,”"]


def test_doubled_apostrophes_are_skipped() -> None:
    assert texts("''Wire style,'' he said. It's fine.") == []


# --- attribution ---------------------------------------------------------------------


def test_attribution_after() -> None:
    text = "“We will not back down,” Smith said."
    q = only(text)
    assert (mention(text, q), q.cue, q.kind, q.speaker) == ("Smith", "said", "full", "Smith")


def test_attribution_after_inverted() -> None:
    text = "“We will not back down,” said spokeswoman Ana Ruiz."
    q = only(text)
    assert mention(text, q) == "spokeswoman Ana Ruiz"
    assert q.speaker == "Ana Ruiz"


def test_attribution_after_with_appositive() -> None:
    text = "“It is over,” Tom Reed, a spokesman for the campaign, said on Friday."
    assert mention(text, only(text)) == "Tom Reed"


def test_attribution_after_with_long_aside() -> None:
    text = (
        "“Turnout will decide it,” Ana Ruiz, 30, of Raleigh, N.C., who runs a polling firm "
        "that advises several campaigns, said in an interview."
    )
    assert mention(text, only(text)) == "Ana Ruiz"


def test_attribution_before_with_colon() -> None:
    text = "Governor Ana Ruiz said on Monday: “We will rebuild.”"
    q = only(text)
    assert (mention(text, q), q.kind, q.speaker) == ("Governor Ana Ruiz", "full", "Ana Ruiz")


def test_split_quote_both_halves_attributed() -> None:
    text = "“We tried,” Lee said, “but the votes were not there.”"
    found = find_quotes(text)
    assert [mention(text, q) for q in found] == ["Lee", "Lee"]


def test_split_quote_with_aside_between_halves() -> None:
    text = "“The risk,” said Tom Reed, an economist at the bank, “is that prices rise.”"
    assert [mention(text, q) for q in find_quotes(text)] == ["Tom Reed", "Tom Reed"]


def test_inverted_attribution_after_a_phrase() -> None:
    text = "Reed won “working-class voters” in the primary, said professor Ana Ruiz."
    assert mention(text, only(text)) == "professor Ana Ruiz"


def test_speaker_carries_over_past_a_title() -> None:
    text = "“It is early,” said Ana Ruiz, a host of the show “Morning Talk.” “We will see.”"
    found = find_quotes(text)
    assert [q.kind for q in found] == ["full", "scare", "full"]
    assert mention(text, found[2]) == "Ana Ruiz"


def test_last_speaker_passes_over_an_unattributed_title() -> None:
    text = "“It is early,” Ana Ruiz said. The film “Morning Talk” opens today. “We will see.”"
    found = find_quotes(text)
    assert [mention(text, q) for q in found] == ["Ana Ruiz", None, "Ana Ruiz"]


def test_partial_quote_inside_reported_speech() -> None:
    text = "Lee said the plan was “dead on arrival” and would fail."
    q = only(text)
    assert (mention(text, q), q.kind) == ("Lee", "partial")


def test_participle_cue_takes_the_clause_subject() -> None:
    text = "Later, Ana Ruiz attacked the budget, saying, “It is a disgrace.”"
    assert mention(text, only(text)) == "Ana Ruiz"


def test_quote_without_cue_takes_previous_sentence_speaker() -> None:
    text = "Ana Ruiz lamented that the talks had failed. “It is a sad day.”"
    q = only(text)
    assert (mention(text, q), q.speaker) == ("Ana Ruiz", "Ana Ruiz")


def test_following_quote_continues_previous_speaker() -> None:
    text = "“We won,” Ruiz said. “Now the work starts.”"
    found = find_quotes(text)
    assert [mention(text, q) for q in found] == ["Ruiz", "Ruiz"]


def test_quote_before_next_sentence_cue() -> None:
    text = "It rained. “It was a long night.” He added, “We are tired.”"
    found = find_quotes(text)
    assert [mention(text, q) for q in found] == ["He", "He"]


def test_dash_attribution() -> None:
    text = "“Vote early and often.” ― Ana Ruiz\n“Next.”"
    assert mention(text, find_quotes(text)[0]) == "Ana Ruiz"


def test_unknown_verb_after_comma_quote() -> None:
    text = "“This is a disaster,” Ruiz fumed on Tuesday."
    q = only(text)
    assert (mention(text, q), q.cue) == ("Ruiz", "fumed")


def test_colon_introduces_quote_without_cue() -> None:
    text = "Ana Ruiz had one message for the crowd: “Go vote.”"
    assert mention(text, only(text)) == "Ana Ruiz"


def test_sentence_subject_is_speaker_of_uncued_fragment() -> None:
    text = "Ruiz keeps comparing the budget to “a betrayal of every worker in this state.”"
    q = only(text)
    assert (mention(text, q), q.cue) == ("Ruiz", None)


def test_plural_noun_is_not_a_cue_verb() -> None:
    # "terms" after "for" is a noun: the quoted words are terms, not anyone's speech.
    text = "The clerks checked their files for terms like “refund” and “voucher.”"
    assert [(q.kind, q.cue) for q in find_quotes(text)] == [("scare", None), ("scare", None)]


def test_addressee_after_told_is_not_the_speaker() -> None:
    text = "Campaign spokesman Tom Reed told Politico, “We are confident.”"
    assert mention(text, only(text)) == "Campaign spokesman Tom Reed"


# --- resolution and kinds -------------------------------------------------------------


def test_pronoun_respects_gender_guessed_from_text() -> None:
    text = (
        "Tom Reed spoke first and he was angry. Then Mayor Ana Ruiz arrived; she waved. "
        "“We agree,” he said. “We do,” she added."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Tom Reed", "Ana Ruiz"]


def test_title_is_scare_even_with_speaker() -> None:
    text = "“It was fun,” Reed said on “Meet the Press.”"
    found = find_quotes(text)
    assert [q.kind for q in found] == ["full", "scare"]


def test_pronoun_resolves_to_recent_full_name() -> None:
    text = "Mayor Ana Ruiz spoke first. The city was “broke,” she said."
    q = only(text)
    assert (mention(text, q), q.speaker) == ("she", "Ana Ruiz")


def test_surname_resolves_to_full_name() -> None:
    text = "Ana Ruiz arrived late. “Sorry,” Ruiz said."
    assert only(text).speaker == "Ana Ruiz"


def test_role_noun_resolves_to_person_with_that_role() -> None:
    text = "Senator Tom Reed met Governor Ana Ruiz. “We agree,” the governor added."
    q = only(text)
    assert (mention(text, q), q.speaker) == ("the governor", "Ana Ruiz")


def test_headline_before_byline_is_not_speech() -> None:
    text = "NEW IN TOWN—“Old bakery reopens on Main Street,” by the Gazette’s Ana Ruiz: “It opened.”"
    assert [q.kind for q in find_quotes(text)] == ["scare", "full"]


def test_scare_quote_without_speaker() -> None:
    text = "The so-called “framework” was published in June."
    q = only(text)
    assert (q.kind, q.speaker, q.speaker_start) == ("scare", None, None)


def test_scare_quote_with_speaker_in_sentence() -> None:
    text = "Moscow labelled the group a “foreign agent,” the ministry said."
    q = only(text)
    assert q.speaker_start is not None
    assert q.kind == "partial"


def test_sorted_by_start() -> None:
    text = "“A ‘b’ c,” he said. Then “d” and “e” followed."
    starts = [q.start for q in find_quotes(text)]
    assert starts == sorted(starts)


# --- the seed article ---------------------------------------------------------------


def seed_text() -> str:
    return "\n".join(SEED.read_text(encoding="utf-8").split("\n")[:9])


def test_seed_article_quotations_and_speakers() -> None:
    text = seed_text()
    found = find_quotes(text)
    assert len(found) == 9
    speakers = [q.speaker for q in found]
    assert speakers.count("Vladimir Putin") == 5
    assert speakers.count("Emmanuel Macron") == 2
    by_start = {q.text.lstrip("“").split()[0].strip(",.”"): q for q in found}
    frozen = by_start["frozen"]
    assert (mention(text, frozen), frozen.speaker, frozen.cue) == ("he", "Vladimir Putin", "said")
    president = by_start["Russia"]
    assert (mention(text, president), president.speaker) == ("the president", "Vladimir Putin")
    assert by_start["the"].speaker == "Giorgia Meloni"
    assert by_start["framework"].speaker == "Emmanuel Macron"
    assert by_start["coming"].speaker == "Emmanuel Macron"
    pinho = by_start["Unfortunately"]
    assert pinho.speaker == "Paula Pinho"
    assert (mention(text, pinho) or "").endswith("Paula Pinho")


# --- properties -----------------------------------------------------------------------

_ALPHABET = st.sampled_from([*"ab A.,:;!?-—\n\"“”‘’'«»„<>", "he said", " Smith", "’s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_consistent_quotes(text: str) -> None:
    found = find_quotes(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.kind in {"full", "partial", "scare"}
        if q.speaker_start is not None:
            assert q.speaker_end is not None
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    # Spans nest or stay apart, never cross, so a highlighter can paint them in order.
    for a in found:
        for b in found:
            crossing = a.start < b.start < a.end < b.end
            assert not crossing, (a, b)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for q in find_quotes(text):
        assert q.text == text[q.start : q.end]


def test_long_pathological_text_stays_fast() -> None:
    # A quotation every few characters in one endless sentence: the look-backs are
    # bounded, so this stays linear (it took minutes before they were).
    text = '"x" ' * 5000 + "he said “a b c” and " * 2000
    started = time.perf_counter()
    found = find_quotes(text)
    assert len(found) == 7000
    assert time.perf_counter() - started < 20


def test_seed_article_repeated_is_fast() -> None:
    text = "\n\n".join([seed_text()] * 100)
    started = time.perf_counter()
    assert len(find_quotes(text)) == 900
    assert time.perf_counter() - started < 10
