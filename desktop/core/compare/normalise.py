"""What counts as the same text: the normalisation filters of a comparison.

Each filter is a pure function on a string. `paragraph_key` chains them to give
the key paragraphs are aligned on; `token_key` applies the same policy to one
token of the word diff, so two paragraphs with equal keys have no word changes.
"""

from __future__ import annotations

import hashlib
import re

from desktop.core.compare.model import CompareOptions

__all__ = [
    "collapse_whitespace",
    "fingerprint",
    "fold_case",
    "fold_quotes",
    "paragraph_key",
    "strip_markup",
    "strip_punctuation",
    "token_key",
]

#: Markup a loader may have left in block text: HTML tags (not `<https://…>`
#: autolinks), Markdown emphasis runs, and the brackets and target of
#: `[text](url)` links; the link text is part of the sentence and stays. Each
#: alternative is recognised without looking at its neighbours, so a piece of
#: text keeps its meaning when the word diff cuts it out of its paragraph.
MARKUP_PATTERN = (
    r"<(?!https?:)/?[A-Za-z][^<>]*>"
    r"|\]\([^()\s]*\)"
    r"|!?\[|\]"
    r"|\*{1,3}|_{2,3}|~~"
)
_MARKUP = re.compile(MARKUP_PATTERN)

#: Typographic quotes, apostrophes, dashes and ellipses, folded to ASCII.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u00b4": "'",  # ´
        "`": "'",
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus
        "\u2026": "...",  # …
    }
)

_QUOTE_PAIRS = tuple((chr(c), str(v)) for c, v in _QUOTES.items())
_MARKUP_STARTS = "<[]*_~"
_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


# Speed notes: these run over every paragraph of both documents. A regex scan or
# a dict-driven str.translate costs ~30 ms per MB; `in` and str.replace run at
# memory speed, so the filters look for work that way first.


def collapse_whitespace(text: str) -> str:
    """Re-wrapping is not an edit: every run of whitespace becomes one space, ends trimmed."""
    # isprintable() is False for newlines, tabs and every Unicode space but " ".
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if "\n" in text:  # re-wrapped: its line breaks are often all there is to undo
        joined = text.replace("\n", " ")
        if _is_collapsed(joined):  # then it is what splitting and joining would give
            return joined
    return " ".join(text.split())


def _is_collapsed(text: str) -> bool:
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def strip_markup(text: str) -> str:
    """Markdown/HTML markup is not an edit: drop tags, emphasis markers and link brackets."""
    if any(c in text for c in _MARKUP_STARTS):
        return _MARKUP.sub("", text)
    return text


def fold_quotes(text: str) -> str:
    """Quote and dash style are not edits: curly quotes, dashes and `…` become ASCII."""
    if text.isascii():  # O(1) for str; the backtick is the only ASCII character folded
        return text.replace("`", "'") if "`" in text else text
    if len(text) < 40:  # a token: one pass beats a scan per character kind
        return text.translate(_QUOTES)
    for char, ascii_ in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, ascii_)
    return text


def fold_case(text: str) -> str:
    """Case is not an edit."""
    return text.casefold()


def strip_punctuation(text: str) -> str:
    """Punctuation is not an edit: drop what is neither a word character nor a space."""
    return _PUNCTUATION.sub("", text)


def paragraph_key(text: str, options: CompareOptions) -> str:
    """The text of a paragraph as the comparison sees it under `options`.

    Paragraphs with equal keys are equal; the filters run in the same order as in
    `token_key` (markup first, since `**` is also punctuation).
    """
    if options.ignore_markup:
        text = strip_markup(text)
    if options.ignore_quote_style:
        text = fold_quotes(text)
    if options.ignore_case:
        text = fold_case(text)
    if options.ignore_punctuation:
        # Removing punctuation must not glue words together ("a-b" is not "ab").
        text = _PUNCTUATION.sub(" " if options.ignore_whitespace else "", text)
    if options.ignore_whitespace:
        text = collapse_whitespace(text)
    return text


def token_key(text: str, kind: str, options: CompareOptions) -> str:
    """The comparison key of one token of the word diff; "" means the token is ignored.

    `kind` is the tokeniser's class: "word", "punct", "space" or "markup".
    """
    if kind == "space":
        return "" if options.ignore_whitespace else text
    if kind == "markup":
        return "" if options.ignore_markup else text
    if options.ignore_quote_style:
        text = fold_quotes(text)
    if kind == "punct" and options.ignore_punctuation:
        return ""
    if options.ignore_case:
        text = fold_case(text)
    if options.ignore_punctuation:
        text = strip_punctuation(text)
    return text


def fingerprint(text: str) -> str:
    """A short stable digest of a paragraph, blind to spacing, markup, quotes, case and punctuation.

    The library computes these over many articles of a source; paragraphs whose
    fingerprint recurs are boilerplate (see `CompareOptions.boilerplate_fingerprints`).
    """
    key = _SPACE.sub(" ", strip_punctuation(fold_case(fold_quotes(strip_markup(text))))).strip()
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()
