from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context


def square(n: int) -> int:
    return n * n


def reciprocal(n: int) -> float:
    return 1 / n


if __name__ == '__main__':
    context = get_context('spawn')                 # The same start method on every OS
    with ProcessPoolExecutor(max_workers=4, mp_context=context) as executor:
        futures = [executor.submit(square, n) for n in range(5)]  # One future per call
        results = [f.result() for f in as_completed(futures)]     # Completion order
        print(sorted(results))
        print(list(executor.map(square, range(5))))  # Results in input order
        failing = executor.submit(reciprocal, 0)
        try:
            failing.result(timeout=10)             # Raises the worker's exception
        except ZeroDivisionError as error:
            print(f'result() raised {type(error).__name__}')
