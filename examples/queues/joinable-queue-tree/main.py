from multiprocessing import JoinableQueue, Process, Queue

TREE = {
    'docs': ['api', 'guide'],
    'docs/api': ['queues', 'pipes'],
    'docs/guide': ['start'],
}


def worker(tasks: JoinableQueue, results: Queue):
    visited = []
    while (path := tasks.get()) is not None:
        visited.append(path)
        for child in TREE.get(path, []):
            tasks.put(f'{path}/{child}')   # New work, found while working
        tasks.task_done()       # Only after the new work is in the queue
    results.put(visited)


if __name__ == '__main__':
    tasks, results = JoinableQueue(), Queue()
    workers = [Process(target=worker, args=(tasks, results)) for _ in range(3)]
    for w in workers:
        w.start()
    tasks.put('docs')
    tasks.join()                # Waits until every task is marked done
    for _ in workers:
        tasks.put(None)
    paths = sorted(p for _ in workers for p in results.get())
    for w in workers:
        w.join()
    print('\n'.join(paths))
