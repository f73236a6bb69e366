"""Fetching one URL safely: `fetch(url, *, settings) -> RawDocument`, or `FetchError`.

A fetched URL may come from an untrusted list, so fetching must not become a
way to reach the machine's own network (server-side request forgery):

- only `http` and `https` (and `file` when `settings.allow_file_urls`; never
  after a redirect);
- the host is resolved once, every address it resolves to must be public
  (`is_public_address`: not loopback, private, link-local, reserved, multicast
  or unspecified, also when wrapped in IPv4-mapped, 6to4 or NAT64 IPv6), and the
  connection goes to exactly that checked address with the `Host` header and
  TLS server name set from the URL, so a second DNS answer cannot differ
  (DNS rebinding) and numeric tricks (`http://2130706433/`) are judged by what
  they resolve to;
- redirects are followed by hand, at most `MAX_REDIRECTS`, each hop checked
  the same way ("redirects to a private address" when one is not);
- `settings.fetch_timeout` bounds the whole fetch, redirects included (DNS
  lookups excepted: they use the system resolver's own timeout), the body is
  streamed and cut at `settings.fetch_max_bytes`, and a gzip body is
  decompressed no further than `settings.max_decompressed_bytes`.

Environment proxies are not used: the address check must see the real
destination. `settings.allow_private_urls` turns the address check off, for
intranets and tests.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import url2pathname

from ..errors import FetchError
from ..model import Warning
from ..settings import Settings
from . import RawDocument
from .encoding import parse_content_type
from .files import describe_size, document_from_bytes, one_line, read_document_file

__all__ = ["MAX_REDIRECTS", "AddressPolicy", "IPAddress", "fetch", "is_public_address", "url_names"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]

MAX_REDIRECTS = 5
USER_AGENT = "storyline/0.1 (news dossier builder)"

_REDIRECTS = (301, 302, 303, 307, 308)
_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_SUFFIX = {"html": ".html", "text": ".txt"}
_CHUNK = 64 * 1024
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_UNSAFE_NAME = re.compile(r"[^\w.~-]+")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def is_public_address(ip: IPAddress) -> bool:
    """True if `ip` is a globally reachable unicast address, judging embedded IPv4 too.

    IPv4-mapped (`::ffff:127.0.0.1`), 6to4 (`2002:7f00:1::`) and NAT64
    (`64:ff9b::7f00:1`) addresses carry an IPv4 address that is what the packets
    finally reach, so that address must be public as well.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        embedded = ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is None and ip.teredo is not None:
            embedded = ip.teredo[1]
        if embedded is not None and not is_public_address(embedded):
            return False
    return ip.is_global and not (
        ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved
        or ip.is_multicast or ip.is_unspecified
    )


def fetch(url: str, *, settings: Settings, allow_address: AddressPolicy | None = None) -> RawDocument:
    """Fetch `url` into a `RawDocument`; raise `FetchError` with a one-line reason if that fails.

    `allow_address` decides which resolved addresses may be connected to; by
    default public ones only, or all of them with `settings.allow_private_urls`.
    The document's `source` is `url` as given and its `url` the final URL after
    redirects, from which `name` and `relpath` are derived too.
    """
    if allow_address is None:
        allow_address = _allow_all if settings.allow_private_urls else is_public_address
    parts = urlsplit(url.strip())
    if parts.scheme.lower() == "file":
        return _fetch_file(url, settings=settings)
    deadline = time.monotonic() + settings.fetch_timeout
    current = url.strip()
    visited = {current}
    for hop in range(MAX_REDIRECTS + 1):
        outcome = _get(current, settings=settings, deadline=deadline, allow_address=allow_address,
                       redirected=hop > 0)
        if isinstance(outcome, str):
            if outcome in visited:
                raise FetchError(f"redirect loop: {outcome} was already visited")
            visited.add(outcome)
            current = outcome
            continue
        content_type, body = outcome
        return _document(url, current, content_type, body)
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def url_names(url: str, *, kind: str) -> tuple[str, str]:
    """(`name`, `relpath`) for a document fetched from `url`, both safe as file names.

    `name` is the last path segment (or the host), with `.html`/`.txt` added when
    it has no suffix; `relpath` is host and path, with the query folded in.
    """
    parts = urlsplit(url)
    host = _safe_name(parts.hostname or "") or "page"
    if parts.port:
        host = f"{host}_{parts.port}"
    segments = [_safe_name(unquote(s)) for s in parts.path.split("/") if s.strip()]
    segments = [s for s in segments if s]
    name = segments[-1] if segments else host
    if not segments or "." not in name.strip("."):
        name += _SUFFIX.get(kind, ".html")
    relpath = "/".join([host, *segments])
    if parts.query:
        relpath += "_" + (_safe_name(unquote(parts.query)) or "query")
    return name, relpath


def _allow_all(ip: IPAddress) -> bool:
    return True


def _safe_name(text: str) -> str:
    return _UNSAFE_NAME.sub("_", text).strip("._")[:120]


def _document(source: str, final_url: str, content_type: str, body: bytes) -> RawDocument:
    mime, charset = parse_content_type(content_type)
    item = document_from_bytes(body, source=source, name="", relpath="", kind=_KINDS.get(mime),
                               declared_charset=charset, url=final_url, empty_reason="empty response")
    if isinstance(item, Warning):
        raise FetchError(f"{item.reason} (Content-Type {mime})" if mime else item.reason)
    # Named only now: a sniffed page's kind decides the suffix its name gets.
    name, relpath = url_names(final_url, kind=item.kind)
    return replace(item, name=name, relpath=relpath)


def _get(url: str, *, settings: Settings, deadline: float, allow_address: AddressPolicy,
         redirected: bool) -> str | tuple[str, bytes]:
    """One request: the absolute URL of a redirect, or (Content-Type, body)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if redirected:
            raise FetchError(f"redirects to a {scheme or 'relative'}: URL; only http and https are followed")
        if scheme == "file":
            raise FetchError("file: URLs are not allowed (set allow_file_urls, or give the path itself)")
        raise FetchError(f"unsupported URL scheme {scheme!r}: only http and https URLs can be fetched")
    if parts.username is not None or parts.password is not None:
        raise FetchError("URLs with a user name or password are not supported")
    try:
        host = parts.hostname or ""
        if not host.isascii():  # an internationalised domain name: DNS and Host need its ASCII form
            host = host.encode("idna").decode("ascii")
        port = parts.port or (443 if scheme == "https" else 80)
    except (UnicodeError, ValueError) as exc:
        raise FetchError(f"invalid URL {url!r}: {exc}") from None
    if not host:
        raise FetchError(f"invalid URL {url!r}: no host")

    addresses = _resolve(host, port)
    for _address, ip in addresses:
        if not allow_address(ip):
            if redirected:
                raise FetchError(f"redirects to a private address ({host} is {ip}); refused")
            raise FetchError(f"refused: {host} is a non-public address ({ip}); "
                             "pass --allow-private-urls (Settings.allow_private_urls) to fetch from it")

    path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_PATH_SAFE + "?")
    tls = ssl.create_default_context() if scheme == "https" else None
    connection = _connect(host, port, addresses, tls=tls, deadline=deadline, timeout=settings.fetch_timeout)
    watchdog = _Watchdog(connection, deadline)
    try:
        return _exchange(connection, url, path, deadline=deadline, settings=settings)
    except FetchError:
        if watchdog.fired:
            raise FetchError(f"timed out after {settings.fetch_timeout:g} s") from None
        raise
    except Exception as exc:
        if watchdog.fired or isinstance(exc, TimeoutError):
            raise FetchError(f"timed out after {settings.fetch_timeout:g} s") from None
        if isinstance(exc, ssl.SSLError):
            raise FetchError(f"TLS error: {exc.reason or exc}") from None
        if isinstance(exc, http.client.IncompleteRead):
            raise FetchError("connection closed before the whole response arrived") from None
        if isinstance(exc, (http.client.HTTPException, OSError)):
            raise FetchError(f"HTTP error: {one_line(exc)}") from None
        raise
    finally:
        watchdog.cancel()
        connection.close()


def _exchange(connection: _PinnedConnection, url: str, path: str, *, deadline: float,
              settings: Settings) -> str | tuple[str, bytes]:
    """Send the request and read the response: a redirect's target URL, or (Content-Type, body)."""
    _arm(connection, deadline)
    connection.request("GET", path, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    })
    response = connection.getresponse()
    status = response.status
    if status in _REDIRECTS:
        location = response.getheader("Location")
        if not location:
            raise FetchError(f"HTTP {status} redirect without a Location header")
        return urljoin(url, location.strip())
    if status >= 400:
        raise FetchError(f"HTTP {status} {response.reason}".strip())
    if not 200 <= status < 300:
        raise FetchError(f"unexpected HTTP status {status} {response.reason}".strip())
    body = _read_body(response, connection, deadline=deadline, limit=settings.fetch_max_bytes)
    body = _decode_content(body, response.getheader("Content-Encoding") or "", limit=settings.max_decompressed_bytes)
    return response.getheader("Content-Type") or "", body


class _Watchdog:
    """Shuts the connection's socket down when the overall deadline passes.

    Socket timeouts bound each read, not a sequence of them: a server sending a
    byte just often enough would otherwise hold a fetch open for as long as it
    likes, even inside a single `read` call.
    """

    def __init__(self, connection: _PinnedConnection, deadline: float) -> None:
        self.fired = False
        self._connection = connection
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        sock = self._connection.sock
        if sock is not None:
            try:
                # The plain-socket method: SSLSocket.shutdown would also tear down TLS state under the reader.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def cancel(self) -> None:
        self._timer.cancel()


def _resolve(host: str, port: int) -> list[tuple[str, IPAddress]]:
    """Every (connectable address, parsed IP) `host` resolves to, in resolver order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    except (UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {one_line(exc)}") from None
    seen: dict[str, IPAddress] = {}
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = str(sockaddr[0])
        if address not in seen:
            seen[address] = ipaddress.ip_address(address)
    if not seen:
        raise FetchError(f"cannot resolve host {host!r}: no IPv4 or IPv6 address")
    return list(seen.items())


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to an address checked beforehand, whatever DNS says later.

    `host` still names the server in the `Host` header and, with TLS, in SNI and
    certificate checks.
    """

    def __init__(self, host: str, port: int, *, address: str, timeout: float, tls: ssl.SSLContext | None) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._tls = tls
        if tls is not None:
            self.default_port = 443  # so the Host header omits ":443"

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        if self._tls is not None:
            try:
                sock = self._tls.wrap_socket(sock, server_hostname=self.host)
            except BaseException:
                sock.close()
                raise
        self.sock = sock


def _connect(host: str, port: int, addresses: list[tuple[str, IPAddress]], *, tls: ssl.SSLContext | None,
             deadline: float, timeout: float) -> _PinnedConnection:
    """A connected `_PinnedConnection` to the first of `addresses` that answers."""
    last: BaseException | None = None
    for address, _ in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        connection = _PinnedConnection(host, port, address=address, timeout=min(timeout, remaining), tls=tls)
        try:
            connection.connect()
        except OSError as exc:
            connection.close()
            last = exc
        else:
            return connection
    if isinstance(last, ssl.SSLError):
        raise FetchError(f"TLS error with {host}: {last.reason or last}")
    if isinstance(last, ConnectionRefusedError):
        raise FetchError(f"connection refused by {host}:{port}")
    if isinstance(last, TimeoutError) or last is None:
        raise FetchError(f"timed out connecting to {host}:{port} after {timeout:g} s")
    raise FetchError(f"cannot connect to {host}:{port}: {last.strerror or one_line(last)}")


def _arm(connection: _PinnedConnection, deadline: float) -> None:
    """Give the next socket operation only what is left of the overall time budget."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    if connection.sock is not None:
        connection.sock.settimeout(remaining)


def _read_body(response: http.client.HTTPResponse, connection: _PinnedConnection, *,
               deadline: float, limit: int) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise FetchError(f"response body is {describe_size(int(declared))}, over the "
                         f"{describe_size(limit)} limit (fetch_max_bytes)")
    parts: list[bytes] = []
    size = 0
    while True:
        _arm(connection, deadline)
        chunk = response.read1(min(_CHUNK, limit + 1 - size))  # read1: returns what has arrived
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response body exceeds {describe_size(limit)} (fetch_max_bytes); stopped reading")


def _decode_content(body: bytes, encoding: str, *, limit: int) -> bytes:
    """Undo a gzip/deflate Content-Encoding, stopping at `limit` decompressed bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        return _inflate(body, wbits=16 + zlib.MAX_WBITS, limit=limit, label="gzip")
    if encoding == "deflate":
        try:
            return _inflate(body, wbits=zlib.MAX_WBITS, limit=limit, label="deflate")
        except FetchError:  # some servers send raw deflate without the zlib wrapper
            return _inflate(body, wbits=-zlib.MAX_WBITS, limit=limit, label="deflate")
    raise FetchError(f"unsupported Content-Encoding {encoding!r}")


def _inflate(data: bytes, *, wbits: int, limit: int, label: str) -> bytes:
    parts: list[bytes] = []
    size = 0
    while data:
        decompressor = zlib.decompressobj(wbits)
        try:
            out = decompressor.decompress(data, limit + 1 - size)
        except zlib.error as exc:
            raise FetchError(f"corrupt {label} response: {exc}") from None
        parts.append(out)
        size += len(out)
        if size > limit or decompressor.unconsumed_tail:
            raise FetchError(f"decompressed size exceeds {describe_size(limit)} "
                             "(possible gzip bomb; max_decompressed_bytes)")
        if not decompressor.eof:
            raise FetchError(f"truncated {label} response: the compressed stream ends early")
        # gzip allows several members back to back; raw/zlib deflate leaves no tail.
        data = decompressor.unused_data if label == "gzip" else b""
    return b"".join(parts)


def _fetch_file(url: str, *, settings: Settings) -> RawDocument:
    if not settings.allow_file_urls:
        raise FetchError("file: URLs are not allowed (set allow_file_urls, or give the path itself)")
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"file: URL on another host ({parts.netloc}) cannot be read")
    path = Path(url2pathname(parts.path))
    lowered = path.name.lower()
    gzipped = lowered.endswith(".gz")
    inner = lowered.removesuffix(".gz")
    kind = "html" if inner.endswith((".html", ".htm")) else "text" if inner.endswith(".txt") else None
    if not path.is_file():
        raise FetchError(f"no such file: {path}")
    item = read_document_file(path, source=url, name=path.name, relpath=path.name, kind=kind, gzipped=gzipped,
                              settings=settings)
    if isinstance(item, Warning):
        raise FetchError(item.reason)
    return item
