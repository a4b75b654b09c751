"""`python -m policytext run`: what a user sees on the command line and finds on disk."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"
PER_REPORT = ("clean.txt", "removed.csv", "metadata.json", "sections.csv", "sentences.csv",
              "indicators.csv", "deadlines.csv", "targets.csv", "word_freq.csv")


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "policytext", *map(str, args)],
                          check=False, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    # relative, as `make pipeline` gives it: metadata.json records the path as given
    done = run_cli("run", SEED.relative_to(ROOT), "--out", out)
    return out, done


def test_help_explains_the_outputs():
    done = run_cli("run", "--help")
    assert done.returncode == 0
    for name in PER_REPORT + ("--jobs", "UTF-8 with BOM", "exit status"):
        assert name in done.stdout


def test_seed_run_writes_every_table(seed_run):
    out, done = seed_run
    assert done.returncode == 0, done.stderr
    folders = [p for p in out.iterdir() if p.is_dir() and p.name != "corpus"]
    assert [p.name for p in folders] == ["2019_郑州市惠济区_" + _sha8(SEED)]
    for name in PER_REPORT:
        assert (folders[0] / name).is_file(), name
    for name in ("metadata", "sections", "indicators", "targets", "word_freq"):
        assert (out / "corpus" / f"{name}.csv").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "staging folders left behind"


def test_csv_files_open_in_excel_with_chinese(seed_run):
    out, _ = seed_run
    folder = next(p for p in out.iterdir() if p.name.startswith("2019_"))
    for csv in folder.glob("*.csv"):
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf"), csv.name
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert meta["region"] == "郑州市惠济区" and meta["year"] == 2019
    sections = pd.read_csv(folder / "sections.csv", encoding="utf-8-sig")
    text = (folder / "clean.txt").read_text(encoding="utf-8")
    row = sections[sections["level"] == 1].iloc[0]
    assert row["title"] in text[row["start"]:row["end"]]


def test_corpus_tables_carry_report_id(seed_run):
    out, _ = seed_run
    indicators = pd.read_csv(out / "corpus" / "indicators.csv", encoding="utf-8-sig")
    assert indicators.columns[0] == "report_id"
    assert indicators["report_id"].nunique() == 1 and len(indicators) > 50


def test_rerun_gives_byte_identical_outputs(seed_run, tmp_path):
    out, _ = seed_run
    assert run_cli("run", SEED.relative_to(ROOT), "--out", tmp_path).returncode == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_bad_files_get_one_line_each_and_good_ones_are_still_written(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_good.txt").write_bytes(SEED.read_bytes())
    (inputs / "b_empty.txt").write_bytes(b"")
    (inputs / "c_binary.txt").write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "out"
    done = run_cli("run", inputs, "--out", out)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "b_empty.txt" in errors[0] and "c_binary.txt" in errors[1]
    assert "Traceback" not in done.stderr
    assert len([p for p in out.iterdir() if p.name.startswith("2019_")]) == 1


def test_missing_file_is_one_clear_line(tmp_path):
    done = run_cli("run", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert done.returncode == 1
    assert done.stderr.count("\n") <= 2 and "nope.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_unwritable_output_folder_is_refused_before_any_work(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    done = run_cli("run", SEED, "--out", blocker / "sub")
    assert done.returncode == 2
    assert "a_file" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def _sha8(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def test_committed_tables_in_data_processed_are_what_the_pipeline_writes(seed_run):
    """data/processed/ is for readers browsing the repository: it must not go stale."""
    out, _ = seed_run
    committed = ROOT / "data" / "processed"
    fresh = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    kept = {p.relative_to(committed): p.read_bytes() for p in committed.rglob("*") if p.is_file()}
    assert fresh.keys() == kept.keys()
    assert [str(k) for k in fresh if fresh[k] != kept[k]] == [], "run `make pipeline` and commit"
