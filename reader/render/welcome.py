"""The local welcome article: shown on first run, rendered in the reader's own style."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from reader.render.document import SHOW_SHORTCUTS, Page


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _keys(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td width="30%"><code>{html.escape(k)}</code></td><td>{html.escape(v)}</td></tr>'
        for k, v in rows
    )
    return f"<table>{cells}</table>"


def welcome_page() -> Page:
    rows = [
        ("j / k", tr("next / previous article")),
        ("n / p", tr("next / previous unread article")),
        ("Space", tr("scroll the article, then go to the next unread one")),
        ("m", tr("mark read or unread")),
        ("s", tr("bookmark: keep the article, with its pictures, for offline reading")),
        ("o", tr("open the original page in your browser")),
        ("r / Shift+R", tr("refresh this feed / all feeds")),
        ("/", tr("search")),
        ("Ctrl+= / Ctrl+- / Ctrl+0", tr("larger text / smaller text / default size (also A+ and A-)")),
        ("Ctrl+Shift+T", tr("next theme: automatic, day, sepia, night")),
    ]
    paragraphs = [
        tr(
            "This reader shows your news feeds as clean, quiet pages: the article's own text, "
            "in a column that is easy to read, in the theme and size you choose."
        ),
        tr(
            "Nothing is downloaded until you ask. Add a feed by pasting the address of a website "
            "or of its feed, bring your subscriptions from another reader with Import OPML, "
            "or try the starter feeds."
        ),
    ]
    keys_heading = tr("The keys")
    offline_heading = tr("Offline and in print")
    offline = tr(
        "Bookmarked articles are kept for good, with their text and pictures, so you can "
        "read them without a connection. Any article can be printed or saved as a PDF."
    )
    all_keys = tr("Show all keyboard shortcuts (?)")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    body += f"<h2>{html.escape(keys_heading)}</h2>" + _keys(rows)
    body += f"<h2>{html.escape(offline_heading)}</h2><p>{html.escape(offline)}</p>"
    body += f'<p><a href="{SHOW_SHORTCUTS}">{html.escape(all_keys)}</a></p>'
    return Page(title=tr("Welcome to your news reader"), body_html=body, site=tr("News Reader"))
