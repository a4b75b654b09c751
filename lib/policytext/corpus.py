"""Many reports at once: a folder in, one tidy table per kind with a report_id column out."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from policytext.errors import ReportError
from policytext.pipeline import CORPUS_TABLES, listless, stack_tables
from policytext.read.containers import read_documents_and_errors
from policytext.report import Report
from policytext.words.frequencies import word_frequencies
from policytext.words.tokenizer import tokenize

__all__ = ["Corpus", "find_inputs", "is_output_folder", "load_corpus", "scan_inputs"]


def find_inputs(paths) -> list[Path]:
    """Expand folders into every file below them (sorted, hidden files skipped); keep files as given.

    Every file is considered: whether it holds a report is for the reader to say, file by
    file, so nothing in a folder is passed over without a word. A path that does not exist is
    kept, so that the caller reports it as an error instead of silently skipping it. See
    `scan_inputs` for the folders that cannot be listed.
    """
    return scan_inputs(paths)[0]


def is_output_folder(folder: Path) -> bool:
    """True for a folder policytext wrote: a report folder, a corpus folder or a whole --out.

    >>> import tempfile
    >>> is_output_folder(Path(tempfile.mkdtemp()))
    False
    """
    try:
        if (folder / "metadata.json").is_file() and (folder / "clean.txt").is_file():
            return True
        if folder.name == "corpus" and (folder / "metadata.csv").is_file():
            return True
        return (folder / "corpus" / "metadata.csv").is_file()
    except OSError:
        return False


def scan_inputs(paths, *, exclude=()) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files under `paths`, and (path, problem) for every input that cannot be used.

    Folders in `exclude` (the output folder) and folders policytext wrote are never read as
    input, so a second run into a folder below its input does not read its own tables back.
    Folders that cannot be listed, names the system refuses and an empty path each get a
    problem rather than being passed over.

    >>> import tempfile
    >>> scan_inputs([""])
    ([], [("''", 'empty path: give a file or folder name')])
    """
    skip = {_resolved(Path(p)) for p in exclude}
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if isinstance(raw, bytes):
            raw = os.fsdecode(raw)
        if not str(raw):
            problems.append(("''", "empty path: give a file or folder name"))
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # a name over 255 bytes, a loop of links ...
            problems.append((str(path), f"cannot be used as a path ({exc.strerror or exc})"))
            continue
        if not is_dir:
            found.append(path)
            continue
        if _resolved(path) in skip or is_output_folder(path):
            problems.append((str(path), "is a policytext output folder, not input; not read"))
            continue
        found.extend(_walk(path, skip, problems))
    return found, problems


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(top: Path, skip: set, problems: list) -> list[Path]:
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append((exc.filename or str(top),
                         f"folder cannot be read ({exc.strerror or exc}); its files were skipped"))

    seen = {_resolved(top)}
    # Links to folders are followed (a corpus assembled from links is common), each folder once.
    for folder, dirs, names in os.walk(top, onerror=unreadable, followlinks=True):
        here = Path(folder)
        kept = []
        for d in sorted(dirs):
            sub = here / d
            real = _resolved(sub)
            if d.startswith(".") or real in skip or real in seen or is_output_folder(sub):
                continue  # hidden folders, our own outputs, a folder already walked
            seen.add(real)
            kept.append(d)
        dirs[:] = kept
        # Every other entry, pipes and broken links included: the reader names what is wrong.
        files.extend(here / name for name in names if not name.startswith("."))
    return sorted(files)


@dataclass
class Corpus:
    """Reports loaded from a folder, plus the files that could not be read."""

    reports: list = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.reports)

    def table(self, name: str) -> pd.DataFrame:
        """Stack one table of every report with a leading ``report_id`` column.

        ``name`` is one of CORPUS_TABLES. Only that table is computed, and the word counts
        are made from fresh tokens rather than cached on each report, so asking for the
        metadata of a thousand reports stays cheap.
        """
        if name not in CORPUS_TABLES:
            raise ValueError(f"unknown corpus table {name!r}; choose one of {CORPUS_TABLES}")
        frames = []
        for report in self.reports:
            frame = _report_table(report, name)
            frames.append(frame.assign(report_id=report.report_id)[["report_id", *frame.columns]])
        return stack_tables(frames)

    @property
    def metadata(self) -> pd.DataFrame:
        return self.table("metadata")


def _report_table(report, name: str) -> pd.DataFrame:
    if name == "metadata":
        return pd.DataFrame([report.metadata.to_dict()])
    if name == "word_freq":
        return word_frequencies(tokenize(report.text))
    return listless(getattr(report, name))


def _load(path: Path) -> tuple[list, dict[str, str]]:
    """The reports in one file and {source: problem} for what failed (a record, or the file)."""
    try:
        docs, errors = read_documents_and_errors(path)
    except ReportError as exc:
        return [], {exc.source: exc.problem}
    problems = {e.source: e.problem for e in errors}
    reports = []
    for doc in docs:
        try:
            reports.append(Report(doc))
        except ReportError as exc:
            problems[exc.source] = exc.problem
    return reports, problems


def load_corpus(folder, *, jobs: int = 1) -> Corpus:
    """Load every report file under `folder`; unreadable files go to ``failures``.

    >>> import tempfile
    >>> load_corpus(tempfile.mkdtemp()).reports
    []
    """
    paths, problems = scan_inputs([folder])
    corpus = Corpus(failures=dict(problems))
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1)) as pool:
            results = list(pool.map(_load, paths))
    else:
        results = [_load(p) for p in paths]
    for reports, problems in results:
        corpus.failures.update(problems)
        corpus.reports.extend(reports)
    corpus.reports.sort(key=lambda r: r.report_id)
    return corpus
