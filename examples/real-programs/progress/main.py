from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import Pool


def square(n):
    return n * n


if __name__ == '__main__':
    numbers = [3, 1, 4, 2]
    results = []
    with Pool(2) as pool:
        # Results come as the workers finish them: count them.
        for done, result in enumerate(
                pool.imap_unordered(square, numbers), 1):
            results.append(result)
            print(f'Pool: {done}/{len(numbers)} done')
    print('sorted results:', sorted(results))

    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {executor.submit(square, n): n for n in numbers}
        results = {}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            print(f'executor: {100 * done // len(futures)}%')
    print('results by input:', [results[n] for n in numbers])
