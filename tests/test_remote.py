"""fsspec locations: raw pages read from and tables written to a real S3-compatible
server (moto in server mode on 127.0.0.1), and to fsspec's in-memory filesystem."""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import RAW
from tests.tables import assert_same_tables, comparable

pytestmark = pytest.mark.slow
BUCKET = "citycoop-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3():
    """A real S3 API on localhost; credentials and endpoint as a user would set them."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    env = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
           "FSSPEC_S3_ENDPOINT_URL": endpoint}
    import s3fs

    fs = s3fs.S3FileSystem(endpoint_url=endpoint, key="test", secret="test")
    fs.mkdir(BUCKET)
    fs.put(f"{RAW}/", f"{BUCKET}/raw/", recursive=True)
    yield fs, env
    server.stop()


def _cli(*args: str, env: dict, api_url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "citycoop", *args],
                          env={**os.environ, **env, "PREFECT_API_URL": api_url}, capture_output=True, text=True)


def test_ingest_reads_and_writes_s3_and_reruns_incrementally(s3, sample_run, prefect_api_url):
    fs, env = s3
    raw, curated = f"s3://{BUCKET}/raw", f"s3://{BUCKET}/curated"
    opts = {"endpoint_url": env["FSSPEC_S3_ENDPOINT_URL"], "key": "test", "secret": "test"}

    first = _cli("ingest", "--raw", raw, "--curated", curated, "--quiet", env=env, api_url=prefect_api_url)
    assert first.returncode == 0, first.stderr
    assert "5 added" in first.stdout
    assert_same_tables(comparable(curated, opts), comparable(str(sample_run[0])))
    fs.invalidate_cache()
    assert not fs.exists(f"{BUCKET}/curated/_lock") and not fs.exists(f"{BUCKET}/curated/.staging")

    fs.rm(f"{BUCKET}/raw/netzerocities_italy.txt")
    again = _cli("ingest", "--raw", raw, "--curated", curated, "--quiet", env=env, api_url=prefect_api_url)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 1 removed, 4 unchanged" in again.stdout
    docs = pd.read_parquet(f"{curated}/documents", storage_options=opts)
    assert sorted(docs.source) == sorted(p.name for p in RAW.glob("*.txt") if p.name != "netzerocities_italy.txt")
    assert len(pd.read_parquet(f"{curated}/runs", storage_options=opts)) == 2

    listed = _cli("tables", "--curated", curated, env=env, api_url=prefect_api_url)
    assert listed.returncode == 0, listed.stderr
    assert f"documents              4" in listed.stdout and f"s3://{BUCKET}/curated/documents" in listed.stdout


def test_a_held_lock_object_refuses_a_second_writer(s3, prefect_api_url):
    fs, env = s3
    fs.pipe(f"{BUCKET}/locked/_lock", b"pid 123 on elsewhere")
    out = _cli("ingest", "--raw", f"s3://{BUCKET}/raw", "--curated", f"s3://{BUCKET}/locked", env=env,
               api_url=prefect_api_url)
    assert out.returncode == 4
    assert "pid 123 on elsewhere" in out.stderr and f"delete s3://{BUCKET}/locked/_lock" in out.stderr


def test_memory_filesystem_round_trip(sample_run):
    import fsspec

    from flows.ingest import ingest

    mem = fsspec.filesystem("memory")
    for page in sorted(RAW.iterdir()):
        mem.pipe(f"/citycoop-raw/{page.name}", page.read_bytes())
    summary = ingest(raw="memory://citycoop-raw", curated="memory://citycoop-curated", quiet=True)
    assert summary.added == 5 and summary.rows == sample_run[1].rows
    assert_same_tables(comparable("memory://citycoop-curated"), comparable(str(sample_run[0])))
