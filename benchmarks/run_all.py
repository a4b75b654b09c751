"""Measure policytext on a synthetic corpus: stage throughput, memory, job scaling, cold start.

    python benchmarks/run_all.py              # 1,000 reports (made on first use), ~10-20 min
    python benchmarks/run_all.py --n 100      # a quick look

Prints a table and writes benchmarks/results.json. What is measured:

* each stage in one process over every report (read+clean+metadata, structure, indicators+
  deadlines, words, targets) and their sum, the whole pipeline, in KB/s of input file and
  reports/s; one-time loading (the tokenizer's dictionary) happens before timing;
* plain jieba (a fresh ``jieba.Tokenizer().lcut``) over the same decoded files, each right
  before the pipeline runs on it: the floor;
* peak memory: ``ru_maxrss`` of a CLI run over the whole corpus (one job) and of a notebook-style
  ``load_corpus`` holding every report at once; ``tracemalloc`` peak of the Python heap for
  load_corpus in its own process, on ``--trace-n`` reports (tracemalloc slows it ~5x);
* the CLI with ``--jobs 1`` and ``--jobs 2`` (wall time, reports/s);
* a cold ``python -m policytext run seeds/ --out TMP`` (3 runs, median; fresh processes).

Goals (issue 6): pipeline >= half of plain jieba's KB/s; peak memory < 500 MB for 1,000
reports; cold run on the seed < 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # make_corpus is a sibling script, not an installed module

import make_corpus

STAGES = ("read+clean", "structure", "indicators+deadlines", "words", "targets")
GOALS = {"jieba_ratio": 0.5, "peak_mb": 500, "cold_s": 2.0}


# --------------------------------------------------------------------------- corpus
def ensure_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    """The first `n` files of the corpus folder, writing the corpus if it is short."""
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if len(paths) < n:
        paths = make_corpus.write_corpus(folder, n, seed=seed)
    return paths[:n]


# --------------------------------------------------------------------------- in-process stages
def plain_jieba():
    """A fresh ``jieba.Tokenizer`` (its own word table, jieba's log silenced) and its load time."""
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.ERROR)
    started = time.perf_counter()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer, time.perf_counter() - started


def time_stages(paths: list[Path]) -> dict:
    """Seconds per stage, for the whole pipeline and for plain jieba, summed over `paths`.

    Whole pipeline = read+clean + structure + indicators+deadlines + `report_tables` (which
    adds words, targets and the derived tables on top of the cached stages), i.e. exactly
    what the CLI computes before writing. "words" and "targets" are then timed once more
    on their own (they are not cached on the report), to show their share.

    Plain jieba (``lcut`` of the decoded file, reading not timed) runs on each report right
    before the pipeline does, in the same process: floor and pipeline then see the same
    machine load, heap and CPU clock. Timed in a separate pass, the floor moved by up to
    25 % between runs on a shared machine, and the ratio with it.
    """
    from policytext import load_report
    from policytext.pipeline import report_tables
    from policytext.targets import targets_table
    from policytext.words import tokenize, word_frequencies

    jieba_tk, jieba_init = plain_jieba()
    # One-time costs (imports, the tokenizer's dictionary) are not throughput: pay them first.
    started = time.perf_counter()
    report_tables(load_report(paths[0]))
    jieba_tk.lcut(paths[0].read_text(encoding="utf-8"))
    warmup = time.perf_counter() - started

    spent = dict.fromkeys((*STAGES, "pipeline", "core", "plain_jieba"), 0.0)
    failures = 0
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        try:
            tj = time.perf_counter()
            jieba_tk.lcut(raw)
            t0 = time.perf_counter()
            report = load_report(path)
            _ = report.metadata
            t1 = time.perf_counter()
            _ = report.sections, report.sentences
            t2 = time.perf_counter()
            _ = report.indicators, report.deadlines
            t3 = time.perf_counter()
            report_tables(report)
            t4 = time.perf_counter()
            # fresh tokens: report_tables has cached the report's own
            word_frequencies(tokenize(report.text))
            t5 = time.perf_counter()
            targets_table(report)
            t6 = time.perf_counter()
        except Exception:  # noqa: BLE001 - a benchmark counts failures, it does not stop
            failures += 1
            continue
        for key, (a, b) in {"plain_jieba": (tj, t0), "read+clean": (t0, t1),
                            "structure": (t1, t2), "indicators+deadlines": (t2, t3),
                            "words": (t4, t5), "targets": (t5, t6), "pipeline": (t0, t4)}.items():
            spent[key] += b - a
        # the "whole pipeline (clean, structure, indicators, words)"
        spent["core"] += (t3 - t0) + (t5 - t4)
    return {"seconds": spent, "warmup_s": warmup, "failures": failures, "jieba_init_s": jieba_init}


def rate(seconds: float, n_bytes: int, n_reports: int) -> dict:
    seconds = max(seconds, 1e-9)
    return {"seconds": round(seconds, 3), "kb_per_s": round(n_bytes / 1024 / seconds, 1),
            "reports_per_s": round(n_reports / seconds, 2)}


# --------------------------------------------------------------------------- subprocesses
def measured(cmd: list[str], *, timeout: float | None = None) -> dict:
    """Run `cmd` in a child that reports its own wall time and peak RSS (ru_maxrss of its child)."""
    probe = [sys.executable, str(Path(__file__).resolve()), "--_measure", "--", *cmd]
    done = subprocess.run(probe, check=False, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure_child(cmd: list[str]) -> int:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)
    wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"wall_s": round(wall, 3), "peak_mb": round(peak_kb / 1024, 1),
                      "returncode": done.returncode, "stderr_tail": done.stderr[-300:]}))
    return 0


def _memory_probe(folder: str, n: int, trace: bool) -> int:
    """load_corpus of the first `n` files (read, clean, structure), every report held at once,
    plus the corpus metadata table."""
    if trace:
        import tracemalloc

        tracemalloc.start()
    from policytext import load_corpus

    paths = sorted(Path(folder).glob("*.txt"))[:n]
    with tempfile.TemporaryDirectory() as tmp:
        for p in paths:
            os.symlink(p, Path(tmp) / p.name)
        corpus = load_corpus(tmp)
        meta = corpus.metadata
    result = {"reports": len(corpus), "metadata_rows": len(meta),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if trace:
        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    print(json.dumps(result))
    return 0


def memory_probe(folder: Path, n: int, *, trace: bool) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_memory", str(folder), str(n)]
    if trace:
        cmd.append("--trace")
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli(paths_or_folder: list[str], out: str, jobs: int) -> list[str]:
    return [sys.executable, "-m", "policytext", "run", *paths_or_folder, "--out", out,
            "--jobs", str(jobs), "--quiet"]


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--_measure", "--"]:
        return _measure_child(argv[2:])
    if argv[:1] == ["--_memory"]:
        return _memory_probe(argv[1], int(argv[2]), "--trace" in argv)

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="reports in the corpus (default 1000)")
    parser.add_argument("--corpus", default=str(make_corpus.DEFAULT_OUT), help="corpus folder")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed")
    parser.add_argument("--json", default=str(HERE / "results.json"), help="where to write results")
    parser.add_argument("--stage-n", type=int, default=0,
                        help="reports for the in-process stage timing (default: all)")
    parser.add_argument("--trace-n", type=int, default=200,
                        help="reports for the tracemalloc run (slow: ~5x; default 200)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["memory", "cli", "cold"],
                        help="leave out slow parts")
    args = parser.parse_args(argv)

    def save(results: dict) -> None:  # after every part, so a long run that dies keeps its figures
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")

    corpus = Path(args.corpus)
    paths = ensure_corpus(corpus, args.n, args.seed)
    n = len(paths)
    n_bytes = sum(p.stat().st_size for p in paths)
    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "corpus": {"reports": n, "mb": round(n_bytes / 2**20, 2), "seed": args.seed},
    }
    print(f"corpus: {n} reports, {n_bytes / 2**20:.1f} MB in {corpus}", flush=True)

    stage_paths = paths[: args.stage_n or n]
    stage_bytes = sum(p.stat().st_size for p in stage_paths)
    stages = time_stages(stage_paths)
    seconds = stages["seconds"]
    pipeline_s, core_s = seconds.pop("pipeline"), seconds.pop("core")
    jieba_s = seconds.pop("plain_jieba")
    results["stages"] = {s: rate(sec, stage_bytes, len(stage_paths)) for s, sec in seconds.items()}
    results["pipeline"] = rate(pipeline_s, stage_bytes, len(stage_paths))
    results["pipeline"]["reports"] = len(stage_paths)
    results["pipeline"]["warmup_s"] = round(stages["warmup_s"], 3)
    results["pipeline"]["failures"] = stages["failures"]
    results["core"] = rate(core_s, stage_bytes, len(stage_paths))
    results["plain_jieba"] = rate(jieba_s, stage_bytes, len(stage_paths))
    results["plain_jieba"]["init_s"] = round(stages["jieba_init_s"], 3)
    for key in ("pipeline", "core"):
        results[key]["share_of_jieba"] = round(
            results[key]["kb_per_s"] / results["plain_jieba"]["kb_per_s"], 3)
    results["process_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print("stages and plain jieba done", flush=True)
    save(results)

    with tempfile.TemporaryDirectory() as tmp:
        if "cli" not in args.skip:
            results["cli"] = {}
            for jobs in (1, 2):
                m = measured(cli([str(corpus)] if n == len(list(corpus.glob("*.txt")))
                                 else list(map(str, paths)), f"{tmp}/jobs{jobs}", jobs))
                m.update(rate(m["wall_s"], n_bytes, n))
                results["cli"][f"jobs{jobs}"] = m
                print(f"cli --jobs {jobs} done", flush=True)
                save(results)
            results["cli"]["speedup"] = round(
                results["cli"]["jobs1"]["wall_s"] / results["cli"]["jobs2"]["wall_s"], 2)
        if "memory" not in args.skip:
            results["load_corpus"] = memory_probe(corpus, n, trace=False)
            traced = memory_probe(corpus, min(n, args.trace_n), trace=True)
            results["load_corpus"]["tracemalloc_peak_mb"] = traced["tracemalloc_peak_mb"]
            results["load_corpus"]["tracemalloc_reports"] = traced["reports"]
            save(results)
            print("memory done", flush=True)
        if "cold" not in args.skip:
            runs = [measured(cli(["seeds/"], f"{tmp}/cold{i}", 1)) for i in range(4)]
            results["cold_seed"] = {"first_s": runs[0]["wall_s"],
                                    "median_s": statistics.median(r["wall_s"] for r in runs[1:]),
                                    "runs_s": [r["wall_s"] for r in runs[1:]],
                                    "peak_mb": max(r["peak_mb"] for r in runs)}
            print("cold done", flush=True)
            save(results)

    results["goals"] = check_goals(results)
    save(results)
    print_table(results)
    return 0


def check_goals(r: dict) -> dict:
    goals = {"clean+structure+indicators+words >= 0.5 x plain jieba":
             r["core"]["share_of_jieba"] >= GOALS["jieba_ratio"]}
    peaks = [r.get("cli", {}).get("jobs1", {}).get("peak_mb"), r.get("load_corpus", {}).get("peak_rss_mb")]
    peaks = [p for p in peaks if p is not None]
    if peaks:
        goals[f"peak memory < {GOALS['peak_mb']} MB"] = max(peaks) < GOALS["peak_mb"]
    if "cold_seed" in r:
        goals[f"cold seed run < {GOALS['cold_s']} s"] = r["cold_seed"]["median_s"] < GOALS["cold_s"]
    return goals


def print_table(r: dict) -> None:
    print(f"\n{r['corpus']['reports']} reports, {r['corpus']['mb']} MB, "
          f"{r['machine']['cpus']} CPUs, Python {r['machine']['python']}")
    print(f"in-process stages over {r['pipeline']['reports']} reports; CLI over all")
    print(f"{'stage':<24}{'seconds':>10}{'KB/s':>10}{'reports/s':>11}")
    rows = [*r["stages"].items(), ("clean..words (goal)", r["core"]),
            ("every table (CLI)", r["pipeline"]),
            ("plain jieba (floor)", r["plain_jieba"])]
    for jobs in ("jobs1", "jobs2"):
        if jobs in r.get("cli", {}):
            rows.append((f"CLI --jobs {jobs[-1]} (wall)", r["cli"][jobs]))
    for name, m in rows:
        print(f"{name:<24}{m['seconds']:>10.2f}{m['kb_per_s']:>10.1f}{m['reports_per_s']:>11.2f}")
    print(f"clean..words / plain jieba: {r['core']['share_of_jieba']:.2f}; "
          f"every table / plain jieba: {r['pipeline']['share_of_jieba']:.2f}  "
          f"(one-time warm-up {r['pipeline']['warmup_s']:.2f} s, jieba init "
          f"{r['plain_jieba']['init_s']:.2f} s)")
    if "cli" in r:
        print(f"CLI speed-up 1 -> 2 jobs: {r['cli']['speedup']:.2f}x; "
              f"peak RSS --jobs 1: {r['cli']['jobs1']['peak_mb']:.0f} MB")
    if "load_corpus" in r:
        m = r["load_corpus"]
        print(f"load_corpus ({m['reports']} reports held): peak RSS {m['peak_rss_mb']:.0f} MB, "
              f"Python heap peak (tracemalloc, {m['tracemalloc_reports']} reports) "
              f"{m['tracemalloc_peak_mb']:.0f} MB")
    if "cold_seed" in r:
        c = r["cold_seed"]
        print(f"cold run on seeds/: median {c['median_s']:.2f} s of {c['runs_s']} "
              f"(very first run {c['first_s']:.2f} s)")
    for goal, ok in r["goals"].items():
        print(f"  [{'ok' if ok else 'MISSED'}] {goal}")


if __name__ == "__main__":
    raise SystemExit(main())
