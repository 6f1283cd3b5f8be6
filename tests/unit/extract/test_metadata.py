"""Metadata from JSON-LD, OpenGraph, <meta> and the document."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html

from reader.extract.metadata import PageMetadata, parse_datetime, read_metadata, strip_site_suffix

URL = "https://news.example/2024/05/story"


def meta_of(html: str) -> PageMetadata:
    return read_metadata(lxml.html.document_fromstring(html), URL)


def test_json_ld_graph_article_wins_and_names_are_read() -> None:
    html = """<html lang="de"><head><title>Ein Titel | Beispiel</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Beispiel"},
      {"@type":["NewsArticle"],"headline":"Ein Titel","datePublished":"2024-05-01T08:00:00Z",
       "author":[{"@type":"Person","name":"Anna Muster"},{"@type":"Person","name":"Ben Beispiel"}],
       "publisher":{"@type":"Organization","name":"Beispiel Zeitung"},
       "image":{"@type":"ImageObject","url":"/img/lead.jpg"}}]}</script></head><body></body></html>"""
    meta = meta_of(html)
    assert meta.title == "Ein Titel"
    assert meta.author == "Anna Muster, Ben Beispiel"
    assert meta.published == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert meta.site_name == "Beispiel Zeitung"
    assert meta.lead_image == "https://news.example/img/lead.jpg"
    assert meta.language == "de"


def test_broken_json_ld_is_skipped_for_opengraph() -> None:
    html = """<html><head><script type="application/ld+json">{not json</script>
    <meta property="og:title" content="Storm closes port &amp;amp; roads">
    <meta property="og:site_name" content="Coast News">
    <meta name="author" content="By Jo Reporter">
    <meta property="article:published_time" content="2024-05-01T10:00:00+02:00">
    </head><body></body></html>"""
    meta = meta_of(html)
    assert meta.title == "Storm closes port & roads"
    assert meta.author == "Jo Reporter"
    assert meta.published == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def test_title_suffix_is_stripped_when_only_the_title_tag_is_there() -> None:
    html = """<html><head><title>Storm closes port | Coast News</title>
    <meta property="og:site_name" content="Coast News"></head><body></body></html>"""
    assert meta_of(html).title == "Storm closes port"
    assert strip_site_suffix("Coast News - Storm closes port", "Coast News") == "Storm closes port"
    assert strip_site_suffix("Storm - the aftermath", "Coast News") == "Storm - the aftermath"


def test_time_element_and_rtl_language() -> None:
    html = """<html lang="ar"><head><title>خبر</title></head>
    <body><time datetime="2024-05-01">1 May</time></body></html>"""
    meta = meta_of(html)
    assert meta.published == datetime(2024, 5, 1, tzinfo=UTC)
    assert meta.direction == "rtl"


def test_dates_in_rfc_2822_and_garbage() -> None:
    assert parse_datetime("Wed, 01 May 2024 10:00:00 +0200") == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert parse_datetime("yesterday") is None
    assert parse_datetime("0001-01-01T00:00:00") is None
    assert parse_datetime("9999-12-31T23:59:59-05:00") is None
    assert parse_datetime("") is None
