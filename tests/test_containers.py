"""Reports inside Word files and dataset records, as researchers find them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import policytext
import pytest
from policytext.read.containers import read_documents

BODY = ("各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n一、2018年工作回顾\n"
        "全市生产总值增长7.5%。\n二、2019年工作安排\n生产总值增长7%左右。\n"
        "让我们团结一心，为建设美好家园而努力奋斗！")


def test_a_csv_dataset_gives_one_report_per_record_with_its_fields(tmp_path):
    path = tmp_path / "reports.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "year", "province", "full_text"])
        writer.writerow(["2019年青山市政府工作报告", "2019", "某省", BODY])
        writer.writerow(["2020年青山市政府工作报告", "2020", "某省", BODY.replace("7%", "6%")])
    reports = policytext.load_reports(path)
    assert [r.metadata.year for r in reports] == [2019, 2020]
    assert len({r.report_id for r in reports}) == 2
    assert reports[0].document.wrapper == "CSV record 1 of 2, field full_text"
    with pytest.raises(policytext.ReportError, match="holds 2 reports"):
        policytext.load_report(path)


def test_a_jsonl_record_without_a_title_line_takes_title_and_year_from_its_fields(tmp_path):
    path = tmp_path / "2019.jsonl"
    record = {"title": "2019年国务院政府工作报告", "year": 2019, "url": "http://example.org",
              "content": BODY}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = policytext.load_report(path)
    assert report.metadata.year == 2019
    assert report.metadata.title == "2019年国务院政府工作报告"
    assert report.text.startswith("各位代表")


def test_a_record_without_any_text_field_is_one_clear_error(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text(json.dumps([{"title": "x", "year": 2019}]), encoding="utf-8")
    with pytest.raises(policytext.ReportError, match="no text field"):
        read_documents(path)


def test_a_word_file_is_read_in_document_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["2019年青山市政府工作报告", *BODY.split("\n")]:
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    report = policytext.load_report(path)
    assert report.metadata.year == 2019 and report.metadata.region == "青山市"
    assert "生产总值增长7%左右" in report.text


def test_a_folder_run_considers_every_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"title": "2019年青山市政府工作报告",
                                                "content": BODY}, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "policytext", "run", str(folder), "--out", str(out)],
                         check=False, capture_output=True, text=True)
    assert "notes.png: is a PNG image" in run.stderr
    assert "1 report(s) written" in run.stderr and "from 2 file(s)" in run.stderr
    assert "Traceback" not in run.stderr
    assert len([p for p in Path(out).iterdir() if p.name != "corpus"]) == 1


def _pdf(text_stream: bytes | None) -> bytes:
    """A minimal one-page PDF written by hand, with or without a content stream of text."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    if text_stream is None:
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    else:
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        objects.append(b"<< /Length %d >>\nstream\n" % len(text_stream) + text_stream
                       + b"\nendstream")
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_with_a_text_layer_is_read_and_one_without_is_named(tmp_path):
    pytest.importorskip("pypdf")
    lines = [b"Government Work Report 2019", b"Gross domestic product grew by 7.5 percent."]
    stream = b"BT /F1 12 Tf 72 760 Td " + b" 0 -16 Td ".join(b"(%s) Tj" % x for x in lines) + b" ET"
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(stream))
    (doc,) = read_documents(path)
    assert "Gross domestic product grew by 7.5 percent." in doc.text
    assert doc.wrapper == "PDF file, 1 page(s)"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_pdf(None))
    with pytest.raises(policytext.ReportError, match="without a text layer .* OCR"):
        read_documents(scan)


@pytest.mark.parametrize("name, data, words", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save as .docx"),
    ("renamed.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save as .docx"),
    ("text.docx", "各位代表：现在我代表市人民政府作报告。".encode(), "not a Word .docx file"),
    ("zip.docx", None, "not a readable Word"),
    ("page.pdf", b"<html><p>x</p></html>", "not a PDF file"),
    ("broken.pdf", b"%PDF-1.4\nnothing else", "not a readable PDF"),
    ("empty.csv", b"title,text\n", "holds no records"),
    ("empty.json", b"[]", "holds no records"),
    ("scalar.json", b"42", "holds no records"),
    ("bad.json", b"[{", "not valid JSON"),
])
def test_broken_containers_are_one_line_each(tmp_path, name, data, words):
    import zipfile
    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a document")
    else:
        path.write_bytes(data)
    with pytest.raises(policytext.ReportError) as info:
        read_documents(path)
    message = str(info.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message


def test_tsv_and_json_shapes_give_the_same_records(tmp_path):
    records = [{"标题": "2019年青山市政府工作报告", "年份": "2019", "正文": BODY},
               {"标题": "2019年绿水市政府工作报告", "年份": "2019", "正文": BODY.replace("7.5", "8")}]
    tsv = io.StringIO()
    writer = csv.DictWriter(tsv, fieldnames=list(records[0]), dialect="excel-tab")
    writer.writeheader()
    writer.writerows(records)
    shapes = {
        "r.tsv": tsv.getvalue(),
        "list.json": json.dumps(records, ensure_ascii=False),
        "wrapped.json": json.dumps({"code": 0, "data": {"items": records}}, ensure_ascii=False),
        "keyed.json": json.dumps({"a": records[0], "b": records[1]}, ensure_ascii=False),
        "texts.json": json.dumps([r["正文"] for r in records], ensure_ascii=False),
    }
    for name, content in shapes.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        docs = read_documents(path)
        assert len(docs) == 2, name
        assert "生产总值增长7%左右" in docs[0].text, name
        if name != "texts.json":
            assert docs[1].fields["title"] == "2019年绿水市政府工作报告", name


def test_same_title_different_text_gives_distinct_report_ids(tmp_path):
    path = tmp_path / "r.jsonl"
    rows = [{"title": "2019年青山市政府工作报告", "content": BODY},
            {"title": "2019年青山市政府工作报告", "content": BODY.replace("7.5", "7.6")}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ids = [r.report_id for r in policytext.load_reports(path)]
    assert len(set(ids)) == 2 and all(i.startswith("2019_青山市_") for i in ids)


def test_dataset_records_empty_or_repeated_are_named_and_the_rest_written(tmp_path):
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "text"])
        writer.writerow(["2019年青山市政府工作报告", BODY])
        writer.writerow(["2019年绿水市政府工作报告", ""])
        writer.writerow(["2019年青山市政府工作报告（转载）", BODY])
        writer.writerow(["2020年青山市政府工作报告", BODY.replace("2019", "2020")])
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "policytext", "run", str(path), "--out", str(out)],
                         check=False, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    err = run.stderr.splitlines()
    assert f"error: {path}#2: CSV record 2 has no text (an empty text field)" in err
    assert f"note: {path}#1: CSV record 3 has the same text, skipped" in err
    assert err[-1].startswith("2 report(s) written") and "1 failed" in err[-1]
    assert len([p for p in out.iterdir() if p.name != "corpus"]) == 2


def test_a_damaged_byte_in_a_dataset_is_said_once(tmp_path):
    path = tmp_path / "r.jsonl"
    line = json.dumps({"title": "2019年青山市政府工作报告", "content": BODY}, ensure_ascii=False)
    data = line.encode("utf-8")
    cut = data.index("现在".encode())
    path.write_bytes(data[:cut] + b"\xfe" + data[cut:])
    (doc,) = read_documents(path)
    assert "\ufffd现在" in doc.text
    assert doc.notes == (f"the JSONL file had 1 damaged byte(s), replaced with U+FFFD (at byte {cut})",)
