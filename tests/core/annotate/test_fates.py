"""Tests for quotation fates and date changes between versions (``desktop.core.annotate.fates``)."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotate import annotate
from desktop.core.annotate.dates import DateMention, find_dates
from desktop.core.annotate.fates import (
    ADDED,
    REATTRIBUTED,
    REMOVED,
    REWORDED,
    UNCHANGED,
    QuoteFate,
    date_changes,
    quote_fates,
)
from desktop.core.annotate.fates_dates import same_value
from desktop.core.annotate.quotes import Quote, find_quotes
from desktop.core.compare.model import Op
from desktop.core.loaders import load_file

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
THURSDAY = dt.date(2026, 1, 15)


def fates(a: str, b: str) -> list[QuoteFate]:
    return quote_fates(a, find_quotes(a), b, find_quotes(b))


def one(a: str, b: str) -> QuoteFate:
    found = fates(a, b)
    assert len(found) == 1, found
    return found[0]


def changed(f: QuoteFate) -> list[tuple[str, str]]:
    return [(s.op.value, s.text) for s in f.segments if s.op is not Op.EQUAL]


def side(f: QuoteFate, op: Op) -> str:
    """The inner text of one side as the segments tell it."""
    return "".join(s.text for s in f.segments if s.op is not op)


# --- fates of single quotations --------------------------------------------------------


def test_identical_versions_are_all_unchanged() -> None:
    text = (
        "“The bridge opens in May,” the mayor said. Critics called it “a folly.”\n\n"
        "“We will see,” said Ana Ruiz, who leads the council."
    )
    found = fates(text, text)
    assert [f.fate for f in found] == [UNCHANGED] * 3
    assert all(f.notes == () for f in found)
    assert all([s.op for s in f.segments] == [Op.EQUAL] for f in found)
    assert [f.a for f in found] == [f.b for f in found] == find_quotes(text)


def test_one_word_changed_is_reworded_with_its_segments() -> None:
    f = one("“We will win the vote,” she said.", "“We will lose the vote,” she said.")
    assert f.fate == REWORDED
    assert changed(f) == [("delete", "win "), ("insert", "lose ")]
    assert side(f, Op.INSERT) == "We will win the vote,"
    assert side(f, Op.DELETE) == "We will lose the vote,"
    assert f.notes == ()


def test_a_comma_is_a_rewording() -> None:
    f = one("“We will win, and soon,” she said.", "“We will win and soon,” she said.")
    assert f.fate == REWORDED
    assert ("delete", ", ") in changed(f)


def test_case_counts() -> None:
    assert one("“Stay Home,” he said.", "“Stay home,” he said.").fate == REWORDED


def test_curly_versus_straight_marks_is_unchanged_with_a_note() -> None:
    f = one("“We will win,” she said.", '"We will win," she said.')
    assert f.fate == UNCHANGED
    assert f.notes == ('quote marks differ (“ ” vs " ")',)


def test_spacing_and_apostrophes_are_noted_not_counted() -> None:
    f = one("“We’re  ready,” she said.", "“We're ready,” she said.")
    assert f.fate == UNCHANGED
    assert f.notes == ("spacing differs", "apostrophes or dashes differ")


def test_changed_speaker_is_a_reattribution() -> None:
    f = one("“Talks are over,” Putin said.", "“Talks are over,” Peskov said.")
    assert f.fate == REATTRIBUTED
    assert f.notes == ("speaker: Putin → Peskov",)
    assert f.speaker == "Peskov"


def test_changed_cue_is_a_reattribution() -> None:
    f = one("“Talks are over,” Putin said.", "“Talks are over,” Putin claimed.")
    assert f.fate == REATTRIBUTED
    assert f.notes == ("cue: said → claimed",)


def test_reworded_and_reattributed_keeps_both() -> None:
    f = one("“We will win the vote,” Putin said.", "“We will lose the vote,” Peskov claimed.")
    assert f.fate == REATTRIBUTED
    assert f.notes == ("speaker: Putin → Peskov", "cue: said → claimed")
    assert changed(f) == [("delete", "win "), ("insert", "lose ")]


def test_an_unresolved_pronoun_is_not_a_new_speaker() -> None:
    a = "Ana Ruiz spoke first. “Enough,” Ana Ruiz said."
    b = "The council met. “Enough,” she said."
    assert one(a, b).fate == UNCHANGED


def test_added_and_removed_stand_in_reading_order() -> None:
    a = "“One,” he said. “Two thousand,” she said. “Three,” he said."
    b = "“One,” he said. “Three,” he said. “Four hundred,” they said."
    found = fates(a, b)
    assert [(f.fate, (f.a or f.b).text if (f.a or f.b) else None) for f in found] == [
        (UNCHANGED, "“One,”"),
        (REMOVED, "“Two thousand,”"),
        (UNCHANGED, "“Three,”"),
        (ADDED, "“Four hundred,”"),
    ]
    removed = found[1]
    assert removed.b is None and removed.segments == ()


def test_removed_before_every_pair_comes_first() -> None:
    found = fates("“Gone now,” he said. “Kept,” she said.", "“Kept,” she said.")
    assert [f.fate for f in found] == [REMOVED, UNCHANGED]


def test_fuzzy_pairs_best_first_each_once_in_order() -> None:
    a = "“The river is rising fast tonight,” he said. “The river is rising fast today,” he said."
    b = "“The river is rising fast today,” he said. “The river is rising slowly tonight,” he said."
    found = fates(a, b)
    assert [f.fate for f in found] == [UNCHANGED, REWORDED]
    assert found[1].a is not None and "tonight" in found[1].a.text


def test_unrelated_quotes_do_not_pair() -> None:
    found = fates("“Prices will fall,” he said.", "“Nobody knows the answer,” he said.")
    assert sorted(f.fate for f in found) == [ADDED, REMOVED]


def test_repeated_quotation_pairs_first_with_first() -> None:
    a = "“No,” he said. Later: “No,” he said again."
    found = fates(a, "“No,” he said.")
    assert [f.fate for f in found] == [UNCHANGED, REMOVED]
    assert found[0].a is not None and found[0].a.start == 0


def test_scare_quotes_take_part() -> None:
    a = "The so-called “reform” passed. The “freeze” stays."
    b = "The so-called “reform” passed. The “thaw” stays."
    found = fates(a, b)
    assert {q.kind for q in find_quotes(a)} == {"scare"}
    assert [f.fate for f in found] == [UNCHANGED, REMOVED, ADDED]


def test_multi_paragraph_quotation_merged_pairs_by_overlap() -> None:
    a = (
        "“The harbour will reopen next spring after the repairs are done,\n\n"
        "“and the ferries will run every hour again,” the mayor said."
    )
    b = (
        "“The harbour will reopen next spring after the repairs are done, "
        "and the ferries will run every hour again,” the mayor said."
    )
    ua, ub = find_quotes(a), find_quotes(b)
    assert len(ua) == 2 and len(ub) == 1
    f = one(a, b)
    assert f.fate == UNCHANGED
    assert f.a == ua[0] and f.a_more == (ua[1],) and f.b == ub[0] and f.b_more == ()
    assert "paragraphs: 2 in A, 1 in B" in f.notes
    # Reversed, the merged quote of A pairs with the first piece of B.
    g = one(b, a)
    assert g.fate == UNCHANGED and g.b_more == (ua[1],)


def test_quote_cut_by_a_stray_blank_line_is_unchanged() -> None:
    a = "“Our ties are old, and they run deep,” she said."
    b = "“Our ties are old,\n\nand they run deep,” she said."
    f = one(a, b)
    assert f.fate == UNCHANGED
    assert f.notes == ("paragraph breaks differ",)


# --- the seeds -------------------------------------------------------------------------


def seed_texts() -> tuple[str, str]:
    a = load_file(next(SEEDS.glob("000_*.txt"))).text
    b = load_file(next(SEEDS.glob("001_*.txt"))).text
    return a, b


def test_seeds_keep_their_nine_body_quotations() -> None:
    a, b = seed_texts()
    an, bn = annotate(a, THURSDAY), annotate(b, THURSDAY)
    found = quote_fates(a, an.quotes, b, bn.quotes)
    assert [f.fate for f in found] == [UNCHANGED] * 9 + [REMOVED] * 3
    assert [f.a.text for f in found[9:] if f.a] == [
        '"undesirable"',
        '"foreign agent."',
        '"discredits the decisions of the Russian leadership."',
    ]
    assert found[0].speaker == "Vladimir Putin"
    assert date_changes(a, an.dates, b, bn.dates) == []


def test_seed_redated_by_a_week_moves_thursday() -> None:
    a, b = seed_texts()
    an, bn = annotate(a, THURSDAY), annotate(b, THURSDAY + dt.timedelta(days=7))
    changes = date_changes(a, an.dates, b, bn.dates)
    thursday = next(c for c in changes if c.b.text == "Thursday")
    assert (thursday.a.value, thursday.b.value) == ("2026-01-15", "2026-01-22")
    assert thursday.note == "“Thursday” meant 2026-01-15, now means 2026-01-22"


# --- dates -----------------------------------------------------------------------------


def test_redated_copy_flags_the_weekday() -> None:
    text = "The minister resigned on Thursday, aides said. The vote is set for March 3, 2026."
    a, b = find_dates(text, THURSDAY), find_dates(text, THURSDAY + dt.timedelta(days=7))
    changes = date_changes(text, a, text, b)
    assert [c.a.text for c in changes] == ["Thursday"]


def test_no_publication_date_is_unknown_not_a_change() -> None:
    text = "The minister resigned on Thursday."
    assert date_changes(text, find_dates(text, None), text, find_dates(text, THURSDAY)) == []
    assert same_value("XXXX-01-15", "2026-01-15")
    assert not same_value("XXXX-01-15", "2026-01-16")


def test_dates_pair_by_their_place_in_the_story() -> None:
    a_text = "Talks began on Monday. Nothing else happened."
    b_text = "Talks began on Monday. The envoy left on Monday."
    a = [DateMention(15, 21, "Monday", "2026-01-12", "weekday")]
    b = [
        DateMention(15, 21, "Monday", "2026-01-12", "weekday"),
        DateMention(41, 47, "Monday", "2026-01-19", "weekday"),
    ]
    assert b_text[41:47] == "Monday"
    assert date_changes(a_text, a, b_text, b) == []
    # The preceding words changed, the following ones did not: still the same mention.
    c_text = "Negotiations began on Monday. Nothing else happened."
    c = [DateMention(22, 28, "Monday", "2026-01-19", "weekday")]
    assert [ch.b for ch in date_changes(a_text, a, c_text, c)] == c


# --- robustness ------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        " said ",
        " he ",
        "Putin",
        "on Monday",
        "Thursday",
        "war",
        "peace",
        "talks",
        "we",
        "will",
        "it's",
    ]
)
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT)
def test_random_texts_every_quote_in_exactly_one_fate(a: str, b: str) -> None:
    qa, qb = find_quotes(a), find_quotes(b)
    found = quote_fates(a, qa, b, qb)
    seen_a: Counter[Quote] = Counter()
    seen_b: Counter[Quote] = Counter()
    for f in found:
        seen_a.update(([f.a] if f.a else []) + list(f.a_more))
        seen_b.update(([f.b] if f.b else []) + list(f.b_more))
        assert (f.a is None) == (f.fate == ADDED)
        assert (f.b is None) == (f.fate == REMOVED)
    assert seen_a == Counter(qa) and seen_b == Counter(qb)
    date_changes(a, find_dates(a, THURSDAY), b, find_dates(b, None))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_arbitrary_text_never_crashes(a: str, b: str) -> None:
    quote_fates(a, find_quotes(a), b, find_quotes(b))
    bogus = [Quote(5, 2, "", None, 99, 3, None, "full"), Quote(-4, 900, "“", "x", None, None, ":", "scare")]
    quote_fates(a, bogus, b, find_quotes(b))
    date_changes(a, [DateMention(-3, 999, "", None, "date")], b, find_dates(b))


_SENTENCES = [
    "the harbour will reopen in spring",
    "the ferries will run every hour",
    "nobody will pay more for a ticket",
    "the old pier stays closed for now",
    "we owe this to the fishermen",
]


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5), st.lists(st.booleans(), min_size=4, max_size=4), st.booleans())
def test_a_quotation_cut_into_other_paragraphs_stays_unchanged(n: int, cuts: list[bool], flip: bool) -> None:
    """However two versions cut one quotation into paragraphs, no piece is added or removed."""

    def story(breaks: list[bool]) -> str:
        body = "“" + _SENTENCES[0].capitalize() + ","
        for sentence, cut in zip(_SENTENCES[1:n], breaks, strict=False):
            body += "\n\n“" + sentence + "," if cut else " " + sentence + ","
        return "The mayor spoke. " + body[:-1] + ".” the mayor said."

    a, b = story([True] * 4), story(cuts)
    if flip:
        a, b = b, a
    found = fates(a, b)
    assert {f.fate for f in found} <= {UNCHANGED}
    assert sum(1 + len(f.a_more) for f in found) == len(find_quotes(a))
    assert sum(1 + len(f.b_more) for f in found) == len(find_quotes(b))


def _big_story(seed: int, redated: bool) -> tuple[str, list[Quote], list[DateMention]]:
    """About 1 MB of paragraphs, each with a quotation and a weekday, built with their spans."""
    rnd = random.Random(3)
    vocab = [
        "".join(rnd.choice("abcdefghijklmnoprstu") for _ in range(rnd.randint(2, 9))) for _ in range(4000)
    ]
    rnd = random.Random(7)  # the same story for every seed, edited by `edits` when seed > 0
    edits = random.Random(seed)
    parts: list[str] = []
    quotes: list[Quote] = []
    dates: list[DateMention] = []
    pos = 0
    while pos < 1_000_000:
        words = [rnd.choice(vocab) for _ in range(30)]
        if seed and edits.random() < 0.1:
            words[3] = "changed"
        if seed and edits.random() < 0.05:
            continue
        head = f"The {words[0]} met on Monday and the {words[1]} {words[2]} spoke. "
        quote = "“" + " ".join(words[3:14]) + ",”"
        tail = f" {words[14]} said. " + " ".join(words[15:]) + ".\n\n"
        day = pos + head.index("Monday")
        dates.append(
            DateMention(day, day + 6, "Monday", "2026-01-19" if redated else "2026-01-12", "weekday")
        )
        start = pos + len(head)
        quotes.append(
            Quote(
                start,
                start + len(quote),
                quote,
                None,
                start + len(quote) + 1,
                start + len(quote) + 1 + len(words[14]),
                "said",
                "full",
            )
        )
        parts += [head, quote, tail]
        pos += len(head) + len(quote) + len(tail)
    return "".join(parts), quotes, dates


def test_two_one_megabyte_texts_are_fast() -> None:
    a, qa, da = _big_story(0, False)
    b, qb, db = _big_story(1, True)
    assert a[qa[5].start : qa[5].end] == qa[5].text and b[db[3].start : db[3].end] == "Monday"
    start = time.perf_counter()
    found = quote_fates(a, qa, b, qb)
    changes = date_changes(a, da, b, db)
    elapsed = time.perf_counter() - start
    assert {UNCHANGED, REWORDED, REMOVED} <= {f.fate for f in found}
    assert len(changes) > len(db) // 2
    assert elapsed < 1.0, elapsed
