import multiprocessing
from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory
from multiprocessing.synchronize import Lock

WORKERS = 4
TIMES = 20_000


# Worker, adds 1 to the shared counter many times
def add(name: str, lock: Lock):
    shm = SharedMemory(name=name)
    counter = shm.buf[:8].cast('q')         # One signed 64-bit integer
    for _ in range(TIMES):
        with lock:                          # Read, add and write as one step
            counter[0] += 1
    counter.release()
    shm.close()


if __name__ == '__main__':
    lock = multiprocessing.Lock()           # Shared memory has no lock of its own
    shm = SharedMemory(create=True, size=8)
    counter = shm.buf[:8].cast('q')
    counter[0] = 0
    workers = [Process(target=add, args=(shm.name, lock)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f'Counter: {counter[0]} (expected {WORKERS * TIMES})')
    counter.release()
    shm.close()
    shm.unlink()
