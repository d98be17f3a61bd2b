import signal
import sys
import time
from multiprocessing import Barrier, Event, Process


def job(kind: str, ready, never) -> None:
    ready.wait()  # The jobs and the supervisor's clock start together
    if kind == "fails":
        sys.exit(2)
    if kind == "hangs":
        never.wait()


def supervise(processes: list[Process], deadline: float) -> dict[str, str]:
    # Join every process within one overall deadline, then stop the late ones
    end = time.monotonic() + deadline
    for p in processes:
        p.join(max(0.0, end - time.monotonic()))  # What is left of the deadline
    report = {}
    for p in processes:
        if p.is_alive():
            p.terminate()
            p.join()
            report[p.name] = f"timed out, stopped by {signal.Signals(-p.exitcode).name}"
        elif p.exitcode == 0:
            report[p.name] = "ok"
        else:
            report[p.name] = f"exit code {p.exitcode}"
    return report


if __name__ == '__main__':
    kinds = ["quick", "fails", "hangs"]
    ready, never = Barrier(len(kinds) + 1), Event()
    jobs = [Process(target=job, args=(kind, ready, never), name=kind) for kind in kinds]
    for p in jobs:
        p.start()
    ready.wait()
    for name, status in sorted(supervise(jobs, deadline=2).items()):
        print(f"{name}: {status}")
