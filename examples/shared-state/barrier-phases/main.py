from multiprocessing import Array, Barrier, Process

WORKERS = 3


def worker(i: int, barrier: Barrier, parts: Array, totals: Array):
    parts[i] = (i + 1) * 10                 # Phase 1: each writes its own part
    barrier.wait()                          # Wait until every part is written
    totals[i] = sum(parts[:])               # Phase 2: every part is there


if __name__ == '__main__':
    barrier = Barrier(WORKERS)              # Opens when WORKERS processes wait
    parts, totals = Array('i', WORKERS), Array('i', WORKERS)
    workers = [Process(target=worker, args=(i, barrier, parts, totals))
               for i in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f'parts:  {parts[:]}')
    print(f'totals: {totals[:]}')
