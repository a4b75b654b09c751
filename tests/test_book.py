"""The HTML book (`make book`) opens in a real headless Chromium: pages load, figures load, Chinese shows.

Chromium comes from Debian's packages (`apt-get install chromium`). When it is missing the tests
install it if they run as root, and skip with the reason otherwise.
"""

import html
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import nbformat
import pytest
from nbexec import figure_count

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "_artifacts"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
SAMPLE = "政府工作报告：确保增长6%，力争8%左右"

# One harness page loads every page of the book in turn in an iframe and writes what a reader
# would get (images, web font, navigation) into its own DOM, where --dump-dom reads it: one browser
# start for the whole book, no DevTools client. --allow-file-access-from-files lets the harness read
# its iframes' documents; the pages themselves load nothing but their own files.
HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<pre id="book-check"></pre><iframe id="page" style="width:1200px;height:900px"></iframe>
<script>
const PAGES = %(pages)s;
(async () => {
  const frame = document.getElementById("page"), out = document.getElementById("book-check");
  const results = {};
  for (const page of PAGES) {
    results[page] = "did not load";
    out.textContent = JSON.stringify(results);
    await new Promise(resolve => { frame.onload = resolve; frame.src = page; });
    const doc = frame.contentDocument;
    await doc.fonts.ready;
    const faces = await doc.fonts.load('16px "%(family)s"', "%(sample)s");
    const images = Array.from(doc.images);
    results[page] = {title: doc.title, images: images.length, cjk_font_loaded: faces.length > 0,
      broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80)),
      nav: doc.querySelectorAll("nav.book-nav").length};
    out.textContent = JSON.stringify(results);
  }
})();
</script></body></html>"""


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_book", ROOT / "tools" / "build_book.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def _find_chromium() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def chromium() -> str:
    found = _find_chromium()
    if found:
        return found
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here (needs root and apt-get): "
                    "run `apt-get install -y chromium` as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, check=False, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            pytest.skip(f"chromium is not installed and `{' '.join(command)}` failed: {done.stderr[-300:]}")
    return _find_chromium() or pytest.skip("apt-get installed chromium but no chromium binary was found")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("book")
    # Build from a snapshot, so that the checks compare the book with the notebooks it was made from.
    shutil.copytree(ROOT / "notebooks", folder / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    builder.build_book(folder / "_book", notebooks=folder / "notebooks")
    return folder / "_book"


def _notebooks(book: Path) -> list[Path]:
    notebooks = book.parent / "notebooks"
    return [*notebooks.glob("[0-9][0-9]-*.ipynb"), *notebooks.glob("solutions/*.ipynb")]


def _pages(book: Path) -> list[Path]:
    return sorted(p for p in book.rglob("*.html") if p.name != "_harness.html")


def _run_chromium(chromium: str, args: list[str]) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              check=False, capture_output=True, text=True, timeout=120)


def _open_in_browser(chromium: str, book: Path) -> dict:
    """Load every page of `book` in Chromium; per page, what the harness saw (or "did not load")."""
    pages = [p.relative_to(book).as_posix() for p in _pages(book)]
    harness = book / "_harness.html"
    harness.write_text(HARNESS % {"pages": json.dumps(pages), "family": builder.FONT_FAMILY,
                                  "sample": SAMPLE}, encoding="utf-8")
    try:
        done = _run_chromium(chromium, ["--allow-file-access-from-files", "--virtual-time-budget=60000",
                                        "--dump-dom", harness.as_uri()])
    finally:
        harness.unlink()
    found = re.search(r'<pre id="book-check">(.*?)</pre>', done.stdout, flags=re.DOTALL)
    assert found and found.group(1), f"the harness did not run in Chromium: {done.stderr[-500:]}"
    return json.loads(html.unescape(found.group(1)))


def test_book_has_every_notebook_an_index_and_the_glossary(book):
    names = {p.relative_to(book).as_posix() for p in _pages(book)}
    expected = {p.relative_to(book.parent / "notebooks").with_suffix(".html").as_posix() for p in _notebooks(book)}
    assert expected | {"index.html", "GLOSSARY.html"} == names
    index = (book / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in names - {"index.html"})


def test_book_needs_no_network_and_has_no_dead_links(book):
    cdn = '<script src="https://cdnjs.cloudflare.com/require.min.js"></script><a href="https://gov.cn">ok</a>'
    assert builder.external_references(cdn) == ["https://cdnjs.cloudflare.com/require.min.js"]
    for page in [*_pages(book), book / "_static" / "book.css"]:
        text = page.read_text(encoding="utf-8")
        assert builder.external_references(text) == [], page.name
        assert "cdnjs" not in text and "require.min.js" not in text, page.name
        for href in re.findall(r'href="(?![a-z]+:|#)([^"#]+\.(?:html|css))', text):
            assert (page.parent / href).exists(), f"{page.relative_to(book)} links to missing {href}"


def _next_link(page_html: str) -> str | None:
    tag = re.search(r'<a\s[^>]*\brel="next"[^>]*>', page_html)
    return re.search(r'href="([^"]+)"', tag.group(0)).group(1) if tag else None


def test_pages_chain_with_prev_and_next(book):
    index = (book / "index.html").read_text(encoding="utf-8")
    seen, page = ["index.html"], (book / _next_link(index)).resolve()
    while page is not None:
        seen.append(page.relative_to(book.resolve()).as_posix())
        nxt = _next_link(page.read_text(encoding="utf-8"))
        page = (page.parent / nxt).resolve() if nxt else None
    assert seen[1].startswith("00-") and seen[-1] == "GLOSSARY.html"
    assert sorted(seen) == sorted(p.relative_to(book).as_posix() for p in _pages(book))


def test_every_page_and_every_figure_loads_in_chromium(book, chromium):
    seen = _open_in_browser(chromium, book)
    assert list(seen) == [p.relative_to(book).as_posix() for p in _pages(book)]
    for page, result in seen.items():
        assert isinstance(result, dict), f"{page}: {result}"
        assert result["nav"] == 2, f"{page}: navigation missing"
        assert result["broken"] == [], f"{page}: images that did not load: {result['broken']}"
        assert result["cjk_font_loaded"], f"{page}: the embedded CJK font did not load"
    shown = {page: result["images"] for page, result in seen.items()}
    committed = {p.relative_to(book.parent / "notebooks").with_suffix(".html").as_posix():
                 figure_count(nbformat.read(p, 4)) for p in _notebooks(book)}
    assert {name: shown[name] for name in committed} == committed, "every figure of every notebook is shown"
    assert shown["00-overview.html"] >= 4


def test_screenshot_of_the_overview(book, chromium):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "book-00-overview.png"
    shot.unlink(missing_ok=True)
    done = _run_chromium(chromium, ["--window-size=1200,1800", "--virtual-time-budget=10000", f"--screenshot={shot}",
                                    (book / "00-overview.html").as_uri()])
    assert shot.exists() and shot.stat().st_size > 50_000, done.stderr[-500:]


def test_chinese_renders_with_the_library_font_and_would_fail_without_it():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import policytext

    policytext.setup()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph … missing from font(s)" warning fails the test
        fig, ax = plt.subplots()
        ax.set_title(SAMPLE)
        ax.set_xlabel("个百分点")
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    # The check is sharp: the same title in DejaVu Sans (no Chinese) does warn.
    fig, ax = plt.subplots()
    ax.set_title(SAMPLE, fontfamily="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def test_book_figures_were_drawn_without_missing_glyphs():
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        stderr = [o.get("text", "") for c in nb.cells if c.cell_type == "code"
                  for o in c.get("outputs", []) if o.get("name") == "stderr"]
        assert not [t for t in stderr if "missing from font" in t or "Glyph" in t], path.name
