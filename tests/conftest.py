"""Shared fixtures: the seed report and the hand-written synthetic sample pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from policytext.clean import clean_document
from policytext.io import read_document

ROOT = Path(__file__).resolve().parents[1]
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
