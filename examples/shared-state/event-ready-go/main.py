from multiprocessing import Event, Process, Value


def worker(ready: Event, go: Event, limit: Value):
    print('worker: set up, waiting for go', flush=True)
    ready.set()                             # Tell the parent we are ready
    go.wait()                               # Block until the parent says go
    print(f'worker: started with limit {limit.value}')


if __name__ == '__main__':
    ready, go = Event(), Event()
    limit = Value('i', 0)
    p = Process(target=worker, args=(ready, go, limit))
    p.start()
    ready.wait()                            # Wait for the worker, not for a time
    print('parent: worker is ready', flush=True)
    limit.value = 100                       # Write the data before the signal
    go.set()                                # Release the worker
    p.join()
