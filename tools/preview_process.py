"""`make serve` run as a background process, for the tests and the benchmark:
started on a free port in a project copy, stopped with every process it
started (it forks builds), its output kept in a log file."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text; "" while the server does not answer it, or sends it
    cut short (the file was being written again: callers ask again)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):
        return ""


def builds(log: Path) -> tuple[int, int]:
    """How many builds the preview has started and ended, from its output
    (tools/serve.py says "Detected changes" as one starts, and "Serving on"
    once when it comes up, then as each ends)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count("Detected changes"), text.count("Serving on") - 1


@contextlib.contextmanager
def running_preview(project: Path, language: str, log: Path) -> Iterator[str]:
    """`make serve LANGUAGE=language` in ``project``; yields the page's URL."""
    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"LANGUAGE={language}", f"SERVE_PORT={port}"],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}/index.html"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
