from multiprocessing import Pool


def square(n: int) -> int:
    return n * n


def power(base: int, exponent: int) -> int:
    return base ** exponent


if __name__ == '__main__':
    with Pool(processes=4) as pool:                 # Four worker processes
        print(pool.map(square, range(10)))          # Results in input order
        print(pool.starmap(power, [(2, 10), (3, 4), (10, 3)]))  # One tuple per call
        for result in pool.imap(square, [5, 6, 7]):  # Results one by one, in order
            print(result)
        squares = pool.imap_unordered(square, range(100), chunksize=10)
        print(sorted(squares)[-3:])                 # Completion order: sort first
