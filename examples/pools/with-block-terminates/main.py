import time
from multiprocessing import Pool, TimeoutError


def slow_square(n: int) -> int:
    time.sleep(1)                                  # Stands for a second of work
    return n * n


if __name__ == '__main__':
    with Pool(processes=2) as pool:
        lost = pool.apply_async(slow_square, (3,))
    # Leaving the block called terminate(): the task never finishes
    try:
        lost.get(timeout=2)
    except TimeoutError:
        print(f'after the block: ready() is {lost.ready()}, get() timed out')

    with Pool(processes=2) as pool:
        kept = pool.apply_async(slow_square, (3,))
        pool.close()                               # Accept no more tasks
        pool.join()                                # Wait for the tasks to finish
    print(f'after close() and join(): {kept.get()}')
