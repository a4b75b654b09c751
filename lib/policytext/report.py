"""The `Report` object: one cleaned report and every table derived from it.

Reading and cleaning happen when the report is loaded, so a file that is not a
report fails at once with a `ReportError`; every later stage (sections,
sentences, indicators, ...) is computed on first use and cached.
"""

from __future__ import annotations

from functools import cached_property
from os import PathLike

import pandas as pd

from policytext.errors import ReportError
from policytext.quantities.deadlines import extract_deadlines
from policytext.quantities.indicators import extract_indicators
from policytext.read.clean import Cleaned, clean_document
from policytext.read.containers import read_documents
from policytext.read.formats import Document, document_from_string
from policytext.read.ids import report_id
from policytext.read.metadata import Metadata, read_metadata
from policytext.structure.headings import find_sections
from policytext.structure.sentences import split_sentences
from policytext.targets.targets import targets_table
from policytext.words.tokenizer import tokenize

__all__ = ["Report", "load_report", "load_reports"]


class Report:
    """A government work report, cleaned, with its analyses computed lazily.

    >>> r = Report.from_text("2019年某市政府工作报告\\n各位代表：\\n一、2018年工作回顾\\n"
    ...                      "全市生产总值增长7.5%。\\n二、2019年工作安排\\n生产总值增长7%左右。")
    >>> r.metadata.year
    2019
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._cleaned: Cleaned = clean_document(document)

    @classmethod
    def from_text(cls, text: str, *, source: str = "<string>") -> Report:
        """Build a report from a string already in memory (a pasted report, a test)."""
        return cls(document_from_string(text, source=source))

    def __repr__(self) -> str:
        meta = self.metadata
        return f"<Report {meta.title or '(untitled)'} · {len(self.text)} chars · {meta.source}>"

    # -- cleaning ---------------------------------------------------------------
    @property
    def text(self) -> str:
        """The cleaned report body; every offset in every table points into it."""
        return self._cleaned.text

    @property
    def removed(self) -> pd.DataFrame:
        """Every input line that cleaning dropped, with its line number and reason."""
        return self._cleaned.removed

    @property
    def kept(self) -> pd.DataFrame:
        """Every input line that cleaning kept, with its line number."""
        return self._cleaned.kept

    def rebuild_input(self) -> str:
        """The decoded input rebuilt from the kept and removed lines: the audit's proof."""
        return self._cleaned.rebuild()

    @cached_property
    def metadata(self) -> Metadata:
        """Title, year, region, level, meeting, date, speaker ... read from the text (None if absent)."""
        return read_metadata(self.text, self.document)

    @property
    def report_id(self) -> str:
        """A short, file-system safe identifier: see `policytext.read.ids.report_id`."""
        return report_id(self.metadata)

    # -- structure --------------------------------------------------------------
    @cached_property
    def sections(self) -> pd.DataFrame:
        """The heading tree with parts, spans and shares (see `policytext.structure.headings.find_sections`)."""
        return find_sections(self.text, year=self.metadata.year)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Sentences with offsets, their deepest section and part."""
        return split_sentences(self.text, self.sections)

    # -- quantities -------------------------------------------------------------
    @cached_property
    def indicators(self) -> pd.DataFrame:
        """Every quantity as one tidy row (see `policytext.quantities.indicators.extract_indicators`)."""
        return extract_indicators(self.text, self.sentences, self.sections, year=self.metadata.year)

    @cached_property
    def deadlines(self) -> pd.DataFrame:
        """Deadlines (4月30日前, 年底前 ...) resolved to dates in the report's year, with their task."""
        return extract_deadlines(self.text, self.sentences, self.sections, year=self.metadata.year)

    # -- words ------------------------------------------------------------------
    @cached_property
    def tokens(self) -> pd.DataFrame:
        """The policy-aware tokens of `text` (token, start, end, tag), computed once per report."""
        return tokenize(self.text)

    # -- targets ----------------------------------------------------------------
    @cached_property
    def targets(self) -> pd.DataFrame:
        """This year's targets matched to last year's results (see `policytext.targets.targets`)."""
        return targets_table(self)

    def cite(self, row: object) -> str:
        """Where a number stands: report (title, region, year), section headings, quoted sentence.

        ``row`` is a row of `indicators`, `targets` or `deadlines` (anything with a ``start``),
        or an offset into `text`.

        >>> r = Report.from_text("2019年某区政府工作报告\\n各位代表：\\n一、2018年工作回顾\\n"
        ...                      "全区生产总值增长7.5%。\\n二、2019年工作安排\\n生产总值增长7%左右。")
        >>> r.cite(r.indicators.iloc[0])
        '2019年某区政府工作报告（某区，2019年）｜一、2018年工作回顾｜“全区生产总值增长7.5%。”'
        """
        try:
            pos = int(row)  # an offset (int, numpy integer)
        except TypeError:
            try:
                pos = int(row["start"])  # a Series or dict
            except (TypeError, KeyError, IndexError):
                pos = int(row.start)  # a named tuple from itertuples()
        meta = self.metadata
        where = "，".join(x for x in (meta.region, f"{meta.year}年" if meta.year else None) if x)
        title = (meta.title or "（无标题）") + (f"（{where}）" if where else "")
        secs = self.sections
        around = secs[(secs["kind"] == "heading") & (secs["start"] <= pos) & (pos < secs["end"])]
        heads = " › ".join(self.text[a:b].strip() for a, b in
                           around.sort_values("level")[["heading_start", "heading_end"]].values)
        sents = self.sentences
        hit = sents[(sents["start"] <= pos) & (pos < sents["end"])]
        if len(hit):
            s0, quote = int(hit["start"].iloc[0]), hit["text"].iloc[0]
        else:
            s0 = max(0, pos - 30)
            quote = self.text[s0:pos + 30]
        if len(quote) > 80:  # a long sentence: quote the part between ； that holds the number
            rel = pos - s0
            a = max(quote.rfind("；", 0, rel), quote.rfind(";", 0, rel)) + 1
            ends = [i for i in (quote.find("；", rel), quote.find(";", rel)) if i >= 0]
            b = min(ends) + 1 if ends else len(quote)
            quote = ("…" if a > 0 else "") + quote[a:b] + ("…" if b < len(quote) else "")
        return "｜".join(x for x in (title, heads or "（正文开头）", f"“{quote.strip()}”"))


def load_report(path: str | PathLike[str]) -> Report:
    """Read, clean and wrap one report file (text, HTML, Word, PDF, or a one-record dataset).

    Raises `policytext.ReportError` naming the file and the problem when the file cannot be
    read as a report, or when it is a dataset of several reports (use `load_reports`).
    """
    docs = read_documents(path)
    if len(docs) > 1:
        raise ReportError(str(path), f"holds {len(docs)} reports (one per record); "
                          "use policytext.load_reports")
    return Report(docs[0])


def load_reports(path: str | PathLike[str]) -> list[Report]:
    """Every report in a file: one for a page or document, one per record of a dataset file."""
    return [Report(doc) for doc in read_documents(path)]
