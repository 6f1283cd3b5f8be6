"""A small news site on the loopback server: feeds whose articles have real images, and a page
outside any feed.

Shared by the offline tests and their kill -9 child process.
"""

from __future__ import annotations

from tests.support.images import JPEG, png
from tests.support.loopback import LoopbackServer

PARAGRAPHS = (
    "The old harbour at Wrenmouth reopened on Monday after two years of repairs to the sea wall, "
    "bringing the fishing fleet back to the town centre for the first time since the storm.",
    "Harbour master Ellen Price said the rebuilt wall used granite from the original quarry, "
    "and that the new lock gates would keep the inner basin calm even in a westerly gale.",
    "Local traders welcomed the return of the boats, saying the morning fish market had always "
    "drawn visitors and that the quayside cafes expected their busiest summer in years.",
)
# A word that appears only in the full page of article 2, never in any feed summary.
PAGE_ONLY_WORD = "cormorantine"


def page(slug: str, title: str, extra: str = "") -> bytes:
    body = "\n".join(f"<p>{p} ({slug})</p>" for p in PARAGRAPHS)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p><img src="/img/{slug}-1.png" alt="photo one" width="20" height="12"></p>
{body}
<p><img src="/img/{slug}-2.jpg" alt="photo two" width="16" height="10"></p>
<p>{extra or "More from the harbour tomorrow, with pictures of the new lock gates and the fleet."}</p>
</article><aside><a href="/x">Other story</a></aside></body></html>""".encode()


def rss(server: LoopbackServer, feed: str, slugs: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {s}</title><link>{server.url('/' + s)}</link><guid>{s}</guid>"
        f"<description>Short summary of story {s}.</description></item>"
        for s in slugs
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>{server.base_url}/</link>{items}</channel></rss>"
    ).encode()


def serve_site(
    server: LoopbackServer, feeds: dict[str, list[str]], *, slow: frozenset[str] = frozenset()
) -> None:
    """Serve each feed at /<name>.xml with its articles and images; ``slow`` pages' images never come."""
    for name, slugs in feeds.items():
        server.serve(f"/{name}.xml", rss(server, name, slugs), content_type="application/rss+xml")
        for index, slug in enumerate(slugs):
            extra = f"The {PAGE_ONLY_WORD} birds nested on the new wall." if slug == "a2" else ""
            server.serve(
                f"/{slug}", page(slug, f"Story {slug}", extra), content_type="text/html; charset=utf-8"
            )
            delay = 600.0 if slug in slow else 0.0
            server.serve(f"/img/{slug}-1.png", png(20, 12, seed=index), content_type="image/png", delay=delay)
            server.serve(f"/img/{slug}-2.jpg", JPEG, content_type="image/jpeg", delay=delay)
    server.serve(
        "/outside", page("outside", "A page outside any feed"), content_type="text/html; charset=utf-8"
    )
    server.serve("/img/outside-1.png", png(20, 12, seed=99), content_type="image/png")
    server.serve("/img/outside-2.jpg", JPEG, content_type="image/jpeg")
