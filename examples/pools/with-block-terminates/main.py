from multiprocessing import Event, Pool, TimeoutError

may_finish = None  # The pool's event, stored in each worker by init()


def init(event: Event) -> None:
    global may_finish
    may_finish = event                             # Runs once in each worker


def square(n: int) -> int:
    may_finish.wait()                              # Stands for work still in progress
    return n * n


if __name__ == '__main__':
    with Pool(processes=2, initializer=init, initargs=(Event(),)) as pool:
        lost = pool.apply_async(square, (3,))      # Its event is never set
    # Leaving the block called terminate(): the task never finishes
    try:
        lost.get(timeout=1)
    except TimeoutError:
        print(f'after the block: ready() is {lost.ready()}, get() timed out')

    finish = Event()                               # A new event for a new pool
    with Pool(processes=2, initializer=init, initargs=(finish,)) as pool:
        kept = pool.apply_async(square, (3,))
        pool.close()                               # Accept no more tasks
        finish.set()                               # Now the task can finish
        pool.join()                                # Wait for the tasks to finish
    print(f'after close() and join(): {kept.get()}')
