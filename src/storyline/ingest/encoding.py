"""Encoding detection: bytes from disk or the network become text, with notes.

The order follows what browsers do, then falls back on guessing:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins outright;
2. a declared charset (the HTTP header, else a `<meta charset>` or XML
   declaration in the first 8 KB) is used if it decodes cleanly, with the WHATWG
   rule that the Latin-1/ASCII labels mean windows-1252;
3. strict UTF-8;
4. text that is UTF-8 in places and broken in others (a cp1252 paragraph pasted
   into a UTF-8 page) keeps its UTF-8 and decodes the stray bytes as cp1252,
   with a note saying how many bytes that was;
5. otherwise a single-byte guess: cp1252 when the result reads like a Western
   European language, else charset-normalizer's best match.

`looks_binary` tells a file that is not text at all; `sniff_kind` tells HTML from
plain text by how the text starts.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode", "declared_charset", "drop_nul", "looks_binary", "parse_content_type", "sniff_kind"]

_BOMS = (  # UTF-32 first: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG Encoding Standard: these labels are decoded as windows-1252 by every browser.
_AS_CP1252 = {"ascii", "iso8859-1"}

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

_SAMPLE = 64 * 1024
# Control bytes that do not occur in text: everything below 0x20 except tab,
# newline, vertical tab, form feed, carriage return and escape, plus DEL.
_CONTROL = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_MAX_CONTROL_RATIO = 0.05
_MAX_NUL_RATIO = 0.001  # a stray NUL or two happens in scraped text; binary formats are full of them

# Non-ASCII characters a Western European text decoded as cp1252 plausibly has:
# Latin-1 letters and the typographic punctuation of cp1252's 0x80-0xBF block.
_WESTERN = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "ŒœŠšŽžŸƒ€‘’‚“”„–—…•†‡‰‹›™«»¡¿°±²³·×÷¢£¥§©®¶¼½¾ªº\u00a0"
)
_MAX_WESTERN_NONASCII_LETTERS = 0.3  # Cyrillic/Greek in cp125x also land on Latin-1 letters
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())

_STRAY = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")

_HTML_START = re.compile(
    r"""\A(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b""",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used, and any degradation worth a warning."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode `data`, trusting a BOM, then `declared` (e.g. an HTTP charset), then the bytes.

    Never raises for bad input: the worst case is text with U+FFFD replacement
    characters and a note saying so.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, codec, why=f"its byte-order mark says {codec}")

    notes: list[str] = []
    for label in (declared, declared_charset(data)):
        if not label:
            continue
        decoded = _try_declared(data, label, notes)
        if decoded is not None:
            return Decoded(decoded.text, decoded.encoding, (*notes, *decoded.notes))

    utf16 = _bomless_utf16(data)
    if utf16:
        return _decode_with(data, utf16, why="it looks like UTF-16 without a byte-order mark", notes=notes)

    escaped = data.decode("utf-8", "surrogateescape")
    stray = sum(len(run) for run in _STRAY.findall(escaped))
    if not stray:
        return Decoded(escaped, "utf-8", tuple(notes))
    if _NON_ASCII.search(escaped):
        # Valid multi-byte UTF-8 next to invalid bytes: mostly UTF-8, with pasted-in
        # single-byte text. Keep the UTF-8 and read only the stray bytes as cp1252.
        text = _STRAY.sub(lambda run: run.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace"),
                          escaped)
        notes.append(f"mixed encoding: {stray} byte(s) could not be decoded as UTF-8; decoded them as cp1252")
        return Decoded(text, "utf-8", tuple(notes))
    return _guess_single_byte(data, notes)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML `<meta>` tag or XML declaration in the first 8 KB names, if any."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def looks_binary(data: bytes) -> bool:
    """True if `data` is not text: NUL bytes (outside UTF-16/32) or control bytes beyond a stray few.

    Judged on the first 64 KB; bytes above 0x7F are never held against a file,
    since they are letters in some encoding.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(data):
        return False
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if sample.count(0) > _MAX_NUL_RATIO * len(sample):
        return True
    control = len(sample.translate(None, _NOT_CONTROL))
    return control / len(sample) > _MAX_CONTROL_RATIO


def drop_nul(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` without NUL characters, which XML/HTML parsers reject, and a note if there were any."""
    count = text.count("\x00")
    if not count:
        return text, ()
    return text.replace("\x00", ""), (f"removed {count} NUL character(s)",)


def parse_content_type(value: str) -> tuple[str, str | None]:
    """(lower-case media type, charset or None) from a Content-Type header value."""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, found = param.partition("=")
        if key.strip().lower() == "charset" and found.strip(" \t\"'"):
            charset = found.strip(" \t\"'")
    return mime.strip().lower(), charset


def sniff_kind(text: str) -> str:
    """"html" if the text starts like an HTML document (after comments/XML declaration), else "text"."""
    return "html" if _HTML_START.match(text[:4096]) else "text"


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _try_declared(data: bytes, label: str, notes: list[str]) -> Decoded | None:
    """Decode with a declared charset if it fits; record why not in `notes`."""
    codec = _codec_name(label)
    if codec is None:
        notes.append(f"unknown declared charset {label!r} ignored")
        return None
    if codec.startswith(("utf-16", "utf-32")):
        # A declaration read from ASCII-compatible bytes cannot be UTF-16/32 (HTML spec: use UTF-8).
        return None
    if codec in _AS_CP1252:
        try:
            data.decode("cp1252")
            codec = "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
            codec = "iso8859-1"
    try:
        text = data.decode(codec)
    except LookupError:  # a codec that is not a text encoding, such as "base64"
        notes.append(f"declared charset {label!r} is not a text encoding; ignored")
        return None
    except UnicodeDecodeError:
        notes.append(f"declared charset {label!r} does not fit the content; ignored")
        return None
    if codec != "utf-8" and _is_single_byte(codec) and _is_utf8_with_non_ascii(data):
        # Single-byte codecs decode anything; valid multi-byte UTF-8 is almost never an accident,
        # so the declaration is stale (a page re-saved as UTF-8 keeps its old <meta>).
        notes.append(f"declared charset {label!r} ignored: the content is valid UTF-8")
        return Decoded(data.decode("utf-8"), "utf-8")
    return Decoded(text, codec)


def _is_single_byte(codec: str) -> bool:
    return len("\u00e9\u4e2d".encode(codec, "replace")) <= 2


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_with(data: bytes, codec: str, *, why: str, notes: list[str] | tuple[str, ...] = ()) -> Decoded:
    try:
        return Decoded(data.decode(codec), codec.removesuffix("-sig"), tuple(notes))
    except UnicodeDecodeError:
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        return Decoded(text, codec.removesuffix("-sig"),
                       (*notes, f"{why}, but {bad} character(s) could not be decoded and were replaced"))


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte is NUL, as in UTF-16 Latin text without a BOM."""
    sample = data[:4096]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _guess_single_byte(data: bytes, notes: list[str]) -> Decoded:
    """Bytes that are not UTF-8 at all: cp1252 if it reads as Western text, else ask charset-normalizer.

    charset-normalizer alone picks odd code pages (cp775, cp1250) for short
    Western texts, because curly quotes and accents are too few to separate
    them; a plausibility check on cp1252 first settles the common case.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_western(text):
        return Decoded(text, "cp1252", tuple(notes))

    import charset_normalizer  # imported here: it is slow to import and rarely needed

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        codec = _codec_name(best.encoding) or "cp1252"
        return _decode_with(data, codec, why=f"guessed encoding {codec}", notes=notes)
    return Decoded(data.decode("cp1252", "replace"), "cp1252",
                   (*notes, "encoding could not be detected; decoded as cp1252 with replacements"))


def _reads_as_western(text: str) -> bool:
    non_ascii = _NON_ASCII.findall(text)
    if not non_ascii:
        return True
    if sum(c in _WESTERN for c in non_ascii) < 0.95 * len(non_ascii):
        return False
    letters_non_ascii = sum(c.isalpha() for c in non_ascii)
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    letters = letters_non_ascii + ascii_letters
    # Too few letters to judge by proportion: the character check above has to do.
    return letters < 20 or letters_non_ascii <= _MAX_WESTERN_NONASCII_LETTERS * letters
