from multiprocessing import Pool


def reciprocal(n: int) -> float:
    return 1 / n


if __name__ == '__main__':
    with Pool(processes=2) as pool:
        try:
            pool.map(reciprocal, [4, 2, 0, 1])     # 1 / 0 fails in a worker
        except ZeroDivisionError as error:
            print(f'map() raised {type(error).__name__}, no results')
        pending = pool.apply_async(reciprocal, (0,))
        pending.wait(timeout=10)                   # Wait without raising
        print(f'successful() is {pending.successful()}')
        try:
            pending.get()                          # Raises the worker's exception
        except ZeroDivisionError as error:
            print(f'get() raised {type(error).__name__}')
        print(pool.map(reciprocal, [4, 2, 1]))     # The pool still works
