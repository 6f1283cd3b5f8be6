"""What retention removes and when the file is worth compacting: pure decisions over values and ``now``.

Only read articles that are not bookmarked ever go.  A feed may set its own
limits (``Feed.keep_read_days`` / ``Feed.keep_read_max``); otherwise the
global policy applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from reader.core.models import ArticleChanges, Feed
from reader.storage.retention import FeedRule, SpaceInfo

# Compact the file when this share of its pages is free: VACUUM rewrites the whole
# file, so it is not worth it for a little space.
VACUUM_FREE_SHARE = 0.20
# After deleting this many articles the search index is fragmented enough to merge.
MERGE_AFTER_DELETIONS = 1000


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """Keep read articles ``keep_read_days`` days after reading and at most ``keep_read_max`` per feed.

    None means no limit of that kind.
    """

    keep_read_days: int | None = 90
    keep_read_max: int | None = 2000


@dataclass(frozen=True, slots=True)
class Maintenance:
    vacuum: bool
    merge_search: bool


@dataclass(frozen=True, slots=True)
class RetentionResult:
    changes: ArticleChanges
    images_removed: int
    vacuumed: bool


def feed_rules(feeds: Sequence[Feed], policy: RetentionPolicy, now: datetime) -> list[FeedRule]:
    """One rule per feed that has any limit: its own settings first, then the policy's."""
    rules = []
    for feed in feeds:
        days = feed.keep_read_days if feed.keep_read_days is not None else policy.keep_read_days
        keep_max = feed.keep_read_max if feed.keep_read_max is not None else policy.keep_read_max
        if days is None and keep_max is None:
            continue
        read_before = None if days is None else now - timedelta(days=max(0, days))
        rules.append(FeedRule(feed.id, read_before, None if keep_max is None else max(0, keep_max)))
    return rules


def maintenance(space: SpaceInfo, deleted: int) -> Maintenance:
    """Whether to VACUUM (much free space) and merge the search index (many deletions)."""
    free_share = space.free_pages / space.page_count if space.page_count else 0.0
    return Maintenance(vacuum=free_share > VACUUM_FREE_SHARE, merge_search=deleted > MERGE_AFTER_DELETIONS)
