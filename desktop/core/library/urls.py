"""What counts as the same web address: the canonical form stories are grouped by."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

#: Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "ref", "ref_src", "ref_url", "cmpid", "ocid", "smid", "sr_share", "share",
    "at_medium", "at_campaign", "guccounter", "ito", "spm", "amp", "outputtype",
    "__twitter_impression", "s_cid",
})

#: Prefixes of tracking parameter families (`utm_source`, `utm_medium`, …).
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "oly_")

#: Path segments that only select the AMP rendering of a page.
_AMP_SEGMENTS = frozenset({"amp", "amp.html"})


def canonical_url(url: str | None) -> str | None:
    """`url` reduced to what identifies the article, or None if it is not a web address.

    Scheme, `www.`, AMP variants, tracking parameters, fragments, default ports
    and a trailing slash are not part of an article's identity; the remaining
    query parameters are sorted. The host is lower-cased, the path is not (it
    is case-sensitive on most servers).
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    host = host.removeprefix("www.").removeprefix("amp.")
    if host.startswith("m.") and host.count(".") >= 2:
        host = host[2:]  # mobile edition, same article
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() not in _AMP_SEGMENTS]
    last = segments[-1] if segments else ""
    if last.lower().endswith(".amp.html"):
        segments[-1] = last[: -len(".amp.html")] + ".html"
    elif last.lower().endswith(".amp"):
        segments[-1] = last[: -len(".amp")]
    path = "/".join(segments)
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(key)
    )
    canonical = f"{host}/{path}" if path else host
    return f"{canonical}?{urlencode(query)}" if query else canonical


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)
