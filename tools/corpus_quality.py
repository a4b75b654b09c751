"""One row per report of a corpus: how much of each page was kept, what was found, what looks wrong.

    .venv/bin/python tools/corpus_quality.py [data/corpus/raw] [--out data/corpus/quality.csv]

Columns: file (relative to the corpus folder's parent, as in MANIFEST.csv and the gold table),
report_id, input_chars (the decoded page or record), kept_chars (the cleaned body),
share_kept, chinese_share (the body's share of the page's Chinese text, repeated lines
counted once), headings, quantities, headline_targets, flags (``; ``-joined `Metadata.flags`,
empty when the report came out whole) and error (why a file could not be read as reports).
Files are read in MANIFEST order when a MANIFEST.csv next to the folder lists them (numbered
files by number otherwise); the output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["file", "report_id", "input_chars", "kept_chars", "share_kept", "chinese_share",
           "headings", "quantities", "headline_targets", "flags", "error"]


def corpus_files(folder: Path) -> list[Path]:
    """The report files of ``folder``: MANIFEST.csv's order when it lists them, else by number."""
    for manifest in (folder / "MANIFEST.csv", folder.parent / "MANIFEST.csv"):
        if manifest.exists():
            with manifest.open(encoding="utf-8-sig", newline="") as f:
                listed = [manifest.parent / row["file"] for row in csv.DictReader(f)
                          if row.get("file")]
            if listed and all(p.exists() and p.parent == folder for p in listed):
                return listed
    skip = {"MANIFEST.csv", "README.md"}
    files = [p for p in folder.iterdir() if p.is_file() and p.name not in skip
             and not p.name.startswith(".")]
    number = re.compile(r"^(\d+)")
    return sorted(files, key=lambda p: (int(m.group(1)) if (m := number.match(p.name)) else 10**9,
                                        p.name))


def quality_rows(folder: Path) -> list[dict]:
    """The quality table's rows for every report in ``folder``."""
    from policytext import ReportError, load_reports
    from policytext.read import page_share

    rows = []
    for path in corpus_files(folder):
        name = path.relative_to(folder.parent).as_posix()
        try:
            reports = load_reports(path)
        except ReportError as err:
            rows.append({"file": name, "error": str(err)})
            continue
        for r in reports:
            targets = r.targets
            headline = targets["headline"].astype("boolean").fillna(False) \
                if "headline" in targets else []
            rows.append({
                "file": name,
                "report_id": r.report_id,
                "input_chars": len(r.document.text),
                "kept_chars": len(r.text),
                "share_kept": round(len(r.text) / max(len(r.document.text), 1), 4),
                "chinese_share": round(page_share(r.text, r.document.text), 4),
                "headings": int((r.sections["kind"] == "heading").sum()),
                "quantities": len(r.indicators),
                "headline_targets": int(sum(headline)),
                "flags": "; ".join(r.metadata.flags),
                "error": "",
            })
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "data" / "corpus" / "raw"))
    parser.add_argument("--out", default=str(ROOT / "data" / "corpus" / "quality.csv"))
    args = parser.parse_args(argv)
    rows = quality_rows(Path(args.corpus).resolve())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in COLUMNS})
    flagged = sum(1 for row in rows if row.get("flags") or row.get("error"))
    print(f"{len(rows)} report(s) in {out}; {flagged} flagged or failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
