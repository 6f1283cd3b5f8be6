"""A few pages of the Scrapinghub benchmark, each held to a floor of the benchmark's F1."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from reader.extract import extract_article

CORPUS = Path(__file__).resolve().parents[2] / "data" / "scrapinghub-aeb"
# Chosen for variety: embedded tweets, related-story links in the body, a
# repeated headline, non-English text, a long list-heavy page.
PAGES = {
    "921019755f4a": 0.85,  # news.sky.com: embedded tweets are part of the article
    "7dfc3e359d7c": 0.85,  # foxnews: all-caps "read also" links between paragraphs
    "35b158918c67": 0.85,  # cleveland.com: "You may also like" list at the end
    "cc03ddb5ef7d": 0.60,  # autoracing.com.br: Portuguese, share rows and tags
    "ff0f958ade71": 0.75,  # vse-diety.com: Russian, lists
}
_TOKEN_RE = re.compile(r"\w+")


@cache
def truth() -> dict[str, dict[str, str]]:
    return json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def shingle_f1(gold: str, predicted: str) -> float:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = _TOKEN_RE.findall(text)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(pred.values()), tp / sum(true.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize(("prefix", "floor"), PAGES.items())
def test_page_scores_above_its_floor(prefix: str, floor: float) -> None:
    key = next(k for k in truth() if k.startswith(prefix))
    body = gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())
    article = extract_article(body, truth()[key]["url"], content_type="text/html; charset=utf-8")
    assert shingle_f1(truth()[key]["articleBody"], article.text) >= floor
