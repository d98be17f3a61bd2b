import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(start: int, stop: int) -> int:
    """CPU-bound: count the primes in range(start, stop)."""
    return sum(
        n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
        for n in range(start, stop)
    )


async def main() -> None:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as executor:
        # Each call returns an asyncio future at once
        futures = [loop.run_in_executor(executor, count_primes, s, s + 10_000)
                   for s in range(0, 40_000, 10_000)]
        # The event loop stays free while the workers compute
        counts = await asyncio.gather(*futures)     # In input order
    print('counts:', counts)
    print('total:', sum(counts))


if __name__ == '__main__':
    asyncio.run(main())
