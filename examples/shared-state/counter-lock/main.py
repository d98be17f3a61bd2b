from multiprocessing import Process, Value

WORKERS, TIMES = 4, 20_000


def count(counter: Value):
    for _ in range(TIMES):
        with counter.get_lock():            # Read, add and write as one step
            counter.value += 1


if __name__ == '__main__':
    counter = Value('i', 0)
    workers = [Process(target=count, args=(counter,)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f'counter = {counter.value} (expected {WORKERS * TIMES})')
