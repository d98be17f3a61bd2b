from multiprocessing import Process, Queue


def consume(tasks, results) -> None:
    total = 0
    while (item := tasks.get()) is not None:
        total += item
    results.put(total)


def run(markers: int) -> None:
    tasks, results = Queue(), Queue()
    consumers = [Process(target=consume, args=(tasks, results)) for _ in range(2)]
    for c in consumers:
        c.start()
    for item in range(1, 11):
        tasks.put(item)
    for _ in range(markers):
        tasks.put(None)
    totals = [results.get()]  # At least one consumer got a marker and ends
    for c in consumers:
        c.join(timeout=3)
    stuck = sum(c.is_alive() for c in consumers)
    print(f"{markers} end marker(s): {stuck} consumer(s) still waiting")
    for _ in range(stuck):
        tasks.put(None)  # Unblock the stuck consumer before going on
    totals += [results.get() for _ in range(len(consumers) - 1)]
    print("sum:", sum(totals))
    for c in consumers:
        c.join()


if __name__ == '__main__':
    run(markers=1)  # Wrong: one marker for two consumers
    run(markers=2)  # Right: one marker per consumer
