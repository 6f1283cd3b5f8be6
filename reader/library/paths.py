"""Where the reader keeps its data.

``--data-dir`` wins, then ``READER_DATA_DIR``, then the platform's user data
directory (XDG on Linux), so tests and scripts never touch a user's real data.
"""

from __future__ import annotations

import os
from pathlib import Path

# platformdirs is imported where it is needed: the app reads its paths before
# its first paint, and mostly with an explicit folder.
APP_DIR_NAME = "newsreader"
DB_FILE_NAME = "reader.sqlite3"
ENV_DATA_DIR = "READER_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def choose_log_dir(explicit: str | os.PathLike[str] | None, directory: Path) -> Path:
    """Logs in the data folder when one was chosen (tests, scripts), else in the user log folder."""
    if explicit or os.environ.get(ENV_DATA_DIR):
        return log_dir(directory)
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DB_FILE_NAME


def log_dir(directory: Path) -> Path:
    return directory / "logs"
