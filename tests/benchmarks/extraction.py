"""Article-body extraction scored on the Scrapinghub article-extraction benchmark.

Usage: python tests/benchmarks/extraction.py [--corpus DIR] [--only ours,readability,trafilatura]
       [--worst N]

The metric is the benchmark's own (its evaluate.py): texts split into \\w+
tokens, 4-word shingles counted, precision and recall computed per page and
averaged over the pages, F1 the harmonic mean of the two averages.  Every
extractor gets the same decoded HTML string, and only the extraction call is
timed, in the same run, so the ratios are comparable on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.errors import ExtractionError  # noqa: E402
from reader.extract.pipeline import extract_from_html  # noqa: E402
from reader.extract.text import html_text  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "data" / "scrapinghub-aeb"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str, str], str]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def tp_fp_fn(gold: str, predicted: str) -> tuple[float, float, float]:
    true, pred = shingles(gold), shingles(predicted)
    tp = fp = fn = 0.0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


def ours(html: str, url: str) -> str:
    try:
        return extract_from_html(html, url).text
    except ExtractionError:
        return ""


def readability_alone(html: str, url: str) -> str:
    from readability import Document

    return html_text(Document(html).summary())


def trafilatura_default(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Extractor] = {
    "ours": ours,
    "readability-lxml": readability_alone,
    "trafilatura": trafilatura_default,
}


def load_corpus(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold text) for every page of the corpus."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        with gzip.open(corpus / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace") as f:
            pages.append((page_id, item.get("url", ""), f.read(), item.get("articleBody", "")))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default=",".join(EXTRACTORS), help="comma-separated extractor names")
    parser.add_argument("--worst", type=int, default=0, help="list our N lowest-F1 pages")
    args = parser.parse_args()

    pages = load_corpus(args.corpus)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    for name in names:  # warm up imports so the first page's time is fair
        EXTRACTORS[name](pages[0][2], pages[0][1])
    per_page: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    # Page by page, every extractor in turn: a busy machine slows them alike.
    for _page_id, url, html, gold in pages:
        for name in names:
            start = time.perf_counter()
            predicted = EXTRACTORS[name](html, url)
            times[name].append((time.perf_counter() - start) * 1000)
            per_page[name].append(tp_fp_fn(gold, predicted))
    rows = []
    for name in names:
        p, r, f1 = score(per_page[name])
        p95 = statistics.quantiles(times[name], n=20)[-1]
        rows.append((name, p, r, f1, statistics.median(times[name]), p95))

    print(f"{len(pages)} pages from {args.corpus}")
    print(f"{'extractor':<18} {'P':>6} {'R':>6} {'F1':>6} {'median ms':>10} {'p95 ms':>8}")
    for name, p, r, f1, median, p95 in rows:
        print(f"{name:<18} {p:6.3f} {r:6.3f} {f1:6.3f} {median:10.1f} {p95:8.1f}")
    if "ours" in per_page and "readability-lxml" in per_page:
        ratio = rows[names.index("ours")][4] / rows[names.index("readability-lxml")][4]
        print(f"ours / readability-lxml median time: {ratio:.2f}x")
    if args.worst and "ours" in per_page:
        ranked = sorted(
            zip(pages, per_page["ours"], strict=True),
            key=lambda item: (
                2 * precision(*item[1]) * recall(*item[1]) / max(precision(*item[1]) + recall(*item[1]), 1e-9)
            ),
        )
        for (page_id, url, _html, _gold), c in ranked[: args.worst]:
            print(f"  P={precision(*c):.2f} R={recall(*c):.2f} {page_id[:12]} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
