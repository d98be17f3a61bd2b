from multiprocessing import Process
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import ShareableList, SharedMemory


# Worker, stores the sum of its range in its own slot
def total(name: str, slot: int, start: int, stop: int):
    sums = ShareableList(name=name)
    sums[slot] = sum(range(start, stop))
    sums.shm.close()


if __name__ == '__main__':
    with SharedMemoryManager() as smm:      # Starts the manager's process
        sums = smm.ShareableList([0] * 3)   # Created and tracked by the manager
        name = sums.shm.name
        workers = [Process(target=total, args=(name, i, i * 100, (i + 1) * 100))
                   for i in range(3)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print(f'Sums: {list(sums)}')
        sums.shm.close()
    # Leaving the with block shut the manager down and unlinked its blocks
    try:
        SharedMemory(name=name)
    except FileNotFoundError as e:
        print(f'After shutdown: {type(e).__name__}')
