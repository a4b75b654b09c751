"""One CJK font for every figure: matplotlib and wordcloud draw with the same file.

Resolution order: an explicit path, the ``POLICYTEXT_FONT`` environment variable, then the
Noto Sans CJK SC file shipped inside the installed ``mplfonts`` package (SIL OFL). We use that
file where it lies; ``mplfonts init`` is never run because it writes into matplotlib's folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["FONT_ENV", "cjk_font_path", "use_cjk_font"]

FONT_ENV = "POLICYTEXT_FONT"
_BUNDLED = "NotoSansCJKsc-Regular.otf"


@lru_cache(maxsize=1)
def _bundled_font() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"no CJK font: install mplfonts or set {FONT_ENV}")
    for folder in spec.submodule_search_locations:
        hits = sorted(Path(folder).rglob(_BUNDLED))
        if hits:
            return hits[0]
    raise FileNotFoundError(f"mplfonts has no {_BUNDLED}; set {FONT_ENV} to a CJK font file")


def cjk_font_path(path: str | os.PathLike[str] | None = None) -> str:
    """Path of the CJK font file to use (argument > $POLICYTEXT_FONT > mplfonts' Noto Sans CJK SC).

    >>> cjk_font_path().endswith((".otf", ".ttf", ".ttc"))
    True
    """
    chosen = path or os.environ.get(FONT_ENV)
    if chosen:
        p = Path(chosen).expanduser()
        if not p.is_file():
            source = "argument" if path else FONT_ENV
            raise FileNotFoundError(f"CJK font from {source} not found: {p}")
        return str(p.resolve())
    return str(_bundled_font())


_registered: dict[str, str] = {}


def use_cjk_font(path: str | os.PathLike[str] | None = None) -> str:
    """Register the CJK font with matplotlib, put it first in font.sans-serif; return its family.

    Also sets ``axes.unicode_minus = False`` (the CJK font has no U+2212 minus sign).
    Idempotent: calling again re-asserts the settings without adding the font twice.

    >>> use_cjk_font() == use_cjk_font()
    True
    """
    import matplotlib
    from matplotlib import font_manager

    file = cjk_font_path(path)
    family = _registered.get(file)
    if family is None:
        font_manager.fontManager.addfont(file)
        family = font_manager.FontProperties(fname=file).get_name()
        _registered[file] = family
    rc = matplotlib.rcParams
    rc["font.sans-serif"] = [family, *[f for f in rc["font.sans-serif"] if f != family]]
    rc["font.family"] = ["sans-serif"]
    rc["axes.unicode_minus"] = False
    return family
