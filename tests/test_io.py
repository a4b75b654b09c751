"""Reading: encodings, newlines, HTML, and clear errors for what is not a text report."""

from __future__ import annotations

import hashlib
import os

import pytest
from policytext.errors import ReportError
from policytext.read import document_from_string, html_to_text, read_document

TEXT = "2019年某某县政府工作报告\n各位代表：\n全县生产总值增长7.5%。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gbk"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_each_encoding_gives_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert not doc.is_html


def test_gb18030_characters_outside_gbk(tmp_path):
    text = TEXT + "㐀字（扩展A区）\n"  # U+3400 is in GB18030 but not in GBK
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = read_document(path)
    assert doc.text == text and doc.encoding == "gb18030"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_are_normalised(tmp_path, newline):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    assert read_document(path).text == TEXT


def test_html_page_becomes_lines_of_visible_text(tmp_path):
    page = (
        "<html><head><title>2019年某某县政府工作报告_某某网</title>"
        "<style>p{color:red}</style><script>var a = '<p>脚本</p>';</script></head>"
        "<body><div>首页&nbsp;|&nbsp;新闻</div><h1>2019年某某县政府工作报告</h1>"
        "<p>&ldquo;十三五&rdquo;规划<b>顺利</b>完成，\n增长&gt;5%。</p><br/>第二行<!-- 注释 --></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.is_html
    assert doc.text.split("\n") == [
        "2019年某某县政府工作报告_某某网",
        "首页\xa0|\xa0新闻",
        "2019年某某县政府工作报告",
        "“十三五”规划顺利完成，增长>5%。",
        "第二行",
    ]


def test_html_is_sniffed_without_extension_and_honours_meta_charset(tmp_path):
    page = ('<!DOCTYPE html><html><head><meta charset="gb2312"></head>'
            "<body><p>各位代表：</p></body></html>")
    path = tmp_path / "page.txt"
    path.write_bytes(page.encode("gbk"))
    doc = read_document(path)
    assert doc.is_html and doc.text == "各位代表：" and doc.encoding == "gbk"


def test_document_from_string():
    doc = document_from_string("各位代表：\r\n现在。", source="粘贴")
    assert (doc.source, doc.text, doc.encoding, doc.is_html) == ("粘贴", "各位代表：\n现在。", "utf-8", False)
    assert doc.sha256 == hashlib.sha256("各位代表：\r\n现在。".encode()).hexdigest()


def test_html_to_text_keeps_pre_and_table_cells_apart():
    assert html_to_text("<table><tr><td>指标</td><td>7%</td></tr></table>") == "指标 7%"
    assert html_to_text("<pre>一\n  二</pre>") == "一\n  二"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b" \r\n\t\n", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("正文".encode() + bytes(range(1, 9)) * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\xff\xff\xfe\xfe\x80\x80" * 10, "cannot be decoded"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-chars", "pdf", "zip", "undecodable"],
)
def test_bad_files_raise_one_line_naming_file_and_problem(tmp_path, data, problem):
    path = tmp_path / "坏 文件.txt"
    path.write_bytes(data)
    with pytest.raises(ReportError) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message and "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReportError, match="is a folder"):
        read_document(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ReportError, match="cannot be read"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_reading_does_not_change_the_file(tmp_path):
    path = tmp_path / "r.txt"
    data = TEXT.replace("\n", "\r\n").encode("gbk")
    path.write_bytes(data)
    read_document(path)
    assert path.read_bytes() == data
