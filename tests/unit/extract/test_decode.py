"""Charset choice (catalog 40): header, then <meta>, then detection; never mojibake."""

from __future__ import annotations

from reader.extract.decode import decode_page

RUSSIAN = "<p>Москва сообщила, что переговоры о базах в Сирии продолжаются уже несколько недель подряд.</p>"


def page(head: str = "", body: str = RUSSIAN) -> str:
    return f"<html><head>{head}<title>Новости</title></head><body>{body * 5}</body></html>"


def test_header_charset_wins_over_meta() -> None:
    body = page('<meta charset="utf-8">').encode("cp1251")
    decoded = decode_page(body, "text/html; charset=windows-1251")
    assert "Москва" in decoded.text and decoded.source == "header"


def test_meta_charset_when_header_has_none() -> None:
    decoded = decode_page(
        page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').encode("cp1251"),
        "text/html",
    )
    assert "Москва" in decoded.text and decoded.source == "meta"


def test_cp1251_page_without_any_charset_is_detected() -> None:
    decoded = decode_page(page().encode("cp1251"))
    assert "Москва" in decoded.text and decoded.source == "detected"


def test_cp1251_page_claiming_utf8_is_detected() -> None:
    decoded = decode_page(page('<meta charset="utf-8">').encode("cp1251"))
    assert "Москва" in decoded.text and decoded.source == "detected"


def test_utf8_page_with_a_broken_byte_keeps_utf8_and_replaces_it() -> None:
    body = page('<meta charset="utf-8">').encode("utf-8").replace("Москва".encode(), b"\xff\xfe", 1)
    decoded = decode_page(body)
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text and "сообщила" in decoded.text


def test_unknown_declared_charset_falls_back_to_the_bytes() -> None:
    body = page('<meta charset="x-no-such-charset">').encode("utf-8")
    decoded = decode_page(body, "text/html; charset=bogus")
    assert "Москва" in decoded.text


def test_byte_order_mark_wins() -> None:
    decoded = decode_page(b"\xef\xbb\xbf" + page().encode("utf-8"), "text/html; charset=iso-8859-1")
    assert "Москва" in decoded.text and decoded.source == "bom"


def test_latin1_label_reads_as_windows_1252() -> None:
    decoded = decode_page("<p>it\x92s</p>".encode("latin-1"), "text/html; charset=ISO-8859-1")
    assert "it’s" in decoded.text
