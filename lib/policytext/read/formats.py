"""Bytes to text: read a report file in any common Chinese encoding, plain text or HTML.

A `Document` is the decoded page before cleaning: newlines normalised to ``"\\n"``,
HTML already turned into one line per block element, plus where it came from
(source, sha256 of the raw bytes, the encoding that decoded it).

>>> doc = document_from_string("<p>政府工作报告</p><p>各位代表：</p>")
>>> doc.text, doc.is_html
('政府工作报告\\n各位代表：', True)
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from policytext.errors import ReportError

__all__ = ["MAX_INPUT_BYTES", "Document", "as_path", "decode_bytes", "decode_bytes_marked",
           "document_from_string", "html_to_text", "looks_like_html", "make_document", "read_bytes",
           "read_document"]

#: Largest input file read (64 MiB): the longest real report is under 1 MB, and reading
#: ``/dev/zero`` or a mislabelled disk image must end in one line, not in MemoryError.
MAX_INPUT_BYTES = 64 * 2**20


@dataclass(frozen=True)
class Document:
    """A decoded input page: text with ``"\\n"`` newlines, and its provenance.

    ``fields`` holds what a dataset record or a file says about the report besides its text
    (title, year, region, province, date, url); ``wrapper`` names the container the text
    came out of (a CSV/JSONL record, a Word or PDF file), for the audit.
    """

    source: str
    text: str
    encoding: str
    sha256: str
    is_html: bool
    fields: dict = field(default_factory=dict, compare=False, hash=False)
    wrapper: str | None = None
    #: Byte offsets of invalid bytes replaced by U+FFFD (a stray byte in a UTF-8 file).
    damaged: tuple[int, ...] = ()
    #: What reading noticed without refusing the input (a dataset record skipped as a copy).
    notes: tuple[str, ...] = ()


# Magic numbers of formats people save reports in by mistake; naming the format
# in the error tells them what to do (export as text) instead of "binary data".
_MAGIC = (
    (b"%PDF", "a PDF file; name it .pdf to read its text layer"),
    (b"PK\x03\x04", ("a ZIP archive; a Word file must end in .docx to be read, other archives "
                     "must be unpacked first")),
    (b"\xd0\xcf\x11\xe0", ("an old Office document (.doc/.xls); open it in Word or LibreOffice "
                         "and save as .docx (a spreadsheet as .csv)")),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
)

# BOMs decide the encoding outright; UTF-32 is listed before UTF-16 because its
# little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="gbk"> or <meta http-equiv=... content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Control characters that never occur in text (tab, LF, VT, FF, CR excluded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|div|p|br|table|span)\b", re.IGNORECASE
)
_BLOCK_TAG = re.compile(r"</(?:p|div|li|tr|h[1-6])\s*>|<br\s*/?>", re.IGNORECASE)


def read_document(path: str | Path) -> Document:
    """Read a report file: UTF-8 (with or without BOM), GBK/GB18030, Big5 or UTF-16, text or HTML.

    Raises `ReportError` naming the file and the problem when the file is missing,
    a folder, unreadable, empty, binary or not decodable.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "r.txt")
    ...     _ = open(p, "wb").write("政府工作报告\\r\\n".encode("gbk"))
    ...     doc = read_document(p)
    >>> doc.text, doc.encoding
    ('政府工作报告\\n', 'gbk')
    """
    path, source = as_path(path)
    data = read_bytes(path)
    text, encoding, damaged = decode_bytes_marked(data, source)
    is_html = path.suffix.lower() in {".html", ".htm", ".xhtml", ".shtml"} or looks_like_html(text)
    return make_document(source, text, encoding, hashlib.sha256(data).hexdigest(), is_html,
                         damaged=damaged)


def as_path(path) -> tuple[Path, str]:
    """(Path, source name) of a str, bytes or path-like argument; one clear error otherwise.

    >>> as_path(b"r.txt")
    (PosixPath('r.txt'), 'r.txt')
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise ReportError(repr(path), f"is not a file path (a {type(path).__name__})")
    if not os.fspath(path):
        raise ReportError("''", "empty path: give a file or folder name")
    path = Path(path)
    return path, str(path)


def read_bytes(path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file, refusing pipes, devices, folders and files over `limit`.

    Checked on the open descriptor, which is opened non-blocking so that a FIFO among the
    inputs never stalls a run; every refusal is a `ReportError` naming the file.

    >>> read_bytes("/dev/null")
    Traceback (most recent call last):
    policytext.errors.ReportError: /dev/null: is not a regular file (a device); give a report file
    """
    path, source = as_path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReportError(source, _os_problem(exc, path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReportError(source, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            kind = ("a named pipe" if stat.S_ISFIFO(info.st_mode) else
                    "a socket" if stat.S_ISSOCK(info.st_mode) else "a device")
            raise ReportError(source, f"is not a regular file ({kind}); give a report file")
        if info.st_size > limit:
            raise ReportError(source, f"is too large ({info.st_size / 2**20:.0f} MB; inputs "
                                      f"are read up to {limit // 2**20} MB)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ReportError(source, _os_problem(exc, path)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while being read
        raise ReportError(source, f"is too large (inputs are read up to {limit // 2**20} MB)")
    if not data:
        raise ReportError(source, "the file is empty")
    return data


def _os_problem(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long for this system"
    return f"cannot be read ({exc.strerror or type(exc).__name__})"


def document_from_string(text: str, *, source: str = "<string>") -> Document:
    """Wrap an already decoded string (plain text or HTML) as a `Document`.

    The encoding is recorded as ``"utf-8"`` and sha256 is taken over the UTF-8 bytes.

    >>> document_from_string("各位代表：\\r\\n现在。").text
    '各位代表：\\n现在。'
    """
    if not isinstance(text, str):
        raise TypeError("document_from_string expects str; use read_document for files")
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise ReportError(source, "contains binary data (control characters), not text")
    if not text.strip():
        raise ReportError(source, "the text is empty")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return make_document(source, text, "utf-8", digest, looks_like_html(text))


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one line per block element, entities decoded.

    >>> html_to_text("<div>第一段&nbsp;<b>加粗</b></div><script>x()</script><p>第二段</p>")
    '第一段\\xa0加粗\\n第二段'
    """
    parser = _TextExtractor()
    parser.feed(_defused(html))
    parser.close()
    return parser.text()


# A '<' with no '>' before the next '<' (or the end) opens no tag a browser would show.
_OPEN_TAG = re.compile(r"<(?=[^<>]*(?:<|\Z))")


def _defused(html: str) -> str:
    """`html` without comments and with unclosed '<' escaped, in time linear in its length.

    html.parser rescans from every unfinished construct (``<!--`` or ``<a `` without an end)
    to the end of the page, which made 50,000 stray ``<!--`` take most of a minute.

    >>> _defused("a<!-- x -->b<!-- never closed")
    'ab'
    >>> _defused("1 < 2 <p>x</p>")
    '1 &lt; 2 <p>x</p>'
    """
    parts: list[str] = []
    pos = 0
    while True:
        start = html.find("<!--", pos)
        if start < 0:
            parts.append(html[pos:])
            break
        parts.append(html[pos:start])
        end = html.find("-->", start + 4)
        if end < 0:  # browsers hide everything after an unclosed comment
            break
        pos = end + 3
    return _OPEN_TAG.sub("&lt;", "".join(parts))


def make_document(source: str, text: str, encoding: str, digest: str, is_html: bool, *,
                  fields: dict | None = None, wrapper: str | None = None,
                  damaged=(), notes=()) -> Document:
    """A `Document` from decoded text: newlines normalised, HTML turned into lines."""
    text = _normalise_newlines(text)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise ReportError(source, "the HTML page has no visible text")
    return Document(source=source, text=text, encoding=encoding, sha256=digest, is_html=is_html,
                    fields=dict(fields or {}), wrapper=wrapper, damaged=tuple(damaged),
                    notes=tuple(notes))


def _normalise_newlines(text: str) -> str:
    # Unicode line and paragraph separators are line breaks for every reader too.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: BOM, then UTF-8, a declared charset, GBK/GB18030, Big5.

    >>> decode_bytes("政府工作报告".encode("gbk"), "r.txt")
    ('政府工作报告', 'gbk')
    """
    text, encoding, _ = decode_bytes_marked(data, source)
    return text, encoding


def decode_bytes_marked(data: bytes, source: str) -> tuple[str, str, tuple[int, ...]]:
    """Like `decode_bytes`, plus the byte offsets of stray bytes replaced by U+FFFD.

    A UTF-8 file with a few damaged bytes (a copy cut mid-character, one flipped byte) is
    kept rather than refused: the damage is replaced and its offsets returned for a warning.

    >>> text = "现在，我代表市人民政府，向大会报告政府工作，请予审议。"
    >>> decode_bytes_marked(text.encode() + b"\\xff", "r.txt")[1:]
    ('utf-8', (81,))
    """
    if not data:
        raise ReportError(source, "the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReportError(source, f"is {what}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReportError(source, f"starts with a {codec} byte-order mark but "
                                          f"is not valid {codec} (byte {exc.start})") from exc
            return _checked(text, source), ("utf-8-sig" if codec == "utf-8-sig" else codec), ()
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise ReportError(source, "contains binary data (NUL bytes), not text")
        return _checked(data.decode(codec), source), codec, ()
    candidates = ["utf-8"]
    declared = _declared_charset(data)
    if declared:
        candidates.append(declared)
    # GBK first so that the common case is named as such; GB18030 is its superset.
    candidates += ["gbk", "gb18030", "big5", "cp950"]
    first_error: UnicodeDecodeError | None = None
    for codec in dict.fromkeys(candidates):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            if codec == "utf-8":
                damaged = _mostly_utf8(data)
                if damaged:
                    return _checked(data.decode("utf-8", "replace"), source), "utf-8", damaged
            continue
        if codec in ("gbk", "gb18030") and codec != declared:
            text, codec = _unless_big5(data, text, codec)
        return _checked(text, source), codec, ()
    where = f" (first bad byte at offset {first_error.start})" if first_error else ""
    raise ReportError(source, f"cannot be decoded as UTF-8, GBK/GB18030, Big5 or UTF-16{where}")


def _mostly_utf8(data: bytes) -> tuple[int, ...]:
    """Offsets of the bad bytes when `data` is UTF-8 with a little damage, else ().

    GBK or Big5 text read as UTF-8 fails on nearly every character, so a handful of bad
    spans among many good multi-byte characters can only be damage.
    """
    bad: list[int] = []
    pos = 0
    view = memoryview(data)  # no copy of the rest of a 60 MB file per bad byte
    while len(bad) <= 64:
        try:
            str(view[pos:], "utf-8")
            break
        except UnicodeDecodeError as exc:
            bad.append(pos + exc.start)
            pos += exc.end
    if not bad or len(bad) > 64:
        return ()
    multibyte = sum(1 for b in data if b >= 0xC0)  # lead bytes of non-ASCII characters
    return tuple(bad) if multibyte >= 20 * len(bad) else ()


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `data` reads as Chinese text in one of them, else None.

    UTF-16 puts a NUL beside every ASCII character, so without a byte-order mark it looks
    binary; read the right way round it is Chinese and ASCII, the wrong way (or a binary
    file either way) characters from all over Unicode.
    """
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:200_000].decode(codec)
        except UnicodeDecodeError:
            continue
        han = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        ascii_text = sum(1 for ch in text if ch.isascii() and (ch.isprintable() or ch in "\t\r\n"))
        if han + ascii_text >= 0.95 * len(text):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _unless_big5(data: bytes, text: str, codec: str) -> tuple[str, str]:
    """`text` decoded as GBK, or the Big5 reading of `data` when that one reads as Chinese.

    Almost every Big5 byte pair is also a valid GBK pair, so a Big5 page decodes as GBK
    without an error, into nonsense. The two readings are told apart by how many of their
    ideographs are each encoding's own frequent characters (GB2312 level 1; Big5's
    frequent block): real text scores about 0.9 in its encoding, the wrong reading about half.

    >>> decode_bytes("臨江市政府工作報告：經濟發展，區域協調，實現增長。".encode("big5"), "r.txt")
    ('臨江市政府工作報告：經濟發展，區域協調，實現增長。', 'big5')
    >>> decode_bytes("临江市政府工作报告：经济发展，区域协调，实现增长。".encode("gbk"), "r.txt")[1]
    'gbk'
    """
    for big5 in ("big5", "cp950"):
        try:
            other = data.decode(big5)
        except UnicodeDecodeError:
            continue
        if _frequent_share(other, _big5_frequent) > _frequent_share(text, _gb2312_level1):
            return other, big5
        break
    return text, codec


def _frequent_share(text: str, frequent) -> float:
    # The first 5,000 ideographs decide; a 20 MB page needs no more.
    han = [ch for ch in text[:50_000] if "\u4e00" <= ch <= "\u9fff"][:5000]
    return sum(map(frequent, han)) / len(han) if han else 0.0


def _gb2312_level1(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= b[0] <= 0xD7


def _big5_frequent(ch: str) -> bool:
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
        b"".decode(codec)  # base64, rot13, zlib ... are codecs but not text encodings
    except LookupError:
        return None
    # gb2312 pages routinely use GBK characters; decode them with the superset.
    return "gbk" if codec in {"gb2312", "hz"} else codec


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise ReportError(source, "the file is empty (only whitespace)")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ReportError(source, "contains binary data (control characters), not text")
    return text


def looks_like_html(text: str) -> bool:
    """True for an HTML page, or text copied out of a page source (several block tags).

    >>> looks_like_html("<p>一</p><p>二</p><p>三</p>"), looks_like_html("各位代表：")
    (True, False)
    """
    head = text[:4096]
    if head.lstrip("\ufeff \t\r\n").startswith("<") and _HTML_SNIFF.search(head):
        return True
    # Text copied out of a page source without its <html> wrapper.
    return len(_BLOCK_TAG.findall(text[:20000])) >= 3


# Elements whose content is never visible text.
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "select"}
# Elements that start a new line when a browser renders them.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "thead", "tfoot", "title", "tr", "ul", "option",
}
_CJK = "\u3400-\u9fff\uf900-\ufaff"
# A newline in the page source between two Chinese characters is source wrapping:
# browsers would show a space there, but Chinese text has no spaces to keep.
_SOURCE_WRAP = re.compile(rf"(?<=[{_CJK}\u3000-\u303f\uff00-\uffef])[ \t]*\n\s*(?=[{_CJK}])")
_WS = re.compile(r"[ \t\n\f\v]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._buf: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre":
                self._pre_depth += 1
        elif tag in {"td", "th"}:
            self._buf.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._buf.append(data)

    def _flush(self) -> None:
        chunk = "".join(self._buf)
        self._buf = []
        if self._pre_depth:
            self._lines.extend(chunk.split("\n"))
            return
        chunk = _WS.sub(" ", _SOURCE_WRAP.sub("", chunk)).strip(" ")
        if chunk.strip():
            self._lines.append(chunk)

    def text(self) -> str:
        self._flush()
        return "\n".join(self._lines)
