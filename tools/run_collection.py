"""Run the whole notebook collection on your own report, leaving the committed notebooks alone.

    make run REPORT=path/to/report.txt
    .venv/bin/python tools/run_collection.py path/to/report.txt [--out out]

Writes out/<report-id>/ with the pipeline's tables and out/<report-id>/notebooks/*.ipynb executed with
REPORT_PATH pointing at your file (papermill-style: a cell injected after the cell tagged `parameters`).
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", help="a report file (.txt or .html)")
    parser.add_argument("--out", default=str(ROOT / "out"), help="output folder (default: out/)")
    args = parser.parse_args(argv)

    from nbexec import execute_notebook
    from policytext import ReportError, load_report
    from policytext.pipeline import write_report

    report_path = Path(args.report).resolve()
    try:
        report = load_report(report_path)
        folder = write_report(report, args.out)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for lesson in lessons:
        target = folder / "notebooks" / lesson.name
        try:
            execute_notebook(lesson, output_path=target, cwd=lesson.parent,
                             parameters={"REPORT_PATH": str(report_path)})
            print(f"ok      {target}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - one line per lesson; the others still run
            print(f"failed  {lesson.name}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}",
                  file=sys.stderr)
    print(f"tables and notebooks in {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
