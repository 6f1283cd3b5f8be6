"""Where the bundled resources (starter feeds, translations) live."""

from __future__ import annotations

from pathlib import Path

import reader


def resources_dir() -> Path:
    # A source checkout keeps them beside the package; a bundle copies them there too.
    return Path(reader.__file__).resolve().parent.parent / "resources"


def starter_opml() -> Path:
    return resources_dir() / "starter-feeds.opml"
