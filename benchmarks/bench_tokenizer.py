"""Throughput of the policy tokenizer against plain jieba on the seed text repeated to ~2 MB.

Run:  .venv/bin/python benchmarks/bench_tokenizer.py [--mb 2] [--repeat 3]

Both tokenizers are warmed up first (dictionary loaded, caches filled), then each is timed
`--repeat` times on the same text and the best run is reported. Plain jieba is an own
``jieba.Tokenizer().lcut``; the policy tokenizer is ``policytext.words.tokenize`` and its
time includes protecting quantities/dates/formulations, learning terms and building the frame.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import jieba
from policytext.words import get_tokenizer, tokenize

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"


def best_time(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the test text in MB (UTF-8)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tokenizer (best kept)")
    args = parser.parse_args()

    logging.getLogger("jieba").setLevel(logging.WARNING)
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, round(args.mb * 1e6 / len(seed.encode("utf-8"))))
    text = "\n".join([seed] * copies)

    plain = jieba.Tokenizer()
    plain.initialize()
    plain.lcut(seed)  # warm-up
    get_tokenizer().jieba  # noqa: B018 -- loads dictionary and lexicon outside the timing
    tokenize(seed)  # warm-up

    t_plain = best_time(plain.lcut, text, args.repeat)
    t_policy = best_time(tokenize, text, args.repeat)
    mb = len(text.encode("utf-8")) / 1e6
    n_tokens = len(tokenize(seed)) * copies
    print(f"text: {mb:.2f} MB UTF-8, {len(text):,} characters ({copies} copies of the seed)")
    print(f"plain jieba lcut : {t_plain:6.2f} s  ({mb / t_plain:5.2f} MB/s)")
    print(f"policy tokenize  : {t_policy:6.2f} s  ({mb / t_policy:5.2f} MB/s, ~{n_tokens:,} tokens)")
    print(f"ratio policy / plain: {t_policy / t_plain:.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
