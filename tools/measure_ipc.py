"""Measure the throughput of four IPC mechanisms; write the chart's data file.

    make measure-ipc                       # the project's Python, or MEASURE_PYTHON=...
    .venv/bin/python tools/measure_ipc.py [--out FILE] [--python PATH]
                                          [--start-method METHOD] [--allow-load]

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

The method, exactly (the data file's ``settings`` repeat it):

1. All four children start at once. Warm-up: WARM_UP messages of every size
   through every mechanism, not timed.
2. ROUNDS rounds; in each round every (size, mechanism) point gets one batch:
   messages sent back to back for BATCH_SECONDS, then the batch's MB/s. The
   points take turns (sizes in order, mechanisms in an order that rotates
   from round to round), so a change in the machine's load during the run
   affects every point alike. The run takes about
   ROUNDS x 20 x BATCH_SECONDS: half a minute.
3. Each point is the median of its ROUNDS batches (robust: a batch slowed by
   another process moves it little), and the data file keeps the spread
   too: ``low`` and ``high``, the LOW_PERCENTILE-th and HIGH_PERCENTILE-th
   percentiles of the batches (``statistics.quantiles``, inclusive method).

A loaded machine gives figures that say more about the load than about the
mechanisms (on 2 cores at load average 18, points came out 5 to 60 times too
low). So the tool reads the 1-minute load average (``os.getloadavg()``)
before it starts and again at the end, and refuses to write the data file
when either is above LOAD_LIMIT x the number of cores (at the end, less the
part of the load average the measurement itself made: its own processes'
CPU time, spread over the run, as the kernel's 1-minute average counts it),
unless ``--allow-load`` is given. Both readings go into the data file.

``--python PATH`` measures with another CPython (say a newer one): the tool
runs itself again in that interpreter (it uses the standard library only).
The data file names the machine, the Python version, the start method (the
interpreter's default unless ``--start-method``), the load and the date
(``SOURCE_DATE_EPOCH`` if set, else today).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import multiprocessing
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from multiprocessing.connection import Connection
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "source" / "charts" / "ipc-throughput.json"
SIZES = [100, 1_000, 10_000, 100_000, 1_000_000]
ROUNDS = 31  # batches per point
BATCH_SECONDS = 0.04
WARM_UP = 20  # messages of every size through every mechanism, before the first round
LOW_PERCENTILE, HIGH_PERCENTILE = 10, 90  # the spread kept beside each median
LOAD_LIMIT = 0.5  # highest 1-minute load average per core at which the figures are kept
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
    """Send messages back to back for BATCH_SECONDS; the throughput in MB/s."""
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < BATCH_SECONDS:
        send_one(payload)
        count += 1
    return count * len(payload) / elapsed / 1e6


def spread(rates: list[float]) -> tuple[float, float, float]:
    """(low percentile, median, high percentile) of a point's batches."""
    cuts = statistics.quantiles(rates, n=100, method="inclusive")
    return cuts[LOW_PERCENTILE - 1], statistics.median(rates), cuts[HIGH_PERCENTILE - 1]


def measure(ctx) -> tuple[dict[str, list[list[float]]], float]:
    """Every batch's MB/s, per mechanism and size (rates[key][size_index]),
    and the CPU seconds the children (and the manager's server) used."""
    keys = list(MECHANISMS)
    payloads = [b"x" * size for size in SIZES]
    with ExitStack() as stack:
        senders = {key: START[key](ctx, stack) for key in keys}
        children = multiprocessing.active_children()  # under forkserver, not ours to wait for: read them live
        cpu_before = sum(process_cpu_seconds(child.pid) for child in children)
        for payload in payloads:
            for send_one in senders.values():
                for _ in range(WARM_UP):
                    send_one(payload)
        rates: dict[str, list[list[float]]] = {key: [[] for _ in SIZES] for key in keys}
        for turn in range(ROUNDS):
            for index, payload in enumerate(payloads):
                for key in keys[turn % len(keys):] + keys[:turn % len(keys)]:
                    rates[key][index].append(batch(senders[key], payload))
        children_cpu = sum(process_cpu_seconds(child.pid) for child in children) - cpu_before
    return rates, children_cpu


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


def process_cpu_seconds(pid: int | None = None) -> float:
    """CPU time a running process has used (this one by default); 0 where
    /proc cannot tell."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0.0


def refuse(reason: str, load_limit: float) -> None:
    sys.exit(f"measure_ipc: {reason}, above {load_limit:g} ({LOAD_LIMIT:g} x {os.cpu_count()} cores): "
             "other work on the machine would show in the figures. Measure when the machine is quiet, "
             "or pass --allow-load to write the data file anyway.")


def rerun_in(python: str) -> None:
    """Run this tool again in ``python``, with the same arguments but --python."""
    arguments, skip = [], False
    for argument in sys.argv[1:]:
        if skip:
            skip = False
        elif argument == "--python":
            skip = True
        elif not argument.startswith("--python="):
            arguments.append(argument)
    sys.stdout.flush()
    os.execv(python, [python, str(Path(__file__).resolve()), *arguments])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"data file to write (default: {OUT.relative_to(ROOT)})")
    parser.add_argument("--python", metavar="PATH",
                        help="measure with this CPython (the tool runs itself again in it)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        help="start method of the children (default: the interpreter's)")
    parser.add_argument("--allow-load", action="store_true",
                        help=f"write the data file even if the 1-minute load average is above "
                             f"{LOAD_LIMIT:g} x the number of cores")
    args = parser.parse_args()
    if args.python and Path(args.python).resolve() != Path(sys.executable).resolve():
        rerun_in(args.python)
    cores = os.cpu_count() or 1
    load_limit = LOAD_LIMIT * cores
    load_before = os.getloadavg()[0]
    if load_before > load_limit and not args.allow_load:
        refuse(f"load average {load_before:.2f} before measuring", load_limit)
    start_method = args.start_method or multiprocessing.get_start_method()
    ctx = multiprocessing.get_context(start_method)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{python} ({sys.executable}), start method {start_method}, load average {load_before:.2f}", flush=True)
    started, cpu_before = time.monotonic(), process_cpu_seconds()
    rates, children_cpu = measure(ctx)
    elapsed, own_cpu = time.monotonic() - started, process_cpu_seconds() - cpu_before + children_cpu
    load_after = os.getloadavg()[0]
    # The kernel's 1-minute average decays as exp(-t/60): a constant load c
    # started t seconds ago shows as c * (1 - exp(-t/60)).
    own_load = own_cpu / elapsed * (1 - math.exp(-elapsed / 60))
    print(f"measured in {elapsed:.0f} s; load average {load_after:.2f} after, "
          f"{own_load:.2f} of it the measurement's own", flush=True)
    if load_after - own_load > load_limit and not args.allow_load:
        refuse(f"load average {load_after:.2f} after measuring ({load_after - own_load:.2f} "
               "without the measurement's own)", load_limit)
    series = []
    for key, label in MECHANISMS.items():
        points = [spread(batches) for batches in rates[key]]
        low, median, high = ([float(f"{point[i]:.3g}") for point in points] for i in range(3))
        series.append({"key": key, "label": label, "median": median, "low": low, "high": high})
        print(f"{label:22} " + "  ".join(f"{m:8.3g} [{lo:.3g}-{hi:.3g}]" for lo, m, hi in points) + " MB/s",
              flush=True)
    data = {
        "description": (
            "Lock-step throughput parent -> child: one message, then a one-byte acknowledgement. "
            f"Per mechanism and size: 'median', the median of {ROUNDS} batches of {BATCH_SECONDS:g} s each; "
            f"'low' and 'high', the {LOW_PERCENTILE}th and {HIGH_PERCENTILE}th percentiles of the same batches. "
            "In MB/s (10**6 bytes per second)."
        ),
        "unit": "MB/s",
        "sizes": SIZES,
        "series": series,
        "machine": {
            "cpu": cpu_model(),
            "cores": cores,
            "os": os_name(),
            "python": python,
            "start_method": start_method,
            "date": measurement_date(),
            "load_average": {"before": round(load_before, 2), "after": round(load_after, 2),
                             "after_without_own": round(load_after - own_load, 2)},
        },
        "settings": {
            "statistic": "median",
            "spread": f"{LOW_PERCENTILE}th to {HIGH_PERCENTILE}th percentile",
            "low_percentile": LOW_PERCENTILE,
            "high_percentile": HIGH_PERCENTILE,
            "batches_per_point": ROUNDS,
            "batch_seconds": BATCH_SECONDS,
            "warm_up_messages": WARM_UP,
            "order": "rounds; in each, sizes in turn, mechanisms in an order rotated every round",
            "load_limit": load_limit,
            "load_accepted": not (max(load_before, load_after - own_load) > load_limit),
            "seconds": round(elapsed, 1),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # Lists of numbers on one line each: a reviewer reads a new measurement's diff row by row.
    text = re.sub(r"\[\s+([-\d., \n]+?)\s+\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]", text)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out} written", flush=True)


if __name__ == "__main__":
    main()
