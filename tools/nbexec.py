"""Execute the lesson notebooks reproducibly (used by `make run`, the tests and the book).

Kept in the library so that the Makefile, the tests and `tools/` share one
definition of "a clean run": a fresh kernel, the notebook's own folder as the
working directory, a fixed hash seed, no timing metadata, and optional
papermill-style parameters injected after the cell tagged ``parameters``.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["execute_notebook", "figure_count", "figures", "inject_parameters", "text_outputs"]

#: Environment for every kernel: the same hash seed and no GUI backend on any machine.
KERNEL_ENV = {"PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}


def inject_parameters(nb, parameters: dict) -> None:
    """Insert a cell tagged ``injected-parameters`` after the ``parameters`` cell (papermill's convention)."""
    import nbformat

    if not parameters:
        return
    lines = [f"{name} = {value!r}" for name, value in parameters.items()]
    cell = nbformat.v4.new_code_cell("# Parameters injected for this run\n" + "\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    cell.id = "injected-parameters"
    index = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])),
        0,
    )
    nb.cells.insert(index, cell)


def execute_notebook(path, *, output_path=None, parameters: dict | None = None,
                     timeout: int = 300, cwd=None):
    """Run `path` top to bottom in a fresh kernel; write it to `output_path` (default: in place).

    Returns the executed notebook node.
    """
    # On a fresh machine the first import of matplotlib builds its font cache and logs that it
    # does; doing it here keeps the message out of the notebook's outputs.
    import tempfile

    import matplotlib.font_manager  # noqa: F401
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, parameters or {})
    env_backup = {k: os.environ.get(k) for k in KERNEL_ENV}
    os.environ.update(KERNEL_ENV)
    sockets = tempfile.TemporaryDirectory(prefix="nbexec-")
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(Path(cwd) if cwd else path.parent)}},
            record_timing=False,
            # nbclient waits only 4 s for a cell's outputs after its reply and then drops them
            # with a log line; on a busy machine that lost outputs now and then. Wait longer,
            # and fail loudly rather than write a notebook with missing outputs.
            iopub_timeout=120,
            raise_on_iopub_timeout=True,
            config=_kernel_transport(Path(sockets.name)),
        )
        client.execute()
    finally:
        sockets.cleanup()
        for key, value in env_backup.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    _scrub(nb)
    target = Path(output_path) if output_path else path
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return nb


def _kernel_transport(folder: Path):
    """Kernel sockets as local files (IPC) where the platform has them, instead of TCP ports.

    The kernel and this process talk on one machine only; over TCP every kernel start warns
    that the channel is unencrypted (once per notebook in `make run`). Unix sockets in a
    private temporary folder are reachable by this user only, so there is nothing to warn
    about. Windows has no IPC transport and keeps TCP (and its warning).
    """
    from traitlets.config import Config

    config = Config()
    if os.name != "nt":
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(folder / "kernel")
    return config


def _scrub(nb) -> None:
    """Drop what differs between runs of the same notebook: kernel versions, widget state."""
    nb.metadata.pop("widgets", None)
    lang = nb.metadata.get("language_info", {})
    lang.pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def text_outputs(nb) -> list[list[str]]:
    """Per code cell, the text a reader sees: streams, plain text and HTML tables, in order."""
    out: list[list[str]] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                texts.append(f"{o.name}:{o.text}")
            elif o.output_type in ("execute_result", "display_data"):
                data = o.get("data", {})
                for mime in ("text/html", "text/plain"):
                    if mime in data and not _is_figure_repr(data.get("text/plain", "")):
                        texts.append(f"{mime}:{data[mime]}")
            elif o.output_type == "error":
                texts.append(f"error:{o.ename}:{o.evalue}")
        out.append(texts)
    return out


def _is_figure_repr(plain) -> bool:
    text = "".join(plain) if isinstance(plain, list) else plain
    return text.startswith("<Figure size")


def figures(nb) -> list[str]:
    """The base64 text of every PNG image the notebook displays, in order."""
    return [
        "".join(o["data"]["image/png"])
        for cell in nb.cells if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]


def figure_count(nb) -> int:
    """How many images the notebook displays."""
    return sum(
        1
        for cell in nb.cells if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if "image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})
    )
