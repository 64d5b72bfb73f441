"""Builders and Hypothesis strategies shared by the compare tests."""

from __future__ import annotations

from hypothesis import strategies as st

from desktop.core.article import Article, Block, BlockKind

WORDS = [
    "the",
    "minister",
    "said",
    "Putin",
    "Europe",
    "relations",
    "ready",
    "to",
    "restore",
    "Putin’s",
    "Putin's",
    "“frozen,”",
    '"frozen,"',
    "talks",
    "—",
    "-",
    "...",
    "…",
    "A",
    "[said](#)",
    "**bold**",
    "<b>x</b>",
    "ß",
    "SS",
    "a-b",
    "peace.",
    "Peace",
    "it's",
]

RARE_WORDS = [f"word{i}" for i in range(400)] + ["Putin’s", "“frozen,”", "**bold**", "a-b."]


def article(*texts: str, continues: tuple[int, ...] = ()) -> Article:
    """An Article of plain paragraphs; blocks whose index is in `continues` join the next."""
    return Article(
        tuple(Block(BlockKind.PARAGRAPH, t, continues=i in continues) for i, t in enumerate(texts))
    )


spaces = st.sampled_from([" ", " ", " ", "  ", "\n", " \n "])


@st.composite
def paragraphs(draw: st.DrawFn, unique: bool = False) -> str:
    """Prose-like text from a small vocabulary, so that pairs share many words."""
    # `unique`: no word twice in a paragraph, from a vocabulary large enough that
    # unrelated paragraphs share few words, as in real prose.
    vocabulary = RARE_WORDS if unique else WORDS
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=0, max_size=12, unique=unique))
    out = ""
    for w in words:
        out += (draw(spaces) if out else "") + w
    return out


@st.composite
def articles(draw: st.DrawFn, max_blocks: int = 8, unique: bool = False) -> Article:
    """Articles of non-empty paragraphs, some cut in two by a stray blank line."""
    texts = draw(st.lists(paragraphs(unique).filter(bool), min_size=0, max_size=max_blocks))
    cont = tuple(i for i in range(len(texts) - 1) if draw(st.booleans()) and i % 3 == 0)
    return article(*texts, continues=cont)


@st.composite
def article_pairs(draw: st.DrawFn, moves: bool = True, unique: bool = False) -> tuple[Article, Article]:
    """A and a B made from A by edits, so that pairs are related, not random.

    `unique`: inserted paragraphs and replacement words are new words, so the
    right alignment is never a matter of taste.
    """
    actions = ["edit", "insert", "delete", "move"] if moves else ["edit", "insert", "delete"]
    a = draw(articles(unique=unique))
    texts = [b.text for b in a.blocks]
    fresh = iter(f"new{k}" for k in range(1000))
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(actions))
        if action == "insert" or not texts:
            new = " ".join(next(fresh) for _ in range(3)) if unique else draw(paragraphs().filter(bool))
            texts.insert(draw(st.integers(0, len(texts))), new)
        elif action == "delete":
            texts.pop(draw(st.integers(0, len(texts) - 1)))
        elif action == "move":
            texts.insert(draw(st.integers(0, len(texts) - 1)), texts.pop())
        else:
            i = draw(st.integers(0, len(texts) - 1))
            words = texts[i].split()
            if words:
                new = next(fresh) if unique else draw(st.sampled_from(WORDS))
                words[draw(st.integers(0, len(words) - 1))] = new
            texts[i] = " ".join(words) or "x"
    return a, article(*texts)
