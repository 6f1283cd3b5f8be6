"""What the reader does with the arguments of a launch: feed addresses, feed files, OPML files.

They come from the command line, a desktop launcher (``%U``) or a second
launch handed over by ``reader.ui.instance``.  Nothing is subscribed or
imported without asking: a link clicked in a browser must not change the
user's subscriptions on its own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

# Enough of a file to see whether it is OPML or a feed, and to find its own address.
SNIFF_BYTES = 256 * 1024
_SELF_LINK = re.compile(
    rb"<(?:atom:)?link\b[^>]*\brel=[\"']self[\"'][^>]*\bhref=[\"']([^\"']+)[\"']"
    rb"|<(?:atom:)?link\b[^>]*\bhref=[\"']([^\"']+)[\"'][^>]*\brel=[\"']self[\"']",
    re.IGNORECASE,
)
_JSON_FEED_URL = re.compile(rb'"feed_url"\s*:\s*"([^"]+)"')
_CHANNEL_LINK = re.compile(rb"<link>\s*(https?://[^<\s]+)\s*</link>", re.IGNORECASE)


class Kind(Enum):
    SUBSCRIBE = "subscribe"
    IMPORT = "import"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Request:
    kind: Kind
    # A feed or site address (SUBSCRIBE), an OPML file (IMPORT) or the argument as given.
    target: str


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def classify(argument: str) -> Request:
    """What an argument asks for, read from the argument (and a local file's first bytes)."""
    text = argument.strip()
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        return Request(Kind.SUBSCRIBE, text)
    if lowered.startswith("feed:"):
        # feed:https://host/x and feed://host/x both mean the web address.
        rest = text[5:]
        return Request(Kind.SUBSCRIBE, rest if "://" in rest else "https:" + rest)
    if lowered.startswith("file://"):
        text = unquote(urlsplit(text).path)
    path = Path(text)
    if not text or not path.is_file():
        return Request(Kind.UNKNOWN, argument)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        log.info("cannot read %s: %s", path, error)
        return Request(Kind.UNKNOWN, argument)
    if b"<opml" in head[:4096].lower():
        return Request(Kind.IMPORT, str(path))
    found = _SELF_LINK.search(head) or _JSON_FEED_URL.search(head) or _CHANNEL_LINK.search(head)
    if found is not None:
        address = next(g for g in found.groups() if g).decode("utf-8", "replace").strip()
        if address.lower().startswith(("http://", "https://")):
            return Request(Kind.SUBSCRIBE, address)
    return Request(Kind.UNKNOWN, argument)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before changing the subscriptions (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def question(request: Request) -> tuple[str, str]:
    """The title and text of the question for ``request``."""
    if request.kind is Kind.IMPORT:
        return tr("Import Subscriptions"), tr("Import subscriptions from %1?").replace("%1", request.target)
    return tr("Subscribe"), tr("Subscribe to %1?").replace("%1", request.target)
