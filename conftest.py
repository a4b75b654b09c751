"""Shared by the tests and the doctests in lib/: keep global display state from leaking between them."""

import warnings

import pandas as pd
import pytest


@pytest.fixture(autouse=True)
def _default_pandas_display():
    """`policytext.setup()` changes pandas' display options; each test starts from the defaults."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.reset_option("^display\\.")
