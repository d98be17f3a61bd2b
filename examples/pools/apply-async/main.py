from multiprocessing import Pool


def square(n: int) -> int:
    return n * n


def report(result: int) -> None:
    print(f'callback got {result}')         # Runs in the parent, in a pool thread


if __name__ == '__main__':
    with Pool(processes=2) as pool:
        pending = pool.apply_async(square, (7,))   # Returns at once
        print(f'get() returned {pending.get(timeout=10)}')  # Waits at most 10 s
        done = pool.apply_async(square, (8,), callback=report)
        done.wait(timeout=10)                      # Wait until the callback has run
