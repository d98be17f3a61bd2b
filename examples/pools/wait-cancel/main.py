from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import Event


def init(started_event, gate_event):
    global started, gate
    started, gate = started_event, gate_event


def work(n: int) -> int:
    if n > 0:
        started.set()       # Tell the parent a gated task is running
        gate.wait()         # Tasks after the first wait for the gate
    return n * n


if __name__ == '__main__':
    started, gate = Event(), Event()
    with ProcessPoolExecutor(max_workers=1, initializer=init,
                             initargs=(started, gate)) as executor:
        futures = [executor.submit(work, n) for n in range(8)]
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        print('first completed:', [f.result() for f in done])
        started.wait()                      # Task 1 is in the worker
        print('cancel task 1:', futures[1].cancel())
        print('cancel task 7:', futures[7].cancel())
        # Open the gate once shutdown has cancelled task 6
        futures[6].add_done_callback(lambda future: gate.set())
        executor.shutdown(cancel_futures=True)  # Waits for running tasks
    done, _ = wait(futures[:2])             # ALL_COMPLETED by default
    print('tasks 0 and 1:', sorted(f.result() for f in done))
    print('tasks 4 to 7 cancelled:',
          all(f.cancelled() for f in futures[4:]))
    done, not_done = wait(futures[4:], timeout=0)
    print(f'wait() on them: {len(done)} done, {len(not_done)} not done')
