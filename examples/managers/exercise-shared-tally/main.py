from collections import Counter
from multiprocessing import Manager, Process

LINES = [
    'the queue passes messages',
    'the pipe passes bytes and messages',
    'the manager holds the objects',
]


def count_words(line: str, counts, lock) -> None:
    local = Counter(line.split())       # Count locally: no round trips
    with lock:                          # One process updates the counts at a time
        for word, n in local.items():
            counts[word] = counts.get(word, 0) + n  # Two round trips: read, then write


if __name__ == '__main__':
    with Manager() as manager:
        counts = manager.dict()
        lock = manager.Lock()
        workers = [Process(target=count_words, args=(line, counts, lock))
                   for line in LINES]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        for word, n in ranked[:3]:
            print(f'{word:<9}{n}')
