"""One call at the top of every notebook: `policytext.setup()`."""

from __future__ import annotations

import logging

__all__ = ["setup"]

_done = False


def setup(*, font_path: str | None = None, dpi: int = 110) -> None:
    """Register the CJK font, set display options and quieten loaders. Idempotent, prints nothing.

    >>> setup(); setup()
    """
    global _done
    # Imported here, not at the top: `import policytext` (and every CLI worker) would otherwise
    # load matplotlib and all chart modules, which only notebooks need.
    import matplotlib
    import pandas as pd

    from policytext.plots.fonts import use_cjk_font

    use_cjk_font(font_path)
    matplotlib.rcParams.update({
        "figure.dpi": dpi,
        "savefig.dpi": dpi,
        # Fixed metadata and hash salt keep saved figures byte-identical between runs.
        "svg.hashsalt": "policytext",
    })
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 4)
    # jieba logs "Building prefix dict..." through its own logger; notebooks must not show it.
    logging.getLogger("jieba").setLevel(logging.ERROR)
    _done = True
