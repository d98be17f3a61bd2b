from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Process, Queue


def square(n):
    return n * n


def square_into(queue, n):
    # Send the result: a return value goes nowhere.
    queue.put((n, square(n)))


if __name__ == '__main__':
    p = Process(target=square, args=(7,))
    p.start()
    p.join()
    print('Process: exit code', p.exitcode, '(the 49 is lost)')

    queue = Queue()
    workers = [Process(target=square_into, args=(queue, n))
               for n in (7, 8, 9)]
    for w in workers:
        w.start()
    # Read every result before join(): see the queues page.
    results = sorted(queue.get() for _ in workers)
    for w in workers:
        w.join()
    print('Queue:', results)

    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(square, 7)
        print('Future:', future.result())
        print('map():', list(executor.map(square, [7, 8, 9])))
        failed = executor.submit(square, 'seven')
        try:
            failed.result()
        except TypeError as error:
            print('result() raises the error too:', type(error).__name__)
