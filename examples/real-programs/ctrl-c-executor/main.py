import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor, wait
from multiprocessing import Event, Queue


def init_worker(started_queue, stop_event):
    # Ctrl-C is for the parent to handle: workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global started, stop
    started, stop = started_queue, stop_event


def crunch(n):
    if stop.is_set():
        return 'not run'
    started.put(os.getpid())
    # Stands for a long loop that checks stop at every step.
    stop.wait()
    return 'stopped'


def press_ctrl_c(started, busy):
    workers = [started.get() for _ in range(busy)]
    # Ctrl-C in a terminal sends SIGINT to every process of the program.
    for pid in workers + [os.getpid()]:
        os.kill(pid, signal.SIGINT)


if __name__ == '__main__':
    # A shell script's background job ignores SIGINT: give it back to Python
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started, stop = Queue(), Event()
    with ProcessPoolExecutor(max_workers=2, initializer=init_worker,
                             initargs=(started, stop)) as executor:
        futures = [executor.submit(crunch, n) for n in range(6)]
        try:
            # Stands for the user, who presses Ctrl-C once two tasks run.
            # Started inside the try, so the interrupt cannot come earlier.
            threading.Thread(target=press_ctrl_c, args=(started, 2)).start()
            wait(futures)
        except KeyboardInterrupt:
            print('Ctrl-C: cancel the waiting tasks, stop the running ones')
            stop.set()
            executor.shutdown(cancel_futures=True)
        finally:
            # An interrupt anywhere else must also end the running tasks.
            stop.set()
    for n, future in enumerate(futures):
        print(n, 'not run' if future.cancelled() else future.result())
