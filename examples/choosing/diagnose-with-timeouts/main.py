import os
import signal
import sys
from multiprocessing import Event, Process


def finish() -> None:
    pass


def exit_with_code() -> None:
    sys.exit(3)


def get_killed() -> None:
    # As if another program had killed this process
    os.kill(os.getpid(), signal.SIGKILL)


def wait_forever(started, never) -> None:
    started.set()
    never.wait()


def report(p: Process, timeout: float) -> None:
    p.join(timeout)  # Returns after timeout seconds even if p is still running
    if p.is_alive():
        print(f"{p.name}: still running after {timeout} s")
    elif p.exitcode >= 0:
        print(f"{p.name}: exit code {p.exitcode}")
    else:
        # A negative exit code is the number of the signal that ended it
        print(f"{p.name}: killed by {signal.Signals(-p.exitcode).name}")


if __name__ == '__main__':
    started, never = Event(), Event()
    stuck = Process(target=wait_forever, args=(started, never), name="stuck")
    others = [Process(target=finish, name="finished"),
              Process(target=exit_with_code, name="exited"),
              Process(target=get_killed, name="killed")]
    for p in [stuck, *others]:
        p.start()
    for p in others:
        report(p, timeout=10)
    started.wait()
    report(stuck, timeout=1)
    stuck.terminate()  # Sends SIGTERM on POSIX
    report(stuck, timeout=10)
