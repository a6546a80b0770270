"""The story index on disk: SQLite in WAL mode, one transaction per article.

A run that is killed loses nothing it had added: each article, and the story it changed,
are committed together before the next article is looked at. A later run loads only the
stories still open (within the window) and the term-frequency table, never old articles'
text, and skips articles whose id it already holds.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from newsum.errors import InputError
from newsum.grouping.cluster import OpenStory
from newsum.grouping.features import BUCKETS, DocumentFrequency, Terms
from newsum.grouping.group import Grouper, day_of
from newsum.types import Article

SCHEMA_VERSION = "2"  # 2: articles.copy, the key that finds copies of a text
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY, first REAL, last REAL, size INTEGER NOT NULL,
    terms BLOB, weights BLOB);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    story INTEGER NOT NULL, day REAL, hash TEXT NOT NULL, record TEXT NOT NULL,
    terms BLOB NOT NULL, copy BLOB);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE INDEX IF NOT EXISTS stories_last ON stories (last);
"""


def text_hash(article: Article) -> str:
    return hashlib.sha1(article.text.encode("utf-8", "replace")).hexdigest()


def _record(article: Article) -> str:
    return json.dumps(
        {"id": article.id, "text": article.text, "title": article.title, "source": article.source,
         "url": article.url, "date": article.date, "meta": article.meta},
        ensure_ascii=False, default=str,
    )  # fmt: skip


def _article(record: str) -> Article:
    data: dict[str, Any] = json.loads(record)
    return Article(
        text=data["text"], id=data["id"], title=data.get("title"), source=data.get("source"),
        url=data.get("url"), date=data.get("date"), meta=data.get("meta") or {},
    )  # fmt: skip


@dataclass(frozen=True)
class Loaded:
    articles: int
    open_stories: int


class StoryState:
    """One state folder, opened for one run at a time (a lock file keeps others out)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise InputError(f"{self.folder}: the state must be a folder, this is a file")
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.folder / "lock")
        self.touched: set[int] = set()
        path = self.folder / "stories.sqlite"
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            version = self._meta("schema")
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            raise InputError(f"{path}: not a newsum state database ({exc})") from None
        if version is None:
            self._set_meta("schema", SCHEMA_VERSION)
        elif str(version) == "1":  # older articles simply have no copy key
            with self._transaction():
                self.db.execute("ALTER TABLE articles ADD COLUMN copy BLOB")
                self._set_meta("schema", SCHEMA_VERSION)
        elif str(version) != SCHEMA_VERSION:
            self.close()
            raise InputError(f"{path}: state version {version}, this newsum reads {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    def __enter__(self) -> StoryState:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- loading -------------------------------------------------------------------------

    def load(self, grouper: Grouper) -> Loaded:
        """Fill the grouper with the saved term frequencies and the stories still open."""
        df = self._load_frequencies()
        grouper.df = df
        index = grouper.index
        (now,) = self.db.execute("SELECT MAX(day) FROM articles").fetchone()
        index.now = now
        index.next_id = max(index.next_id, int(self._meta("next_story") or 1))
        cutoff = None if index.window is None or now is None else now - index.window
        rows = self.db.execute(
            "SELECT id, first, last, size, terms, weights FROM stories WHERE size > 0 "
            "AND (last IS NULL OR ? IS NULL OR last >= ?)",
            (cutoff, cutoff),
        )
        opened = 0
        for story_id, first, last, size, terms, weights in rows:
            centroid = dict(
                zip(np.frombuffer(terms, np.uint32).tolist(),
                    np.frombuffer(weights, np.float64).tolist(), strict=True)
            )  # fmt: skip
            index.restore(OpenStory(story_id, first, last, size, centroid))
            opened += 1
        self._load_copies(grouper)
        return Loaded(df.documents, opened)

    def _load_copies(self, grouper: Grouper) -> None:
        """The copy keys of the open stories' latest articles, oldest first."""
        rows = self.db.execute(
            "SELECT copy, story FROM articles WHERE copy IS NOT NULL ORDER BY seq DESC LIMIT ?",
            (grouper.copies.limit,),
        ).fetchall()
        for key, story in reversed(rows):
            if story in grouper.index.stories:  # a closed story takes no more copies
                grouper.copies.remember(bytes(key), story)

    def _load_frequencies(self) -> DocumentFrequency:
        counts = np.zeros(BUCKETS, np.int32)
        documents = 0
        since = 0
        saved = self._meta("df")
        if saved is not None:
            buckets, values = np.frombuffer(saved, np.uint32).reshape(2, -1)
            counts[buckets] = values.astype(np.int32)
            documents = int(self._meta("df_documents") or 0)
            since = int(self._meta("df_seq") or 0)
        # articles committed after the last checkpoint (a run that was killed)
        for (terms,) in self.db.execute("SELECT terms FROM articles WHERE seq > ?", (since,)):
            counts[np.frombuffer(terms, np.uint32)] += 1
            documents += 1
        return DocumentFrequency(counts, documents)

    def checkpoint(self, df: DocumentFrequency) -> None:
        """Save the term frequencies, so the next run need not recount them."""
        (seq,) = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()
        (count,) = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()
        if df.documents != count:
            raise RuntimeError(f"frequency table holds {df.documents} articles, state {count}")
        nonzero = np.flatnonzero(df.counts).astype(np.uint32)
        blob = np.stack([nonzero, df.counts[nonzero].astype(np.uint32)]).tobytes()
        with self._transaction():
            self._set_meta("df", blob)
            self._set_meta("df_seq", seq)
            self._set_meta("df_documents", count)

    # --- what is there -------------------------------------------------------------------

    def known(self, articles: Sequence[Article]) -> set[str]:
        """Ids already in the state; the same id with other text is an error, not a skip."""
        found: set[str] = set()
        by_id = {a.id: a for a in articles}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, hash FROM articles WHERE id IN ({marks})"
            for article_id, digest in self.db.execute(query, chunk):
                if digest != text_hash(by_id[article_id]):
                    raise InputError(
                        f"article {article_id!r} is already in the state with other text; "
                        "give each article a unique 'id'"
                    )
                found.add(article_id)
        return found

    def articles_of(self, story_ids: Sequence[int]) -> dict[int, list[Article]]:
        result: dict[int, list[Article]] = {s: [] for s in story_ids}
        for start in range(0, len(story_ids), 500):
            chunk = list(story_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT story, record FROM articles WHERE story IN ({marks}) ORDER BY seq", chunk
            )
            for story, record in rows:
                result[story].append(_article(record))
        return result

    def counts(self) -> tuple[int, int]:
        (articles,) = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()
        (stories,) = self.db.execute("SELECT COUNT(*) FROM stories WHERE size > 0").fetchone()
        return int(articles), int(stories)

    # --- changes (the grouping's Sink) ---------------------------------------------------

    def added(
        self, article: Article, terms: Terms, key: bytes, story: OpenStory, new: bool
    ) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO articles (id, story, day, hash, record, terms, copy) "
                "VALUES (?,?,?,?,?,?,?)",
                (article.id, story.id, day_of(article.date), text_hash(article), _record(article),
                 terms.buckets.astype(np.uint32).tobytes(), key),
            )  # fmt: skip
            self._save_story(story)
            if new:
                self._set_meta("next_story", story.id + 1)

    def moved(self, article: Article, old_id: int, old: OpenStory | None, new: OpenStory) -> None:
        with self._transaction():
            self.db.execute("UPDATE articles SET story = ? WHERE id = ?", (new.id, article.id))
            if old is None:
                self.db.execute("DELETE FROM stories WHERE id = ?", (old_id,))
                self.touched.discard(old_id)
            else:
                self._save_story(old)
            self._save_story(new)

    def merged(self, away: int, into: OpenStory) -> None:
        with self._transaction():
            self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (into.id, away))
            self.db.execute("DELETE FROM stories WHERE id = ?", (away,))
            self.touched.discard(away)
            self._save_story(into)

    def _save_story(self, story: OpenStory) -> None:
        terms = np.fromiter(story.centroid, np.uint32, len(story.centroid))
        weights = np.fromiter(story.centroid.values(), np.float64, len(story.centroid))
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, first, last, size, terms, weights) "
            "VALUES (?,?,?,?,?,?)",
            (story.id, story.first, story.last, story.size, terms.tobytes(), weights.tobytes()),
        )
        self.touched.add(story.id)

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _meta(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _set_meta(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _lock(path: Path) -> IO[str]:
    """Hold an exclusive lock on ``path`` for as long as the file stays open."""
    handle = path.open("a+", encoding="utf-8")
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no fcntl (Windows): SQLite's own locking still keeps data whole
        pass
    except OSError:
        handle.close()
        raise InputError(f"{path.parent}: the state is in use by another newsum run") from None
    return handle
