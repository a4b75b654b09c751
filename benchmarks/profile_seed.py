"""Where the time goes: cProfile of the pipeline, cold (one fresh process) and warm (many reports).

    python benchmarks/profile_seed.py                 # both, top 25 functions each
    python benchmarks/profile_seed.py --warm 50 --top 40 --save /tmp/warm.prof

cold   a fresh interpreter runs ``import policytext`` and every table of the seed, as
       ``python -m policytext run seeds/`` does: imports and one-time loading dominate;
       ``python -X importtime`` is summarised too (the heaviest top-level imports).
warm   the same process then runs N rewritten reports (benchmarks/make_corpus.py):
       what limits throughput on a corpus.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"


def _all_tables(report) -> None:
    from policytext.pipeline import report_tables

    report_tables(report)


def profile_cold(top: int, save: str | None) -> str:
    """Profile import + the seed's tables in a fresh interpreter; returns the printed stats."""
    code = (
        "import cProfile, pstats, io, sys\n"
        "pr = cProfile.Profile(); pr.enable()\n"
        "import policytext\n"
        "from policytext.pipeline import report_tables\n"
        f"report_tables(policytext.load_report({str(SEED)!r}))\n"
        "pr.disable()\n"
        f"save = {save!r}\n"
        "if save: pr.dump_stats(save)\n"
        "s = io.StringIO(); st = pstats.Stats(pr, stream=s)\n"
        f"st.sort_stats('cumulative').print_stats({top}); print(s.getvalue())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    return done.stdout + done.stderr[-2000:]


def import_times(top: int) -> str:
    """The heaviest imports of a cold ``import policytext`` (self+children, microseconds)."""
    code = ("import policytext\nfrom policytext import pipeline, words, tracking, indicators, "
            "deadlines, structure\n")
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(3)) <= 2:  # top-level imports only
            rows.append((int(m.group(2)), m.group(4)))
    rows.sort(reverse=True)
    total = sum(us for us, _ in rows)
    lines = [f"top-level imports: {total / 1e6:.2f} s in all"]
    lines += [f"{us / 1e6:8.3f} s  {name}" for us, name in rows[:top]]
    return "\n".join(lines)


def profile_warm(n: int, top: int, save: str | None) -> str:
    sys.path.insert(0, str(HERE))
    import make_corpus
    import policytext

    texts = [v.text for v in make_corpus.make_variants(n, seed=1)]
    _all_tables(policytext.load_report(SEED))  # pay one-time loading outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for i, text in enumerate(texts):
        _all_tables(policytext.Report.from_text(text, source=f"variant-{i}"))
    profiler.disable()
    if save:
        profiler.dump_stats(save)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warm", type=int, default=20, help="reports in the warm profile")
    parser.add_argument("--top", type=int, default=25, help="functions shown per listing")
    parser.add_argument("--save", help="write the warm profile here (pstats format)")
    parser.add_argument("--only", choices=["cold", "warm", "imports"], help="one part only")
    args = parser.parse_args(argv)
    if args.only in (None, "imports"):
        print("== imports (python -X importtime) ==\n" + import_times(args.top))
    if args.only in (None, "cold"):
        print("== cold: import + seed, fresh process ==\n" + profile_cold(args.top, None))
    if args.only in (None, "warm"):
        print(f"== warm: {args.warm} rewritten reports ==\n"
              + profile_warm(args.warm, args.top, args.save))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
