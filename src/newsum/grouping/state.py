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
from newsum.grouping.features import BUCKETS, VIEWS, DocumentFrequency, Features
from newsum.grouping.group import BOILERPLATE, UNASSIGNED, Grouper, article_day
from newsum.types import Article

SCHEMA_VERSION = "3"  # 3: per-view story vectors, unassigned articles, reported flags
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY, first REAL, last REAL, size INTEGER NOT NULL,
    day_sum REAL NOT NULL, dated INTEGER NOT NULL, words INTEGER NOT NULL, views BLOB);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    story INTEGER NOT NULL, day REAL, hash TEXT NOT NULL, record TEXT NOT NULL,
    terms BLOB NOT NULL, copy BLOB, notice TEXT, reported INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS paragraphs (key BLOB PRIMARY KEY, story INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE INDEX IF NOT EXISTS articles_reported ON articles (reported);
CREATE INDEX IF NOT EXISTS stories_last ON stories (last);
"""
_SHORT, _LONG = b"s", b"l"  # copy keys of texts too short to be copies, and of the others


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
        path = self.folder / "stories.sqlite"
        if path.is_file() and path.stat().st_size == 0:
            raise InputError(
                f"{path}: the state database is empty (0 bytes), so its stories are lost; "
                "restore it from a copy, or give a new state folder"
            )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(self.folder / "lock")
        except PermissionError as exc:
            raise InputError(
                f"{self.folder}: cannot write the state folder ({exc.strerror})"
            ) from None
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            version = self._meta("schema") if self._has_meta() else None
            if version is None:
                self.db.executescript(_SCHEMA)
                self._set_meta("schema", SCHEMA_VERSION)
        except sqlite3.OperationalError as exc:
            self._lock.close()
            raise _state_error(path, exc) from None
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            raise InputError(f"{path}: not a newsum state database ({exc})") from None
        if version is not None and str(version) != SCHEMA_VERSION:
            self.close()
            raise InputError(
                f"{path}: state version {version}, this newsum reads {SCHEMA_VERSION} "
                "(stories are now grouped by a learned model: start a new state folder)"
            )

    def _has_meta(self) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        return found is not None

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    def __enter__(self) -> StoryState:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- loading -------------------------------------------------------------------------

    def load(self, grouper: Grouper) -> Loaded:
        """Fill the grouper with what a run that never stopped would hold at this point: the
        term frequencies, the stories still open, the copy table, the story count, the date."""
        df = self._load_frequencies()
        grouper.df = df
        index = grouper.index
        (now,) = self.db.execute("SELECT MAX(day) FROM articles WHERE story != 0").fetchone()
        index.now = now
        index.next_id = max(index.next_id, int(self._meta("next_story") or 1))
        cutoff = None if now is None else index.sweep_cutoff(now)
        index._swept = cutoff
        rows = self.db.execute(
            "SELECT id, first, last, size, day_sum, dated, words, views FROM stories "
            "WHERE size > 0 AND (last IS NULL OR ? IS NULL OR last >= ?) ORDER BY id",
            (cutoff, cutoff),
        )
        opened = 0
        for story_id, first, last, size, day_sum, dated, words, views in rows:
            centroids = _views(views)
            if not centroids[0]:  # boilerplate: a story of its own that nothing joins
                continue
            index.restore(OpenStory(story_id, first, last, size, centroids, day_sum, dated, words))
            opened += 1
        self._load_copies(grouper)
        latest = self.db.execute(
            "SELECT key, story FROM paragraphs ORDER BY rowid DESC LIMIT ?",
            (grouper.boilerplate.limit,),
        ).fetchall()
        for key, story in reversed(latest):
            grouper.boilerplate.first[bytes(key)] = story
        return Loaded(df.documents, opened)

    def _load_copies(self, grouper: Grouper) -> None:
        """The copy table as the last run left it: the latest keys, oldest first."""
        rows = self.db.execute(
            "SELECT copy, story FROM articles WHERE copy IS NOT NULL ORDER BY seq DESC LIMIT ?",
            (grouper.copies.limit,),
        ).fetchall()
        for key, story in reversed(rows):
            key = bytes(key)
            short = key[:1] == _SHORT
            grouper.copies.remember(key[1:], BOILERPLATE if short else story)

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
        query = "SELECT terms FROM articles WHERE seq > ? AND story != 0"
        for (terms,) in self.db.execute(query, (since,)):
            counts[np.frombuffer(terms, np.uint32)] += 1
            documents += 1
        return DocumentFrequency(counts, documents)

    def checkpoint(self, df: DocumentFrequency) -> None:
        """Save the term frequencies, so the next run need not recount them."""
        (seq,) = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()
        (count,) = self.db.execute("SELECT COUNT(*) FROM articles WHERE story != 0").fetchone()
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

    def unreported(self) -> tuple[dict[int, list[Article]], dict[str, str]]:
        """The stories of every article not yet reported (this run's, and a killed run's),
        with all their articles; the unreported unassigned articles, and why each is."""
        rows = self.db.execute(
            "SELECT DISTINCT story FROM articles WHERE reported = 0 AND story != 0"
        ).fetchall()
        groups = self.articles_of(sorted(r[0] for r in rows))
        left = self.db.execute(
            "SELECT record, notice FROM articles WHERE reported = 0 AND story = 0 ORDER BY seq"
        ).fetchall()
        if left:
            groups[UNASSIGNED] = [_article(record) for record, _ in left]
        reasons = {_article(record).id: notice or "" for record, notice in left}
        return groups, reasons

    def mark_reported(self) -> None:
        with self._transaction():
            self.db.execute("UPDATE articles SET reported = 1 WHERE reported = 0")

    def counts(self) -> tuple[int, int]:
        (articles,) = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()
        (stories,) = self.db.execute("SELECT COUNT(*) FROM stories WHERE size > 0").fetchone()
        return int(articles), int(stories)

    # --- changes (the grouping's Sink) ---------------------------------------------------

    def added(
        self,
        article: Article,
        features: Features,
        story: OpenStory | None,
        new: bool,
        remembered: bool,
        merges: Sequence[tuple[int, OpenStory]],
        paragraphs: Sequence[tuple[bytes, int]],
    ) -> None:
        """One transaction: the article, its story, every merge it set off, the boilerplate
        table's rows it touched (REPLACE gives each a new rowid: the table's order of use)."""
        key = (_SHORT if features.short else _LONG) + features.key if remembered else None
        terms = b"" if story is None else features.buckets.astype(np.uint32).tobytes()
        with self._transaction():
            self.db.execute(
                "INSERT INTO articles (id, story, day, hash, record, terms, copy, notice) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (article.id, UNASSIGNED if story is None else story.id, article_day(article),
                 text_hash(article), _record(article), terms, key, features.notice),
            )  # fmt: skip
            if story is None:
                return
            self.db.executemany("INSERT OR REPLACE INTO paragraphs VALUES (?, ?)", paragraphs)
            for away, into in merges:
                self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (into.id, away))
                self.db.execute("DELETE FROM stories WHERE id = ?", (away,))
            self._save_story(story)
            if new:
                self._set_meta("next_story", story.id + 1)

    def _save_story(self, story: OpenStory) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, first, last, size, day_sum, dated, words, views)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (story.id, story.first, story.last, story.size, story.day_sum, story.dated,
             story.words, _blob(story.centroids)),
        )  # fmt: skip

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _state_error(self.folder / "stories.sqlite", exc) from None
        try:
            yield
        except sqlite3.OperationalError as exc:
            self.db.execute("ROLLBACK")
            raise _state_error(self.folder / "stories.sqlite", exc) from None
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise _state_error(self.folder / "stories.sqlite", exc) from None

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


def _state_error(path: Path, exc: sqlite3.OperationalError) -> InputError:
    """The user's situation in one line: a state newsum may not write, or cannot open."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return InputError(f"{path}: the state is read-only; give --state a folder newsum can write")
    return InputError(f"{path}: cannot use the state database ({text})")


def _blob(centroids: Sequence[dict[int, float]]) -> bytes:
    """Per-view vectors as bytes: the view lengths, then each view's terms and weights."""
    parts = [np.array([len(c) for c in centroids], np.uint32).tobytes()]
    for centroid in centroids:
        parts.append(np.fromiter(centroid, np.uint32, len(centroid)).tobytes())
        parts.append(np.fromiter(centroid.values(), np.float64, len(centroid)).tobytes())
    return b"".join(parts)


def _views(blob: bytes) -> tuple[dict[int, float], ...]:
    lengths = np.frombuffer(blob, np.uint32, len(VIEWS)).tolist()
    offset = 4 * len(VIEWS)
    views = []
    for n in lengths:
        terms = np.frombuffer(blob, np.uint32, n, offset).tolist()
        offset += 4 * n
        weights = np.frombuffer(blob, np.float64, n, offset).tolist()
        offset += 8 * n
        views.append(dict(zip(terms, weights, strict=True)))
    return tuple(views)
