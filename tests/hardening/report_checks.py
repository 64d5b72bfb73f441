"""What makes an HTML page active or leaky: scripts, handlers, anything fetched when it opens."""

from __future__ import annotations

import re

_TAG = re.compile(r"<([a-zA-Z][^\s>/]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "link", "img", "video", "audio",
                "source", "track", "base", "form", "svg", "math", "meta", "input", "picture", "portal"}
_ALLOWED_META = re.compile(r'<meta (charset="utf-8"|name="viewport" content="[^"]*")>')


def active_content(page: str) -> list[str]:
    """Everything in `page` that could run, fetch or navigate by itself; [] for an inert page."""
    problems = []
    for match in _TAG.finditer(page):
        tag = match.group(1).lower()
        if tag == "meta" and _ALLOWED_META.fullmatch(match.group(0)):
            continue
        if tag in _ACTIVE_TAGS:
            problems.append(f"tag: {match.group(0)[:80]}")
        for name, _value in _ATTRIBUTE.findall(match.group(2)):
            lowered = name.lower()
            if lowered.startswith("on") or lowered in {"src", "srcset", "href", "action", "data", "poster",
                                                       "background", "style", "formaction", "xlink:href"}:
                problems.append(f"attribute {name} in {match.group(0)[:80]}")
    lowered = page.lower()
    for needle in ("url(", "@import", "expression(", "javascript:"):
        # In text these are escaped or harmless; inside <style> they would fetch or run.
        for style in re.findall(r"<style[^>]*>(.*?)</style>", lowered, re.S):
            if needle in style:
                problems.append(f"style holds {needle}")
    return problems
