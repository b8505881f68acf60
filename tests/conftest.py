"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def default_encoder():
    """The offline default encoder, built once per machine and loaded once per session."""
    from align.encoders import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The development data next to the repository (skips the test when it is absent)."""
    path = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not path.is_dir():
        pytest.skip("development data (../shared/data) is not available")
    return path
