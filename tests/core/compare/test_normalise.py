"""Each normalisation filter, alone, and the keys built from them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.compare import CompareOptions
from desktop.core.compare.normalise import (
    collapse_whitespace,
    fingerprint,
    fold_case,
    fold_quotes,
    paragraph_key,
    strip_markup,
    strip_punctuation,
    token_key,
)


def test_collapse_whitespace_joins_rewrapped_lines() -> None:
    assert collapse_whitespace("  deep historical\nroots,\n\n full\tof ") == "deep historical roots, full of"


def test_strip_markup_keeps_link_text_and_drops_tags_and_emphasis() -> None:
    assert strip_markup("Pinho [said](#), **really** <em>so</em>") == "Pinho said, really so"
    assert strip_markup("![photo](https://x/y.jpg) caption") == "photo caption"


def test_strip_markup_leaves_autolinks_and_comparisons_alone() -> None:
    assert strip_markup("<https://example.com/a>") == "<https://example.com/a>"
    assert strip_markup("if a < b and c > d") == "if a < b and c > d"


def test_fold_quotes_makes_typography_ascii() -> None:
    assert fold_quotes("Putin’s “frozen” — «so»…") == 'Putin\'s "frozen" - "so"...'


def test_fold_case() -> None:
    assert fold_case("Straße PUTIN") == "strasse putin"


def test_strip_punctuation() -> None:
    assert strip_punctuation("“Frozen,” he said... (really)") == "Frozen he said really"


def test_paragraph_key_applies_only_the_chosen_filters() -> None:
    text = "Putin’s  **talks**,\nsaid"
    assert paragraph_key(text, CompareOptions()) == "Putin's talks, said"
    assert paragraph_key(text, CompareOptions.keep_all()) == text
    relaxed = CompareOptions(ignore_case=True, ignore_punctuation=True)
    assert paragraph_key(text, relaxed) == "putin s talks said"


def test_removed_punctuation_does_not_glue_words() -> None:
    options = CompareOptions(ignore_punctuation=True)
    assert paragraph_key("pre-war", options) != paragraph_key("prewar", options)


def test_token_key_ignores_what_the_options_ignore() -> None:
    default = CompareOptions()
    assert token_key("  \n", "space", default) == ""
    assert token_key("**", "markup", default) == ""
    assert token_key("Putin’s", "word", default) == "Putin's"
    assert token_key("Putin’s", "word", CompareOptions.keep_all()) == "Putin’s"
    assert token_key(",", "punct", default) == ","
    assert token_key(",", "punct", CompareOptions(ignore_punctuation=True)) == ""
    assert token_key("Word", "word", CompareOptions(ignore_case=True)) == "word"


def test_fingerprint_is_blind_to_presentation_only() -> None:
    assert fingerprint("Dear readers,\nplease *support* us!") == fingerprint("dear Readers please support us")
    assert fingerprint("Dear readers") != fingerprint("Dear viewers")


@given(st.text())
def test_filters_are_idempotent(text: str) -> None:
    for f in (collapse_whitespace, fold_quotes, fold_case, strip_punctuation):
        assert f(f(text)) == f(text)
    assert paragraph_key(paragraph_key(text, CompareOptions()), CompareOptions()) == paragraph_key(
        text, CompareOptions()
    )
