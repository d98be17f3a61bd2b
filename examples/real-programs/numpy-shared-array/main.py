import os
import shutil
from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory

import numpy as np

SHAPE, DTYPE = (4, 1_000_000), np.float64  # 32 MB in all


def scale_row(name, row, factor):
    shm = SharedMemory(name=name)
    try:
        array = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
        array[row] *= factor  # in place: no copy is made or sent
        del array  # before close(): the array uses the mapping
    finally:
        shm.close()


def check_room(size):
    # On Linux, a block too big for /dev/shm ends in SIGBUS.
    if os.path.isdir('/dev/shm'):
        if shutil.disk_usage('/dev/shm').free < size:
            raise SystemExit(f'/dev/shm has no room for {size} bytes')


if __name__ == '__main__':
    size = int(np.prod(SHAPE)) * np.dtype(DTYPE).itemsize
    check_room(size)
    shm = SharedMemory(create=True, size=size)
    try:
        array = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
        array[:] = 1.0
        workers = [Process(target=scale_row, args=(shm.name, row, row + 1))
                   for row in range(SHAPE[0])]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print('row sums:', array.sum(axis=1).tolist())
        del array
    finally:
        shm.close()
        shm.unlink()  # even after an error: the block outlives us
