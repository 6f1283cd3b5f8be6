"""Articles built by hand from real text, and a local image store with real image bytes."""

from __future__ import annotations

import json
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

from reader.core.models import Article, CleanArticle

DATA = Path(__file__).parents[2] / "data"
SEED = json.loads((DATA / "seed-article" / "expected.json").read_text(encoding="utf-8"))

SEED_IMAGE = "https://caliber.az/storage/news/2025/02/17/syria-bases.jpg"
MISSING_IMAGE = "https://caliber.az/storage/news/2025/02/17/not-stored.png"
CYRILLIC_IMAGE = "https://example.ru/media/metro.png"
ARABIC_IMAGE = "https://example.org/ar/media/map.gif"

CYRILLIC_PARAGRAPHS = [
    "Московский метрополитен открылся 15 мая 1935 года: первая линия связала Сокольники и Парк культуры.",
    "Сегодня в нём больше двухсот пятидесяти станций, и многие из них считаются памятниками архитектуры.",
    "Станция «Маяковская» получила Гран-при на Всемирной выставке в Нью-Йорке в 1938 году.",
]
ARABIC_PARAGRAPHS = [
    "تقع مدينة القاهرة على ضفاف نهر النيل، وهي أكبر مدن العالم العربي من حيث عدد السكان.",
    "تأسست المدينة في القرن العاشر الميلادي، وتضم عددًا كبيرًا من المساجد والمدارس التاريخية.",
    "يزور الملايين كل عام منطقة الأهرامات في الجيزة القريبة من المدينة.",
]


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A real PNG of one colour, written with zlib and struct."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + payload))
        return struct.pack(">I", len(payload)) + kind + payload + crc

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def gif_1x1() -> bytes:
    """A real 1x1 GIF89a (one red pixel)."""
    return (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )


JPEG = (DATA / "export" / "gradient.jpg").read_bytes()
PNG = png(4, 3, (200, 30, 30))
GIF = gif_1x1()

STORE: dict[str, tuple[bytes, str]] = {
    SEED_IMAGE: (JPEG, "image/jpeg"),
    CYRILLIC_IMAGE: (PNG, "image/png"),
    ARABIC_IMAGE: (GIF, "image/gif"),
}


def lookup(url: str) -> tuple[bytes, str] | None:
    """The local image store as the writers see it."""
    return STORE.get(url)


def make_article(
    clean: CleanArticle | None,
    *,
    id: int = 1,
    title: str | None = None,
    author: str | None = None,
    summary_html: str | None = None,
    url: str | None = None,
) -> Article:
    return Article(
        id=id,
        feed_id=1,
        uid=f"uid-{id}",
        title=title if title is not None else (clean.title if clean else "Untitled"),
        url=url if url is not None else (clean.url if clean else None),
        author=author,
        summary_html=summary_html,
        content_html=None,
        published=datetime(2025, 2, 17, 16, 19, tzinfo=UTC),
        updated=None,
        arrived_at=datetime(2025, 2, 17, 17, 0, tzinfo=UTC),
        read=False,
        bookmarked=True,
        feed_title="Feed title",
        clean=clean,
    )


def seed_article(**changes: object) -> Article:
    body = "".join(f"<p>{p}</p>" for p in SEED["body_paragraphs"][:2])
    body += (
        f'<figure><img src="{SEED_IMAGE}" alt="Russian naval base in Tartus">'
        "<figcaption>The base at Tartus.</figcaption></figure>"
    )
    body += "".join(f"<p>{p}</p>" for p in SEED["body_paragraphs"][2:])
    body += f'<p><img src="{MISSING_IMAGE}" alt="A chart not kept offline"></p>'
    clean = CleanArticle(
        url=SEED["url"],
        title=SEED["title"],
        html=body,
        text="\n".join(SEED["body_paragraphs"]),
        author=SEED["author"],
        published=datetime.fromisoformat(SEED["published"]).astimezone(UTC),
        site_name=SEED["site_name"],
        language="en",
        lead_image=SEED["lead_image"],
    )
    return make_article(clean, id=1, **changes)  # type: ignore[arg-type]


def cyrillic_article(author: str = "Анна Петрова") -> Article:
    body = (
        "<h2>История</h2>"
        + f"<p>{CYRILLIC_PARAGRAPHS[0]}</p>"
        + f'<p><img src="{CYRILLIC_IMAGE}" alt="Станция метро"></p>'
        + f"<p>{CYRILLIC_PARAGRAPHS[1]}</p>"
        + "<ul><li>Сокольническая линия</li><li>Арбатско-Покровская линия</li></ul>"
        + f"<blockquote><p>{CYRILLIC_PARAGRAPHS[2]}</p></blockquote>"
    )
    clean = CleanArticle(
        url="https://example.ru/news/metro",
        title="Московскому метро 90 лет",
        html=body,
        text="\n".join(CYRILLIC_PARAGRAPHS),
        author=author,
        site_name="Пример.ру",
        language="ru",
    )
    return make_article(clean, id=2)


def arabic_article(author: str = "أحمد علي") -> Article:
    body = (
        f"<p>{ARABIC_PARAGRAPHS[0]}</p>"
        + f'<figure><img src="{ARABIC_IMAGE}" alt="خريطة القاهرة"></figure>'
        + "".join(f"<p>{p}</p>" for p in ARABIC_PARAGRAPHS[1:])
    )
    clean = CleanArticle(
        url="https://example.org/ar/cairo",
        title="القاهرة مدينة الألف مئذنة",
        html=body,
        text="\n".join(ARABIC_PARAGRAPHS),
        author=author,
        site_name="مثال",
        language="ar",
        direction="rtl",
    )
    return make_article(clean, id=3)
