import queue
import sys
from multiprocessing import Process, Queue


def worker(q: Queue, n: int):
    if n < 0:
        sys.exit(1)             # Fails without sending an answer
    q.put(n * n)


if __name__ == '__main__':
    q = Queue()
    for n in (3, -3):
        p = Process(target=worker, args=(q, n))
        p.start()
        try:
            print(f'{n}: answer {q.get(timeout=5)}')
        except queue.Empty:     # Raised when the timeout expires
            print(f'{n}: no answer within 5 s')
        p.join()
        print(f'{n}: exit code {p.exitcode}')
