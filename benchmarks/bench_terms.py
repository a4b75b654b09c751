"""Held-out term integrity: plain jieba, jieba with the policy lexicon, the policy tokenizer.

Run:  .venv/bin/python benchmarks/bench_terms.py

The 178 terms of ``data/annotations/terms/heldout_terms.csv`` were read by hand from the 28
provincial reports of 2026 (``data/corpus/raw/56_*`` … ``83_*``, field ``full_text``). Each report
is tokenized on its own; a term occurrence is *intact* when no token boundary falls inside it.
The score is intact occurrences / all occurrences, over every term in every report. Nothing the
lexicon learned came from these 28 files (``tools/refresh_lexicon.py`` skips them); per-report
discovery runs on the report being tokenized, as it does for any reader's report.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from policytext.words import integrity_by_term, plain_tokenize, policy_jieba, tokenize
from refresh_lexicon import heldout_files, raw_text

TERMS = ROOT / "data" / "annotations" / "terms" / "heldout_terms.csv"


def heldout_terms() -> list[str]:
    """The 178 held-out terms."""
    with TERMS.open(encoding="utf-8", newline="") as f:
        return [row["term"] for row in csv.DictReader(f)]


def lexicon_tokenize(text: str) -> pd.DataFrame:
    """jieba with jieba's dictionary plus the policy lexicon, nothing protected."""
    rows = [(w, s, e, "word") for w, s, e in policy_jieba().tokenize(text) if not w.isspace()]
    return pd.DataFrame(rows, columns=["token", "start", "end", "tag"])


TOKENIZERS = {"plain jieba": plain_tokenize, "jieba + lexicon": lexicon_tokenize,
              "policytext": tokenize}


def measure() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(summary per tokenizer, per-term table) over the 28 held-out reports."""
    terms = heldout_terms()
    parts = []
    for path in heldout_files():
        text = raw_text(path)
        for name, fn in TOKENIZERS.items():
            table = integrity_by_term(text, terms, fn(text))
            table["tokenizer"] = name
            parts.append(table)
    per_term = pd.concat(parts, ignore_index=True).groupby(
        ["tokenizer", "term"], as_index=False)[["occurrences", "intact"]].sum()
    summary = per_term.groupby("tokenizer", sort=False)[["occurrences", "intact"]].sum()
    summary["share"] = summary["intact"] / summary["occurrences"]
    summary = summary.reindex(list(TOKENIZERS)).reset_index()
    return summary, per_term


def main() -> None:
    summary, per_term = measure()
    print(f"{len(heldout_terms())} held-out terms, {len(heldout_files())} reports")
    print(summary.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    policy = per_term[(per_term.tokenizer == "policytext") & (per_term.intact < per_term.occurrences)]
    policy = policy.assign(cut=policy.occurrences - policy.intact).sort_values(
        ["cut", "term"], ascending=[False, True])
    print("\nmost often cut by policytext:")
    print(policy.head(10)[["term", "occurrences", "intact"]].to_string(index=False))


if __name__ == "__main__":
    main()
