"""Read stage: files, folders, JSONL, HTML, Markdown and stdin into Articles.

What is refused, each with an InputError naming the input: a missing path, a folder with
no article files, an empty file, a binary file (image, archive, PDF, ...), a file over
50 MB (also after gunzipping), a broken JSON line (file and line number), text that is
undecodable.

Decoding: UTF-8 (with or without BOM; UTF-16/32 with a BOM) first. Otherwise the bytes are
read as Windows-1252, the web's fallback for Western text, when that reads as plausible
text, and else in the charset that charset-normalizer detects. A few stray invalid bytes in
otherwise readable text are replaced with U+FFFD and a warning says so; bytes that fit no
encoding at all are refused.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import re
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsum.errors import InputError
from newsum.types import Article

MAX_FILE_BYTES = 50_000_000
"""Largest input accepted (50 MB, also after gunzipping); news articles are far smaller."""

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSON_SUFFIXES = {".jsonl", ".json"}


class InputWarning(UserWarning):
    """Something in the input was skipped or repaired; the rest was read."""


class DecodingWarning(InputWarning):
    """Bytes that were not valid in any detected encoding were replaced."""


@dataclass(frozen=True)
class Cluster:
    """One line of a cluster file (the ../shared/data schema): documents plus references."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    line: int = field(default=0, compare=False)  # its line in the cluster file (0: not from one)

    @property
    def size(self) -> int:
        """Characters of article text: how much work the cluster is (a Dask task's share)."""
        return sum(len(a.text) for a in self.articles)


class ClusterError(InputError):
    """A line of a cluster file that cannot be summarized; keeps its line and cluster id."""

    def __init__(self, message: str, line: int, cluster_id: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.cluster_id = cluster_id


# --- bytes -------------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x00", "binary data"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def binary_kind(data: bytes) -> str | None:
    """What a byte string is, when it is clearly not text (None for text)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head or len(_CONTROL_BYTES.findall(head)) > max(2, len(head) // 100):
        return "binary data"
    return None


def _gunzip(data: bytes, name: str) -> bytes:
    """Decompress gzip data, refusing more than MAX_FILE_BYTES of output."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name}: not a valid gzip file ({exc})") from None
    if len(out) > MAX_FILE_BYTES:
        raise InputError(f"{name}: over {MAX_FILE_BYTES // 10**6} MB when decompressed")
    return out


def _too_big(name: str, size: int) -> InputError:
    return InputError(
        f"{name}: file is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 10**6} MB limit"
    )


def missing(path: Path) -> InputError:
    """Why ``path`` cannot be found: no such path, a link that loops, or a broken link."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python 3.11-3.12 report a loop so
            return InputError(f"{path}: is a symbolic link that loops")
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return InputError(f"{path}: is a symbolic link that loops")
        return InputError(f"{path}: is a broken symbolic link (to {os.readlink(path)})")
    return InputError(f"{path}: no such file or folder")


def open_bytes(path: Path) -> bytes:
    """Read a file (gunzipping gzip data), refusing what is missing or too big."""
    if not path.exists():
        raise missing(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(str(path), size)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:  # grew, or a device that reports no size
        raise _too_big(str(path), len(data))
    return from_bytes(data, str(path))


def from_bytes(data: bytes, name: str) -> bytes:
    """Gunzip ``data`` if it is gzip (by its magic number, whatever the name says)."""
    if data.startswith(b"\x1f\x8b"):
        return _gunzip(data, name)
    return data


def decode(data: bytes, name: str) -> str:
    """Bytes to text, as the module docstring says; InputError for what is not text."""
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name}: looks like {kind}, not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {codec} mark but is not {codec}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(ord(c) > 127 for c in lenient) - bad
    if good >= bad and bad <= len(lenient) // 100:
        return _replaced(lenient, bad, name)  # UTF-8 text with a few stray bytes
    western = _plausible(data, "cp1252")
    if western is not None:
        return western
    non_ascii = sum(b > 127 for b in data)
    if non_ascii <= len(data) // 20:
        return _replaced(lenient, bad, name)  # ASCII text with a few stray bytes
    detected = _detected(data)
    if detected is not None:
        return detected
    raise InputError(f"{name}: undecodable bytes: not UTF-8 and no known encoding fits")


def _replaced(text: str, bad: int, name: str) -> str:
    warnings.warn(
        f"{name}: not valid UTF-8; {bad} undecodable byte(s) replaced with U+FFFD",
        DecodingWarning,
        stacklevel=3,
    )
    return text


def _plausible(data: bytes, codec: str) -> str | None:
    """``data`` in ``codec`` if that reads like text in a Latin script, else None."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(ord(c) > 127 for c in letters)
    if not letters or accented > 0.3 * len(letters) or not _is_textual(text):
        return None
    return text


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes as detect

    best = detect(data).best()
    if best is None or not best.encoding or best.chaos > 0.2:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _is_textual(text) else None


def _is_textual(text: str) -> bool:
    if not text:
        return True
    printable = sum(c.isprintable() or c in "\n\r\t\f" for c in text)
    return printable / len(text) > 0.98


# --- formats -----------------------------------------------------------------------------


def _article_from_html(html: str, name: str, where: str | None = None) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted if isinstance(extracted, dict) or extracted is None else extracted.as_dict()
    text = (doc or {}).get("text") or ""
    if not text.strip():
        raise InputError(f"{where or name}: no article text found in the HTML")
    assert doc is not None
    return Article(
        text=text,
        id=name,
        title=doc.get("title"),
        source=doc.get("sitename") or doc.get("hostname"),
        url=doc.get("url"),
        date=doc.get("date"),
        meta={"format": "html", "author": doc.get("author")},
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head and "</" in text[:20000]
    )


_MARKDOWN_HINT = re.compile(r"(?m)^#{1,6} \S|\[[^\]\n]+\]\([^)\s]+\)|^\*\*[^*\n]+\*\*")
_HEADLINE = re.compile(r"^\s*(?:#{1,6}[ \t]+)?(?P<title>[^\n]{3,200}?)[ \t#]*\n[ \t]*\n")
_TERMINAL = re.compile(r"""[.!?:;]["'”’)\]]*$""")


def _headline(text: str) -> str | None:
    """A first line that reads as a headline: short, alone, without final punctuation."""
    match = _HEADLINE.match(text)
    if not match:
        return None
    title = match.group("title").strip().strip("*_").strip()
    words = title.split()
    if not 2 <= len(words) <= 20 or _TERMINAL.search(title) or not text[match.end() :].strip():
        return None
    return title


def article_from_record(record: Any, where: str) -> Article:
    """An Article from one JSON object (``text`` required; title/source/url/date/id optional)."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing or non-string 'text' field")
    if not text.strip():
        raise InputError(f"{where}: 'text' is empty")
    known = {"text", "title", "source", "url", "date", "id"}

    def optional(key: str) -> str | None:
        value = record.get(key)
        return None if value is None or value == "" else str(value)

    return Article(
        text=text,
        id=optional("id") or where,
        title=optional("title"),
        source=optional("source"),
        url=optional("url"),
        date=optional("date"),
        meta={k: v for k, v in record.items() if k not in known},
    )


def iter_jsonl(text: str, name: str) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed object) for each non-blank line; bad JSON names the line."""
    # split on "\n" only: str.splitlines would also cut at U+2028 inside a JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}, line {number}: invalid JSON ({exc.msg})") from None


def read_text(text: str, name: str, suffix: str = "", where: str | None = None) -> list[Article]:
    """Articles from already-decoded text; the format comes from the suffix or the content.

    ``name`` is the articles' id; errors name ``where`` (the path as given), else ``name``.
    """
    if not text.strip():
        raise InputError(f"{where or name}: is empty")
    stripped = text.lstrip()
    if suffix in JSON_SUFFIXES or (not suffix and stripped.startswith(("{", "["))):
        if suffix == ".json" or (stripped.startswith("[") and not _jsonl_after_all(stripped)):
            return _read_json_document(text, name)  # one JSON document, maybe pretty-printed
        articles = [
            article_from_record(record, f"{name}, line {number}")
            for number, record in iter_jsonl(text, name)
        ]
        if not articles:
            raise InputError(f"{name}: holds no articles")
        return articles
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return [_article_from_html(text, name, where)]
    markdown = suffix in MARKDOWN_SUFFIXES or (not suffix and bool(_MARKDOWN_HINT.search(text)))
    meta = {"format": "markdown" if markdown else "text"}
    return [Article(text=text, id=name, title=_headline(text), meta=meta)]


def _jsonl_after_all(text: str) -> bool:
    """Text opening with ``[`` that is not one JSON document but whose first line is a JSON
    value: JSON Lines with a bad first line (told as such), not a broken document."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        pass
    else:
        return False
    try:
        json.loads(text.split("\n", 1)[0])
    except json.JSONDecodeError:
        return False
    return True


def _read_json_document(text: str, name: str) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    records = (
        data
        if isinstance(data, list)
        else data.get("documents")
        if isinstance(data, dict)
        else None
    )
    if not isinstance(records, list) or not records:
        raise InputError(f"{name}: expected a list of articles or an object with 'documents'")
    return [article_from_record(r, f"{name}, item {i + 1}") for i, r in enumerate(records)]


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == ".gz" else suffix


def read_file(path: Path) -> list[Article]:
    """Articles in one file (one for text/HTML/Markdown, many for JSONL)."""
    suffix = _suffix(path)
    text = decode(open_bytes(path), str(path))
    name = path.name if suffix not in JSON_SUFFIXES else str(path)
    return read_text(text, name, suffix, where=str(path))


_NOT_ARTICLES = re.compile(
    r"(?i)^(readme|license|licence|copying|changelog|changes|notice|authors|contributing)"
    r"(\.[a-z]+)?$"
)
"""Files that come with a folder of data rather than being part of it: skipped in a folder
(named on the command line, they are read)."""


def _is_article_file(path: Path) -> bool:
    return _suffix(path) in TEXT_SUFFIXES or not path.suffix or path.suffix.lower() == ".gz"


def _folder_files(path: Path, entries: list[Path]) -> list[Path]:
    """The article files among a folder's entries; what is left out is said in one warning."""
    files: list[Path] = []
    left: dict[str, list[str]] = {}
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files: .DS_Store, editors' backups
        if not entry.exists():
            reason = str(missing(entry)).removeprefix(f"{entry}: ")
            left.setdefault(reason, []).append(entry.name)
        elif entry.is_dir():
            left.setdefault("subfolder, not read (give it as an input)", []).append(entry.name)
        elif not entry.is_file() or not _is_article_file(entry):
            left.setdefault("not an article file", []).append(entry.name)
        elif _NOT_ARTICLES.match(entry.name):
            left.setdefault("not an article (name it to read it)", []).append(entry.name)
        else:
            files.append(entry)
    if left:
        said = "; ".join(f"{', '.join(names)}: {reason}" for reason, names in left.items())
        warnings.warn(f"{path}: skipped {said}", InputWarning, stacklevel=3)
    return files


def read_folder(path: Path) -> list[Article]:
    """Every article file in a folder, by name; unreadable ones are skipped with a warning."""
    try:
        entries = sorted(path.iterdir())
    except OSError as exc:
        raise InputError(f"{path}: cannot list the folder ({exc.strerror or exc})") from None
    files = _folder_files(path, entries)
    if not files:
        raise InputError(f"{path}: folder holds no article files (.txt, .md, .html, .jsonl)")
    articles: list[Article] = []
    skipped: list[str] = []
    for file in files:
        try:
            articles.extend(read_file(file))
        except InputError as exc:
            skipped.append(file.name)
            warnings.warn(f"skipped {exc}", InputWarning, stacklevel=2)
    if not articles:
        raise InputError(f"{path}: no readable article in the folder ({len(skipped)} skipped)")
    return articles


def read_paths(paths: Iterable[str | Path], stdin: str | bytes | None = None) -> list[Article]:
    """Articles from files, folders, and ``-`` (standard input, passed in as ``stdin``)."""
    articles: list[Article] = []
    for raw in paths:
        if str(raw) == "-":
            articles.extend(read_stdin(stdin))
            continue
        path = Path(raw)
        if not path.exists():
            raise missing(path)
        articles.extend(read_folder(path) if path.is_dir() else read_file(path))
    if not articles:
        raise InputError("no input given")
    return articles


def read_stdin(data: str | bytes | None) -> list[Article]:
    """Articles from standard input's bytes (or text), detected like a file's."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 10**6
            raise InputError(f"<stdin>: standard input is over the {limit} MB limit")
        data = decode(from_bytes(data, "<stdin>"), "<stdin>")
    return read_text(data or "", "<stdin>")


# --- cluster files -----------------------------------------------------------------------


def cluster_from_record(record: Any, where: str) -> Cluster:
    """A Cluster from one line of a cluster file; documents with empty text are skipped.

    The articles are under ``documents`` (the ../shared/data schema) or ``articles`` (the
    HTTP API's name); each is an object with ``text`` or a plain string.
    """
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    key = "documents" if "documents" in record or "articles" not in record else "articles"
    if "documents" in record and "articles" in record:
        raise InputError(f"{where}: give 'documents' or 'articles', not both")
    documents = record.get(key)
    if not isinstance(documents, list) or not documents:
        raise InputError(f"{where}: missing or empty 'documents' (or 'articles') list")
    cluster_id = str(record.get("id", where))
    articles: list[Article] = []
    for i, doc in enumerate(documents):
        if isinstance(doc, str):  # a plain string is an article with only its text
            doc = {"text": doc}
        if isinstance(doc, dict) and isinstance(doc.get("text"), str) and not doc["text"].strip():
            warnings.warn(f"{where}, document {i + 1}: empty text, skipped", InputWarning, 2)
            continue
        article = article_from_record(doc, f"{where}, document {i + 1}")
        if "id" not in doc:
            article = replace(article, id=f"{cluster_id}/{i}")
        articles.append(article)
    if not articles:
        raise InputError(f"{where}: every document is empty")
    references = record.get("references") or []
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        raise InputError(f"{where}: 'references' must be a list of strings")
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    return Cluster(id=cluster_id, articles=tuple(articles), references=tuple(references),
                   meta=meta or {})  # fmt: skip


def _cluster_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Stream (line number, bytes) from a cluster file, gzip or not, of any total size.

    Batch files are large, so only each line is held to the per-file size limit.
    """
    if not path.exists():
        raise missing(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a file")
    try:
        with path.open("rb") as raw:
            gzipped = raw.read(2) == b"\x1f\x8b"
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as stream:
            head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
            kind = binary_kind(head)
            if kind:
                raise InputError(f"{path}: looks like {kind}, not text")
            for number, line in enumerate(stream, start=1):
                if len(line) > MAX_FILE_BYTES:
                    raise _too_big(f"{path}, line {number}", len(line))
                yield number, line
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def read_clusters(path: str | Path) -> Iterator[Cluster | InputError]:
    """Each line of a cluster file as a Cluster, or as the ClusterError that line raised.

    Errors are yielded, not raised, so that one bad cluster never costs the good ones. A
    file that cannot be read at all raises InputError on the first ``next``.
    """
    path = Path(path)
    empty = True
    for number, raw in _cluster_lines(path):
        where = f"{path}, line {number}"
        line = raw.decode("utf-8", errors="strict") if raw.isascii() else None
        if line is None:
            try:
                line = decode(raw, where)
            except InputError as exc:
                yield ClusterError(str(exc), number)
                continue
        if not line.strip():
            continue
        empty = False
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ClusterError(f"{where}: invalid JSON ({exc.msg})", number)
            continue
        cluster_id = str(record["id"]) if isinstance(record, dict) and "id" in record else None
        try:
            yield replace(cluster_from_record(record, where), line=number)
        except InputError as exc:
            yield ClusterError(str(exc), number, cluster_id)
    if empty:
        raise InputError(f"{path}: is empty")
