from multiprocessing import Process, Queue


def producer(q: Queue, name: str):
    for i in range(5):
        q.put((name, i))
    q.put((name, None))         # This producer has finished


if __name__ == '__main__':
    q = Queue()
    producers = [Process(target=producer, args=(q, name)) for name in 'AB']
    for p in producers:
        p.start()
    received = {'A': [], 'B': []}
    finished = 0
    while finished < len(producers):
        name, i = q.get()       # Items of A and B arrive interleaved
        if i is None:
            finished += 1
        else:
            received[name].append(i)
    for p in producers:
        p.join()
    for name, items in received.items():
        print(f'from {name}: {items}')
