import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def crash(n: int) -> int:
    if n == 2:
        os._exit(7)                                # The worker dies without raising
    return n * n


if __name__ == '__main__':
    with multiprocessing.Pool(processes=2) as pool:
        pending = pool.map_async(crash, range(4))
        try:
            pending.get(timeout=2)                 # Without a timeout: waits forever
        except multiprocessing.TimeoutError:
            print('Pool: the lost task never returns')
        print(f'Pool: still works, {pool.map(crash, [3, 4])}')

    gate = multiprocessing.Event()
    with ProcessPoolExecutor(max_workers=1, initializer=gate.wait) as executor:
        first = executor.submit(crash, 2)          # Ends the only worker
        queued = executor.submit(crash, 3)         # Waits behind it, never runs
        gate.set()                                 # Both queued: open the gate
        for name, future in [('crash(2)', first), ('crash(3)', queued)]:
            try:
                future.result()
            except BrokenProcessPool:
                print(f'executor: {name} raised BrokenProcessPool')
        try:
            executor.submit(crash, 4)              # The executor is broken for good
        except BrokenProcessPool:
            print('executor: submit() raised BrokenProcessPool')

    with ProcessPoolExecutor(max_workers=1) as executor:
        print(f'new executor: {executor.submit(crash, 4).result()}')
