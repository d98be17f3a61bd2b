from multiprocessing import Pool
from pickle import PicklingError


def double(n: int) -> int:
    return 2 * n


if __name__ == '__main__':
    with Pool(processes=2) as pool:
        try:
            pool.map(lambda n: 2 * n, range(5))    # A lambda cannot be pickled
        except PicklingError as error:
            print(f'lambda: {type(error).__name__}')
        print(pool.map(double, range(5)))          # A top-level function can
