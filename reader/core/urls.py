"""URL rules shared by every layer: only http(s) is ever stored or followed."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

HTTP_SCHEMES = frozenset({"http", "https"})
# An absolute http(s) URL with a host and no white space.  Feeds carry
# hundreds of thousands of URLs; almost all match, and matching is ~20x
# cheaper than urlsplit/urljoin.
_ABSOLUTE_HTTP = re.compile(r"https?://(?:[^\s/?#@]*@)?[^\s/?#@:]+[^\s]*\Z", re.IGNORECASE)


def is_http_url(url: str | None) -> bool:
    if not url:
        return False
    if _ABSOLUTE_HTTP.match(url):
        return True
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in HTTP_SCHEMES and bool(parts.hostname)


def absolute_http_url(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base``; None unless the result is http(s)."""
    if not url:
        return None
    url = url.strip()
    if _ABSOLUTE_HTTP.match(url):
        return url
    try:
        joined = urljoin(base, url) if base else url
    except ValueError:
        return None
    return joined if is_http_url(joined) else None


def normalize_user_url(text: str) -> str:
    """What a user typed or pasted, as a URL we can fetch.

    Adds https:// when no scheme is given and turns feed: URLs into http(s).
    """
    text = text.strip()
    lowered = text.lower()
    if lowered.startswith("feed://"):
        text = "https://" + text[len("feed://") :]
    elif lowered.startswith("feed:"):
        text = text[len("feed:") :]
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_loopback_host(host: str) -> bool:
    """True for this machine itself (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
