"""The command line: ``python -m policytext run PATH... --out DIR``.

Thin by design: it parses arguments, hands each file to the library and turns
every failure into one line on stderr, so a folder of mixed files never ends in
a traceback or a half-written output folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

__all__ = ["build_parser", "main"]

_DESCRIPTION = """\
Analyse Chinese government work reports (政府工作报告).

For each report file, writes OUT/<report-id>/ with:
  clean.txt        the report body, cleaned and normalised (all offsets point into it)
  removed.csv      every input line cleaning dropped, with its line number and reason
  metadata.json    title, year, region, province, level, meeting, date, speaker, sha256, encoding
  sections.csv     the heading tree (一、/（一）/1./（1）/①, lead sentences), part of the report, share
  sentences.csv    sentences with offsets and their section
  indicators.csv   every quantity: indicator, value, unit, bound, commitment, kind, offsets
  deadlines.csv    deadlines (4月30日前, 年底前 ...) resolved to dates, with their task
  targets.csv      this year's targets matched to last year's results
  word_freq.csv    word frequencies from the policy-aware tokenizer (stopword layers on)
  word_freq_by_part.csv       the same per part of the report (review, plan, ...)
  keyness_plan_vs_review.csv  log-likelihood G², p and log ratio, plan against review
  formulations.csv numbered formulations (提法: 四个意识, 三大攻坚战 ...) with counts and context
and OUT/corpus/{metadata,sections,indicators,targets,word_freq}.csv stacking all reports
(plus tracking.csv when several years of one place are given).
CSV files are UTF-8 with BOM so that Excel shows Chinese. The report-id is
<year>_<region>_<first 8 hex digits of the file's sha256>.
"""

_EPILOG = """\
examples:
  python -m policytext run seeds/ --out data/processed
  python -m policytext run reports/*.txt --out out --jobs 2

exit status: 0 all reports written; 1 one or more inputs failed (each named on
stderr, the others still written); 2 bad arguments or an unwritable output folder.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m policytext",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser(
        "run",
        help="run the whole pipeline on report files or folders",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="report files (text or HTML in any common Chinese encoding, Word .docx, PDF with "
                          "text, CSV/TSV/JSONL/JSON datasets of one report per record) or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--jobs", type=int, default=1, metavar="N",
                     help="reports processed in parallel (default 1)")
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


@dataclass
class Outcome:
    path: str
    report_id: str | None = None
    problem: str | None = None


def _process(path: str, out_dir: str) -> list[Outcome]:
    """Run one file end to end (one report, or one per dataset record); failures become lines."""
    from policytext.errors import ReportError
    from policytext.pipeline import report_tables, write_report
    from policytext.read.containers import read_documents
    from policytext.report import Report

    try:
        docs = read_documents(path)
    except ReportError as exc:
        return [Outcome(path, problem=exc.problem)]
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        return [Outcome(path, problem=f"internal error ({type(exc).__name__}: {exc})")]
    outcomes = []
    for doc in docs:
        try:
            report = Report(doc)
            tables = report_tables(report)
            write_report(report, out_dir, tables=tables)
            outcomes.append(Outcome(doc.source, report.report_id))
        except ReportError as exc:
            outcomes.append(Outcome(doc.source, problem=exc.problem))
        except OSError as exc:
            outcomes.append(Outcome(doc.source, problem=f"cannot write output: {exc.strerror or exc}"))
        except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
            outcomes.append(Outcome(doc.source,
                                    problem=f"internal error ({type(exc).__name__}: {exc})"))
    return outcomes


def _check_out_dir(out: Path) -> str | None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"{out}: cannot create output folder ({exc.strerror or exc})"
    if not os.access(out, os.W_OK | os.X_OK):
        return f"{out}: output folder is not writable"
    return None


def _distinct_files(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Drop byte-identical copies: they share a report-id, so they would be written twice
    (racing each other with --jobs) and counted twice in the corpus tables."""
    import hashlib

    seen: dict[str, str] = {}
    kept, copies = [], []
    for path in paths:
        try:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:  # missing or unreadable: the pipeline reports it in its own words
            kept.append(path)
            continue
        if digest in seen:
            copies.append((path, seen[digest]))
        else:
            seen[digest] = path
            kept.append(path)
    return kept, copies


def _run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from policytext.corpus import find_inputs
    from policytext.pipeline import write_corpus

    out = Path(args.out)
    problem = _check_out_dir(out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    paths = [str(p) for p in find_inputs(args.paths)]
    if not paths:
        print("error: no report files found in " + " ".join(args.paths), file=sys.stderr)
        return 1
    paths, copies = _distinct_files(paths)
    for copy, original in copies:
        print(f"note: {copy}: same bytes as {original}, skipped", file=sys.stderr)
    started = time.perf_counter()
    show_bar = not args.quiet and sys.stderr.isatty()
    jobs = max(1, min(args.jobs, len(paths)))
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = pool.map(_process, paths, [str(out)] * len(paths))
            per_file = list(tqdm(futures, total=len(paths), disable=not show_bar, unit="file"))
    else:
        per_file = [_process(p, str(out)) for p in tqdm(paths, disable=not show_bar, unit="file")]
    outcomes = [o for file_outcomes in per_file for o in file_outcomes]
    failed = [o for o in outcomes if o.problem]
    for o in failed:
        print(f"error: {o.path}: {o.problem}", file=sys.stderr)
    done = [o for o in outcomes if not o.problem]
    if done:
        try:
            write_corpus([o.report_id for o in done], out)
        except OSError as exc:
            print(f"error: {out}: cannot write corpus tables ({exc.strerror or exc})", file=sys.stderr)
            return 2
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(f"{len(done)} report(s) written to {out} from {len(paths)} file(s), "
              f"{len(failed)} failed, {elapsed:.1f} s", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        if args.jobs < 1:
            parser.error("--jobs must be at least 1")
        return _run(args)
    return 2  # pragma: no cover - argparse requires a command
