def count_primes(start: int, stop: int) -> int:
    """CPU-bound: count the primes in range(start, stop)."""
    return sum(
        n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
        for n in range(start, stop)
    )


def in_main_interpreter(_: int) -> bool:
    from concurrent import interpreters
    return interpreters.get_current() == interpreters.get_main()


if __name__ == '__main__':
    try:
        from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
    except ImportError:
        print('concurrent.interpreters is not available (Python 3.14+)')
    else:
        starts = range(0, 40_000, 10_000)
        with InterpreterPoolExecutor(max_workers=2) as executor:
            counts = list(executor.map(count_primes, starts,
                                       [s + 10_000 for s in starts]))
            where = set(executor.map(in_main_interpreter, range(4)))
        for start, count in zip(starts, counts):
            print(f'{start:>6} to {start + 9_999:>6}: {count} primes')
        print('total:', sum(counts))
        print('ran in the main interpreter:', where)
