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
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from policytext.errors import ReportError

__all__ = ["Document", "decode_bytes", "document_from_string", "html_to_text", "looks_like_html",
           "make_document", "read_document"]


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


# Magic numbers of formats people save reports in by mistake; naming the format
# in the error tells them what to do (export as text) instead of "binary data".
_MAGIC = (
    (b"%PDF", "a PDF file; save the report as text or HTML first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); save the report as text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls); save the report as text first"),
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
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise ReportError(source, "no such file")
    if path.is_dir():
        raise ReportError(source, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(source, f"cannot be read ({exc.strerror or type(exc).__name__})") from exc
    text, encoding = decode_bytes(data, source)
    is_html = path.suffix.lower() in {".html", ".htm", ".xhtml", ".shtml"} or looks_like_html(text)
    return make_document(source, text, encoding, hashlib.sha256(data).hexdigest(), is_html)


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
    parser.feed(html)
    parser.close()
    return parser.text()


def make_document(source: str, text: str, encoding: str, digest: str, is_html: bool, *,
                  fields: dict | None = None, wrapper: str | None = None) -> Document:
    """A `Document` from decoded text: newlines normalised, HTML turned into lines."""
    text = _normalise_newlines(text)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise ReportError(source, "the HTML page has no visible text")
    return Document(source=source, text=text, encoding=encoding, sha256=digest, is_html=is_html,
                    fields=dict(fields or {}), wrapper=wrapper)


def _normalise_newlines(text: str) -> str:
    # Unicode line and paragraph separators are line breaks for every reader too.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: BOM, then UTF-8, a declared charset, GBK/GB18030, Big5.

    >>> decode_bytes("政府工作报告".encode("gbk"), "r.txt")
    ('政府工作报告', 'gbk')
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
            return _checked(text, source), ("utf-8-sig" if codec == "utf-8-sig" else codec)
    if b"\x00" in data:
        raise ReportError(source, "contains binary data (NUL bytes), not text")
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
            continue
        if codec in ("gbk", "gb18030") and codec != declared:
            text, codec = _unless_big5(data, text, codec)
        return _checked(text, source), codec
    where = f" (first bad byte at offset {first_error.start})" if first_error else ""
    raise ReportError(source, f"cannot be decoded as UTF-8, GBK/GB18030, Big5 or UTF-16{where}")


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
