"""The set-up files: conda/Binder entry points install this package; seeds stay untouched."""

import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pip_lines(env: dict) -> list[str]:
    for dep in env["dependencies"]:
        if isinstance(dep, dict) and "pip" in dep:
            return dep["pip"]
    return []


def test_environment_yml_brings_python_pip_and_the_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    plain = [d for d in env["dependencies"] if isinstance(d, str)]
    assert any(re.fullmatch(r"python\s*>=\s*3\.1[1-9]", d) for d in plain), plain
    assert "pip" in plain
    assert _pip_lines(env) == ["-e .[notebooks]"]


def test_environment_yml_pip_section_installs_this_package():
    """pip resolves the exact line of environment.yml to this project (a dry run, no download)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    args = [a for line in _pip_lines(env) for a in line.split(maxsplit=1)]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps",
         "--no-build-isolation", "--quiet", "--report", "-", *args],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"name": "policytext"' in done.stdout


def test_notebook_extra_and_required_packages_are_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = " ".join(project["dependencies"])
    for name in ("pandas", "matplotlib", "jieba", "wordcloud", "mplfonts", "tqdm"):
        assert name in deps
    assert {"jupyterlab", "ipykernel", "nbclient"} <= {
        re.split(r"[<>=]", d)[0] for d in project["optional-dependencies"]["notebooks"]
    }
    assert project["requires-python"] == ">=3.11"


def test_binder_post_build_installs_the_package():
    post = ROOT / "binder" / "postBuild"
    assert post.stat().st_mode & 0o111, "postBuild must be executable"
    assert "pip install" in post.read_text() and "-e" in post.read_text()
    assert yaml.safe_load((ROOT / "binder" / "environment.yml").read_text())["dependencies"]


def test_seed_is_byte_for_byte_the_documented_file():
    readme = (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        digest = hashlib.sha256(seed.read_bytes()).hexdigest()
        assert f"{digest}  seeds/{seed.name}" in readme
        shared = ROOT.parent / "shared" / "seeds" / seed.name
        if shared.exists():
            assert shared.read_bytes() == seed.read_bytes()
