"""The policy tokenizer against plain jieba: throughput on the real corpus, memory on a long text.

Run:  .venv/bin/python benchmarks/bench_tokenizer.py [--mb 20] [--skip memory] [--json out.json]

**Throughput.** Every report of ``data/corpus/raw`` is tokenized three ways, report by report in
one process, each right after the others so that all see the same load on a shared machine:
plain jieba (an own ``jieba.Tokenizer().lcut``), ``policytext.words.tokenize`` (term discovery
on, the default) and ``tokenize(..., discover=False)``. Two passes: over the cleaned report
texts (what the pipeline tokenizes) and over the files' raw text (scraped pages that repeat
their report). Dictionaries are loaded first; the block memory of the policy tokenizer is
emptied before every report (a conservative figure: in a real run it carries over between
reports).

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
    """Seconds of each tokenizer over `texts`, interleaved report by report."""
    import jieba
    from policytext.words import tokenize
    from policytext.words.segment import default_segmenter

    plain = jieba.Tokenizer()
    plain.initialize()
    plain.lcut("热身")
    tokenize("热身")
    default_segmenter().cut.forget()
    spent = {"plain jieba": 0.0, "policytext": 0.0, "policytext, discover=False": 0.0}
    runs = [("plain jieba", plain.lcut), ("policytext", tokenize),
            ("policytext, discover=False", lambda t: tokenize(t, discover=False))]
    forget = default_segmenter().cut.forget
    for i, text in enumerate(texts):
        # Alternate the order so that neither tokenizer always runs on a warm processor cache.
        for name, fn in runs if i % 2 == 0 else runs[::-1]:
            # The policy tokenizer remembers the blocks it cut: forgotten before each report,
            # so that no report is timed on words the other policy run just cut.
            forget()
            t0 = time.perf_counter()
            fn(text)
            spent[name] += time.perf_counter() - t0
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
        base = spent["plain jieba"]
        figures[kind] = {"reports": len(texts), "mb": mb, "seconds": spent}
        print(f"corpus, {kind} text: {len(texts)} reports, {mb:.1f} MB")
        for name, sec in spent.items():
            print(f"  {name:28s} {sec:6.2f} s  {mb / sec:5.2f} MB/s  "
                  f"throughput {base / sec:4.2f}x plain jieba's")
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
