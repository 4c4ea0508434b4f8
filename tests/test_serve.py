"""Schedules: `citycoop serve --cron` against a real Prefect server on 127.0.0.1 registers
a deployment with that schedule, and a triggered run of it writes the tables."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import RAW

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(check, timeout: float, what: str, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: process exited {proc.returncode}: {proc.stderr.read()[-3000:]}")
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def prefect_server_process(tmp_path_factory):
    """`prefect server start`, as an operator runs it (own PREFECT_HOME and database)."""
    port = _free_port()
    home = tmp_path_factory.mktemp("prefect-home")
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    url = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        try:
            return urllib.request.urlopen(f"{url}/health", timeout=2).status == 200
        except OSError:
            return False

    _wait(healthy, 180, "prefect server start", server)
    yield url, env
    server.send_signal(signal.SIGINT)
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()


def _request(req: urllib.request.Request | str, tries: int = 10):
    """JSON from the server, retrying while it is busy (a loaded SQLite server answers 503)."""
    import json
    import urllib.error

    for attempt in range(tries):
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            if exc.code < 500 or attempt == tries - 1:
                raise
        except urllib.error.URLError:
            if attempt == tries - 1:
                raise
        time.sleep(1 + attempt)


def _api(url: str, path: str, body: dict | None = None):
    import json

    return _request(urllib.request.Request(f"{url}{path}", data=json.dumps(body or {}).encode(),
                                           headers={"Content-Type": "application/json"}, method="POST"))


def _get(url: str, path: str):
    return _request(f"{url}{path}")


def test_serve_registers_the_cron_schedule_and_a_triggered_run_writes_tables(prefect_server_process, tmp_path):
    url, env = prefect_server_process
    curated = tmp_path / "curated"
    serve = subprocess.Popen([sys.executable, "-m", "citycoop", "serve", "--cron", "0 3 * * *",
                              "--timezone", "Europe/Rome", "--raw", str(RAW), "--curated", str(curated)],
                             env={**env, "PREFECT_API_URL": url}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=tmp_path)  # not the repo: the deployment must not rely on cwd
    try:
        def deployment():
            try:
                return _request(f"{url}/deployments/name/citycoop-ingest/citycoop-nightly", tries=1)
            except OSError:  # 404 until serve has registered it
                return None

        dep = _wait(deployment, 120, "the deployment to be registered", serve)
        schedules = dep["schedules"]
        assert [s["schedule"]["cron"] for s in schedules] == ["0 3 * * *"]
        assert schedules[0]["schedule"]["timezone"] == "Europe/Rome" and schedules[0]["active"]
        assert dep["parameters"]["raw"] == str(RAW) and dep["parameters"]["curated"] == str(curated)

        run = _api(url, f"/deployments/{dep['id']}/create_flow_run", {})

        def finished():
            state = _get(url, f"/flow_runs/{run['id']}")["state"]
            return state if state and state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = _wait(finished, 300, "the triggered flow run", serve)
        assert state["type"] == "COMPLETED", state
        docs = pd.read_parquet(curated / "documents")
        assert sorted(docs.source) == sorted(p.name for p in RAW.glob("*.txt"))
        assert len(pd.read_parquet(curated / "cities")) > 0

        artifacts = _api(url, "/artifacts/filter", {"artifacts": {"key": {"any_": ["citycoop-run-summary"]}}})
        assert artifacts and "5 added" in artifacts[0]["data"] and "| documents | 5 |" in artifacts[0]["data"]
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            serve.kill()


def test_serve_without_a_server_explains_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    out = subprocess.run([sys.executable, "-m", "citycoop", "serve", "--cron", "0 3 * * *"], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "prefect server start" in out.stderr and "PREFECT_API_URL" in out.stderr
