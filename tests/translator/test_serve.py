"""`make serve` previews an edition and rebuilds it when a .po is saved."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from catalogs import set_translation


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_and_serves_the_page_after_a_po_edit(project_copy: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/index.html"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "LANGUAGE=zh_CN", f"SERVE_PORT={port}"],
        cwd=project_copy, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        assert wait_for(lambda: "进程间通信（IPC）" in fetch(url), 90), "the preview never came up"
        set_translation(project_copy / "locale/zh_CN/LC_MESSAGES/index.po",
                        "Queues and pipes", "队列与管道（预览）")
        assert wait_for(lambda: "队列与管道（预览）" in fetch(url), 60), "the preview was not rebuilt"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
