"""The command line as a user drives it: commands, output, exit codes, data dirs."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from reader.cli import main
from tests.support.loopback import LoopbackServer

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = DATA / "seed-article" / "caliber-az-russia-syria-bases.html"
EXPECTED = json.loads((DATA / "seed-article" / "expected.json").read_text(encoding="utf-8"))
FEEDS = DATA / "feeds" / "files"
REPO = Path(__file__).resolve().parents[2]

ARTICLE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Quiet harbour reopens | Coast News</title>
<meta property="og:title" content="Quiet harbour reopens">
<meta property="og:site_name" content="Coast News"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Quiet harbour reopens</h1>
<p>The old harbour at Wrenmouth reopened on Monday after two years of repairs to the sea wall,
bringing the fishing fleet back to the town centre for the first time since the storm.</p>
<p>Harbour master Ellen Price said the rebuilt wall used granite from the original quarry,
and that the new lock gates would keep the inner basin calm even in a westerly gale.</p>
<p>Local traders welcomed the return of the boats, saying the morning fish market had always
drawn visitors and that the quayside cafes expected their busiest summer in years.</p>
</article><aside class="related"><h2>Related</h2><a href="/x">Other story</a></aside></body></html>"""


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast News</title><link>{base}/</link>
<item><title>Quiet harbour reopens</title><link>{base}/harbour</link><guid>h1</guid>
<description>The harbour is open again.</description></item>
<item><title>Lifeboat day</title><link>{base}/lifeboat</link><guid>h2</guid>
<description>Crowds at the lifeboat station.</description></item>
</channel></rss>""".encode()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_seed_article_as_json_from_the_command_line() -> None:
    # Exactly the acceptance command, in a child process, as a user runs it.
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(SEED), "--url", EXPECTED["url"], "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, "READER_DATA_DIR": "/nonexistent/never-used"},
    )
    assert proc.returncode == 0, proc.stderr
    article = json.loads(proc.stdout)
    text = article["text"]
    positions = [text.find(p) for p in EXPECTED["body_paragraphs"]]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    for clutter in EXPECTED["must_not_contain"]:
        assert clutter not in text
    assert article["title"] == EXPECTED["title"]
    assert article["author"] == EXPECTED["author"]
    assert article["site_name"] == EXPECTED["site_name"]
    assert article["language"] == EXPECTED["language"]
    assert article["lead_image"] == EXPECTED["lead_image"]
    assert datetime.fromisoformat(article["published"]) == datetime.fromisoformat(EXPECTED["published"])


def test_extract_a_windows_1251_copy_of_the_seed_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = SEED.read_text(encoding="utf-8")
    head, rest = html.split("<head>", 1) if "<head>" in html else ("", html)
    rest = re.sub(r"<meta[^>]+charset[^>]*>", "", rest, flags=re.IGNORECASE)
    copy = f'{head}<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">{rest}'
    page = tmp_path / "seed-1251.html"
    page.write_bytes(copy.encode("cp1251", errors="xmlcharrefreplace"))

    code, out, _ = run(capsys, "extract", str(page), "--url", EXPECTED["url"], "--format", "json")

    assert code == 0
    article = json.loads(out)
    for paragraph in EXPECTED["body_paragraphs"]:
        assert paragraph in article["text"]
    assert article["title"] == EXPECTED["title"]


def test_feed_life_cycle(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.serve("/rss", rss(loopback.base_url), content_type="application/rss+xml")
    loopback.serve("/harbour", ARTICLE_PAGE.encode(), content_type="text/html; charset=utf-8")
    data = str(tmp_path / "data")

    code, out, _ = run(capsys, "add", loopback.url("/rss"), "--folder", "Local", "--data-dir", data)
    assert code == 0 and "Coast News" in out

    code, out, _ = run(capsys, "feeds", "--data-dir", data, "--json")
    feeds = json.loads(out)
    assert [f["unread"] for f in feeds] == [2]

    code, out, _ = run(capsys, "articles", "--data-dir", data, "--json")
    rows = {r["title"]: r["id"] for r in json.loads(out)}
    assert set(rows) == {"Quiet harbour reopens", "Lifeboat day"}

    code, out, _ = run(capsys, "read", str(rows["Quiet harbour reopens"]), "--data-dir", data)
    assert code == 0
    assert "granite from the original quarry" in out
    assert "Other story" not in out

    # The full text is indexed: a word only the page has is found.
    code, out, _ = run(capsys, "search", "granite", "--data-dir", data, "--json")
    assert [h["article_id"] for h in json.loads(out)] == [rows["Quiet harbour reopens"]]

    code, out, _ = run(capsys, "articles", "--unread", "--data-dir", data, "--json")
    assert [r["title"] for r in json.loads(out)] == ["Lifeboat day"]

    code, out, _ = run(capsys, "bookmark", str(rows["Quiet harbour reopens"]), "--data-dir", data)
    assert code == 0
    code, out, _ = run(capsys, "articles", "--bookmarked", "--data-dir", data, "--json")
    assert [r["title"] for r in json.loads(out)] == ["Quiet harbour reopens"]

    opml = tmp_path / "subs.opml"
    code, _, _ = run(capsys, "export-opml", str(opml), "--data-dir", data)
    assert code == 0
    other = str(tmp_path / "other")
    code, out, _ = run(capsys, "import-opml", str(opml), "--data-dir", other)
    assert code == 0 and "Imported 1" in out
    code, out, _ = run(capsys, "feeds", "--data-dir", other, "--json")
    assert [f["url"] for f in json.loads(out)] == [loopback.url("/rss")]


def test_bookmark_a_page_outside_any_feed(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.serve("/harbour", ARTICLE_PAGE.encode(), content_type="text/html; charset=utf-8")
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "bookmark", loopback.url("/harbour"), "--data-dir", data)
    assert code == 0 and "Quiet harbour reopens" in out
    code, out, _ = run(capsys, "search", "quayside", "--data-dir", data, "--json")
    assert len(json.loads(out)) == 1


def test_user_mistakes_get_one_clear_line_and_exit_1(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.serve("/page", ARTICLE_PAGE.encode(), content_type="text/html")
    data = str(tmp_path / "data")
    code, _, err = run(capsys, "add", loopback.url("/page"), "--data-dir", data)
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err
    code, _, err = run(capsys, "read", "424242", "--data-dir", data)
    assert code == 1 and err.startswith("error: ")
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.html"), "--data-dir", data)
    assert code == 1 and "Cannot read" in err
    code, _, err = run(capsys, "import-opml", str(tmp_path / "missing.opml"), "--data-dir", data)
    assert code == 1


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "env"))
    code, out, _ = run(capsys, "feeds")
    assert code == 0 and "No subscriptions yet" in out
    assert (tmp_path / "env" / "reader.sqlite3").exists()


def test_every_command_takes_data_dir() -> None:
    from reader import CLI_COMMANDS
    from reader.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) <= CLI_COMMANDS
    for name, command in sub.choices.items():
        assert "--data-dir" in command.format_help(), name


def test_help_and_version_answer_without_loading_the_library() -> None:
    # The Library pulls in the models, the network and the parsers (~0.4 s): only the commands load it.
    probe = """
import sys
from reader.__main__ import main
for flag in ("--version", "--help"):
    try:
        main([flag])
    except SystemExit as done:
        assert done.code == 0, done.code
heavy = ("reader.library.", "reader.core.models", "requests")
print(sorted(m for m in sys.modules if m.startswith(heavy)))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "python -m reader" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_standalone_bundle_names_itself_in_help_and_hints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/newsreader/newsreader")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == "newsreader 0.1.0"
    assert main(["feeds", "--data-dir", str(tmp_path)]) == 0
    assert "Add one with: newsreader add URL" in capsys.readouterr().out
