from concurrent.futures import ProcessPoolExecutor, as_completed


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))


def count_primes(start: int, stop: int) -> tuple[int, int]:
    return start, sum(1 for n in range(start, stop) if is_prime(n))


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=4) as executor:
        futures = [executor.submit(count_primes, start, start + 10_000)
                   for start in range(0, 100_000, 10_000)]
        counts = sorted(f.result() for f in as_completed(futures))  # Sort by range
    for start, count in counts:
        print(f'{start:>6} to {start + 9_999:>6}: {count:>4} primes')
    print(f'total: {sum(count for _, count in counts)}')
