import os
import signal
from multiprocessing import Event, Process
from multiprocessing.shared_memory import SharedMemory


class Shutdown(Exception):
    """Raised in the main thread when SIGTERM arrives."""


def on_sigterm(signum, frame):
    raise Shutdown


def worker(name, busy, stop):
    shm = SharedMemory(name=name)
    try:
        shm.buf[0] = 1
        busy.set()
        # Stands for work that checks stop at every step.
        stop.wait()
    finally:
        shm.close()


if __name__ == '__main__':
    shm = SharedMemory(create=True, size=1024)
    busy, stop = Event(), Event()
    child = Process(target=worker, args=(shm.name, busy, stop))
    child.start()
    # Installed after start(): a fork child would inherit it.
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        busy.wait()
        # Stands for a service manager that stops the program.
        os.kill(os.getpid(), signal.SIGTERM)
        # Stands for the main loop, which would run on.
        stop.wait()
    except Shutdown:
        print('SIGTERM: stopping the worker')
    finally:
        stop.set()
        child.join()
        shm.close()
        shm.unlink()
        print('worker exit code', child.exitcode, '- block unlinked')
