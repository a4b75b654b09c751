"""From a `Report` to the files the CLI writes: every table, written atomically."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from policytext.report import Report
from policytext.targets.tracking import tracking_from_corpus
from policytext.words.formulations import formulations
from policytext.words.frequencies import word_frequencies
from policytext.words.keyness import keyness

__all__ = ["CORPUS_TABLES", "CSV_ENCODING", "listless", "report_tables", "stack_tables", "write_corpus",
           "write_report"]

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


def _write_one(path: Path, content: object) -> None:
    if isinstance(content, pd.DataFrame):
        content.to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\n")
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


def write_report(report: Report, out_dir: str | os.PathLike[str], *, tables=None) -> Path:
    """Write all tables of `report` into ``out_dir/<report-id>/`` atomically.

    The files are first written into a temporary sibling folder which then
    replaces the final one in a single rename, so readers never see a half
    written report folder.
    """
    tables = report_tables(report) if tables is None else tables
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / report.report_id
    staging = Path(tempfile.mkdtemp(prefix=f".{report.report_id}.", dir=out_dir))
    os.chmod(staging, 0o755)  # mkdtemp makes it private; the result is for readers
    try:
        for name, content in tables.items():
            _write_one(staging / name, content)
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{report.report_id}.old.", dir=out_dir))
            os.replace(final, old / "x")
            os.replace(staging, final)
            shutil.rmtree(old)
        else:
            os.replace(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return final


def write_corpus(report_ids, out_dir: str | os.PathLike[str]) -> Path:
    """Stack the per-report CSVs of `report_ids` into ``out_dir/corpus/*.csv``.

    Rows are streamed from each report's folder one report at a time, so a run over
    thousands of reports never holds more than one report's tables in memory. Adds
    ``tracking.csv`` when the reports hold several years of one place.
    """
    out_dir = Path(out_dir)
    corpus_dir = out_dir / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    ids = sorted(report_ids)
    for name in CORPUS_TABLES:
        _stack_csv(corpus_dir / f"{name}.csv", [(rid, _report_rows(out_dir / rid, name))
                                                  for rid in ids])
    tracking = _corpus_tracking(out_dir, corpus_dir)
    target = corpus_dir / "tracking.csv"
    if tracking is not None and len(tracking):
        tmp = corpus_dir / ".tracking.csv.tmp"
        _write_one(tmp, tracking)
        os.replace(tmp, target)
    elif target.exists():
        target.unlink()  # a stale table from an earlier run over other inputs
    return corpus_dir


def _report_rows(folder: Path, name: str):
    """The header and rows of one report's table, as lists of strings (metadata from its JSON)."""
    if name == "metadata":
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        yield list(meta)
        yield ["" if v is None else v for v in meta.values()]
        return
    with (folder / f"{name}.csv").open(encoding=CSV_ENCODING, newline="") as handle:
        yield from csv.reader(handle)


def _stack_csv(path: Path, sources) -> None:
    """Write `sources` [(report_id, rows)] as one CSV with a leading report_id column, atomically."""
    tmp = path.with_name(f".{path.name}.tmp")
    header: list[str] | None = None
    with tmp.open("w", encoding=CSV_ENCODING, newline="") as handle:
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
    os.replace(tmp, path)


def _corpus_tracking(out_dir: Path, corpus_dir: Path) -> pd.DataFrame | None:
    """Targets against the next year's results, read back only for places with several years."""
    meta = pd.read_csv(corpus_dir / "metadata.csv", encoding=CSV_ENCODING)
    if not {"year", "region"} <= set(meta.columns):
        return None
    meta = meta.dropna(subset=["year", "region"])
    years = meta.groupby("region")["year"].nunique()
    meta = meta[meta["region"].isin(years[years >= 2].index)]
    if meta.empty:
        return None

    def stacked(name: str, ids) -> pd.DataFrame:
        frames = [pd.read_csv(out_dir / rid / f"{name}.csv", encoding=CSV_ENCODING)
                  .assign(report_id=rid) for rid in ids]
        return pd.concat(frames, ignore_index=True)

    # One place at a time: tracking never compares places, and holding every report's
    # indicators at once cost 230 MB on a 1,000-report corpus.
    parts = []
    for _, group in meta.groupby("region", sort=True):
        part = tracking_from_corpus(stacked("targets", group["report_id"]),
                                    stacked("indicators", group["report_id"]), group)
        if part is not None and len(part):
            parts.append(part)
    # Each part is sorted by year and target, and the places come in sorted order.
    return pd.concat(parts, ignore_index=True) if parts else None
