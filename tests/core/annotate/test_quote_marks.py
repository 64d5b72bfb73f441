"""Tests for pairing quotation marks (``desktop.core.annotate.quote_marks``).

Marks misread as quotations: inch marks after feet, a double quotation closed by a single
mark, quoted labels standing alone as paragraphs.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotate.quote_marks import find_quote_spans
from desktop.core.annotate.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


# --- inch marks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“My cousin is only 5’2” but she plays centre,” Ana said.",
            "“My cousin is only 5’2” but she plays centre,”",
        ),
        (
            '"The new guard is 6\'11" and still growing," the coach said.',
            '"The new guard is 6\'11" and still growing,"',
        ),
        (
            "“He is 5’10”. Nobody believes it,” she said.",
            "“He is 5’10”. Nobody believes it,”",
        ),
    ],
)
def test_inch_mark_inside_a_quotation_does_not_close_it(text: str, expected: str) -> None:
    assert texts(text) == [expected]


@given(st.integers(min_value=4, max_value=7), st.integers(min_value=0, max_value=11))
def test_any_height_inside_a_quotation_keeps_it_whole(feet: int, inches: int) -> None:
    text = f"“The suspect was {feet}’{inches}” and wore a cap,” the officer said."
    assert texts(text) == [text[: text.index(",”") + 2]]


def test_inch_mark_at_top_level_is_not_a_quotation() -> None:
    assert find_quotes("The rookie stands 6’1” in socks.") == []


# --- a double quotation closed by a single mark ----------------------------------------


def test_single_closer_ends_an_unclosed_double_quotation() -> None:
    text = (
        "Kim posted: “We will march again. Bring friends.’ Kim spoke at the rally on "
        "Monday. She is known for the film “Blue River.”\n\nThe march begins at noon."
    )
    found = find_quotes(text)
    assert [q.text for q in found] == [
        "“We will march again. Bring friends.’",
        "“Blue River.”",
    ]
    assert found[1].kind == "scare"  # a title in narration, no longer nested in speech


def test_single_closer_does_not_cut_a_quotation_closed_later() -> None:
    text = "“The clerk said ‘come back later.’ I waited. Then I left.’ Nothing,” Omar said."
    assert texts(text)[0] == "“The clerk said ‘come back later.’ I waited. Then I left.’ Nothing,”"


def test_single_closer_of_a_nested_quotation_is_not_a_misclosed_double() -> None:
    text = "“The guard told us, ‘Stay inside.’ So we stayed\n\nNext paragraph."
    spans = [s for s in find_quote_spans(text) if s.depth == 0]
    assert [text[s.start : s.end] for s in spans] == ["“The guard told us, ‘Stay inside.’ So we stayed"]


def test_misclosed_quotation_does_not_continue_into_the_next_paragraph() -> None:
    text = "She wrote: “We are done here.’ Then she logged off.\n\n“A new quote,” he said."
    spans = [s for s in find_quote_spans(text) if s.depth == 0]
    assert [text[s.start : s.end] for s in spans] == ["“We are done here.’", "“A new quote,”"]
    assert spans[0].chain != spans[1].chain


# --- labels ----------------------------------------------------------------------------


@pytest.mark.parametrize("label", ['"See also:"', "“Related:”", '"Watch:"'])
def test_quoted_label_paragraph_is_not_a_quotation(label: str) -> None:
    text = f"The senator spoke for an hour.\n\n{label}\n\nFive ways to save on rent."
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ('The memo said "as follows:" and listed them.', ['"as follows:"']),
        ("“Here is what I told the board:”\n\nIt went on.", ["“Here is what I told the board:”"]),
    ],
)
def test_colon_quotations_that_are_not_labels_are_kept(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_single_quotation_after_a_misclosed_one_stays_an_apostrophe_pair() -> None:
    text = "Ana wrote: “We won.’ Her post said ‘thanks’ twice and got “many likes.”\n\nMore."
    assert texts(text) == ["“We won.’", "“many likes.”"]


# --- properties ------------------------------------------------------------------------

_PIECES = st.sampled_from(["We", " won", ".", ".’ ", "’", "‘", "“", "”", " ", "\n\n", "5’2”", "6'1\"", '"'])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_outermost_spans_never_overlap(text: str) -> None:
    spans = find_quote_spans(text)
    top = [s for s in spans if s.depth == 0]
    for a, b in pairwise(top):
        assert a.end <= b.start, (a, b)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.depth == 0 or any(t.start <= s.start and s.end <= t.end for t in top), s
