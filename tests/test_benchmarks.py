"""The benchmark script runs end to end on a tiny corpus and reports every figure it promises.

Speed itself is measured by ``benchmarks/run_all.py``, never asserted here: a test only checks
that the script still works, so that the figures in benchmarks/README.md can be remade.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    sys.path.insert(0, str(ROOT / "benchmarks"))  # run_all imports make_corpus as a sibling
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_run_all_measures_stages_jieba_floor_and_goal_on_a_small_corpus(tmp_path, capsys):
    run_all = _load("run_all")
    out = tmp_path / "results.json"
    code = run_all.main(["--n", "2", "--corpus", str(tmp_path / "corpus"), "--json", str(out),
                         "--skip", "memory", "cli", "cold"])
    assert code == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["corpus"]["reports"] == 2
    assert results["pipeline"]["failures"] == 0
    assert set(results["stages"]) == set(run_all.STAGES)
    for key in ("core", "pipeline", "plain_jieba", *(f"stages/{s}" for s in run_all.STAGES)):
        figure = results["stages"][key.split("/")[1]] if "/" in key else results[key]
        assert figure["seconds"] > 0 and figure["kb_per_s"] > 0, key
    # the goal is judged on the stages, against the jieba floor timed alongside
    share = results["core"]["kb_per_s"] / results["plain_jieba"]["kb_per_s"]
    assert abs(results["core"]["share_of_jieba"] - share) < 1e-3
    assert list(results["goals"]) == ["clean+structure+indicators+words >= 0.5 x plain jieba"]
    assert "plain jieba (floor)" in capsys.readouterr().out
