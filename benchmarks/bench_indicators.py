"""Time indicator and deadline extraction on the seed and on a large concatenated corpus.

Run: .venv/bin/python benchmarks/bench_indicators.py [--repeat 200]
Prints milliseconds and throughput (KB of cleaned text per second); not a test.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import policytext
from policytext.quantities import extract_deadlines, extract_indicators, find_quantities
from policytext.quantities.numbers import _find_quantities

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"


def _time(fn, *, runs: int) -> float:
    """Best of `runs`, each from a cold quantity cache (the library shares quantities per text)."""
    best = float("inf")
    for _ in range(runs):
        _find_quantities.cache_clear()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _line(label: str, seconds: float, text: str, rows: int) -> None:
    kb = len(text.encode("utf-8")) / 1024
    print(f"{label:<34} {seconds * 1000:9.1f} ms  {kb / seconds:9.0f} KB/s  "
          f"({kb:.0f} KB, {rows} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="copies of the seed in the corpus")
    args = parser.parse_args()
    report = policytext.load_report(SEED)
    text, sections, year = report.text, report.sections, report.metadata.year
    try:
        sentences = report.sentences
    except ImportError:
        sentences = None
    n_ind = len(extract_indicators(text, sentences, sections, year=year))
    _line("seed: find_quantities", _time(lambda: find_quantities(text), runs=5), text,
          len(find_quantities(text)))
    _line("seed: extract_indicators", _time(
        lambda: extract_indicators(text, sentences, sections, year=year), runs=5), text, n_ind)
    _line("seed: extract_deadlines", _time(
        lambda: extract_deadlines(text, sentences, sections, year=year), runs=5), text,
        len(extract_deadlines(text, sentences, sections, year=year)))
    big = "\n".join([text] * args.repeat)
    # no structure frames for the corpus: sentences are split internally
    n_big = len(extract_indicators(big, year=year))
    _line(f"corpus x{args.repeat}: extract_indicators",
          _time(lambda: extract_indicators(big, year=year), runs=1), big, n_big)
    _line(f"corpus x{args.repeat}: extract_deadlines",
          _time(lambda: extract_deadlines(big, year=year), runs=1), big,
          len(extract_deadlines(big, year=year)))


if __name__ == "__main__":
    main()
