"""OPML subscription lists: read (hostile files included) and write (round-trips).

Reading: external entities, DTD loading and the network are off in the XML
parser, so XXE and billion-laughs files come to nothing; only http(s) feed
URLs are kept (``feed:`` becomes http(s), ``exec:``, ``file:`` and the rest
are dropped, cf. newsboat's OPML ``exec:`` hole); nested folders are
flattened to their top folder, which is what the reader's one-level folders
can show; at most ``MAX_OUTLINES`` feeds are read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

from reader.core.errors import FeedError
from reader.core.urls import is_http_url

log = logging.getLogger(__name__)

MAX_OUTLINES = 10_000
_URL_ATTRIBUTES = ("xmlUrl", "xmlurl", "XMLURL", "xmlURL", "url")


@dataclass(frozen=True, slots=True)
class OpmlOutline:
    url: str
    title: str
    folder: str | None = None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def read_opml(data: bytes) -> list[OpmlOutline]:
    """The feeds of an OPML file, in file order, each URL once; raises FeedError when it is not OPML."""
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"This file is not a readable OPML subscription list ({exc})") from exc
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise FeedError("This file is not an OPML subscription list")
    body = next(
        (
            child
            for child in root.iterchildren(etree.Element)
            if etree.QName(child).localname.lower() == "body"
        ),
        None,
    )
    if body is None:
        return []
    outlines: list[OpmlOutline] = []
    seen: set[str] = set()
    for element, folder in _walk(body):
        url = _feed_url(element)
        if url is None or url in seen:
            continue
        if len(outlines) >= MAX_OUTLINES:
            log.warning("OPML file has more than %d feeds; the rest are ignored", MAX_OUTLINES)
            break
        seen.add(url)
        outlines.append(OpmlOutline(url, _label(element) or url, folder))
    return outlines


def _walk(body: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
    """Every outline with the name of its top-level folder (None at the top), without recursion."""
    stack: list[tuple[etree._Element, str | None, int]] = [
        (child, None, 0) for child in reversed(_outlines(body))
    ]
    while stack:
        element, folder, depth = stack.pop()
        yield element, folder
        children = _outlines(element)
        if children:
            name = folder if depth else (_label(element) or None)
            stack.extend((child, name, depth + 1) for child in reversed(children))


def _outlines(element: etree._Element) -> list[etree._Element]:
    return [
        child
        for child in element.iterchildren(etree.Element)
        if etree.QName(child).localname.lower() == "outline"
    ]


def _label(element: etree._Element) -> str:
    text = element.get("title") or element.get("text") or ""
    return " ".join(text.split())


def _feed_url(element: etree._Element) -> str | None:
    for name in _URL_ATTRIBUTES:
        value = element.get(name)
        if value:
            break
    else:
        return None
    value = value.strip()
    lowered = value.lower()
    if lowered.startswith("feed://"):
        value = "http://" + value[len("feed://") :]
    elif lowered.startswith("feed:"):
        value = value[len("feed:") :]
    return value if is_http_url(value) else None


def write_opml(entries: Sequence[OpmlOutline], title: str) -> bytes:
    """OPML 2.0: feeds without a folder at the top, then one parent outline per folder (first-seen order)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for entry in entries:
        parent = body
        if entry.folder:
            if entry.folder not in folders:
                name = entry.folder
                folders[name] = etree.SubElement(body, "outline", text=name, title=name)
            parent = folders[entry.folder]
        etree.SubElement(parent, "outline", type="rss", text=entry.title, title=entry.title, xmlUrl=entry.url)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
