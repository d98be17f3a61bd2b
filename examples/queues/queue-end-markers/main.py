from multiprocessing import Process, Queue


def producer(tasks: Queue, first: int):
    for n in range(first, first + 4):
        tasks.put(n)


def consumer(tasks: Queue, results: Queue):
    squares = []
    while (n := tasks.get()) is not None:
        squares.append(n * n)
    results.put(squares)        # One report per consumer, at the end


if __name__ == '__main__':
    tasks, results = Queue(), Queue()
    producers = [Process(target=producer, args=(tasks, f)) for f in (0, 10)]
    consumers = [Process(target=consumer, args=(tasks, results)) for _ in range(3)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()                # The consumers are draining the queue
    for _ in consumers:
        tasks.put(None)         # One end marker per consumer
    squares = sorted(s for _ in consumers for s in results.get())
    for p in consumers:
        p.join()
    print(f'{len(squares)} squares: {squares}')
