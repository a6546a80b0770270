"""Reading every supported input kind, and refusing what is not an article."""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pytest

from conftest import RAQQA, words
from newsum.clean import clean_article
from newsum.errors import InputError
from newsum.read import (
    MAX_FILE_BYTES,
    Cluster,
    ClusterError,
    DecodingWarning,
    InputWarning,
    decode,
    read_clusters,
    read_file,
    read_paths,
    read_stdin,
)

NEWS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Raqqa falls | World | Example News</title>
  <meta property="og:title" content="US-backed forces capture Raqqa from Islamic State">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2017-10-17T09:30:00Z">
  <link rel="canonical" href="https://news.example.com/world/raqqa-falls">
  <script>var tracking = {user: "abc"}; function subscribeNow() { return 1; }</script>
  <style>body { font-family: sans-serif; } .ad { display: none; }</style>
</head>
<body>
  <header>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>US-backed forces capture Raqqa from Islamic State</h1>
      <p class="byline">By Jane Doe</p>
      <p>BEIRUT (AP) — U.S.-backed Syrian fighters captured the city of Raqqa on Tuesday,
      driving the Islamic State group from its self-declared capital after a four-month
      battle.</p>
      <p>The Syrian Democratic Forces said the last militants had surrendered near the
      city's stadium, and that teams were clearing mines from the streets.</p>
      <div class="ad">Advertisement</div>
      <p>"The military operations in Raqqa have ended," SDF spokesman Talal Silo said by
      phone. Thousands of civilians fled the fighting over the summer.</p>
    </article>
  </main>
  <aside><h2>Most viewed</h2><ul><li><a href="/a">Ten celebrity diets to try</a></li></ul></aside>
  <footer>
    <p>Join our Newsletter for the latest news right to your inbox</p>
    <p>Copyright (c) 2017 Example News. All Rights Reserved.</p>
  </footer>
  <script>trackPageView();</script>
</body>
</html>
"""

PARAGRAPH = (
    "Rescue teams reached the flooded villages on Monday after the river burst its banks. "
    "Officials said more than 300 families had been moved to higher ground overnight."
)


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- kinds of input ------------------------------------------------------------------


def test_plain_text_folder_reads_every_file_verbatim_in_name_order() -> None:
    articles = read_paths([RAQQA])
    files = sorted(RAQQA.glob("*.txt"))
    assert [a.id for a in articles] == [f.name for f in files]
    assert [a.text for a in articles] == [f.read_text(encoding="utf-8") for f in files]


def test_plain_text_headline_line_becomes_the_title(raqqa: list) -> None:
    by_id = {a.id: a for a in raqqa}
    xinhua = by_id["004_29db2200959aca4a.txt"]
    assert xinhua.title == "U.S.-backed Syrian forces capture Syria's Raqqa from Islamic State"
    # an opening paragraph that is a sentence is not a headline
    assert by_id["002_dbfa873eea8ebaca.txt"].title is None


def test_markdown_file_keeps_text_and_is_stripped_when_cleaned(tmp_path: Path) -> None:
    text = (
        "# Floods hit the north\n\n"
        "*Updated* by the **news desk**.\n\n"
        "Rescue teams reached the [flooded villages](https://example.org/map) on Monday "
        "after the river burst its **banks**. Officials said more than 300 families had "
        "been moved to _higher ground_ overnight.\n\n"
        "- The army sent `six` helicopters to the valley.\n"
    )
    [article] = read_paths([write(tmp_path / "floods.md", text)])
    assert article.text == text
    assert article.title == "Floods hit the north"
    assert article.meta["format"] == "markdown"
    body = clean_article(article).text
    assert "Rescue teams reached the flooded villages on Monday" in body
    assert "burst its banks." in body and "to higher ground overnight." in body
    assert "The army sent six helicopters to the valley." in body
    for syntax in ("#", "**", "](", "https://", "`", "- The army", "_higher"):
        assert syntax not in body


def test_html_page_gives_body_title_date_and_source_without_page_furniture(
    tmp_path: Path,
) -> None:
    [article] = read_paths([write(tmp_path / "raqqa.html", NEWS_HTML)])
    assert article.title == "US-backed forces capture Raqqa from Islamic State"
    assert article.date == "2017-10-17"
    assert article.source == "Example News"
    assert article.url == "https://news.example.com/world/raqqa-falls"
    assert "captured the city of Raqqa on Tuesday" in article.text
    assert "clearing mines from the streets" in article.text
    for furniture in ("tracking", "font-family", "Home", "Sport", "celebrity diets",
                      "Newsletter", "All Rights Reserved", "trackPageView"):  # fmt: skip
        assert furniture not in article.text
    body = clean_article(article).text
    assert body.startswith("U.S.-backed Syrian fighters captured")
    assert "Advertisement" not in body and "By Jane Doe" not in body


def test_html_is_recognised_on_stdin_without_a_file_name() -> None:
    [article] = read_stdin(NEWS_HTML.encode("utf-8"))
    assert article.title == "US-backed forces capture Raqqa from Islamic State"


def test_jsonl_reads_optional_fields_and_keeps_unknown_ones(tmp_path: Path) -> None:
    lines = [
        {"text": PARAGRAPH, "title": "Floods", "source": "AP", "url": "https://a.example/1",
         "date": "2024-05-01", "id": "ap-1", "lang": "en"},
        {"text": "Officials said the river was still rising on Tuesday morning."},
    ]  # fmt: skip
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second = read_paths([path])
    assert (first.id, first.title, first.source, first.url, first.date) == (
        "ap-1", "Floods", "AP", "https://a.example/1", "2024-05-01")  # fmt: skip
    assert first.meta == {"lang": "en"}
    assert second.title is None and second.source is None and second.text == lines[1]["text"]
    assert second.id.endswith("a.jsonl, line 2")


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break(tmp_path: Path) -> None:
    record = {"text": "Troops entered the city.\u2028Residents cheered in the streets."}
    path = write(tmp_path / "sep.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    [article] = read_paths([path])
    assert article.text == record["text"]


def test_json_array_document(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps([{"text": PARAGRAPH}, {"text": PARAGRAPH}]))
    assert len(read_paths([path])) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "ok text here."}\n{"text": broken\n', "line 2: invalid JSON"),
        ('{"text": "ok text here."}\n{"title": "no text"}\n', "line 2: missing or non-string"),
        ('{"text": "ok text here."}\n\n{"text": "   "}\n', "line 3: 'text' is empty"),
        ('["not", "objects"]\n', "item 1: expected a JSON object"),
    ],
)
def test_broken_jsonl_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "bad.jsonl", content)
    with pytest.raises(InputError, match=message) as caught:
        read_paths([path])
    assert "bad.json" in str(caught.value)


def test_gzip_file_and_gzip_on_stdin(tmp_path: Path) -> None:
    text = (RAQQA / "004_29db2200959aca4a.txt").read_text(encoding="utf-8")
    path = write(tmp_path / "story.txt.gz", gzip.compress(text.encode("utf-8")))
    [from_file] = read_paths([path])
    [from_stdin] = read_paths(["-"], stdin=gzip.compress(text.encode("utf-8")))
    assert from_file.text == from_stdin.text == text


def test_stdin_text_and_bytes() -> None:
    assert read_paths(["-"], stdin=PARAGRAPH)[0].text == PARAGRAPH
    [article] = read_paths(["-"], stdin=PARAGRAPH.encode("utf-16"))
    assert article.text == PARAGRAPH and article.id == "<stdin>"


def test_folder_skips_hidden_and_unknown_files_and_warns_about_bad_ones(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", PARAGRAPH)
    write(tmp_path / "a.md", "# Title here\n\n" + PARAGRAPH)
    write(tmp_path / ".hidden.txt", "not read")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(64))
    write(tmp_path / "empty.txt", "")
    (tmp_path / "sub").mkdir()
    with pytest.warns(InputWarning) as caught:
        articles = read_paths([tmp_path])
    assert [a.id for a in articles] == ["a.md", "b.txt"]
    said = [str(w.message) for w in caught]
    assert any("empty.txt: is empty" in m for m in said)
    assert any("photo.jpg: not an article file" in m and "sub: subfolder" in m for m in said)


# --- encodings -------------------------------------------------------------------------


def test_cp1252_file_decodes_right(tmp_path: Path) -> None:
    text = (
        "Le maire a déclaré que la situation était « très grave » à Paris. "
        "The mayor’s office said “the fire” is out — for now.\n"
    )
    path = write(tmp_path / "fr.txt", text.encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a fitting charset is no warning
        [article] = read_paths([path])
    assert article.text == text


def test_latin1_german_decodes_right() -> None:
    text = "Die Straße in München war überfüllt, sagte der Bürgermeister am Montag.\n"
    assert decode(text.encode("latin-1"), "de.txt") == text


def test_utf8_with_a_few_stray_bytes_is_repaired_with_a_warning() -> None:
    good = "The mayor’s office said prices rose in the city’s centre. " * 10
    data = good.encode("utf-8") + b"\xff\xfe" + good.encode("utf-8")
    with pytest.warns(DecodingWarning, match="2 undecodable byte"):
        text = decode(data, "mixed.txt")
    assert text == good + "\ufffd\ufffd" + good


def test_bytes_that_fit_no_encoding_are_refused() -> None:
    data = bytes(range(0x80, 0x100)) * 20  # no text in any encoding
    with pytest.raises(InputError, match=r"junk\.txt: undecodable bytes"):
        decode(data, "junk.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        (b"PK\x03\x04\x14\x00\x08\x00" + bytes(64), "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"some text\x00\x00\x01\x02 more", "binary data"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, kind: str) -> None:
    path = write(tmp_path / "thing.txt", data)
    with pytest.raises(InputError, match=f"thing.txt: looks like (an? )?{kind}"):
        read_paths([path])


# --- refusals -------------------------------------------------------------------------


def test_missing_path_empty_folder_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file or folder"):
        read_paths([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="folder holds no article files"):
        read_paths([tmp_path / "empty"])
    for content in ("", "  \n\t\n  "):
        with pytest.raises(InputError, match=r"blank\.txt: is empty"):
            read_paths([write(tmp_path / "blank.txt", content)])
    with pytest.raises(InputError, match="<stdin>: is empty"):
        read_paths(["-"], stdin=b"")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # 50 MiB, sparse: nothing is written to disk
    with pytest.raises(InputError, match=r"huge.txt: file is 52\.4 MB, over the 50 MB limit"):
        read_file(path)


def test_gzip_that_expands_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * (MAX_FILE_BYTES + 10)))
    with pytest.raises(InputError, match="over 50 MB when decompressed"):
        read_file(path)


# --- cluster files -----------------------------------------------------------------------


def test_cluster_file_yields_clusters_and_errors_with_line_numbers(tmp_path: Path) -> None:
    good = {"id": "c1", "documents": [{"text": PARAGRAPH, "source": "AP"}], "references": ["r"]}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "c3", "documents": []}),
        "",
        json.dumps({"id": "c5", "documents": [{"text": " "}, {"text": PARAGRAPH}]}),
    ]
    path = write(tmp_path / "clusters.jsonl", "\n".join(lines))
    with pytest.warns(InputWarning, match="line 5, document 1: empty text, skipped"):
        items = list(read_clusters(path))
    assert [type(i) for i in items] == [Cluster, ClusterError, ClusterError, Cluster]
    first, bad_json, no_docs, last = items
    assert isinstance(first, Cluster) and first.articles[0].id == "c1/0"
    assert first.references == ("r",)
    assert isinstance(bad_json, ClusterError) and bad_json.line == 2
    assert "line 2: invalid JSON" in str(bad_json)
    assert isinstance(no_docs, ClusterError) and (no_docs.line, no_docs.cluster_id) == (3, "c3")
    assert isinstance(last, Cluster) and [a.id for a in last.articles] == ["c5/1"]


def test_every_dev_set_reads_completely() -> None:
    from conftest import DEV_SETS, dev_clusters

    for name, path in DEV_SETS.items():
        if not path.exists():
            pytest.skip("dev sets not present")
        items = list(read_clusters(path))
        assert all(isinstance(i, Cluster) for i in items)
        clusters = dev_clusters(name)
        assert len(clusters) >= 10
        assert all(len(c.articles) >= 8 and words(c.articles[0].text) for c in clusters)
