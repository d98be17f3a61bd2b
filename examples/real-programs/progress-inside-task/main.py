from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Queue


def init_worker(queue):
    global progress
    progress = queue


def long_task(steps):
    total = 0
    for step in range(1, steps + 1):
        total += step  # Stands for one step of real work.
        progress.put(step)
    return total


if __name__ == '__main__':
    queue = Queue()
    sizes = [2, 4, 6]
    all_steps = sum(sizes)
    with ProcessPoolExecutor(max_workers=2, initializer=init_worker,
                             initargs=(queue,)) as executor:
        futures = [executor.submit(long_task, n) for n in sizes]
        # One message per step, from whichever task made it.
        for done in range(1, all_steps + 1):
            queue.get()
            if done % 3 == 0:
                print(f'{100 * done // all_steps}% of the steps done')
        print('results:', [future.result() for future in futures])
