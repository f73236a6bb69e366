"""Fetching URLs: a local `http.server` on 127.0.0.1 stands in for the web."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.errors import FetchError
from storyline.ingest import RawDocument, read_inputs
from storyline.ingest import fetch as fetch_module
from storyline.ingest.fetch import fetch, is_public_address, url_names
from storyline.model import Warning
from storyline.settings import MB, Settings

PAGE = b"<!doctype html><html><head><title>Bridge</title></head><body><p>Closed.</p></body></html>"

Route = Callable[[BaseHTTPRequestHandler], None] | tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    """A local web server: `routes` maps a path to a response; `hits` lists the paths asked for."""

    server: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://{self.server.server_address[0]}:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.site.hits.append(self.path)
        route = self.site.routes.get(self.path)
        if route is None:
            route = (404, {"Content-Type": "text/plain"}, b"not here")
        if callable(route):
            route(self)
            return
        status, headers, body = route
        self.send_response(status)
        headers = {"Content-Length": str(len(body)), **headers}
        for key, value in headers.items():
            if value:  # an empty value leaves the header out
                self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout tests) is expected


def _serve(host: str) -> Iterator[Site]:
    handler = type("Handler", (_Handler,), {})
    server = _Server((host, 0), handler)
    site = Site(server)
    handler.site = site
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve("127.0.0.1")


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second server on another loopback address, to prove a redirect never reached it."""
    try:
        yield from _serve("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 is not available on this machine")


def settings(**overrides: object) -> Settings:
    base = Settings(db_path=None, show_progress=False, allow_private_urls=True, fetch_timeout=5.0)
    return base.with_overrides(**overrides)


def only_loopback(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address policy for tests: the local test server, and nothing else."""
    return ip == ipaddress.ip_address("127.0.0.1")


# -- success ---------------------------------------------------------------------

def test_fetch_html_page(site: Site) -> None:
    site.routes["/news/bridge-closed"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    doc = fetch(site.url("/news/bridge-closed"), settings=settings())
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.text, doc.encoding) == ("html", PAGE.decode(), "utf-8")
    assert doc.source == doc.url == site.url("/news/bridge-closed")
    assert (doc.name, doc.relpath) == ("bridge-closed.html", f"127.0.0.1_{site.port}/news/bridge-closed")


def test_charset_from_content_type(site: Site) -> None:
    body = "<html><body>Caf\u00e9 \u201cclosed\u201d</body></html>"
    site.routes["/cafe"] = (200, {"Content-Type": "text/html; charset=windows-1252"}, body.encode("cp1252"))
    doc = fetch(site.url("/cafe"), settings=settings())
    assert (doc.text, doc.encoding) == (body, "cp1252")


def test_plain_text_by_content_type(site: Site) -> None:
    site.routes["/story"] = (200, {"Content-Type": "text/plain"}, b"The bridge is closed.")
    doc = fetch(site.url("/story"), settings=settings())
    assert (doc.kind, doc.name) == ("text", "story.txt")


def test_kind_sniffed_without_content_type(site: Site) -> None:
    site.routes["/"] = (200, {"Content-Type": ""}, PAGE)
    doc = fetch(site.url("/"), settings=settings())
    assert (doc.kind, doc.name) == ("html", f"127.0.0.1_{site.port}.html")


def test_gzip_content_encoding(site: Site) -> None:
    site.routes["/z"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(PAGE))
    assert fetch(site.url("/z"), settings=settings()).text == PAGE.decode()


def test_redirect_is_followed(site: Site) -> None:
    site.routes["/old"] = (301, {"Location": "/new"}, b"")
    site.routes["/new"] = (302, {"Location": site.url("/final")}, b"")
    site.routes["/final"] = (200, {"Content-Type": "text/html"}, PAGE)
    doc = fetch(site.url("/old"), settings=settings())
    assert (doc.source, doc.url, doc.name) == (site.url("/old"), site.url("/final"), "final.html")
    assert site.hits == ["/old", "/new", "/final"]


def test_read_inputs_fetches_urls_once(site: Site) -> None:
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    items = list(read_inputs([site.url("/a"), site.url("/a")], settings=settings()))
    assert [type(item) for item in items] == [RawDocument]
    assert site.hits == ["/a"]


# -- refusals: each its own test ---------------------------------------------------

def test_local_url_refused_by_default(site: Site) -> None:
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    with pytest.raises(FetchError, match="non-public address \\(127.0.0.1\\); pass --allow-private-urls"):
        fetch(site.url("/a"), settings=settings(allow_private_urls=False))
    assert site.hits == []


@pytest.mark.parametrize("host", ["localhost", "2130706433", "0x7f.1", "[::1]", "[::ffff:127.0.0.1]"])
def test_loopback_in_disguise_refused(host: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        fetch(f"http://{host}:9/", settings=settings(allow_private_urls=False))


def test_read_inputs_turns_refusal_into_warning(site: Site) -> None:
    items = list(read_inputs([site.url("/a")], settings=settings(allow_private_urls=False)))
    assert len(items) == 1 and isinstance(items[0], Warning)
    assert items[0].source == site.url("/a")
    assert "non-public address" in items[0].reason


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address `fetch` opens a connection to."""
    opened: list[str] = []
    real = socket.create_connection

    def recording(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        opened.append(address[0])
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetch_module.socket, "create_connection", recording)
    return opened


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/admin",
    "http://[::ffff:10.0.0.1]/",
    "http://[fe80::1]/",
])
def test_redirect_to_private_address_refused(site: Site, connections: list[str], target: str) -> None:
    site.routes["/go"] = (302, {"Location": target}, b"")
    with pytest.raises(FetchError, match="redirects to a private address"):
        fetch(site.url("/go"), settings=settings(allow_private_urls=False), allow_address=only_loopback)
    assert connections == ["127.0.0.1"]


def test_redirect_to_a_live_private_server_never_reaches_it(site: Site, other_site: Site,
                                                             connections: list[str]) -> None:
    other_site.routes["/secret"] = (200, {"Content-Type": "text/plain"}, b"internal")
    site.routes["/go"] = (307, {"Location": other_site.url("/secret")}, b"")
    with pytest.raises(FetchError, match=r"redirects to a private address \(127.0.0.2 is 127.0.0.2\)"):
        fetch(site.url("/go"), settings=settings(allow_private_urls=False), allow_address=only_loopback)
    assert other_site.hits == []
    assert connections == ["127.0.0.1"]


def test_redirect_to_file_url_refused(site: Site) -> None:
    site.routes["/go"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(FetchError, match="redirects to a file: URL"):
        fetch(site.url("/go"), settings=settings(allow_file_urls=True))


def test_redirect_loop(site: Site) -> None:
    site.routes["/a"] = (302, {"Location": "/b"}, b"")
    site.routes["/b"] = (302, {"Location": "/a"}, b"")
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(site.url("/a"), settings=settings())
    assert site.hits == ["/a", "/b"]


def test_too_many_redirects(site: Site) -> None:
    for step in range(10):
        site.routes[f"/r{step}"] = (302, {"Location": f"/r{step + 1}"}, b"")
    with pytest.raises(FetchError, match="too many redirects \\(more than 5\\)"):
        fetch(site.url("/r0"), settings=settings())
    assert len(site.hits) == 6


def test_http_error_status(site: Site) -> None:
    with pytest.raises(FetchError, match="^HTTP 404 Not Found$"):
        fetch(site.url("/missing"), settings=settings())


def test_server_error_status(site: Site) -> None:
    site.routes["/boom"] = (503, {"Content-Type": "text/plain"}, b"down")
    with pytest.raises(FetchError, match="^HTTP 503 Service Unavailable$"):
        fetch(site.url("/boom"), settings=settings())


def test_unreachable_url() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=f"^connection refused by 127.0.0.1:{port}$"):
        fetch(f"http://127.0.0.1:{port}/", settings=settings())


def test_tls_error(site: Site) -> None:
    with pytest.raises(FetchError, match="^TLS error with 127.0.0.1: "):
        fetch(f"https://127.0.0.1:{site.port}/", settings=settings())


def test_oversize_body_by_content_length(site: Site) -> None:
    site.routes["/big"] = (200, {"Content-Type": "text/html"}, PAGE * 100)
    with pytest.raises(FetchError, match="over the 1 KB limit \\(fetch_max_bytes\\)"):
        fetch(site.url("/big"), settings=settings(fetch_max_bytes=1024))


def test_oversize_body_without_content_length_is_cut_off(site: Site) -> None:
    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # HTTP/1.0, no length: the body runs until the server closes
        try:
            for _ in range(2000):  # 2 MB if nobody stops reading
                handler.wfile.write(b"<p>more</p>" * 100)
        except OSError:
            pass

    site.routes["/stream"] = endless
    with pytest.raises(FetchError, match="exceeds 64 KB \\(fetch_max_bytes\\); stopped reading"):
        fetch(site.url("/stream"), settings=settings(fetch_max_bytes=64 * 1024))


def test_gzip_bomb_response(site: Site) -> None:
    bomb = gzip.compress(bytes(4 * MB))
    site.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    with pytest.raises(FetchError, match="decompressed size exceeds 1 MB \\(possible gzip bomb"):
        fetch(site.url("/bomb"), settings=settings(max_decompressed_bytes=MB))


def test_timeout(site: Site) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        site.release.wait(timeout=5)  # released when the test is over

    site.routes["/slow"] = slow
    started = time.monotonic()
    with pytest.raises(FetchError, match="^timed out after 0.3 s$"):
        fetch(site.url("/slow"), settings=settings(fetch_timeout=0.3))
    assert time.monotonic() - started < 2


def test_slow_drip_is_bound_by_the_overall_timeout(site: Site) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        for _ in range(1000):  # each byte comes well within the per-read timeout
            if site.release.wait(timeout=0.05):
                return
            handler.wfile.write(b"x")
            handler.wfile.flush()

    site.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/drip"), settings=settings(fetch_timeout=0.5))
    assert time.monotonic() - started < 2


def test_slow_headers_are_bound_by_the_overall_timeout(site: Site) -> None:
    def drip_headers(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
        for _ in range(1000):  # one endless header line, a byte at a time, inside one readline call
            if site.release.wait(timeout=0.05):
                return
            handler.wfile.write(b"X")
            handler.wfile.flush()

    site.routes["/headers"] = drip_headers
    started = time.monotonic()
    with pytest.raises(FetchError, match="^timed out after 0.5 s$"):
        fetch(site.url("/headers"), settings=settings(fetch_timeout=0.5))
    assert time.monotonic() - started < 2


def test_empty_response(site: Site) -> None:
    site.routes["/empty"] = (200, {"Content-Type": "text/html"}, b"")
    with pytest.raises(FetchError, match="^empty response"):
        fetch(site.url("/empty"), settings=settings())


def test_binary_response(site: Site) -> None:
    site.routes["/img"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(FetchError, match="binary file, not an article \\(Content-Type image/png\\)"):
        fetch(site.url("/img"), settings=settings())


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://files.example/a.txt", "unsupported URL scheme 'ftp'"),
    ("file:///etc/hostname", "file: URLs are not allowed"),
    ("http://user:secret@news.example/", "user name or password"),
    ("http:///no-host", "no host"),
])
def test_urls_refused_before_any_connection(url: str, message: str, connections: list[str]) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(url, settings=settings())
    assert connections == []


# -- helpers ---------------------------------------------------------------------

@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True),
    ("2606:4700:4700::1111", True),
    ("127.0.0.1", False),
    ("10.1.2.3", False),
    ("172.16.0.1", False),
    ("192.168.1.1", False),
    ("100.64.0.1", False),  # carrier-grade NAT
    ("169.254.169.254", False),  # cloud metadata
    ("0.0.0.0", False),
    ("224.0.0.1", False),
    ("255.255.255.255", False),
    ("240.0.0.1", False),
    ("::1", False),
    ("::", False),
    ("fe80::1", False),
    ("fc00::1", False),
    ("ff02::1", False),
    ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False),
    ("::ffff:93.184.216.34", True),
    ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
    ("64:ff9b::a9fe:a9fe", False),  # NAT64 around 169.254.169.254
])
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(("url", "kind", "name", "relpath"), [
    ("https://news.example/2024/05/bridge-closed", "html", "bridge-closed.html", "news.example/2024/05/bridge-closed"),
    ("https://news.example/story.php?id=7", "html", "story.php", "news.example/story.php_id_7"),
    ("https://news.example/", "html", "news.example.html", "news.example"),
    ("https://news.example/a%20b/caf%C3%A9", "text", "caf\u00e9.txt", "news.example/a_b/caf\u00e9"),
    ("http://news.example:8080/x/", "html", "x.html", "news.example_8080/x"),
])
def test_url_names(url: str, kind: str, name: str, relpath: str) -> None:
    assert url_names(url, kind=kind) == (name, relpath)
