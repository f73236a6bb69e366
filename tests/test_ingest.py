"""Ingest: files, folders, records and WARCs into `RawDocument`s and warnings."""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest import RawDocument, read_inputs
from storyline.ingest.core import classify
from storyline.ingest.encoding import decode, looks_binary, sniff_kind
from storyline.model import Warning
from storyline.settings import MB, Settings

ARTICLE = "The council voted on Tuesday to close the bridge.\nThe mayor said repairs would take a year.\n"
PAGE = ("<!DOCTYPE html><html><head><title>Bridge closed</title></head>"
        "<body><p>The council voted on Tuesday to close the bridge.</p></body></html>")


def read(*inputs: str | Path, **overrides: object) -> tuple[list[RawDocument], list[Warning]]:
    """Every document and warning `read_inputs` gives for `inputs`."""
    settings = Settings(db_path=None, show_progress=False).with_overrides(**overrides)
    docs: list[RawDocument] = []
    warnings: list[Warning] = []
    for item in read_inputs(list(inputs), settings=settings):
        (docs if isinstance(item, RawDocument) else warnings).append(item)
    return docs, warnings


def only_doc(*inputs: str | Path, **overrides: object) -> RawDocument:
    docs, warnings = read(*inputs, **overrides)
    assert not warnings, warnings
    assert len(docs) == 1, docs
    return docs[0]


def only_warning(*inputs: str | Path, **overrides: object) -> Warning:
    docs, warnings = read(*inputs, **overrides)
    assert not docs, docs
    assert len(warnings) == 1, warnings
    return warnings[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- single documents ---------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.txt", ARTICLE)
    doc = only_doc(str(path))
    assert (doc.source, doc.name, doc.relpath, doc.kind) == (str(path), "bridge.txt", "bridge.txt", "text")
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-8"
    assert doc.notes == ()


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML", "page.xhtml"])
def test_html_file(tmp_path: Path, name: str) -> None:
    doc = only_doc(write(tmp_path / name, PAGE))
    assert doc.kind == "html"
    assert doc.text == PAGE
    assert doc.name == name


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("story.txt.gz", ARTICLE, "text"),
    ("story.html.gz", PAGE, "html"),
    ("story.htm.gz", PAGE, "html"),
])
def test_gzipped_file(tmp_path: Path, name: str, content: str, kind: str) -> None:
    doc = only_doc(write(tmp_path / name, gzip.compress(content.encode())))
    assert (doc.kind, doc.text, doc.name) == (kind, content, name)


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("README", ARTICLE, "text"),
    ("page.php", "\n  <!-- saved -->\n<!doctype html><html><p>Hi</p></html>", "html"),
    ("page", '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></html>', "html"),
    ("notes.md", "# Notes\n\n<b>bold</b> claims", "text"),
    ("saved-as.txt", "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),
])
def test_unknown_or_missing_extension_is_sniffed(tmp_path: Path, name: str, content: str, kind: str) -> None:
    assert only_doc(write(tmp_path / name, content)).kind == kind


# -- bad single documents: each its own test -----------------------------------

def test_empty_file(tmp_path: Path) -> None:
    warning = only_warning(write(tmp_path / "empty.txt", b""))
    assert warning.reason == "empty file"
    assert warning.stage == "ingest"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert only_warning(write(tmp_path / "blank.html", " \n\t\r\n  ")).reason == "empty file"


def test_binary_file_without_extension(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    warning = only_warning(write(tmp_path / "photo", png))
    assert warning.reason == "binary file, not an article"


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    warning = only_warning(write(tmp_path / "story.txt", os.urandom(4096)))
    assert "binary file" in warning.reason


def test_stray_nul_is_removed_with_a_note(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "a.txt", ARTICLE * 20 + "\x00\n"))
    assert "\x00" not in doc.text
    assert doc.notes == ("removed 1 NUL character(s)",)


def test_cp1252_file(tmp_path: Path) -> None:
    text = "Caf\u00e9 owner Ren\u00e9e said \u201cwe will reopen\u201d \u2013 the price is \u20ac5.\n"
    doc = only_doc(write(tmp_path / "cafe.txt", text.encode("cp1252")))
    assert doc.text == text
    assert doc.encoding == "cp1252"
    assert doc.notes == ()


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Der B\u00fcrgermeister sagte: \u201eDie Br\u00fccke bleibt zu.\u201c\n"
    doc = only_doc(write(tmp_path / "de.txt", text.encode("utf-16")))
    assert doc.text == text
    assert doc.encoding == "utf-16"


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-8"


def test_mixed_encoding(tmp_path: Path) -> None:
    utf8_part = "Ren\u00e9e said the bridge \u2013 closed since May \u2013 would reopen.\n".encode()
    cp1252_part = "Pasted: \u201cwe\u2019re done\u201d.\n".encode("cp1252")
    doc = only_doc(write(tmp_path / "mixed.txt", utf8_part + cp1252_part))
    assert doc.text == "Ren\u00e9e said the bridge \u2013 closed since May \u2013 would reopen.\n" \
                       "Pasted: \u201cwe\u2019re done\u201d.\n"
    assert doc.encoding == "utf-8"
    assert doc.notes == ("mixed encoding: 3 byte(s) could not be decoded as UTF-8; decoded them as cp1252",)


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"><title>M\u00fcnchen</title></head><body>\u00e9t\u00e9</body></html>'
    doc = only_doc(write(tmp_path / "m.html", page.encode("latin-1")))
    assert doc.text == page
    assert doc.encoding == "cp1252"  # WHATWG: the Latin-1 label means windows-1252


def test_stale_meta_charset_loses_to_valid_utf8(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>' \
           "<body>S\u00e3o Paulo \u2014 \u00e9t\u00e9</body></html>"
    doc = only_doc(write(tmp_path / "m.html", page.encode("utf-8")))
    assert doc.text == page
    assert doc.encoding == "utf-8"
    assert doc.notes == ("declared charset 'ISO-8859-1' ignored: the content is valid UTF-8",)


def test_large_file_is_skipped_on_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, a few bytes on disk
        handle.write(ARTICLE.encode())
        handle.truncate(50 * MB)
    warning = only_warning(path, max_file_bytes=10 * MB)
    assert warning.reason == "file is 50 MB, over the 10 MB limit for one document (max_file_bytes); skipped"


@pytest.fixture(scope="session")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 MB of zeros gzipped to about 100 KB (built once: it takes a few tenths of a second)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MB)
    data = b"".join(compressor.compress(zeros) for _ in range(100)) + compressor.flush()
    return write(tmp_path_factory.mktemp("bomb") / "bomb.txt.gz", data)


def test_gzip_bomb(gzip_bomb: Path) -> None:
    warning = only_warning(gzip_bomb, max_decompressed_bytes=5 * MB)
    assert warning.reason == "decompressed size exceeds 5 MB (possible gzip bomb; max_decompressed_bytes)"


def test_decompressed_document_over_max_file_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt.gz", gzip.compress(ARTICLE.encode() * 2000))
    warning = only_warning(path, max_file_bytes=64 * 1024)
    assert "exceeds the 64 KB limit for one document (max_file_bytes)" in warning.reason


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(os.urandom(2000).hex().encode())
    warning = only_warning(write(tmp_path / "cut.txt.gz", data[: len(data) // 2]))
    assert warning.reason.startswith("truncated gzip file")


def test_corrupt_gzip(tmp_path: Path) -> None:
    warning = only_warning(write(tmp_path / "fake.html.gz", PAGE))
    assert warning.reason.startswith("corrupt gzip file")


def test_missing_path(tmp_path: Path) -> None:
    warning = only_warning(str(tmp_path / "nope.txt"))
    assert warning.reason == "no such file or directory"


def test_missing_path_that_looks_like_a_url() -> None:
    assert "https://" in only_warning("www.example.com/news/story").reason


@pytest.mark.parametrize(("name", "reason"), [
    ("report.pdf", "PDF is not read"),
    ("archive.tar.gz", "archives are not opened"),
    ("table.csv", "tables are not read"),
    ("logo.png", "a .png file is not an article"),
])
def test_unsupported_file_named_explicitly(tmp_path: Path, name: str, reason: str) -> None:
    assert reason in only_warning(write(tmp_path / name, b"%PDF-1.4 whatever")).reason


# -- JSON and JSONL records ------------------------------------------------------

def test_json_single_record(tmp_path: Path) -> None:
    record = {"html": PAGE, "url": "https://news.example/bridge", "title": "Bridge closed",
              "published": "2024-05-02", "outlet": "Example News"}
    doc = only_doc(write(tmp_path / "one.json", json.dumps(record)))
    assert (doc.source, doc.name, doc.relpath, doc.kind) == (str(tmp_path / "one.json"), "one.json", "one.json", "html")
    assert (doc.url, doc.title, doc.published, doc.outlet) == (
        "https://news.example/bridge", "Bridge closed", "2024-05-02", "Example News")


def test_json_list_of_records(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.json", json.dumps([{"text": ARTICLE, "outlet": "Daily"}, {"html": PAGE}]))
    docs, warnings = read(path)
    assert not warnings
    assert [(d.source, d.name, d.relpath, d.kind) for d in docs] == [
        (f"{path}#1", "batch-1.txt", "batch.json#1", "text"),
        (f"{path}#2", "batch-2.html", "batch.json#2", "html"),
    ]
    assert docs[0].outlet == "Daily"


def test_json_gz(tmp_path: Path) -> None:
    path = write(tmp_path / "b.json.gz", gzip.compress(json.dumps([{"text": ARTICLE}]).encode()))
    assert only_doc(path).name == "b-1.txt"


def test_invalid_json(tmp_path: Path) -> None:
    warning = only_warning(write(tmp_path / "bad.json", '{"text": "unterminated'))
    assert warning.reason.startswith("invalid JSON: Unterminated string")


def test_json_empty_list(tmp_path: Path) -> None:
    assert only_warning(write(tmp_path / "none.json", "[]")).reason == "JSON list holds no records"


def test_json_record_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", json.dumps([{"body": "x", "date": "2024"}, "just a string"]))
    docs, warnings = read(path)
    assert not docs
    assert [(w.source, w.reason) for w in warnings] == [
        (f"{path}#1", "record has no non-empty 'html' or 'text' field (keys: 'body', 'date')"),
        (f"{path}#2", "record is a JSON str, not an object"),
    ]


def test_json_record_with_non_string_metadata(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "r.json", json.dumps({"text": ARTICLE, "published": 1714600000})))
    assert doc.published is None
    assert doc.notes == ("ignored non-string 'published' field (int)",)


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": ARTICLE, "title": "One"}), '{"text": "broken', "",
             json.dumps({"html": PAGE, "url": "https://news.example/3"})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, warnings = read(path)
    assert [(d.source, d.name, d.relpath) for d in docs] == [
        (f"{path}#1", "feed-1.txt", "feed.jsonl#1"),
        (f"{path}#4", "feed-4.html", "feed.jsonl#4"),
    ]
    assert docs[0].title == "One"
    assert docs[1].url == "https://news.example/3"
    assert len(warnings) == 1
    assert warnings[0].source == f"{path}#2"
    assert warnings[0].reason.startswith("invalid JSON")


def test_jsonl_gz(tmp_path: Path) -> None:
    data = gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode())
    assert only_doc(write(tmp_path / "feed.jsonl.gz", data)).source == f"{tmp_path / 'feed.jsonl.gz'}#1"


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x " * 40_000}), json.dumps({"text": ARTICLE})]
    path = write(tmp_path / "long.jsonl", "\n".join(lines))
    docs, warnings = read(path, max_file_bytes=64 * 1024)
    assert [d.source for d in docs] == [f"{path}#2"]
    assert [(w.source, w.reason) for w in warnings] == [
        (f"{path}#1", "line is over the 64 KB limit for one record; skipped")]


def test_jsonl_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "old.jsonl", json.dumps({"text": "Caf\u00e9 \u201cx\u201d"}, ensure_ascii=False)
                 .encode("cp1252"))
    doc = only_doc(path)
    assert doc.text == "Caf\u00e9 \u201cx\u201d"


def test_jsonl_with_only_blank_lines(tmp_path: Path) -> None:
    assert only_warning(write(tmp_path / "blank.jsonl", "\n\n  \n")).reason == "no records (only blank lines)"


# -- WARC ---------------------------------------------------------------------

def build_warc(*, gzipped: bool) -> bytes:
    """A small crawl: warcinfo, a request, pages, an image, a redirect and a 404."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "storyline tests"}))

    def response(uri: str, status: str, content_type: str, body: bytes, **extra: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra.items()], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))

    request = StatusAndHeaders("GET /bridge HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/bridge", "request",
                                                  payload=io.BytesIO(b""), length=0, http_headers=request))
    response("https://news.example/bridge", "200 OK", "text/html; charset=utf-8", PAGE.encode())
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    response("https://news.example/old", "301 Moved Permanently", "text/html", b"", Location="/bridge")
    response("https://news.example/gone", "404 Not Found", "text/html", b"<html>not found</html>")
    cafe = "<html><body><p>Caf\u00e9 \u201creopens\u201d</p></body></html>"
    response("https://news.example/cafe", "200 OK", "text/html; charset=windows-1252", cafe.encode("cp1252"))
    zipped = gzip.compress(ARTICLE.encode())
    response("https://news.example/plain.txt", "200 OK", "text/plain", zipped, **{"Content-Encoding": "gzip"})
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, build_warc(gzipped=name.endswith(".gz")))
    docs, warnings = read(path)
    assert [(d.source, d.name, d.relpath, d.kind, d.url) for d in docs] == [
        (f"{path}#3", "crawl-3.html", f"{name}#3", "html", "https://news.example/bridge"),
        (f"{path}#7", "crawl-7.html", f"{name}#7", "html", "https://news.example/cafe"),
        (f"{path}#8", "crawl-8.txt", f"{name}#8", "text", "https://news.example/plain.txt"),
    ]
    assert docs[0].text == PAGE
    assert docs[1].text == "<html><body><p>Caf\u00e9 \u201creopens\u201d</p></body></html>"
    assert docs[1].encoding == "cp1252"
    assert docs[2].text == ARTICLE
    assert all(d.published is None for d in docs)  # WARC-Date is the crawl date, not publication
    assert [(w.source, w.reason) for w in warnings] == [(f"{path}#6", "HTTP 404 response, not an article")]


def test_truncated_warc(tmp_path: Path) -> None:
    data = build_warc(gzipped=False)
    path = write(tmp_path / "cut.warc", data[: data.index(b"Caf") + 3])
    docs, warnings = read(path)
    assert [d.source for d in docs] == [f"{path}#3"]
    assert warnings[-1].source == f"{path}#7"
    assert warnings[-1].reason.startswith("truncated record")


def test_truncated_warc_gz(tmp_path: Path) -> None:
    data = build_warc(gzipped=True)
    docs, warnings = read(write(tmp_path / "cut.warc.gz", data[:-40]))
    assert [d.name for d in docs] == ["cut-3.html", "cut-7.html"]
    assert warnings[-1].reason.startswith(("truncated record", "corrupt or truncated WARC"))


def test_not_a_warc(tmp_path: Path) -> None:
    warning = only_warning(write(tmp_path / "fake.warc", ARTICLE))
    assert warning.reason.startswith("not a WARC file")


def test_warc_without_pages(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "tests"}))
    warning = only_warning(write(tmp_path / "info.warc.gz", buffer.getvalue()))
    assert warning.reason == "no HTML or plain-text responses among its 1 WARC record(s)"


def test_warc_record_over_the_limit(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    body = ("<html><body>" + "<p>words</p>" * 10_000 + "</body></html>").encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/", "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=headers))
    warning = only_warning(write(tmp_path / "big.warc", buffer.getvalue()), max_file_bytes=64 * 1024)
    assert warning.source.endswith("big.warc#1")
    assert "exceeds 64 KB" in warning.reason


# -- folders --------------------------------------------------------------------

def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "story"
    write(root / "b.txt", ARTICLE)
    write(root / "a" / "z.html", PAGE)
    write(root / "a" / "deeper" / "x.txt", ARTICLE)
    write(root / "c.jsonl", json.dumps({"text": ARTICLE}) + "\n")
    write(root / ".hidden.txt", ARTICLE)
    write(root / ".git" / "config.txt", ARTICLE)
    write(root / "page_files" / "style.css", "body{}")  # saved-page assets: skipped quietly
    write(root / "page_files" / "logo.png", b"\x89PNG")
    write(root / "notes.pdf", b"%PDF-1.4")
    docs, warnings = read(str(root))
    assert [(d.source, d.relpath) for d in docs] == [
        (os.path.join(str(root), "a", "deeper", "x.txt"), "a/deeper/x.txt"),
        (os.path.join(str(root), "a", "z.html"), "a/z.html"),
        (os.path.join(str(root), "b.txt"), "b.txt"),
        (os.path.join(str(root), "c.jsonl") + "#1", "c.jsonl#1"),
    ]
    assert [(Path(w.source).name, w.reason.split(":")[0]) for w in warnings] == [
        ("notes.pdf", "unsupported file type")]


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "assets" / "photo.jpg", b"\xff\xd8\xff" + bytes(100))
    write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path / "Thumbs.db", b"\x00" * 50)
    write(tmp_path / "empty.txt", b"")
    docs, warnings = read(tmp_path)
    assert docs == []
    assert [w.reason for w in warnings] == ["empty file"]


def test_relpath_is_relative_to_the_common_root(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "story.txt", ARTICLE)
    second = write(tmp_path / "two" / "sub" / "story.txt", ARTICLE)
    docs, _ = read(first, tmp_path / "two")
    assert [(d.name, d.relpath) for d in docs] == [("story.txt", "one/story.txt"), ("story.txt", "two/sub/story.txt")]
    assert docs[1].source == str(second)


def test_same_file_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "dir" / "story.txt", ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    docs, warnings = read(path, str(path), tmp_path / "dir", link)
    assert not warnings
    assert [d.source for d in docs] == [str(path)]


def test_identical_content_under_two_names_is_kept(tmp_path: Path) -> None:
    docs, _ = read(write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", ARTICLE))
    assert [d.name for d in docs] == ["a.txt", "b.txt"]


def test_symlink_loop_in_folder_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "story" / "a.txt", ARTICLE)
    (tmp_path / "story" / "loop").symlink_to(tmp_path / "story")
    docs, warnings = read(tmp_path / "story")
    assert [d.name for d in docs] == ["a.txt"]
    assert not warnings


# -- inputs that are not files --------------------------------------------------

def test_a_single_path_instead_of_a_list_is_misuse(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="wrap it in a list"):
        read_inputs(str(tmp_path), settings=Settings())


def test_a_non_path_input_is_misuse() -> None:
    with pytest.raises(InputError, match="not int"):
        read_inputs([42], settings=Settings())  # type: ignore[list-item]


def test_file_url_refused_by_default(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert "file: URLs are not allowed" in only_warning(path.as_uri()).reason


def test_file_url_read_when_allowed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    doc = only_doc(path.as_uri(), allow_file_urls=True)
    assert (doc.source, doc.text) == (path.as_uri(), ARTICLE)


def test_empty_input_string() -> None:
    assert only_warning("").reason.startswith("empty input")


def test_unsupported_url_scheme() -> None:
    assert "unsupported URL scheme 'ftp'" in only_warning("ftp://files.example/story.txt").reason


# -- classification and encoding, directly ------------------------------------------

@pytest.mark.parametrize(("name", "reader", "kind", "gzipped"), [
    ("a.txt", "document", "text", False),
    ("a.HTM.gz", "document", "html", True),
    ("a.json", "json", None, False),
    ("a.ndjson.gz", "jsonl", None, True),
    ("a.warc.gz", "warc", None, True),
    ("a.warc", "warc", None, False),
    ("Makefile", "document", None, False),
    ("a.gz", "document", None, True),
    ("a.woff2", "asset", None, False),
    ("a.docx", "unsupported", None, False),
])
def test_classify(name: str, reader: str, kind: str | None, gzipped: bool) -> None:
    fmt = classify(name)
    assert (fmt.reader, fmt.kind, fmt.gzipped) == (reader, kind, gzipped)


@pytest.mark.parametrize(("data", "declared", "text", "encoding"), [
    (b"plain ascii", None, "plain ascii", "utf-8"),
    ("na\u00efve caf\u00e9".encode(), None, "na\u00efve caf\u00e9", "utf-8"),
    ("na\u00efve caf\u00e9".encode("cp1252"), None, "na\u00efve caf\u00e9", "cp1252"),
    ("summer \u00e9t\u00e9 text".encode("utf-16-le"), None, "summer \u00e9t\u00e9 text", "utf-16-le"),
    (b"\xff\xfe" + "\u00e9t\u00e9".encode("utf-16-le"), None, "\u00e9t\u00e9", "utf-16"),
    ("\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440".encode("koi8-r"), "koi8-r",
     "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440", "koi8-r"),
    ("\u00e9".encode("cp1252"), "no-such-charset", "\u00e9", "cp1252"),
])
def test_decode(data: bytes, declared: str | None, text: str, encoding: str) -> None:
    decoded = decode(data, declared=declared)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_decode_cyrillic_without_declaration() -> None:
    text = "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0437\u0430\u044f\u0432\u0438\u043b, " \
           "\u0447\u0442\u043e \u043c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u0442 \u043d\u0430 " \
           "\u0440\u0435\u043c\u043e\u043d\u0442 \u0434\u043e \u043a\u043e\u043d\u0446\u0430 \u0433\u043e\u0434\u0430."
    assert decode(text.encode("cp1251")).text == text


def test_sniff_kind() -> None:
    assert sniff_kind("  <!DOCTYPE html><p>") == "html"
    assert sniff_kind("<p>a fragment is not a document</p>") == "text"
    assert sniff_kind("He said <html> is a tag") == "text"


@hypothesis_settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_fails(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    looks_binary(data)


@hypothesis_settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=600), name=st.sampled_from(["x.txt", "x.html", "x", "x.json", "x.jsonl", "x.warc"]))
def test_any_bytes_give_documents_or_warnings(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                              name: str) -> None:
    path = write(tmp_path_factory.mktemp("fuzz") / name, data)
    for item in read_inputs([path], settings=Settings(db_path=None)):
        assert isinstance(item, (RawDocument, Warning))
        if isinstance(item, Warning):
            assert item.reason and "unexpected error" not in item.reason
