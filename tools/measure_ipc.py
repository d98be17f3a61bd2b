"""Measure the throughput of four IPC mechanisms; write the chart's data file.

    .venv/bin/python tools/measure_ipc.py [--out source/charts/ipc-throughput.json]
    make measure-ipc

For each mechanism (Queue, Pipe, SharedMemory, a Manager's dict proxy) and
each message size (100 B to 1 MB), the parent sends messages of that size to
one child, in lock step: it sends one message, the child takes its own copy
of the data and answers with a one-byte acknowledgement, then the parent
sends the next. Throughput is the bytes delivered per second, in MB/s
(10**6 bytes), from the first send to the last acknowledgement of a batch.

* Queue: ``put()`` the bytes; the child's ``get()`` returns its copy; the
  acknowledgement comes back through a second Queue.
* Pipe: ``send_bytes()`` / ``recv_bytes()`` on a duplex Pipe, which also
  carries the acknowledgement.
* SharedMemory: the parent writes the bytes into a shared block and sends
  their length through a Pipe; the child copies them out of the block
  (``bytes(buf[:n])``) and acknowledges through the Pipe.
* Manager: the parent stores the bytes in a dict proxy (``d['data'] = ...``)
  and sends their length through a Pipe; the child reads ``d['data']``.

All four children run at once and the mechanisms take turns, batch after
batch, so that a change in the machine's load affects them alike. Each point
is the best of REPETITIONS batches, each lasting BATCH_SECONDS, after a short
warm-up (as timeit advises: other work on the machine only ever slows a batch
down, so the fastest is the least disturbed), so the whole run takes about
half a minute. Standard
library only. The data file also names the machine, the Python version, the
start method and the date (``SOURCE_DATE_EPOCH`` if set, else today).
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import re
import time
from collections.abc import Callable
from contextlib import ExitStack
from multiprocessing.connection import Connection
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "source" / "charts" / "ipc-throughput.json"
SIZES = [100, 1_000, 10_000, 100_000, 1_000_000]
REPETITIONS = 15
BATCH_SECONDS = 0.07
WARM_UP = 20  # messages sent before each size's timed batches
MECHANISMS = {  # key in the data file: legend label (a message of the chart)
    "queue": "Queue",
    "pipe": "Pipe",
    "shared_memory": "SharedMemory",
    "manager": "Manager (dict proxy)",
}


# -- The children: receive until None, acknowledge each message -----------------


def queue_child(inbox, acks) -> None:
    while inbox.get() is not None:  # get() returns the child's own copy
        acks.put(b"k")


def pipe_child(conn: Connection) -> None:
    while conn.recv_bytes() != b"":
        conn.send_bytes(b"k")


def shared_memory_child(conn: Connection, name: str) -> None:
    block = SharedMemory(name=name)
    while (size := conn.recv()) is not None:
        bytes(block.buf[:size])  # the child's own copy
        conn.send_bytes(b"k")
    block.close()


def manager_child(conn: Connection, shared) -> None:
    while conn.recv() is not None:
        shared["data"]  # a round trip to the manager brings a copy
        conn.send_bytes(b"k")


# -- The parent's side: start a child, return a function that sends one message -


def start_queue(ctx, stack: ExitStack) -> Callable[[bytes], None]:
    inbox, acks = ctx.Queue(), ctx.Queue()
    child = ctx.Process(target=queue_child, args=(inbox, acks))
    child.start()
    stack.callback(child.join)
    stack.callback(inbox.put, None)

    def send_one(payload: bytes) -> None:
        inbox.put(payload)
        acks.get()

    return send_one


def start_pipe(ctx, stack: ExitStack) -> Callable[[bytes], None]:
    parent_end, child_end = ctx.Pipe()
    child = ctx.Process(target=pipe_child, args=(child_end,))
    child.start()
    child_end.close()
    stack.callback(child.join)
    stack.callback(parent_end.send_bytes, b"")

    def send_one(payload: bytes) -> None:
        parent_end.send_bytes(payload)
        parent_end.recv_bytes()

    return send_one


def start_shared_memory(ctx, stack: ExitStack) -> Callable[[bytes], None]:
    block = SharedMemory(create=True, size=max(SIZES))
    stack.callback(block.unlink)
    stack.callback(block.close)
    parent_end, child_end = ctx.Pipe()
    child = ctx.Process(target=shared_memory_child, args=(child_end, block.name))
    child.start()
    child_end.close()
    stack.callback(child.join)
    stack.callback(parent_end.send, None)

    def send_one(payload: bytes) -> None:
        block.buf[: len(payload)] = payload
        parent_end.send(len(payload))
        parent_end.recv_bytes()

    return send_one


def start_manager(ctx, stack: ExitStack) -> Callable[[bytes], None]:
    manager = stack.enter_context(ctx.Manager())
    shared = manager.dict()
    parent_end, child_end = ctx.Pipe()
    child = ctx.Process(target=manager_child, args=(child_end, shared))
    child.start()
    child_end.close()
    stack.callback(child.join)
    stack.callback(parent_end.send, None)

    def send_one(payload: bytes) -> None:
        shared["data"] = payload
        parent_end.send(len(payload))
        parent_end.recv_bytes()

    return send_one


START = {"queue": start_queue, "pipe": start_pipe, "shared_memory": start_shared_memory, "manager": start_manager}


def batch(send_one: Callable[[bytes], None], payload: bytes) -> float:
    """Send messages for BATCH_SECONDS; the throughput in MB/s."""
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < BATCH_SECONDS:
        send_one(payload)
        count += 1
    return count * len(payload) / elapsed / 1e6


def measure(ctx) -> dict[str, list[float]]:
    """Median MB/s per mechanism and size. The mechanisms take turns, batch
    after batch, so that a change in the machine's load hits them alike."""
    with ExitStack() as stack:
        senders = {key: START[key](ctx, stack) for key in MECHANISMS}
        best: dict[str, list[float]] = {key: [] for key in MECHANISMS}
        for size in SIZES:
            payload = b"x" * size
            rates: dict[str, list[float]] = {key: [] for key in MECHANISMS}
            for send_one in senders.values():
                for _ in range(WARM_UP):
                    send_one(payload)
            for _ in range(REPETITIONS):
                for key, send_one in senders.items():
                    rates[key].append(batch(send_one, payload))
            for key in MECHANISMS:
                best[key].append(max(rates[key]))
    return best


# -- The machine and the data file ------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    return platform.processor() or platform.machine()


def os_name() -> str:
    try:
        distribution = platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, KeyError):
        distribution = ""
    name = f"{platform.system()} {platform.release()}"
    return f"{name} ({distribution})" if distribution else name


def measurement_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
            else datetime.datetime.now(datetime.timezone.utc))
    return when.date().isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"data file to write (default: {OUT.relative_to(ROOT)})")
    parser.add_argument("--start-method", default=multiprocessing.get_start_method(),
                        choices=multiprocessing.get_all_start_methods(),
                        help="start method of the children (default: the platform's)")
    args = parser.parse_args()
    ctx = multiprocessing.get_context(args.start_method)
    load_average = os.getloadavg()[0]
    if load_average > (os.cpu_count() or 1):
        print(f"warning: load average {load_average:.1f} on {os.cpu_count()} cores: the figures will be noisy")
    started = time.monotonic()
    best = measure(ctx)
    series = []
    for key, label in MECHANISMS.items():
        series.append({"key": key, "label": label, "mb_per_s": [float(f"{r:.3g}") for r in best[key]]})
        print(f"{label:22} " + "  ".join(f"{r:10.3g}" for r in best[key]) + " MB/s", flush=True)
    data = {
        "description": "Lock-step throughput parent -> child: one message, then a one-byte "
                       "acknowledgement. Median of repetitions, in MB/s (10**6 bytes per second).",
        "unit": "MB/s",
        "sizes": SIZES,
        "series": series,
        "machine": {
            "cpu": cpu_model(),
            "cores": os.cpu_count(),
            "os": os_name(),
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "start_method": args.start_method,
            "date": measurement_date(),
            "load_average": round(load_average, 2),
        },
        "settings": {"repetitions": REPETITIONS, "batch_seconds": BATCH_SECONDS, "warm_up_messages": WARM_UP},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # Lists of numbers on one line each: a reviewer reads a new measurement's diff row by row.
    text = re.sub(r"\[\s+([-\d., \n]+?)\s+\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]", text)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out} written in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
