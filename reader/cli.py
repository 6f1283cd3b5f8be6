"""``python -m reader <command>``: the command line over the same library as the app.

Errors of the world (a bad URL, a broken feed, a full disk) print one clear
line to stderr and exit 1; usage mistakes exit 2.  Neither shows a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.core.errors import NotFound, ReaderError

if TYPE_CHECKING:
    # The Library (and the models, the network and parsing modules behind it)
    # is imported by the commands that use it: --help and --version answer at once.
    from reader.core.models import Article, CleanArticle, RefreshResult
    from reader.library import Library

Handler = Callable[[argparse.Namespace], int]


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _print_json(value: Any) -> None:
    print(json.dumps(_jsonable(value), ensure_ascii=False, indent=2))


def _date(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def program_name() -> str:
    """How the user runs this: the standalone bundle is its own program, from source a module of Python."""
    return Path(sys.executable).name if getattr(sys, "frozen", False) else "python -m reader"


def _open(args: argparse.Namespace) -> Library:
    from reader.library import Library, data_dir

    return Library(data_dir(args.data_dir))


def _article_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise NotFound(f"Not an article id: {text!r}") from None


# -- commands ------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        feed = lib.add_feed(args.url, folder=args.folder, title=args.title)
        if args.json:
            _print_json(feed)
        else:
            print(f"Subscribed to {feed.title or feed.url} ({feed.url}) as feed {feed.id}")
            if feed.last_error:
                print(f"  but its first refresh failed: {feed.last_error}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        feed = lib.feed(args.feed)
        lib.remove_feed(feed.id)
        print(f"Unsubscribed from {feed.title or feed.url}; its bookmarked articles are kept.")
    return 0


def cmd_feeds(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        feeds = lib.feeds()
        counts = lib.unread_counts()
        folders = {f.id: f.name for f in lib.folders()}
        if args.json:
            _print_json([{**_jsonable(f), "unread": counts.get(f.id, 0)} for f in feeds])
            return 0
        if not feeds:
            print(f"No subscriptions yet. Add one with: {program_name()} add URL")
        for f in feeds:
            folder = f"[{folders[f.folder_id]}] " if f.folder_id in folders else ""
            print(f"{f.id:>5}  {counts.get(f.id, 0):>5} unread  {folder}{f.title or '(untitled)'}  <{f.url}>")
            if f.last_error:
                print(f"       error: {f.last_error}")
    return 0


def _report_progress(result: RefreshResult, done: int, total: int) -> None:
    if result.status == "error" or result.status == "gone":
        print(f"[{done}/{total}] {result.url}: {result.error}", file=sys.stderr)


def cmd_refresh(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        results = lib.refresh(args.feed or None, progress=None if args.json else _report_progress)
        # Then what keeps the library useful offline and bounded: pages and images of
        # keep-offline feeds, and old read articles removed.
        offline = lib.store_offline(args.feed or None)
        retention = None if args.keep_all else lib.apply_retention()
    if not args.json and (offline.stored or offline.failed):
        print(
            f"Kept offline: {len(offline.stored)} articles, {offline.images} images "
            f"({len(offline.failed)} failed)."
        )
    if not args.json and retention is not None and retention.changes.removed:
        print(f"Removed {len(retention.changes.removed)} old read articles.")
    if args.json:
        _print_json(results)
    failed = [r for r in results if r.status in ("error", "gone")]
    new = sum(len(r.changes.added) for r in results)
    if not args.json:
        print(f"Refreshed {len(results)} feeds: {new} new articles, {len(failed)} with errors.")
    return 1 if results and len(failed) == len(results) else 0


def cmd_articles(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rows = lib.articles(
            feed_id=args.feed, unread_only=args.unread, bookmarked_only=args.bookmarked, limit=args.limit
        )
    if args.json:
        _print_json(rows)
        return 0
    for a in rows:
        marks = ("*" if not a.read else " ") + ("B" if a.bookmarked else " ")
        print(f"{a.id:>7} {marks} {_date(a.published or a.arrived_at)}  {a.title}")
    return 0


def _show_clean(clean: CleanArticle, fmt: str) -> None:
    if fmt == "json":
        _print_json(clean)
    elif fmt == "html":
        print(clean.html)
    else:
        print(clean.title)
        byline = " · ".join(
            x for x in (clean.author, clean.site_name, _date(clean.published)) if x and x != "-"
        )
        if byline:
            print(byline)
        print(clean.url)
        if clean.warning:
            print(f"Note: {clean.warning}")
        print()
        print(clean.text)


def cmd_read(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        article_id = _article_id(args.id)
        problem = None
        article: Article
        try:
            article = lib.full_text(article_id)
        except NotFound:
            raise
        except ReaderError as error:
            article = lib.article(article_id)
            problem = str(error)
        lib.mark_read([article_id])
    if article.clean is not None:
        _show_clean(article.clean, args.format)
        return 0
    # No full text: show what the feed gave, and say why.
    if args.format == "json":
        _print_json(article)
        return 0
    print(article.title)
    print(article.url or "")
    print(f"Note: showing the feed's text; the full article could not be fetched: {problem}")
    print()
    print(article.content_html or article.summary_html or "")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    source: str = args.source
    if source.startswith(("http://", "https://")):
        with _open(args) as lib:
            clean = lib.extract_url(args.url or source)
    else:
        path = Path(source)
        try:
            body = path.read_bytes()
        except OSError as error:
            raise ReaderError(f"Cannot read {path}: {error.strerror}") from error
        from reader.library import extract_page

        clean = extract_page(body, args.url or path.resolve().as_uri())
    _show_clean(clean, args.format)
    return 0


def cmd_bookmark(args: argparse.Namespace) -> int:
    if args.export_file or args.import_file:
        return _bookmark_file(args)
    if not args.target:
        raise ReaderError("Say what to bookmark (an article id or a URL), or --export/--import FILE.")
    target: int | str = int(args.target) if args.target.isdigit() else args.target
    with _open(args) as lib:
        if args.remove:
            if not isinstance(target, int):
                found = lib.store.article_by_url(target)
                if found is None:
                    raise NotFound(f"No bookmark for {target}")
                target = found.id
            lib.unbookmark(target)
            print(f"Bookmark {target} removed.")
            return 0
        result = lib.bookmark(target)
        if args.tag is not None or args.note is not None:
            lib.set_bookmark_details(result.article.id, tags=args.tag, note=args.note)
    if args.json:
        _print_json(result)
    else:
        print(f"Bookmarked {result.article.id}: {result.article.title}")
        if result.problem:
            print(f"  its full text is not stored yet: {result.problem}")
    return 0


def _bookmark_file(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.export_file:
            count = lib.export_bookmarks_to(Path(args.export_file))
            print(f"Wrote {count} bookmarks to {args.export_file}")
            return 0
        try:
            data = Path(args.import_file).read_bytes()
        except OSError as error:
            raise ReaderError(f"Cannot read {args.import_file}: {error.strerror}") from error
        result = lib.import_bookmarks(data)
    if args.json:
        _print_json(result)
    else:
        print(
            f"Imported {len(result.added)} new bookmarks, merged {len(result.merged)} "
            f"into existing ones, skipped {len(result.skipped)}."
        )
    return 0


def _day(text: str) -> datetime:
    """A date (YYYY-MM-DD) or date and time in ISO form; UTC when no zone is given."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _until(text: str) -> datetime:
    """The end of a --until range: a bare date is included whole (the range ends the next midnight)."""
    value = _day(text)
    return value + timedelta(days=1) if len(text.strip()) <= 10 else value


def _folder_id(lib: Library, folder: str | None) -> int | None:
    if folder is None:
        return None
    for f in lib.folders():
        if folder in (str(f.id), f.name):
            return f.id
    raise NotFound(f"No folder {folder!r}")


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        hits = lib.search(
            args.query,
            limit=args.limit,
            bookmarked_only=args.bookmarked,
            unread_only=args.unread,
            feed_id=args.feed,
            folder_id=_folder_id(lib, args.folder),
            since=args.since,
            until=args.until,
        )
    if args.json:
        _print_json(hits)
        return 0
    if not hits:
        print("No articles match.")
    for h in hits:
        print(f"{h.article_id:>7}  {_date(h.published)}  {h.title}")
        print(f"         {h.snippet}")
    return 0


def cmd_import_opml(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        raise ReaderError(f"Cannot read {args.file}: {error.strerror}") from error
    with _open(args) as lib:
        result = lib.import_opml(data)
    if args.json:
        _print_json(result)
    else:
        print(f"Imported {len(result.added)} feeds ({len(result.skipped)} already subscribed).")
        print(f"Fetch them with: {program_name()} refresh")
    return 0


def cmd_export_opml(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        data = lib.export_opml()
    from reader.library import write_atomically

    write_atomically(Path(args.file), data)
    print(f"Wrote {args.file}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    targets = [(fmt, getattr(args, fmt)) for fmt in ("pdf", "epub", "html", "md") if getattr(args, fmt)]
    if len(targets) != 1:
        raise ReaderError("Say one of --pdf, --epub, --html or --md FILE.")
    fmt, file = targets[0]
    ids = [_article_id(i) for i in args.ids]
    with _open(args) as lib:
        if fmt == "pdf":
            # Qt paints the PDF; it is imported only for this, and needs no display.
            from reader.render.printing import ensure_gui_application, export_pdf

            ensure_gui_application()
            pages = export_pdf(lib.articles_for_export(ids), lib.image, Path(file))
            print(f"Wrote {file} ({pages} pages)")
            return 0
        lib.export_file(ids, fmt, Path(file))
    print(f"Wrote {file}")
    return 0


# -- parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="where the reader keeps its data (default: $READER_DATA_DIR, else the user data folder)",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print data as JSON")
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="A desktop news reader. Without a command, starts the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("add", cmd_add, "subscribe to a feed or a website's feed")
    p.add_argument("url")
    p.add_argument("--folder")
    p.add_argument("--title")
    p = command("remove", cmd_remove, "unsubscribe from a feed (bookmarks are kept)")
    p.add_argument("feed", type=int, help="feed id (see: feeds)")
    command("feeds", cmd_feeds, "list subscriptions with unread counts and errors")
    p = command("refresh", cmd_refresh, "fetch new articles")
    p.add_argument("feed", type=int, nargs="*", help="feed ids (default: all)")
    p.add_argument("--keep-all", action="store_true", help="do not remove old read articles afterwards")
    p = command("articles", cmd_articles, "list articles, newest first")
    p.add_argument("--feed", type=int)
    p.add_argument("--unread", action="store_true")
    p.add_argument("--bookmarked", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    p = command("read", cmd_read, "show an article's clean full text and mark it read")
    p.add_argument("id")
    p.add_argument("--format", choices=("text", "html", "json"), default="text")
    p = command("extract", cmd_extract, "show the clean article of a web page or a saved HTML file")
    p.add_argument("source", metavar="URL-or-FILE")
    p.add_argument("--url", help="the page's address (for a file: to resolve links and images)")
    p.add_argument("--format", choices=("text", "html", "json"), default="text")
    p = command("bookmark", cmd_bookmark, "keep an article (id) or any web page (URL) for offline reading")
    p.add_argument("target", metavar="URL-or-ID", nargs="?")
    p.add_argument("--remove", action="store_true")
    p.add_argument("--tag", action="append", help="a tag for the bookmark (repeat for several)")
    p.add_argument("--note", help="a personal note on the bookmark")
    p.add_argument(
        "--export", dest="export_file", metavar="FILE", help="write all bookmarks, with their text"
    )
    p.add_argument("--import", dest="import_file", metavar="FILE", help="merge in bookmarks from such a file")
    p = command("search", cmd_search, "search titles, summaries and full texts")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--unread", action="store_true")
    p.add_argument("--bookmarked", action="store_true")
    p.add_argument("--feed", type=int, help="feed id")
    p.add_argument("--folder", help="folder name or id")
    p.add_argument("--since", type=_day, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=_until, help="up to and including this date (YYYY-MM-DD)")
    p = command("import-opml", cmd_import_opml, "subscribe to the feeds of an OPML file")
    p.add_argument("file")
    p = command("export-opml", cmd_export_opml, "write all subscriptions to an OPML file")
    p.add_argument("file")
    p = command("export", cmd_export, "write articles as PDF, EPUB, HTML or Markdown")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--pdf", metavar="FILE")
    p.add_argument("--epub", metavar="FILE")
    p.add_argument("--html", metavar="FILE")
    p.add_argument("--md", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None) or os.environ.get("READER_DATA_DIR")
    args.json = getattr(args, "json", False)
    if args.command is None:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    handler: Handler = args.handler
    try:
        return handler(args)
    except ReaderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
