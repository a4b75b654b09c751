"""Every lesson and solution notebook reruns in a fresh kernel and reproduces its committed outputs."""

import time
from pathlib import Path

import nbformat
import pytest
from nbexec import execute_notebook, figure_count, figures, text_outputs

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks" / "solutions").glob("*.ipynb"))
NOISE = ("Building prefix dict", "Loading model", "Prefix dict has been built", "0x7f", " at 0x")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_reproduces_its_committed_outputs(path, tmp_path):
    committed = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    fresh = execute_notebook(path, output_path=tmp_path / path.name, cwd=path.parent)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"{path.name} took {elapsed:.1f} s (budget 30 s)"
    new_text = text_outputs(fresh)
    assert not [t for cell in new_text for t in cell if t.startswith("error:")]
    assert text_outputs(committed) == new_text, f"{path.name}: committed outputs are stale; run make run"
    assert figure_count(fresh) == figure_count(committed)
    # Pinned versions and the bundled font make the PNGs byte-identical too; a difference means
    # the committed pictures are stale (a chart function changed without `make notebooks`).
    stale = [i for i, (a, b) in enumerate(zip(figures(fresh), figures(committed))) if a != b]
    assert stale == [], f"{path.name}: figures {stale} differ from a fresh run; run make notebooks"
    flat = "".join(t for cell in new_text for t in cell)
    assert not [n for n in NOISE if n in flat], "loader messages or memory addresses in outputs"


def test_every_lesson_ends_with_exercises_and_has_a_solution():
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert len(lessons) >= 6
    for path in lessons:
        nb = nbformat.read(path, as_version=4)
        markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
        assert markdown[0].startswith("# "), f"{path.name} must open with an H1 title"
        assert any(m.startswith("## Exercises") for m in markdown), path.name
        assert (ROOT / "notebooks" / "solutions" / path.name).exists(), path.name
