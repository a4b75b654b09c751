"""Execute notebooks in place, reproducibly: ``python tools/execute_notebooks.py notebooks/*.ipynb``."""

import sys
import time
from pathlib import Path

from nbexec import execute_notebook


def main(paths: list[str]) -> int:
    for raw in paths:
        path = Path(raw)
        if not path.exists():  # an unmatched glob such as notebooks/solutions/*.ipynb
            continue
        started = time.perf_counter()
        execute_notebook(path)
        print(f"executed {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
