"""The command line: ``python -m policytext run PATH... --out DIR``.

Thin by design: it parses arguments, hands each file to the library and turns
every failure into one line on stderr, so a folder of mixed files never ends in
a traceback or a half-written output folder.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import stat
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from policytext.errors import ReportError

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
  report.xlsx      every table above as one workbook, each number beside its source sentence
and OUT/corpus/{metadata,sections,indicators,targets,word_freq}.csv stacking every report
folder in OUT, from this run and earlier ones (plus tracking.csv when OUT holds several
years of one place). Delete a report folder and rerun to drop it from the corpus.
CSV files are UTF-8 with BOM so that Excel shows Chinese. Text cells that a spreadsheet
would run as a formula (starting with = + - @, tab or CR) get a leading ' so they show as
text. The report-id is <year>_<region>_<first 8 hex digits of the file's sha256> (of the
record's text for a dataset record). OUT itself and folders policytext wrote are never read
as input.
"""

_EPILOG = """\
examples:
  python -m policytext run seeds/ --out data/processed
  python -m policytext run reports/*.txt --out out --jobs 2

exit status: 0 all reports written; 1 one or more inputs failed (each named on
stderr, the others still written); 2 bad arguments or an unwritable output folder;
130 interrupted.
"""


def build_parser() -> argparse.ArgumentParser:
    from policytext import __version__

    parser = argparse.ArgumentParser(
        prog="python -m policytext",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
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
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _warnings(report) -> list[str]:
    """What a reader should check in a report that was written: quality flags, damaged bytes."""
    found = [str(f) for f in (getattr(report.metadata, "flags", None) or [])]
    damaged = report.document.damaged
    if damaged:
        shown = ", ".join(map(str, damaged[:5])) + (" …" if len(damaged) > 5 else "")
        found.append(f"{len(damaged)} damaged byte(s) replaced with U+FFFD (at byte {shown})")
    return found


def _process(path: str, out_dir: str) -> list[Outcome]:
    """Run one file end to end (one report, or one per dataset record); failures become lines."""
    from policytext.pipeline import report_tables, write_report
    from policytext.read.containers import read_documents_and_errors
    from policytext.report import Report

    try:
        docs, errors = read_documents_and_errors(path)
    except ReportError as exc:
        return [Outcome(path, problem=exc.problem)]
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        return [Outcome(path, problem=f"internal error ({type(exc).__name__}: {exc})")]
    outcomes = [Outcome(e.source, problem=e.problem) for e in errors]
    for doc in docs:
        try:
            report = Report(doc)
            tables = report_tables(report)
            write_report(report, out_dir, tables=tables)
            outcomes.append(Outcome(doc.source, report.report_id, warnings=_warnings(report),
                                    notes=list(doc.notes)))
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


def _digest(path: str) -> str | None:
    """sha256 of a regular file of readable size, read in chunks; None for anything else
    (the reader then names the problem: a pipe, a device, a missing or huge file)."""
    from policytext.read.containers import MAX_DATASET_BYTES

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_DATASET_BYTES:
            return None
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def _distinct_files(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Drop byte-identical copies: they share a report-id, so they would be written twice
    (racing each other with --jobs) and counted twice in the corpus tables."""
    seen: dict[str, str] = {}
    kept, copies = [], []
    for path in paths:
        digest = _digest(path)
        if digest is None:
            kept.append(path)
        elif digest in seen:
            copies.append((path, seen[digest]))
        else:
            seen[digest] = path
            kept.append(path)
    return kept, copies


_DIED = "the worker process died while processing it (killed, or out of memory)"


def _in_pool(paths: list[str], out: str, jobs: int, bar) -> tuple[dict, list[str]]:
    """Outcomes per path, and the paths whose worker process died before answering."""
    results: dict[str, list[Outcome]] = {}
    broken: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_process, p, out): p for p in paths}
        for future in as_completed(futures):
            path = futures[future]
            try:
                results[path] = future.result()
                bar.update()
            except BrokenProcessPool:
                broken.append(path)
            except Exception as exc:  # noqa: BLE001 - e.g. an outcome that cannot be sent back
                results[path] = [Outcome(path, problem=f"internal error ({type(exc).__name__})")]
                bar.update()
    return results, sorted(broken)


def _process_all(paths: list[str], out: str, jobs: int, bar) -> list[Outcome]:
    if jobs == 1:
        per_file = {}
        for p in paths:
            per_file[p] = _process(p, out)
            bar.update()
    else:
        # A dead worker (killed, out of memory) breaks the whole pool and every file it still
        # held: those are tried again in a new pool, and what breaks that one again, alone,
        # so only a file that kills its worker on its own is reported as failed.
        per_file, broken = _in_pool(paths, out, jobs, bar)
        if broken:
            again, broken = _in_pool(broken, out, jobs, bar)
            per_file.update(again)
        for p in broken:
            alone, died = _in_pool([p], out, 1, bar)
            per_file.update(alone)
            if died:
                per_file[p] = [Outcome(p, problem=_DIED)]
                bar.update()
    return [o for p in paths for o in per_file[p]]


#: File endings of notes kept beside reports (a folder's README), never read as reports.
_DOCUMENTATION = (".md", ".markdown", ".rst")


def _say(kind: str, where: str, what: str) -> None:
    print(f"{kind}: {where}: {what}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from policytext.corpus import scan_inputs
    from policytext.pipeline import remove_stale, report_folders, write_corpus

    if not args.out:
        _say("error", "--out ''", "empty path: give an output folder")
        return 2
    out = Path(args.out)
    problem = _check_out_dir(out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    stale = remove_stale(out)
    if stale:
        _say("note", str(out), f"removed {len(stale)} staging folder(s) left by an interrupted run")
    found, input_problems = scan_inputs(args.paths, exclude=[out])
    for where, what in input_problems:
        _say("note" if "output folder" in what else "error", where, what)
    failed_inputs = [p for p in input_problems if "output folder" not in p[1]]
    paths = [str(p) for p in found]
    if not paths and not failed_inputs:
        print("error: no report files found in " + " ".join(map(repr, args.paths)), file=sys.stderr)
        return 1
    # A folder of reports usually carries its notes (README.md): named and passed over, not
    # counted as a failed report.
    documentation = [p for p in paths if Path(p).suffix.lower() in _DOCUMENTATION]
    for p in documentation:
        _say("note", p, "skipped: documentation (Markdown/reStructuredText), not a report")
    paths = [p for p in paths if p not in documentation]
    paths, copies = _distinct_files(paths)
    for copy, original in copies:
        _say("note", copy, f"same bytes as {original}, skipped")
    show_bar = not args.quiet and sys.stderr.isatty()
    jobs = max(1, min(args.jobs, len(paths)))
    with tqdm(total=len(paths), disable=not show_bar, unit="file") as bar:
        outcomes = _process_all(paths, str(out), jobs, bar)
    failed = [o for o in outcomes if o.problem]
    for o in failed:
        _say("error", o.path, o.problem)
    done: list[Outcome] = []
    first: dict[str, str] = {}
    warnings = 0
    for o in outcomes:
        if o.problem:
            continue
        for note in o.notes:
            _say("note", o.path, note)
        if o.report_id in first:
            _say("note", o.path, f"same report as {first[o.report_id]} ({o.report_id}), counted once")
            continue
        first[o.report_id] = o.path
        done.append(o)
        if o.warnings:
            warnings += 1
            _say("warning", o.path, "; ".join(o.warnings))
    corpus_failed = False
    if report_folders(out):
        problems: list[str] = []
        try:
            write_corpus(None, out, problems=problems)
        except OSError as exc:
            problems.append(f"cannot write corpus tables ({exc.strerror or exc})")
        except Exception as exc:  # noqa: BLE001 - the report folders are written; say so in a line
            problems.append(f"cannot build corpus tables ({type(exc).__name__}: {exc})")
        for what in problems:
            _say("error", str(out / "corpus"), what)
        corpus_failed = bool(problems)
        earlier = len(set(report_folders(out)) - {o.report_id for o in done})
        if earlier and not args.quiet:
            _say("note", str(out / "corpus"), f"describes all {len(report_folders(out))} report "
                 f"folders in {out}, {earlier} of them from earlier runs")
    if not args.quiet:
        elapsed = time.perf_counter() - started
        files = len(paths) + len(failed_inputs) + len(documentation) + len(copies)
        print(f"{len(done)} report(s) written to {out} from {files} file(s), "
              f"{len(failed) + len(failed_inputs)} failed, {len(documentation) + len(copies)} "
              f"skipped, {warnings} warning(s), {elapsed:.1f} s", file=sys.stderr)
    return 1 if failed or failed_inputs or corpus_failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        if args.jobs < 1:
            parser.error("--jobs must be at least 1")
        try:
            return _run(args)
        except KeyboardInterrupt:
            print("error: interrupted; rerun to finish (completed report folders are kept)",
                  file=sys.stderr)
            return 130
    return 2  # pragma: no cover - argparse requires a command
