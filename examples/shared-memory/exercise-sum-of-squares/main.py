from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory

N = 1000                                    # The numbers 1 to N
WORKERS = 4
CHUNK = N // WORKERS
SIZE = (N + WORKERS) * 8                    # N numbers, then one result per worker


# Worker, sums the squares of its chunk into its own result slot
def work(name: str, index: int):
    shm = SharedMemory(name=name)
    ints = shm.buf[:SIZE].cast('q')
    chunk = ints[index * CHUNK:(index + 1) * CHUNK]
    ints[N + index] = sum(x * x for x in chunk)
    chunk.release()                         # Release every view before close()
    ints.release()
    shm.close()


if __name__ == '__main__':
    shm = SharedMemory(create=True, size=SIZE)
    ints = shm.buf[:SIZE].cast('q')
    for i in range(N):
        ints[i] = i + 1
    workers = [Process(target=work, args=(shm.name, i)) for i in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()                            # After join(), every result is written
    partial = ints[N:N + WORKERS].tolist()
    print(f'Partial sums: {partial}')
    print(f'Total: {sum(partial)} (expected {N * (N + 1) * (2 * N + 1) // 6})')
    ints.release()
    shm.close()
    shm.unlink()
