"""Patterns for the short lines around an article's body, shared by the loaders
(block kinds, metadata) and the compare engine (zones)."""

from __future__ import annotations

import re

#: A line that is nothing but a web address.
URL_ONLY = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.IGNORECASE)
#: "Related article: …", "Read more: …": a link to another article.
RELATED_LABEL = re.compile(
    r"^(?:related(?: articles?| stor(?:y|ies)| content)?|read (?:more|also)|see also|also read"
    r"|more on this(?: story)?)\s*[:\-–—]",
    re.IGNORECASE,
)
#: "Original url:", "Source:": the label of the article's own address.
SOURCE_LABEL = re.compile(
    r"^(?:original(?: url| link| article)?|source(?: url)?|url|link|permalink|read the original)\s*:",
    re.IGNORECASE,
)
#: "By Jane Doe": a byline; the name is group "name".
BYLINE = re.compile(r"^(?i:by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von|al))*)\s*$")
#: Any short "By …" line (also "By the Associated Press"): a byline as a zone of the page.
BYLINE_LINE = re.compile(r"^by\s+[A-Z\w][\w.'-]*(?:\s+[\w.'-]+){0,6}$", re.IGNORECASE)
