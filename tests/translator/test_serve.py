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


def test_serve_rebuilds_and_serves_the_page_after_each_save(project_copy: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/index.html"
    log = project_copy / "serve.log"
    catalog = project_copy / "locale/zh_CN/LC_MESSAGES/index.po"
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve", "LANGUAGE=zh_CN", f"SERVE_PORT={port}"],
            cwd=project_copy, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        assert wait_for(lambda: "进程间通信（IPC）" in fetch(url), 90), "the preview never came up"
        # A translator saves a catalog:
        set_translation(catalog, "Queues and pipes", "队列与管道（预览）")
        assert wait_for(lambda: "队列与管道（预览）" in fetch(url), 60), "not rebuilt after a .po edit"
        # A broken catalog: the preview says where, keeps serving, and is not rewritten.
        lines = catalog.read_text(encoding="utf-8").split("\n")
        line = lines.index('msgid "Pipe"') + 2
        lines[line - 1] = 'msgstr "管道'  # the closing quote forgotten
        broken = "\n".join(lines).encode("utf-8")
        catalog.write_bytes(broken)
        def reported() -> bool:  # msgfmt names the msgstr's line or the next
            text = log.read_text("utf-8", "replace")
            return any(f"locale/zh_CN/LC_MESSAGES/index.po:{n}: " in text for n in (line, line + 1))

        assert wait_for(reported, 60), log.read_text("utf-8", "replace")[-3000:]
        assert "队列与管道（预览）" in fetch(url) and catalog.read_bytes() == broken
        set_translation(catalog, "Pipe", "管道（修好了）")
        assert wait_for(lambda: "管道（修好了）" in fetch(url), 60), "not rebuilt after the catalog was fixed"
        # An author saves the English page, or an example:
        page = project_copy / "source/index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("## Queues and pipes", "## Queues and pipes, live"),
                        encoding="utf-8")
        assert wait_for(lambda: "Queues and pipes, live" in fetch(url), 60), "not rebuilt after a source edit"
        example = project_copy / "examples/start-methods/main.py"
        example.write_text(example.read_text(encoding="utf-8").replace(
            "# Flush before the child starts", "# Flush now, live"), encoding="utf-8")
        assert wait_for(lambda: "Flush now, live" in fetch(url), 60), "not rebuilt after an example edit"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
