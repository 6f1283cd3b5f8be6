"""A desktop news reader: feeds, clean articles, offline reading."""

__version__ = "0.1.0"
APP_NAME = "Reader"
APP_ID = "org.example.NewsReader"

# The command-line verbs: ``python -m reader`` checks for them before it
# imports anything heavy, so starting the app stays fast.
CLI_COMMANDS = frozenset(
    {
        "add",
        "remove",
        "feeds",
        "refresh",
        "articles",
        "read",
        "extract",
        "bookmark",
        "search",
        "import-opml",
        "export-opml",
        "export",
    }
)
