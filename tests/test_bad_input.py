"""Hostile and odd inputs: a correct result, or one clear line naming the file and the problem.

Every input is made from the seed inside tmp_path; the seed itself is only read. The
library-level cases go through `policytext.load_report`; the CLI-level cases run
``python -m policytext run`` as a user would and check: exit status, one ``error:`` line
per bad file, no traceback, no report folder for a failed input, inputs unchanged.
"""

import hashlib
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from policytext import ReportError, load_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
LINES = SEED_TEXT.split("\n")
# The seed page: forum chrome (lines 1-34), the report (35-97), chrome again (98-).
HEAD, BODY, TAIL = LINES[:34], LINES[34:97], LINES[97:]
# The three characters of the seed's chrome that GBK cannot encode.
GBK_SAFE = str.maketrans({"•": "·", "©": "(C)", "\xa0": " "})


# --------------------------------------------------------------------------- helpers
def page(body_lines=BODY, head=HEAD, tail=TAIL) -> str:
    return "\n".join([*head, *body_lines, *tail])


def write(tmp_path: Path, name: str, content, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_unchanged(path: Path):
    """load_report, asserting that reading never touches the input file."""
    before = sha(path) if path.is_file() else None
    try:
        return load_report(path)
    finally:
        if before:
            assert sha(path) == before, f"{path.name} was modified by load_report"


def assert_refused(path: Path, *words: str) -> ReportError:
    """The library refuses `path` with one line naming the file and the problem."""
    with pytest.raises(ReportError) as info:
        _ = load_unchanged(path).sentences
    message = str(info.value)
    assert "\n" not in message and str(path) in message, message
    for word in words:
        assert word.lower() in message.lower(), message
    return info.value


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "policytext", "run", *map(str, args)],
                          check=False, capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def error_lines(done) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.startswith("error:")]


def report_folders(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and p.name != "corpus")


def indicator_values(report) -> list[tuple]:
    frame = report.indicators
    values = [None if pd.isna(v) else round(float(v), 6) for v in frame["value"]]
    return sorted(zip(frame["raw"], values), key=str)


@pytest.fixture(scope="module")
def ref():
    """The seed itself: what every faithful re-encoding must reproduce."""
    return load_report(SEED)


# --------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding, bom", [
    ("gbk", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_other_encodings_give_the_same_report(tmp_path, ref, encoding, bom):
    text = SEED_TEXT.translate(GBK_SAFE) if encoding == "gbk" else SEED_TEXT
    path = write(tmp_path, f"r_{encoding}.txt", bom + text.encode(encoding))
    report = load_unchanged(path)
    assert report.text == ref.text
    assert not report.text.startswith("\ufeff")
    assert report.metadata.title == ref.metadata.title
    assert indicator_values(report) == indicator_values(ref)
    assert report.metadata.sha256 == sha(path)  # the hash is of the file as it is on disk


def test_gb18030_characters_outside_gbk_survive(tmp_path):
    # 㘵 (CJK Extension A) exists in GB18030 but not in GBK: a rare place-name character.
    lines = list(BODY)
    lines[-1] = lines[-1] + "我们向㘵村的同志们致敬。"
    path = write(tmp_path, "r.txt", page(lines).translate(GBK_SAFE), "gb18030")
    report = load_unchanged(path)
    assert report.metadata.encoding == "gb18030"
    assert "㘵村" in report.text


def test_crlf_and_old_mac_line_ends_are_normalised(tmp_path, ref):
    for name, newline in (("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        path = write(tmp_path, name, SEED_TEXT.replace("\n", newline))
        report = load_unchanged(path)
        assert "\r" not in report.text
        assert report.text == ref.text


# --------------------------------------------------------------------------- not a report
@pytest.mark.parametrize("name, content, words", [
    ("empty.txt", b"", ["empty"]),
    ("blank.txt", " \n\t\r\n\u3000\n".encode("utf-8"), ["empty"]),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randbytes(4000)), ["PNG"]),
    ("noise.txt", random.Random(2).randbytes(50_000), []),
])
def test_files_that_are_no_text_are_refused_in_one_line(tmp_path, name, content, words):
    assert_refused(write(tmp_path, name, content), *words)


def test_forum_page_without_a_report_is_refused(tmp_path):
    forum = page(["    这篇帖子已被删除。", "    楼主的其他帖子：2019年天气回顾"])
    assert_refused(write(tmp_path, "thread.txt", forum))


def test_missing_file_and_folder_are_refused(tmp_path):
    assert_refused(tmp_path / "nope.txt", "no such file")
    assert_refused(tmp_path, "folder")


# --------------------------------------------------------------------------- damaged reports
def test_report_truncated_mid_sentence_keeps_what_is_there(tmp_path, ref):
    # Cut the page inside a sentence of the plan part, as an interrupted download would.
    cut = SEED_TEXT.index("二、2019年重点工作") + 500
    assert "\u4e00" <= SEED_TEXT[cut - 1] <= "\u9fff" and SEED_TEXT[cut] != "\n"
    path = write(tmp_path, "cut.txt", SEED_TEXT[:cut])
    report = load_unchanged(path)
    assert ref.text.startswith(report.text)  # nothing invented, nothing lost
    assert report.sentences["end"].max() <= len(report.text)
    last = report.sentences.iloc[-1]
    assert last["end"] >= len(report.text.rstrip()) - 1, "the unfinished sentence was dropped"
    assert "171.31亿元" in set(report.indicators["raw"])


def test_report_on_a_single_line_is_still_structured(tmp_path, ref):
    # Some pages scrape the whole article as one line (no breaks between paragraphs).
    one_line = "".join(line.strip() for line in BODY)
    path = write(tmp_path, "oneline.txt", page([one_line]))
    report = load_unchanged(path)
    assert report.metadata.year == 2019 and report.metadata.region == ref.metadata.region
    assert report.metadata.title == ref.metadata.title
    assert "171.31亿元" in set(report.indicators["raw"])
    level1 = report.sections[report.sections["level"] == 1]
    assert len(level1) == len(ref.sections[ref.sections["level"] == 1])
    assert abs(len(report.sentences) - len(ref.sentences)) <= 0.1 * len(ref.sentences)


def test_whole_page_on_one_line_without_any_blank_keeps_its_title(tmp_path, ref):
    # chrome, title, date line and report glued together: the title is cut out of the chrome
    path = write(tmp_path, "glued.txt", "".join(line.strip() for line in SEED_TEXT.split("\n")))
    report = load_unchanged(path)
    assert report.metadata.title == ref.metadata.title
    assert report.text.startswith(ref.metadata.title + "\n——")
    assert "171.31亿元" in set(report.indicators["raw"])


def test_full_width_digits_read_like_half_width(tmp_path, ref):
    full = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
    path = write(tmp_path, "fullwidth.txt", page([line.translate(full) for line in BODY]))
    report = load_unchanged(path)
    assert "171.31亿元" in report.text
    assert indicator_values(report) == indicator_values(ref)
    assert report.metadata.year == 2019


def test_report_pasted_twice_is_kept_once(tmp_path, ref):
    path = write(tmp_path, "twice.txt", page(BODY + ["", "    引用：", *BODY]))
    report = load_unchanged(path)
    assert len(report.text) < 1.2 * len(ref.text), "the second copy was kept in the report text"
    assert (report.sections["level"] == 1).sum() == (ref.sections["level"] == 1).sum()
    assert len(report.removed) > len(ref.removed), "the dropped copy must show in removed"


def test_headings_without_numbering_are_still_found(tmp_path, ref):
    numbering = re.compile(r"^(\s*)(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
    lines = [numbering.sub(r"\1", line) for line in BODY]
    assert lines != list(BODY)
    path = write(tmp_path, "nonumbers.txt", page(lines))
    report = load_unchanged(path)
    assert report.text.count("\n") == ref.text.count("\n")
    assert indicator_values(report) == indicator_values(ref)
    titles = set(report.sections["title"].astype(str))
    assert any("工作回顾" in t for t in titles), sorted(titles)[:10]
    assert set(report.sections["part"]) >= {"review", "plan"}


# A few hundred of the commonest simplified→traditional pairs the seed uses.
_TRAD = str.maketrans(
    "报发区经济业设万亿长实现进产会国环与为点项级务战标优质兴农计划体总动务区县让认识调统"
    "达术开关论资费财税带强护营创层监结构镇乡积极际续"
    ,
    "報發區經濟業設萬億長實現進產會國環與為點項級務戰標優質興農計劃體總動務區縣讓認識調統"
    "達術開關論資費財稅帶強護營創層監結構鎮鄉積極際續"
)


def test_traditional_characters(tmp_path, ref):
    path = write(tmp_path, "trad.txt", page([line.translate(_TRAD) for line in BODY]))
    report = load_unchanged(path)
    assert report.metadata.year == 2019
    assert report.metadata.title and "報告" in report.metadata.title
    assert (report.sections["level"] == 1).sum() == (ref.sections["level"] == 1).sum()
    gdp = report.indicators[report.indicators["raw"].str.startswith("171.31")]
    assert len(gdp) and gdp["value"].iloc[0] == pytest.approx(1.7131e10)


def test_big5_page_is_read_as_big5_not_as_gbk_nonsense(tmp_path, ref):
    # Nearly every Big5 byte pair is also valid GBK: without a check the page "decodes".
    text = page([line.translate(_TRAD) for line in BODY]).translate(GBK_SAFE)
    text = text.encode("big5", errors="replace").decode("big5")  # within Big5's repertoire
    path = write(tmp_path, "trad_big5.txt", text, "big5")
    report = load_unchanged(path)
    assert report.metadata.encoding == "big5"
    assert report.text == load_report(write(tmp_path, "trad_utf8.txt", text)).text
    assert (report.sections["level"] == 1).sum() == (ref.sections["level"] == 1).sum()
    gdp = report.indicators[report.indicators["raw"].str.startswith("171.31")]
    assert len(gdp) and gdp["value"].iloc[0] == pytest.approx(1.7131e10)


def test_gbk_page_with_traditional_characters_stays_gbk(tmp_path):
    text = page([line.translate(_TRAD) for line in BODY]).translate(GBK_SAFE)
    report = load_unchanged(write(tmp_path, "trad_gbk.txt", text, "gbk"))
    assert report.metadata.encoding == "gbk"
    assert "報告" in report.metadata.title


def test_html_page_drops_script_style_and_navigation(tmp_path, ref):
    paragraphs = "\n".join(f"<p>{line.strip()}</p>" for line in BODY if line.strip())
    html = (
        '<!DOCTYPE html><html><head><meta charset="gbk"><title>政府工作报告_某网</title>'
        "<style>p { margin: 0 } .nav:after { content: '政府工作报告' }</style>"
        "<script>var title = '2020年某市政府工作报告'; if (a < b) { go(); }</script></head>"
        '<body><nav><a href="/">首页</a> | <a href="/news">新闻</a> | 政务公开</nav>'
        f'<div class="article">{paragraphs}</div>'
        "<footer>版权所有 © 2019 某网 &nbsp; 京ICP备12345678号</footer></body></html>"
    )
    path = write(tmp_path, "page.html", html.translate(GBK_SAFE), "gbk")
    report = load_unchanged(path)
    for junk in ("var title", "margin", "首页", "ICP"):
        assert junk not in report.text, junk
    assert report.metadata.title == ref.metadata.title
    assert indicator_values(report) == indicator_values(ref)


# --------------------------------------------------------------------------- the CLI
@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One CLI run over a folder mixing good, odd and bad files (one process start for all)."""
    src = tmp_path_factory.mktemp("mixed")
    good = {
        "政府 工作 报告 (2019).txt": SEED_TEXT.encode("utf-8"),
        "sub/gbk crlf.txt": SEED_TEXT.translate(GBK_SAFE).replace("\n", "\r\n").encode("gbk"),
        "utf16.htm": ("<html><body>" + "".join(f"<p>{x}</p>" for x in BODY)
                      + "</body></html>").encode("utf-16"),
    }
    bad = {
        "empty.txt": b"",
        "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(300),
        "thread.txt": page(["    这篇帖子已被删除。"]).encode("utf-8"),
    }
    skipped = {"notes.pdf": b"%PDF-1.4", ".hidden.txt": b"", "readme.md": b"# notes"}
    for name, data in {**good, **bad, **skipped}.items():
        write(src, name, data)
    hashes = {p: sha(p) for p in src.rglob("*") if p.is_file()}
    out = tmp_path_factory.mktemp("out")
    done = run_cli(src, "--out", out, "--jobs", "2")
    return src, out, done, good, bad, hashes


def test_mixed_folder_names_each_bad_file_once_and_writes_the_good(mixed_run):
    src, out, done, good, bad, _ = mixed_run
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = error_lines(done)
    # Every file of the folder is accounted for: a broken PDF is an error, a README a note.
    assert len(errors) == len(bad) + 1, done.stderr
    for name in [*bad, "notes.pdf"]:
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert [line for line in done.stderr.splitlines() if "readme.md" in line] == [
        f"note: {src / 'readme.md'}: skipped: documentation (Markdown/reStructuredText), not a report"]
    assert ".hidden" not in done.stderr, "hidden files are not inputs"
    assert len(report_folders(out)) == len(good)


def test_failed_inputs_leave_no_output_and_no_staging(mixed_run):
    _, out, *_ = mixed_run
    assert not [p for p in out.rglob(".*")], "temporary staging files left behind"
    contents = {frozenset(p.name for p in folder.iterdir()) for folder in report_folders(out)}
    assert len(contents) == 1, "every written report folder is complete and alike"
    assert contents.pop() >= {"clean.txt", "removed.csv", "metadata.json", "sections.csv",
                              "sentences.csv", "indicators.csv", "deadlines.csv", "targets.csv",
                              "word_freq.csv"}
    meta = pd.read_csv(out / "corpus" / "metadata.csv", encoding="utf-8-sig")
    assert sorted(meta["report_id"]) == sorted(p.name for p in report_folders(out))


def test_inputs_are_never_modified(mixed_run):
    *_, hashes = mixed_run
    assert {p: sha(p) for p in hashes} == hashes


def test_summary_line_counts_done_and_failed(mixed_run):
    _, _, done, good, bad, _ = mixed_run
    summary = done.stderr.strip().splitlines()[-1]
    files = len(good) + len(bad) + 2  # notes.pdf and readme.md are considered too
    assert re.search(rf"\b{len(good)} report.*\b{files} file.*\b{len(bad) + 1} failed, 1 skipped",
                     summary), summary


def test_unwritable_output_folder_is_one_line_and_exit_2(tmp_path):
    blocker = write(tmp_path, "occupied", "a file, not a folder")
    for out in (blocker, blocker / "below"):
        done = run_cli(SEED, "--out", out)
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "occupied" in done.stderr
        assert "Traceback" not in done.stderr
    assert blocker.read_text() == "a file, not a folder"


def test_rerun_into_the_same_folder_is_byte_identical(tmp_path):
    out = tmp_path / "out"
    src = write(tmp_path, "in/r.txt", SEED_TEXT)

    def snapshot():
        return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    assert run_cli(src, "--out", out).returncode == 0
    first = snapshot()
    assert run_cli(src, "--out", out, "--jobs", "2").returncode == 0
    assert snapshot() == first


def test_folder_names_from_titles_stay_inside_out_and_do_not_collide(tmp_path):
    # Two different reports that claim the same place and year, and two that try to
    # climb out of the output folder through their title.
    src = tmp_path / "in"
    variant = SEED_TEXT.replace("171.31亿元", "171.32亿元")
    climbing = SEED_TEXT.replace("2019年郑州市惠济区政府工作报告",
                                 "2019年../../郑州市/惠济区政府工作报告")
    write(src, "a.txt", SEED_TEXT)
    write(src, "b.txt", variant)
    write(src, "c.txt", climbing)
    write(src, "d.txt", climbing.replace("2019年../../", "2019年..\\..\\"))
    out = tmp_path / "deep" / "out"
    before = {p for p in tmp_path.rglob("*")}
    done = run_cli(src, "--out", out)
    assert "Traceback" not in done.stderr
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(out in p.parents or p == out or p in out.parents for p in created), \
        sorted(map(str, created))
    names = [p.name for p in report_folders(out)]
    assert len(names) == 4 - len(error_lines(done)) and len(set(names)) == len(names)
    assert not any(".." in n or "/" in n or "\\" in n for n in names), names


def test_the_same_file_twice_is_one_report_not_a_duplicate(tmp_path):
    src = tmp_path / "in"
    write(src, "copy1.txt", SEED_TEXT)
    write(src, "copy2.txt", SEED_TEXT)
    out = tmp_path / "out"
    done = run_cli(src, "--out", out, "--jobs", "2")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert len(report_folders(out)) == 1
    meta = pd.read_csv(out / "corpus" / "metadata.csv", encoding="utf-8-sig")
    assert meta["report_id"].is_unique, "the same report counted twice in the corpus tables"


@pytest.mark.slow
def test_a_20_mb_page_finishes_or_fails_cleanly_within_a_minute(tmp_path):
    # A forum thread with thousands of replies: chrome lines (without the report title).
    chrome = "\n".join(x for x in HEAD if "报告" not in x).encode("utf-8") + b"\n"
    filler = chrome * (10_000_000 // len(chrome) + 1)  # whole lines: no character cut in two
    data = filler + SEED_TEXT.encode("utf-8") + b"\n" + filler
    path = write(tmp_path, "huge.txt", data)
    assert path.stat().st_size > 20_000_000
    out = tmp_path / "out"
    started = time.perf_counter()
    done = run_cli(path, "--out", out, timeout=120)
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"{elapsed:.0f} s for a 20 MB page"
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        (folder,) = report_folders(out)
        assert folder.name.startswith("2019_郑州市惠济区_")
        assert len((folder / "clean.txt").read_text(encoding="utf-8")) < 60_000
    else:
        assert done.returncode == 1 and len(error_lines(done)) == 1
        assert "huge.txt" in error_lines(done)[0] and report_folders(out) == []
