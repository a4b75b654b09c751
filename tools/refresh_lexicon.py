"""Propose additions to the reviewed policy lexicon from the project's corpus.

Run:  .venv/bin/python tools/refresh_lexicon.py [--out lib/policytext/resources/proposed_terms.txt]

Term discovery (:func:`policytext.words.discovery.discover_corpus`) runs over every report of
``data/corpus/raw`` **except the 28 provincial reports of 2026** (``56_*`` … ``83_*``): those are
the held-out set of ``data/annotations/terms``, so nothing learned for the lexicon may come from
them. The proposals are written as ``word freq tag`` lines (the lexicon's own format) with their
evidence in a comment; a human reads them and moves the good lines into ``policy_lexicon.txt`` and
the bad ones, with a reason, into ``declined_terms.txt``. A word in either file is never proposed
again (``resources/LEXICON_REVIEW.md`` has the review rules).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "corpus" / "raw"
PROPOSALS = ROOT / "lib" / "policytext" / "resources" / "proposed_terms.txt"
DECLINED = ROOT / "lib" / "policytext" / "resources" / "declined_terms.txt"

#: The held-out reports: provincial reports of 2026, files 56_* … 83_*.
HELDOUT = re.compile(r"^(5[6-9]|6\d|7\d|8[0-3])_province_.*_2026\.csv$")


def raw_text(path: Path) -> str:
    """The report text of one raw corpus file (csv ``full_text``, jsonl ``content``, docx, txt)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        csv.field_size_limit(1 << 30)
        with path.open(encoding="utf-8-sig", newline="") as f:
            return "\n".join(row.get("full_text") or "" for row in csv.DictReader(f))
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as f:
            return "\n".join(json.loads(line).get("content") or "" for line in f if line.strip())
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    from policytext.read.formats import read_document

    return read_document(path).text


def unique_lines(text: str) -> str:
    """The text with repeated lines dropped (scraped pages repeat whole reports ~6 times)."""
    return "\n".join(dict.fromkeys(ln.strip() for ln in text.splitlines() if ln.strip()))


def training_files(raw: Path = RAW) -> list[Path]:
    """Corpus files the lexicon may learn from: every report but the held-out ones."""
    return [p for p in sorted(raw.iterdir())
            if p.suffix.lower() in {".txt", ".csv", ".jsonl", ".docx"}
            and p.name != "MANIFEST.csv" and not HELDOUT.match(p.name)]


def heldout_files(raw: Path = RAW) -> list[Path]:
    """The 28 held-out provincial reports of 2026."""
    return [p for p in sorted(raw.iterdir()) if HELDOUT.match(p.name)]


class CorpusFileError(Exception):
    """A corpus file that cannot be read; the message names the file and the problem."""


def training_texts(raw: Path = RAW) -> Iterator[tuple[str, str]]:
    """(file name, de-duplicated text) for every training report."""
    for path in training_files(raw):
        try:
            text = raw_text(path)
        except Exception as exc:  # any reader's failure becomes one line naming the file
            raise CorpusFileError(f"{path}: cannot be read ({exc})") from exc
        yield path.name, unique_lines(text)


def declined_words(path: Path = DECLINED) -> set[str]:
    """The words a review declined: ``declined_terms.txt``, one ``word  # reason`` a line."""
    if not path.exists():
        return set()
    lines = (ln.split("#", 1)[0].split() for ln in path.read_text(encoding="utf-8").splitlines())
    return {parts[0] for parts in lines if parts}


def unreviewed(table, known: set[str], declined: set[str], freq):
    """The rows of a discovery `table` whose term is new: not in the lexicon (`known`), not
    declined by a review, not a word of jieba's dictionary (`freq`, its word -> frequency)."""
    seen = known | declined
    new = ~table["term"].isin(seen) & ~table["term"].map(lambda t: bool(freq.get(t)))
    return table[new].reset_index(drop=True)


def proposals(raw: Path = RAW):
    """Kept corpus candidates not yet in the lexicon, nor declined, nor in jieba's dictionary."""
    from policytext.words import discover_corpus, lexicon, policy_jieba

    table = discover_corpus(text for _, text in training_texts(raw))
    return unreviewed(table, set(lexicon()["word"]), declined_words(), policy_jieba().FREQ)


def render(table) -> str:
    """The proposals file: a header, then one ``word freq tag  # evidence`` line per term."""
    lines = [
        "# Proposed additions to policy_lexicon.txt, written by tools/refresh_lexicon.py.",
        "# Learned from data/corpus/raw minus the held-out 2026 provincial reports (56_* … 83_*).",
        "# Review each line; move the good ones (without the comment) into policy_lexicon.txt,",
        "# the bad ones as 'word  # reason' into declined_terms.txt (rules: LEXICON_REVIEW.md).",
        "# word freq tag  # count reports cohesion together left_entropy right_entropy shape",
    ]
    for r in table.itertuples(index=False):
        lines.append(
            f"{r.term} 2000 n  # {r.count} {r.reports} {r.cohesion:.2f} {r.together:.2f} "
            f"{r.left_entropy:.2f} {r.right_entropy:.2f} {r.shape or '-'}"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=RAW, help="folder of raw corpus files")
    parser.add_argument("--out", type=Path, default=PROPOSALS, help="proposals file to write")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        print(f"refresh_lexicon: {args.raw}: no such folder", file=sys.stderr)
        return 1
    try:
        table = proposals(args.raw)
    except CorpusFileError as exc:
        print(f"refresh_lexicon: {exc}", file=sys.stderr)
        return 1
    args.out.write_text(render(table), encoding="utf-8")
    print(f"{len(table)} proposed terms written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
