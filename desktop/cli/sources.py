"""What the CLI's article arguments name: a file, or an article of the library by its id."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop.core import library as lib
from desktop.core.article import Article
from desktop.core.errors import LoadError, PalimpsestError
from desktop.core.loaders import load_file


class UsageError(PalimpsestError):
    """Arguments that name no articles to work on (exit status 2, as argparse's)."""


_ID = re.compile(r"^#?(\d+)$")


def load_source(spec: str, library_dir: str | None) -> tuple[Article, dt.date | None]:
    """The article `spec` names and the date to resolve its relative dates against.

    A path that exists is read as a file; otherwise "12" or "#12" is article 12 of
    the library (whose undated versions borrow their story's date).
    """
    match = _ID.match(spec)
    if Path(spec).exists() or match is None:
        if not Path(spec).exists() and match is None:
            raise LoadError(spec, "no such file (nor a library article id)")
        article = load_file(spec)
        return article, article.meta.date
    with lib.open_library(library_dir) as library:
        article_id = int(match.group(1))
        article = lib.article(library, article_id)
        story_date = lib.article_row(library, article_id).story_date
    return article, article.meta.date or story_date
