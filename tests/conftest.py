"""Shared fixtures: the seed report and the hand-written synthetic sample pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from policytext.read import clean_document, read_document

ROOT = Path(__file__).resolve().parents[1]
# Notebook execution lives with the tools (tools/nbexec.py), not in the analysis package.
sys.path.insert(0, str(ROOT / "tools"))
SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The scraped forum page holding the 2019 郑州市惠济区 report."""
    return ROOT / "seeds" / "000_ad79a472d2986914.txt"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """Synthetic pages from other regions, levels, years and websites (tests/samples/)."""
    return SAMPLES


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    return read_document(seed_path)


@pytest.fixture(scope="session")
def seed_cleaned(seed_doc):
    return clean_document(seed_doc)
