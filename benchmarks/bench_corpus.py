"""Wall time and peak memory of the CLI over the real development corpus (data/corpus/raw).

    python benchmarks/bench_corpus.py                 # --jobs 2, the 116 real reports
    python benchmarks/bench_corpus.py --jobs 1 --json benchmarks/corpus_speed.json

Runs ``python -m policytext run data/corpus/raw --out TMP --jobs N`` in a child
process and reads the peak resident set size of the largest process it started (the CLI
or one of its workers: ``RUSAGE_CHILDREN``; a worker holds one report at a time, the
parent holds only outcomes). Prints one line per figure; stderr of the run is counted
(error and warning lines) so a speed figure never hides failures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(corpus: Path, jobs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "policytext", "run", str(corpus), "--out", out,
                               "--jobs", str(jobs)],
                              capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - started
        reports = sum(1 for p in Path(out).iterdir()
                      if p.is_dir() and p.name != "corpus" and not p.name.startswith("."))
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    lines = done.stderr.splitlines()
    return {
        "files": sum(1 for p in corpus.iterdir() if p.is_file()),
        "reports_written": reports,
        "errors": sum(x.startswith("error:") for x in lines),
        "warnings": sum(x.startswith("warning:") for x in lines),
        "exit_status": done.returncode,
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(peak_kb / 1024, 1),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "summary": lines[-1] if lines else "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus" / "raw")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    figures = measure(args.corpus, args.jobs)
    for key, value in figures.items():
        print(f"{key:16} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
