from multiprocessing import Pool


def square(n):
    return n * n


def sum_of_squares(numbers):
    # A pool inside a worker of a pool: not allowed.
    with Pool(2) as inner:
        return sum(inner.map(square, numbers))


def try_it(numbers):
    try:
        return sum_of_squares(numbers)
    except AssertionError as error:
        return type(error).__name__


if __name__ == '__main__':
    groups = [[1, 2], [3, 4, 5]]
    with Pool(2) as pool:
        print('pool in a pool:', pool.map(try_it, groups))
        # The fix: the one pool does the inner work too.
        flat = [n for group in groups for n in group]
        squares = iter(pool.map(square, flat))
        sums = [sum(next(squares) for _ in group) for group in groups]
        print('one pool:', sums)
