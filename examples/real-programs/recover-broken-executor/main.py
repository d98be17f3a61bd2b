import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def work(n):
    if n == 3:
        # Stands for the out-of-memory killer, or a crash in C code.
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def run_all(numbers):
    results, fatal = {}, []
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {n: executor.submit(work, n) for n in numbers}
        for n, future in futures.items():
            try:
                results[n] = future.result()
            except BrokenProcessPool:
                pass  # lost with the pool: tried again below
    # A broken executor stays broken: each lost task gets a new one.
    for n in numbers:
        if n not in results:
            with ProcessPoolExecutor(max_workers=1) as executor:
                try:
                    results[n] = executor.submit(work, n).result()
                except BrokenProcessPool:
                    fatal.append(n)
    return results, fatal


if __name__ == '__main__':
    results, fatal = run_all(range(6))
    print('results:', sorted(results.items()))
    print('tasks that killed their worker:', fatal)
