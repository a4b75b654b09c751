"""Many reports at once: `policytext.load_corpus` and ``python -m policytext run FOLDER``.

The corpus is three rewrites of the seed (other places, years, speakers and figures, made
by benchmarks/make_corpus.py) plus two files that are not reports.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
import policytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("metadata", "sections", "indicators", "targets", "word_freq")
BAD = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 40}


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


make_corpus = _make_corpus_module()


@pytest.fixture(scope="module")
def variants():
    return list(make_corpus.make_variants(3, seed=7))


@pytest.fixture(scope="module")
def folder(tmp_path_factory, variants):
    path = tmp_path_factory.mktemp("reports")
    for v in variants:
        (path / v.file_name).write_text(v.text, encoding="utf-8")
    for name, data in BAD.items():
        (path / name).write_bytes(data)
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory, folder):
    """The CLI over the folder with one and with two jobs."""
    done = {}
    for jobs in (1, 2):
        out = tmp_path_factory.mktemp(f"out{jobs}")
        proc = subprocess.run(
            [sys.executable, "-m", "policytext", "run", str(folder), "--out", str(out),
             "--jobs", str(jobs)],
            check=False, capture_output=True, text=True, cwd=ROOT, timeout=300)
        done[jobs] = (out, proc)
    return done


def test_variants_really_are_other_places_and_years(variants):
    assert len({v.place.region for v in variants}) == 3
    seed = make_corpus.seed_text()
    for v in variants:
        assert "惠济" not in v.text and "郑州" not in v.text and v.text != seed
        assert f"{v.year}年{v.place.region}政府工作报告" in v.text
    again = [v.text for v in make_corpus.make_variants(3, seed=7)]
    assert again == [v.text for v in variants], "the corpus must be reproducible"


def test_load_corpus_reads_good_reports_and_lists_bad_ones(folder, variants):
    corpus = policytext.load_corpus(folder)
    assert len(corpus) == len(variants)
    assert sorted(Path(p).name for p in corpus.failures) == sorted(BAD)
    assert all(reason and "\n" not in reason for reason in corpus.failures.values())
    meta = corpus.metadata
    assert list(meta["report_id"]) == sorted(meta["report_id"])
    expected = sorted((v.year, v.place.region, v.speaker) for v in variants)
    assert sorted(zip(meta["year"], meta["region"], meta["speaker"])) == expected


def test_load_corpus_tables_stack_every_report(folder):
    corpus = policytext.load_corpus(folder)
    ids = set(corpus.metadata["report_id"])
    for name in ("sections", "indicators", "word_freq"):
        table = corpus.table(name)
        assert table.columns[0] == "report_id"
        assert set(table["report_id"]) == ids, name


def test_cli_writes_corpus_tables_starting_with_report_id(runs, variants):
    out, proc = runs[1]
    assert proc.returncode == 1  # the two bad files
    for name in TABLES:
        table = pd.read_csv(out / "corpus" / f"{name}.csv", encoding="utf-8-sig")
        assert table.columns[0] == "report_id", name
        if name != "targets":
            assert table["report_id"].nunique() == len(variants), name
    indicators = pd.read_csv(out / "corpus" / "indicators.csv", encoding="utf-8-sig")
    assert indicators.groupby("report_id").size().min() > 50
    regions = pd.read_csv(out / "corpus" / "metadata.csv", encoding="utf-8-sig")["region"]
    assert sorted(regions) == sorted(v.place.region for v in variants)


def test_one_and_two_jobs_give_identical_files(runs):
    def snapshot(out):
        return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    first, second = snapshot(runs[1][0]), snapshot(runs[2][0])
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []


def test_cli_lists_bad_files_with_reasons_and_ends_with_a_summary(runs, variants):
    for out, proc in runs.values():
        assert "Traceback" not in proc.stderr
        errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == len(BAD)
        assert "empty.txt" in errors[1] and "empty" in errors[1].split("empty.txt", 1)[1]
        assert "binary.txt" in errors[0]
        summary = proc.stderr.strip().splitlines()[-1]
        assert f"{len(variants)} report(s)" in summary and f"{len(BAD)} failed" in summary
        assert summary.endswith(" s")
        folders = [p for p in out.iterdir() if p.is_dir() and p.name != "corpus"]
        assert len(folders) == len(variants)


def test_load_corpus_keeps_good_records_of_a_dataset_and_names_the_bad_one(tmp_path, variants):
    import json
    path = tmp_path / "reports.jsonl"
    rows = [{"title": "x", "content": variants[0].text}, {"title": "y", "content": ""},
            {"title": "z", "content": variants[1].text}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    corpus = policytext.load_corpus(tmp_path)
    assert len(corpus) == 2
    assert list(corpus.failures) == [f"{path}#2"]
    assert "no text" in corpus.failures[f"{path}#2"]
