"""From a `Report` to the files the CLI writes: every table, written atomically.

Every folder this module writes is built under a hidden staging name
(``.<name>.<pid>.<random>_p`` for a report, ``_c`` for the corpus tables, ``_o`` for an old
copy on its way out) and renamed into place at once, so readers and concurrent runs only
ever see complete folders; `remove_stale` clears what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd

from policytext.report import Report
from policytext.targets.places import place_key
from policytext.targets.tracking import tracking_from_corpus
from policytext.words.formulations import formulations
from policytext.words.frequencies import word_frequencies
from policytext.words.keyness import keyness

__all__ = ["CORPUS_TABLES", "CSV_ENCODING", "listless", "remove_stale", "report_folders",
           "report_tables", "safe_cell", "safe_cells", "stack_tables", "write_corpus", "write_report",
           "write_workbook"]

#: UTF-8 with BOM, so that Excel shows Chinese correctly when a reader double-clicks a CSV.
CSV_ENCODING = "utf-8-sig"

#: The per-report tables that are stacked into corpus tables.
CORPUS_TABLES = ("metadata", "sections", "indicators", "targets", "word_freq")


def report_tables(report: Report) -> dict[str, object]:
    """Every output of one report, keyed by file name, computed fully in memory.

    Computing everything before writing anything is what guarantees that a
    failure part-way leaves no partial output behind.
    """
    by_part = word_frequencies(report, by="part")
    return {
        "clean.txt": report.text + "\n",
        "metadata.json": report.metadata.to_dict(),
        "removed.csv": report.removed,
        "sections.csv": report.sections,
        "sentences.csv": report.sentences,
        "indicators.csv": listless(report.indicators),
        "deadlines.csv": listless(report.deadlines),
        "targets.csv": report.targets,
        "word_freq.csv": word_frequencies(report),
        "word_freq_by_part.csv": by_part,
        "keyness_plan_vs_review.csv": _plan_vs_review(by_part),
        "formulations.csv": formulations(report.text),
    }


def _plan_vs_review(by_part: pd.DataFrame) -> pd.DataFrame:
    """Keyness of the plan against the review: what this year's plan stresses that last year's review did not."""
    def counts(part: str) -> pd.Series:
        rows = by_part[by_part["part"] == part]
        return rows.groupby("word")["count"].sum()

    plan, review = counts("plan"), counts("review")
    if plan.empty or review.empty:
        return pd.DataFrame(columns=["word", "target", "reference", "target_per_10k",
                                     "reference_per_10k", "g2", "p", "log_ratio"])
    return keyness(plan, review, min_count=3)


def listless(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists in cells become ';'-joined strings, so CSV cells stay readable and stable."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype != object:  # lists only live in object columns
            continue
        if any(isinstance(v, (list, tuple)) for v in out[col]):
            out[col] = out[col].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v
            )
    return out


# Excel, LibreOffice and Sheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    """A text cell that a spreadsheet would run as a formula, defused with a leading quote.

    Report pages are web pages: a line such as ``=HYPERLINK(...)`` reaches removed.csv as it
    is, and a file can be named so. Numbers, and text that is just a number, stay as they are.

    >>> print(safe_cell('=HYPERLINK("http://x")'))
    '=HYPERLINK("http://x")
    >>> safe_cell("-3.5"), safe_cell(-2), safe_cell("一")
    ('-3.5', -2, '一')
    """
    if (isinstance(value, str) and value.startswith(_FORMULA_START)
            and not _PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with `safe_cell` applied to its text columns (numeric columns are untouched)."""
    text_columns = [c for c in frame.columns
                    if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    if not text_columns:
        return frame
    out = frame.copy()
    for col in text_columns:
        out[col] = out[col].map(safe_cell)
    return out


def _write_one(path: Path, content: object) -> None:
    if isinstance(content, pd.DataFrame):
        safe_cells(content).to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\n")
    elif isinstance(content, dict):
        path.write_text(
            json.dumps(content, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
            encoding="utf-8",
        )
    else:
        path.write_text(str(content), encoding="utf-8")


def stack_tables(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-report frames in report_id order (deterministic whatever the job order)."""
    frames = [f for f in frames if f is not None and len(f.columns)]
    if not frames:
        return pd.DataFrame(columns=["report_id"])
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values("report_id", kind="stable").reset_index(drop=True)


def _staging(out_dir: Path, stem: str, kind: str) -> Path:
    """A new hidden folder in `out_dir` whose name says whose it is (see `remove_stale`)."""
    return Path(tempfile.mkdtemp(prefix=f".{stem}.{os.getpid()}.", suffix=f"_{kind}", dir=out_dir))


def _swap_in(staging: Path, final: Path) -> None:
    """Put the complete folder `staging` at `final`, replacing what was there."""
    if final.exists() and _exchange(staging, final):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old folder
        return
    for _ in range(10):
        try:
            os.replace(staging, final)
            return
        except OSError:
            if not final.exists():
                raise
        # A folder is in the way (an earlier run's, or a concurrent run's just now).
        old = _staging(final.parent, final.name, "o")
        try:
            os.replace(final, old / "x")
        except FileNotFoundError:
            pass  # another run moved it first
        finally:
            shutil.rmtree(old, ignore_errors=True)
    os.replace(staging, final)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2): no moment without either of them.

    Elsewhere, or on a file system without it, False, and the caller renames twice.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def write_report(report: Report, out_dir: str | os.PathLike[str], *, tables=None) -> Path:
    """Write all tables of `report` into ``out_dir/<report-id>/`` atomically, plus report.xlsx.

    The files are first written into a hidden staging folder which then replaces the final
    one in a single rename, so readers never see a half written report folder.
    """
    tables = report_tables(report) if tables is None else tables
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = _staging(out_dir, report.report_id, "p")
    os.chmod(staging, 0o755)  # mkdtemp makes it private; the result is for readers
    try:
        for name, content in tables.items():
            _write_one(staging / name, content)
        write_workbook(staging / "report.xlsx", tables)
        _swap_in(staging, out_dir / report.report_id)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return out_dir / report.report_id


# Characters an .xlsx file cannot hold (XML 1.0 forbids them).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_CELL_MAX = 32_767
# Rows per sheet: a forum page's removed.csv can reach a million lines, which Excel cannot
# open; the CSV beside the workbook keeps every row.
_SHEET_ROWS = 50_000


def _xlsx_cell(value):
    """A cell value as the workbook holds it: None, bool, a finite number, or defused text."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    if not isinstance(value, str):
        if pd.isna(value):  # NA, NaT
            return None
        # dates and the rest as the CSVs write them
        value = value.isoformat() if hasattr(value, "isoformat") else str(value)
    value = _XML_ILLEGAL.sub("", value)
    if len(value) > _EXCEL_CELL_MAX:
        value = value[:_EXCEL_CELL_MAX - 1] + "…"
    return safe_cell(value)


def _sheets(tables: dict) -> list[tuple[str, list[list]]]:
    """(sheet name, rows) for every table: metadata as field/value, then each CSV table."""
    sentences = tables.get("sentences.csv")
    text_of = (dict(zip(sentences["sentence_id"], sentences["text"]))
               if isinstance(sentences, pd.DataFrame) and "sentence_id" in sentences else {})
    sheets = []
    meta = tables.get("metadata.json")
    if isinstance(meta, dict):
        sheets.append(("metadata", [["field", "value"]] + [
            [key, value if not isinstance(value, (list, dict))
             else json.dumps(value, ensure_ascii=False)] for key, value in meta.items()]))
    for name, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        frame = listless(frame)
        if (name in ("indicators.csv", "deadlines.csv") and "sentence_id" in frame
                and "sentence" not in frame and text_of):
            frame = frame.copy()
            at = frame.columns.get_loc("raw") + 1 if "raw" in frame else 0
            frame.insert(at, "sentence", frame["sentence_id"].map(text_of))
        rows = [[str(c) for c in frame.columns]]
        rows += [list(r) for r in frame.head(_SHEET_ROWS).itertuples(index=False, name=None)]
        if len(frame) > _SHEET_ROWS:
            rows.append([f"… {len(frame) - _SHEET_ROWS} more rows in {name}"])
        sheets.append((name.removesuffix(".csv")[:31], rows))
    return sheets


def write_workbook(path: str | os.PathLike[str], tables: dict) -> Path:
    """One .xlsx with a sheet per table of `tables`, each number beside its source sentence.

    For readers who work in Excel: indicators and deadlines get the text of their sentence
    next to the raw number. Text cells are defused like the CSVs (`safe_cell`); cells are cut
    at Excel's 32,767 characters and sheets at 50,000 rows (a last row says how many more are
    in the CSV). Written directly as SpreadsheetML with inline strings: a spreadsheet library
    took longer than the whole analysis, and this way the bytes depend only on the tables.

    >>> import tempfile, os, zipfile
    >>> path = write_workbook(os.path.join(tempfile.mkdtemp(), "r.xlsx"),
    ...                       {"t.csv": pd.DataFrame({"raw": ["=1+1"], "value": [-2.5]})})
    >>> xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    >>> print(xml[xml.index('<row r="2">'):xml.index("</row></sheetData>")])
    <row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">'=1+1</t></is></c><c r="B2"><v>-2.5</v></c>
    """
    sheets = _sheets(tables)
    parts = {
        "[Content_Types].xml": _XML_HEAD + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_MAIN}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      f'ContentType="{_MAIN}.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
            + "</Types>"),
        "_rels/.rels": _XML_HEAD + _rels([("officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": _XML_HEAD + (
            f'<workbook xmlns="{_SML}" xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name="{_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, (name, _) in enumerate(sheets, start=1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": _XML_HEAD + _rels(
            [("worksheet", f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)]
            + [("styles", "styles.xml")]),
        "xl/styles.xml": _XML_HEAD + (
            f'<styleSheet xmlns="{_SML}"><fonts count="1"><font><sz val="11"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="1"><xf xfId="0"/></cellXfs><cellStyles count="1">'
            '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
    }
    for i, (_, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet_xml(rows)
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in parts.items():
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            book.writestr(member, xml.encode("utf-8"))
    return path


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _rels(targets: list[tuple[str, str]]) -> str:
    return ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/{kind}" Target="{target}"/>'
                      for i, (kind, target) in enumerate(targets, start=1))
            + "</Relationships>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _column(n: int) -> str:
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _sheet_xml(rows: list[list]) -> str:
    width = max((len(r) for r in rows), default=0)
    letters = [_column(i) for i in range(1, width + 1)]
    out = [_XML_HEAD, f'<worksheet xmlns="{_SML}"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for letter, raw in zip(letters, row):
            value = _xlsx_cell(raw)
            if value is None:
                continue
            if isinstance(value, bool):
                out.append(f'<c r="{letter}{r}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                out.append(f'<c r="{letter}{r}"><v>{value!r}</v></c>')
            else:
                out.append(f'<c r="{letter}{r}" t="inlineStr"><is><t xml:space="preserve">'
                           f'{_escape(value)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def report_folders(out_dir: str | os.PathLike[str]) -> list[str]:
    """Names of the report folders in `out_dir`: visible folders holding metadata.json and clean.txt.

    >>> report_folders(tempfile.mkdtemp())
    []
    """
    out_dir = Path(out_dir)
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return []
    return [p.name for p in entries
            if not p.name.startswith(".") and p.is_dir()
            and (p / "metadata.json").is_file() and (p / "clean.txt").is_file()]


@contextlib.contextmanager
def _locked(folder: Path):
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file to leave)."""
    try:
        import fcntl
    except ImportError:  # Windows: runs into one folder are not serialised there
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_corpus(report_ids, out_dir: str | os.PathLike[str], *, problems: list | None = None) -> Path:
    """Stack the per-report CSVs into ``out_dir/corpus/*.csv``; ``report_ids=None`` takes every
    report folder in `out_dir` (what the CLI does, so the corpus describes the whole folder).

    The tables are built in a staging folder that replaces ``corpus/`` at once, under a lock
    on `out_dir`: concurrent or interrupted runs leave the old complete corpus or the new
    one, never a mixture. Rows are streamed one report at a time, so a run over thousands of
    reports never holds more than one report's tables. ``tracking.csv`` is added when the
    reports hold several years of one place; if building it fails and `problems` is a list,
    the reason is appended there and the other tables are still written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir):
        ids = sorted(report_folders(out_dir) if report_ids is None else report_ids)
        staging = _staging(out_dir, "corpus", "c")
        os.chmod(staging, 0o755)
        try:
            for name in CORPUS_TABLES:
                _stack_csv(staging / f"{name}.csv",
                           [(rid, _report_rows(out_dir / rid, name)) for rid in ids])
            try:
                tracking = _corpus_tracking(out_dir, staging)
            except Exception as exc:  # the other tables are still worth having
                if problems is None:
                    raise
                problems.append(f"no tracking table ({type(exc).__name__}: {exc})")
                tracking = None
            if tracking is not None and len(tracking):
                _write_one(staging / "tracking.csv", tracking)
            _swap_in(staging, out_dir / "corpus")
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return out_dir / "corpus"


# Our staging names: .<stem>.<pid>.<random>_<p|c|o>; earlier versions left .<id>.<random>.
_OURS = re.compile(r"\.(?P<stem>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}_[pco]")
_LEGACY = re.compile(r"\.(?P<stem>\d{4}_.+|unknown-year_.+)\.(?:old\.)?[a-z0-9_]{8}")
_LEGACY_AGE = 3600.0


def remove_stale(out_dir: str | os.PathLike[str]) -> list[str]:
    """Remove the staging folders a killed run left in `out_dir`; returns their names.

    Only our own names, and only stale ones: the process that made it is gone (a live run's
    folders are never touched), or, for names of earlier versions, older than an hour.
    """
    out_dir = Path(out_dir)
    removed = []
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _OURS.fullmatch(path.name)
        if match:
            stale = not _alive(int(match["pid"]))
        elif _LEGACY.fullmatch(path.name):
            try:
                stale = time.time() - path.stat().st_mtime > _LEGACY_AGE
            except OSError:
                continue
        else:
            continue
        if stale and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or not ours to judge: keep its folder
    return True


def _report_rows(folder: Path, name: str):
    """The header and rows of one report's table, as lists of strings (metadata from its JSON)."""
    if name == "metadata":
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        yield list(meta)
        yield [safe_cell("" if v is None else v) for v in meta.values()]
        return
    # A single sentence or an unpunctuated line can run past csv's default 131,072 characters.
    csv.field_size_limit(2**31 - 1)
    with (folder / f"{name}.csv").open(encoding=CSV_ENCODING, newline="") as handle:
        yield from csv.reader(handle)


def _stack_csv(path: Path, sources) -> None:
    """Write `sources` [(report_id, rows)] as one CSV with a leading report_id column."""
    header: list[str] | None = None
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for rid, rows in sources:
            own = next(rows, None)
            if own is None:
                continue
            if header is None:
                header = own
                writer.writerow(["report_id", *header])
            positions = [own.index(c) if c in own else None for c in header]
            for row in rows:
                writer.writerow([rid, *("" if i is None else row[i] for i in positions)])
        if header is None:
            writer.writerow(["report_id"])


def _corpus_tracking(out_dir: Path, corpus_dir: Path) -> pd.DataFrame | None:
    """Targets against the next year's results, read back only for places with several years."""
    meta = pd.read_csv(corpus_dir / "metadata.csv", encoding=CSV_ENCODING)
    if "year" not in meta.columns or not ({"region", "place_key"} & set(meta.columns)):
        return None
    # One place written two ways (广西 / 广西壮族自治区) is one series: group by the place key.
    meta = meta.assign(_place=[place_key(row) for _, row in meta.iterrows()])
    meta = meta.dropna(subset=["year", "_place"])
    years = meta.groupby("_place")["year"].nunique()
    meta = meta[meta["_place"].isin(years[years >= 2].index)]
    if meta.empty:
        return None

    def stacked(name: str, ids) -> pd.DataFrame:
        frames = [pd.read_csv(out_dir / rid / f"{name}.csv", encoding=CSV_ENCODING)
                  .assign(report_id=rid) for rid in ids]
        return pd.concat(frames, ignore_index=True)

    # One place at a time: tracking never compares places, and holding every report's
    # indicators at once cost 230 MB on a 1,000-report corpus.
    parts = []
    for _, group in meta.groupby("_place", sort=True):
        part = tracking_from_corpus(stacked("targets", group["report_id"]),
                                    stacked("indicators", group["report_id"]),
                                    group.drop(columns="_place"))
        if part is not None and len(part):
            parts.append(part)
    # Each part is sorted by year and target, and the places come in sorted order.
    return pd.concat(parts, ignore_index=True) if parts else None
