"""Many reports at once: a folder in, one tidy table per kind with a report_id column out."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from policytext.errors import ReportError
from policytext.pipeline import CORPUS_TABLES, listless, stack_tables
from policytext.report import load_report
from policytext.words.frequencies import word_frequencies
from policytext.words.tokenizer import tokenize

__all__ = ["REPORT_SUFFIXES", "Corpus", "find_inputs", "load_corpus"]

#: File endings taken from a folder; anything else (images, PDFs, notes) is skipped.
REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm")

def find_inputs(paths) -> list[Path]:
    """Expand folders into their report files (sorted, hidden files skipped), keep files as given.

    A path that does not exist is kept, so that the caller reports it as an error
    instead of silently skipping it.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in REPORT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


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


def _load(path: Path):
    try:
        return load_report(path), None
    except ReportError as exc:
        return None, exc.problem


def load_corpus(folder, *, jobs: int = 1) -> Corpus:
    """Load every report file under `folder`; unreadable files go to ``failures``.

    >>> import tempfile
    >>> load_corpus(tempfile.mkdtemp()).reports
    []
    """
    paths = find_inputs([folder])
    corpus = Corpus()
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1)) as pool:
            results = list(pool.map(_load, paths))
    else:
        results = [_load(p) for p in paths]
    for path, (report, problem) in zip(paths, results):
        if report is None:
            corpus.failures[str(path)] = problem
        else:
            corpus.reports.append(report)
    corpus.reports.sort(key=lambda r: r.report_id)
    return corpus
