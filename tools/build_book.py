"""Build the static HTML book of the notebook collection: ``make book`` (offline, into ``_book/``).

    .venv/bin/python tools/build_book.py [--out _book]

Pages, in reading order: the lessons ``notebooks/NN-*.ipynb``, their solutions
``notebooks/solutions/*.ipynb`` and ``notebooks/GLOSSARY.md``, plus an ``index.html`` that lists
them; every page has previous / contents / next links. The notebooks are rendered as committed
(their outputs are tested to be what a fresh run gives), with plain nbconvert's ``HTMLExporter``.

The book needs no network: figures are data URIs already; the CDN scripts of nbconvert's
template (require.js, MathJax, mermaid) are left out, since the lessons use none of them; and
the library's CJK font, cut down to the characters the book uses, is embedded in
``_static/book.css`` so that Chinese text shows on a machine without Chinese system fonts.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
MARKER = ".policytext-book"  # only a folder holding this file is ever wiped by a rebuild
FONT_FAMILY = "Book CJK"

# Our template: nbconvert's lab template without its CDN scripts, plus the book's navigation.
# Our CSS comes after the theme's (html_head_css) so that its font stacks win.
TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_css -%}<link rel="stylesheet" href="{{ resources.book_css }}">{%- endblock html_head_css -%}
{%- block body_header -%}{{ super() }}{{ resources.book_nav }}{%- endblock body_header -%}
{% block body_footer %}{{ resources.book_nav }}{{ super() }}{% endblock body_footer %}
"""

# The CJK face comes first in the theme's font stacks but, through unicode-range, only for CJK
# characters: Chromium does not fall back along the stack for a run such as "2019年…" that starts
# with Latin digits, so a CJK font placed after the Latin ones leaves boxes there.
CSS = """\
@font-face {{ font-family: "{family}"; src: url(data:font/otf;base64,{font}) format("opentype");
  unicode-range: U+2E80-2FFF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F,
    U+FF00-FFEF, U+20000-2FA1F; }}
:root {{
  --jp-ui-font-family: "{family}", system-ui, -apple-system, "Segoe UI", helvetica, arial, sans-serif;
  --jp-content-font-family: "{family}", system-ui, -apple-system, "Segoe UI", helvetica, arial, sans-serif;
  --jp-code-font-family-default: "{family}", menlo, consolas, "DejaVu Sans Mono", monospace;
}}
nav.book-nav {{ display: flex; justify-content: space-between; gap: 1em; max-width: 1100px;
  margin: 0.5em auto; padding: 0.5em 1em; border-top: 1px solid #ddd; border-bottom: 1px solid #ddd;
  font-family: var(--jp-ui-font-family); font-size: 14px; }}
nav.book-nav a {{ text-decoration: none; }}
"""


INTRO = ("Lessons on reading 政府工作报告 (government work reports) with the `policytext` library: "
         "cleaning, structure, indicators, words and targets. Each lesson is a notebook with its outputs; "
         "run them yourself in JupyterLab, or on your own report with `make run REPORT=path/to/report.txt`.")


@dataclass(frozen=True)
class Page:
    """One page of the book: its source file, its path inside the book, its title and question."""

    source: Path
    target: PurePosixPath
    title: str
    question: str = ""


def collect_pages(notebooks: Path) -> list[Page]:
    """The book's pages in reading order: lessons, solutions, glossary."""
    import nbformat

    pages = []
    sources = sorted(notebooks.glob("[0-9][0-9]-*.ipynb")) + sorted(notebooks.glob("solutions/*.ipynb"))
    for source in sources:
        nb = nbformat.read(source, as_version=4)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        title = first.splitlines()[0].lstrip("# ").strip() if first else source.stem
        bold = re.search(r"\*\*(.+?)\*\*", first, flags=re.DOTALL)
        question = " ".join(bold.group(1).split()) if bold else ""
        question = re.sub(r"^The question of this \w+:\s*", "", question)  # the index says it once
        question = question[:1].upper() + question[1:]
        target = PurePosixPath(source.relative_to(notebooks).as_posix()).with_suffix(".html")
        pages.append(Page(source, target, title, question))
    glossary = notebooks / "GLOSSARY.md"
    if glossary.exists():
        first = glossary.read_text(encoding="utf-8").splitlines()[0]
        pages.append(Page(glossary, PurePosixPath("GLOSSARY.html"), first.lstrip("# ").strip()))
    return pages


def index_markdown(pages: list[Page]) -> str:
    """The contents page, as markdown (rendered like every other page)."""
    lessons = [p for p in pages if p.source.suffix == ".ipynb" and p.source.parent.name != "solutions"]
    solutions = [p for p in pages if p.source.parent.name == "solutions"]
    rows = [f"| [{p.title}]({p.target}) | {p.question} |" for p in lessons]
    lines = ["# policytext: a course on Chinese government work reports", "",
             INTRO, "",
             "## Lessons", "", "| lesson | the question |", "|:---|:---|", *rows, "",
             "## Solutions", "", *[f"- [{p.title}]({p.target})" for p in solutions], ""]
    lines += [f"## Reference\n\n- [{p.title}]({p.target})" for p in pages if p.source.suffix == ".md"]
    return "\n".join(lines) + "\n"


def _relative(target: PurePosixPath, start: PurePosixPath) -> str:
    """Link from page `start` to book path `target` (both relative to the book root)."""
    ups = len(start.parent.parts)
    return "../" * ups + target.as_posix()


def _nav(pages: list[Page], i: int, here: PurePosixPath) -> str:
    def link(page: Page | None, rel: str, label: str) -> str:
        if page is None:
            return "<span></span>"
        return f'<a rel="{rel}" href="{_relative(page.target, here)}">{label}</a>'

    prev_page = pages[i - 1] if i > 0 else None
    next_page = pages[i + 1] if i < len(pages) - 1 else None
    title = html.escape
    return ('<nav class="book-nav">'
            f'{link(prev_page, "prev", f"← {title(prev_page.title)}" if prev_page else "")}'
            f'{link(pages[0], "contents", "Contents")}'
            f'{link(next_page, "next", f"{title(next_page.title)} →" if next_page else "")}</nav>')


def _rewrite_links(body: str, here: PurePosixPath, targets: set[str]) -> str:
    """Turn links to notebooks and markdown files of the book into links to their pages."""

    def swap(match: re.Match) -> str:
        path, anchor = match.group(2), match.group(4) or ""
        if _normalise(f"{here.parent.as_posix()}/{path}.html") not in targets:
            return match.group(0)  # not a page of the book: leave the link as the author wrote it
        return f'{match.group(1)}{path}.html{anchor}"'

    return re.sub(r'(href=")(?!\w+:)([^"#]+?)(\.ipynb|\.md)(#[^"]*)?"', swap, body)


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def external_references(page_html: str) -> list[str]:
    """Resources a page would fetch from the network (scripts, styles, images, fonts, frames)."""
    tags = re.findall(r'<(?:script|img|iframe|source|embed)\b[^>]*\bsrc=["\']([^"\']+)', page_html)
    tags += re.findall(r'<link\b[^>]*\bhref=["\']([^"\']+)', page_html)
    tags += re.findall(r'url\(\s*["\']?([^"\')]+)', page_html)
    tags += re.findall(r'@import\s+["\']([^"\']+)', page_html)
    return sorted({t for t in tags if re.match(r"(?:https?:)?//", t.strip())})


def _font_css(texts: list[str]) -> str:
    """Our CSS with the CJK font reduced to the characters the book shows (a few hundred KB)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from policytext.plots import cjk_font_path

    chars = sorted({ch for text in texts for ch in text if ord(ch) > 0x7F})
    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical/width variants of CJK punctuation
    options.notdef_outline = True
    font = TTFont(cjk_font_path())
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(chars))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return CSS.format(family=FONT_FAMILY, font=base64.b64encode(buffer.getvalue()).decode("ascii"))


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", template_file="book.html.j2",
                        extra_loaders=[DictLoader({"book.html.j2": TEMPLATE})], embed_images=True)


def _markdown_notebook(text: str):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(text))
    return nb


def build_book(out: Path | str = ROOT / "_book", *, notebooks: Path | str = ROOT / "notebooks") -> list[Path]:
    """Render every page into `out` (replacing an earlier book there); return the written pages."""
    import nbformat

    out, notebooks = Path(out), Path(notebooks)
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            raise SystemExit(f"{out}: not empty and not a book built by this script; choose another --out")
        shutil.rmtree(out)
    pages = collect_pages(notebooks)
    if not pages:
        raise SystemExit(f"{notebooks}: no notebooks to build")
    index = Page(notebooks, PurePosixPath("index.html"), "Contents")
    sequence = [index, *pages]
    targets = {p.target.as_posix() for p in sequence}
    exporter = _exporter()
    rendered: dict[PurePosixPath, str] = {}
    for i, page in enumerate(sequence):
        if page is index:
            nb = _markdown_notebook(index_markdown(pages))
        elif page.source.suffix == ".md":
            nb = _markdown_notebook(page.source.read_text(encoding="utf-8"))
        else:
            nb = nbformat.read(page.source, as_version=4)
        resources = {"metadata": {"name": page.title},
                     "book_css": _relative(PurePosixPath("_static/book.css"), page.target),
                     "book_nav": _nav(sequence, i, page.target)}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        rendered[page.target] = _rewrite_links(body, page.target, targets)
    css = _font_css([*rendered.values()])
    written = []
    for target, body in [(PurePosixPath("_static/book.css"), css), *rendered.items()]:
        leaks = external_references(body)
        if leaks:
            raise SystemExit(f"{target}: would load from the network: {', '.join(leaks)}")
        path = out / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        if path.suffix == ".html":
            written.append(path)
    (out / MARKER).write_text("built by tools/build_book.py\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "_book"), help="output folder (default: _book/)")
    parser.add_argument("--notebooks", default=str(ROOT / "notebooks"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    written = build_book(args.out, notebooks=args.notebooks)
    print(f"{len(written)} pages in {args.out}; open {Path(args.out) / 'index.html'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
