"""Many reports at once: a folder in, one tidy table per kind with a report_id column out."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from policytext.errors import ReportError
from policytext.pipeline import CORPUS_TABLES, listless, stack_tables
from policytext.report import load_reports
from policytext.words.frequencies import word_frequencies
from policytext.words.tokenizer import tokenize

__all__ = ["Corpus", "find_inputs", "load_corpus"]

def find_inputs(paths) -> list[Path]:
    """Expand folders into every file below them (sorted, hidden files skipped); keep files as given.

    Every file is considered: whether it holds a report is for the reader to say, file by
    file, so nothing in a folder is passed over without a word. A path that does not exist is
    kept, so that the caller reports it as an error instead of silently skipping it.
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
        return load_reports(path), None
    except ReportError as exc:
        return [], exc.problem


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
    for path, (reports, problem) in zip(paths, results):
        if problem is not None:
            corpus.failures[str(path)] = problem
        corpus.reports.extend(reports)
    corpus.reports.sort(key=lambda r: r.report_id)
    return corpus
