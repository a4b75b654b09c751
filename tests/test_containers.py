"""Reports inside Word files and dataset records, as researchers find them."""

from __future__ import annotations

import csv
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
