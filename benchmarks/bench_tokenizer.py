"""The policy tokenizer against plain jieba: throughput on the real corpus, memory on a long text.

Run:  .venv/bin/python benchmarks/bench_tokenizer.py [--mb 20] [--skip memory] [--json out.json]

**Throughput.** Every report of ``data/corpus/raw`` is tokenized by ``policytext.words.tokenize``
(term discovery on, the default) and by plain jieba (an own ``jieba.Tokenizer().lcut``), report
by report in one process, each right after the other so that both see the same load on a
shared machine. Then the same with ``tokenize(..., discover=False)``, and once more with the
policy tokenizer's memory of cut blocks emptied before every report ("every report cold"; in
a real run it carries over between reports). All of it over the cleaned report texts (what the
pipeline tokenizes) and over the files' raw text (scraped pages that repeat their report).

**Memory.** The seed repeated to ``--mb`` megabytes (UTF-8) is tokenized once in a fresh
process per tokenizer; the peak resident memory of that process (``ru_maxrss``) and its time
are compared. Loading the dictionaries is inside the peak, not inside the time.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "corpus" / "raw"
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"


def corpus_texts(kind: str) -> list[str]:
    """The corpus reports, cleaned (``load_report``) or as their files hold them (``raw``)."""
    import policytext
    from policytext.read import read_documents

    paths = [p for p in sorted(RAW.iterdir()) if p.name not in {"MANIFEST.csv", "README.md"}]
    if kind == "clean":
        return [policytext.load_report(p).text for p in paths]
    return [doc.text for p in paths for doc in read_documents(p)]


def throughput(texts: list[str]) -> dict[str, float]:
    """Seconds of each tokenizer over `texts`, each policy run interleaved with plain jieba."""
    import jieba
    from policytext.words import tokenize
    from policytext.words.segment import default_segmenter

    plain = jieba.Tokenizer()
    plain.initialize()
    plain.lcut("热身")
    tokenize("热身")
    forget = default_segmenter().cut.forget
    spent: dict[str, float] = {}
    modes = [("policytext", {}, False), ("policytext, discover=False", {"discover": False}, False),
             ("policytext, every report cold", {}, True)]
    for name, options, cold in modes:
        # Each policy run is its own pass with plain jieba beside it, report by report: the
        # memory of cut blocks carries over between reports as in a real run, but never from
        # another policy run of the same report (or, "cold", not even between reports).
        forget()
        mine = theirs = 0.0
        for i, text in enumerate(texts):
            if cold:
                forget()
            pair = [(plain.lcut, ()), (tokenize, options)]
            for fn, kw in pair if i % 2 == 0 else pair[::-1]:
                t0 = time.perf_counter()
                fn(text, **dict(kw))
                took = time.perf_counter() - t0
                if fn is tokenize:
                    mine += took
                else:
                    theirs += took
        spent[name] = mine
        spent[f"plain jieba (beside {name})"] = theirs
    return spent


def memory_child(which: str, mb: float) -> None:
    """In a fresh process: tokenize the long text once, print seconds and peak RSS as JSON."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    seed = SEED.read_text(encoding="utf-8")
    text = "\n".join([seed] * max(1, round(mb * 1e6 / len(seed.encode("utf-8")))))
    if which == "plain jieba":
        import jieba

        tk = jieba.Tokenizer()
        tk.initialize()
        tk.lcut("热身")
        t0 = time.perf_counter()
        n = len(tk.lcut(text))
    else:
        from policytext.words import tokenize

        tokenize("热身")
        t0 = time.perf_counter()
        n = len(tokenize(text))
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "tokens": n,
                      "text_mb": len(text.encode("utf-8")) / 1e6}))


def memory(mb: float) -> dict[str, dict]:
    out = {}
    for which in ("plain jieba", "policytext"):
        done = subprocess.run([sys.executable, __file__, "--child", which, "--mb", str(mb)],
                              capture_output=True, text=True, check=True)
        out[which] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the long text (MB)")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["clean", "raw", "memory"], help="leave a part out")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        memory_child(args.child, args.mb)
        return
    logging.getLogger("jieba").setLevel(logging.WARNING)
    figures: dict[str, object] = {}
    for kind in ("clean", "raw"):
        if kind in args.skip:
            continue
        texts = corpus_texts(kind)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        spent = throughput(texts)
        figures[kind] = {"reports": len(texts), "mb": mb, "seconds": spent}
        print(f"corpus, {kind} text: {len(texts)} reports, {mb:.1f} MB")
        for name, sec in spent.items():
            if name.startswith("plain jieba"):
                continue
            base = spent[f"plain jieba (beside {name})"]
            print(f"  {name:30s} {sec:6.2f} s  {mb / sec:5.2f} MB/s  plain jieba beside it "
                  f"{base:6.2f} s  throughput {base / sec:4.2f}x plain jieba's")
    if "memory" not in args.skip:
        mem = memory(args.mb)
        figures["memory"] = mem
        p, j = mem["policytext"], mem["plain jieba"]
        print(f"seed repeated to {p['text_mb']:.1f} MB, one tokenizer per process:")
        for name, m in mem.items():
            print(f"  {name:12s} peak {m['peak_mb']:6.0f} MB  {m['seconds']:6.1f} s  "
                  f"{m['tokens']:,} tokens")
        print(f"  peak memory {p['peak_mb'] / j['peak_mb']:.2f}x plain jieba's (goal <= 1.2x), "
              f"time {p['seconds'] / j['seconds']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
