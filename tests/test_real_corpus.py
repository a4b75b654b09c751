"""The 116 real reports of data/corpus/raw against the hand-made gold table (data/corpus/gold).

Every report is read once (module fixture, a few seconds): metadata right, the speech kept
from its first to its last sentence with nothing lost in between, flags only where the gold
notes say the report is damaged or abridged, and every input line accounted for in the audit.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from policytext import load_reports
from policytext.read import REASONS, decode_escapes, normalize_line

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
GOLD = list(csv.DictReader((CORPUS / "gold" / "reports_gold.csv").open(encoding="utf-8")))
FILES = [row["file"] for row in GOLD]
# Whitespace as the gold README removes it (ASCII, U+3000, U+00A0, U+2003, zero-width).
_WS = re.compile(r"[\s\u3000\u00a0\u2003\u200b]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
# The gold README's list of files with a glossary or appendix after the speech.
WITH_APPENDIX = ("42_", "44_", "60_", "69_", "73_", "75_", "77_", "102_", "106_", "110_")


def squash(text: str) -> str:
    return _WS.sub("", decode_escapes(text))


def cjk(text: str) -> str:
    return "".join(_CJK.findall(text))


@pytest.fixture(scope="module")
def corpus() -> dict:
    """file → its one Report (every corpus file holds exactly one)."""
    out = {}
    for row in GOLD:
        reports = load_reports(CORPUS / row["file"])
        assert len(reports) == 1, row["file"]
        out[row["file"]] = reports[0]
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    return {row["file"]: row for row in GOLD}


def test_gold_covers_the_whole_corpus():
    raw = {f"raw/{p.name}" for p in (CORPUS / "raw").iterdir() if p.name[0].isdigit()}
    assert set(FILES) == raw and len(FILES) == 116


@pytest.mark.parametrize("file", FILES)
def test_metadata_matches_gold(corpus, gold, file):
    meta, row = corpus[file].metadata, gold[file]
    assert (meta.year, meta.level, meta.region, meta.province or "", meta.place_key) == (
        int(row["year"]), row["level"], row["region"], row["province"], row["place_key"])


@pytest.mark.parametrize("file", FILES)
def test_speech_kept_from_first_to_last_sentence(corpus, gold, file):
    report, row = corpus[file], gold[file]
    text = squash(report.text)
    # the gold's first words are counted before normalisation (ASCII ,:! kept): compare both
    first = squash(normalize_line(row["first_words"]))
    at = text.find(first)
    assert 0 <= at <= 300, f"first words {first!r} not near the start"
    last = squash(normalize_line(row["last_sentence"]))
    assert text.endswith(last), f"does not end with the gold's last sentence: …{text[-60:]}"


@pytest.mark.parametrize("file", FILES)
def test_nothing_of_the_speech_lost_in_between(corpus, gold, file):
    """Every page line inside the gold's speech span (first copy) is in the cleaned text."""
    report, row = corpus[file], gold[file]
    lines = report.document.text.split("\n")
    squashed = [squash(line) for line in lines]
    offsets, pos = [], 0
    for s in squashed:
        offsets.append(pos)
        pos += len(s)
    page = "".join(squashed)
    start = page.find(squash(row["first_words"]))
    end = page.find(squash(row["last_sentence"]), start) + len(squash(row["last_sentence"]))
    assert start >= 0 and end > start
    body = cjk(report.text)
    inside = [s for s, o in zip(squashed, offsets) if o >= start and o + len(s) <= end]
    # lines of fewer than 10 ideographs may be chrome inside the body (粗体文字, 大 中 小)
    lost = [s for s in inside if len(cjk(s)) >= 10 and cjk(s) not in body]
    assert not lost, f"{len(lost)} speech line(s) lost, first: {lost[0][:40]}"
    # and nothing added: a second copy of the page would double the speech
    speech = cjk(squash(report.text)[squash(report.text).find(squash(normalize_line(row["first_words"]))):])
    assert 0.99 <= len(speech) / len(cjk(page[start:end])) <= 1.01


def _expected_flags(notes: str) -> set[str]:
    expected = set()
    if "ABRIDGED" in notes:
        expected.add("abridged")
    if re.search(r"conversion lost characters|damaged character \?", notes):
        expected.add("lost characters")
    return expected


@pytest.mark.parametrize("file", FILES)
def test_flags_only_on_damaged_or_abridged_reports(corpus, gold, file):
    assert set(corpus[file].metadata.flags) == _expected_flags(gold[file]["notes"])


def test_some_reports_are_flagged():
    # the gold notes name an abridged report and three with lost characters
    assert sum(bool(_expected_flags(row["notes"])) for row in GOLD) == 4


@pytest.mark.parametrize("file", FILES)
def test_every_input_line_is_in_the_audit(corpus, file):
    report = corpus[file]
    assert report.rebuild_input() == report.document.text
    removed = report.removed
    assert set(removed["reason"]) <= set(REASONS)
    if report.document.wrapper:
        assert (removed["wrapper"] == report.document.wrapper).all()
    # no input line is lost between kept and removed
    rows = list(zip(report.kept["line_no"], report.kept["col"]))
    rows += list(zip(removed["line_no"], removed["col"]))
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize("file", [f for f in FILES if f.split("/")[1].startswith(WITH_APPENDIX)])
def test_glossaries_and_appendices_are_audited_as_appendix(corpus, file):
    removed = corpus[file].removed
    appendix = removed[removed["reason"] == "appendix"]
    assert len(appendix) >= 3
    assert not any(word in corpus[file].text.split("\n")[-1] for word in ("名词解释", "注释", "附件"))


def test_repeated_pages_keep_one_copy_and_audit_the_rest(corpus, gold):
    repeated = [f for f in FILES if re.search(r"whole page repeats|page copy", gold[f]["notes"])]
    assert len(repeated) == 34  # 1954–2002, as the gold README counts them
    for file in repeated:
        report = corpus[file]
        duplicates = (report.removed["reason"] == "duplicate paste").sum()
        assert duplicates >= len(report.kept) * 3, file  # about five more copies


def test_quality_table_is_committed_and_covers_the_corpus():
    rows = list(csv.DictReader((CORPUS / "quality.csv").open(encoding="utf-8")))
    assert [row["file"] for row in rows] == FILES
    assert all(0 < float(row["chinese_share"]) <= 1 for row in rows)


@pytest.mark.parametrize("file", [row["file"] for row in GOLD
                                  if not row["title"] or "政府工作报告" in row["title"]])
def test_title_matches_gold(corpus, gold, file):
    # 1958's page heading names only the plan report (no 政府工作报告 anywhere): left out
    assert (corpus[file].metadata.title or "") == gold[file]["title"]
