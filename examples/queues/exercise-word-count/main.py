import re
from collections import Counter
from multiprocessing import Process, Queue

TEXT = """\
Beautiful is better than ugly.
Explicit is better than implicit.
Simple is better than complex.
Complex is better than complicated.
Flat is better than nested.
Sparse is better than dense.
Now is better than never.
Although never is often better than right now.
"""


def count_words(lines: Queue, counts: Queue):
    counter = Counter()
    while (line := lines.get()) is not None:
        counter.update(re.findall(r'[a-z]+', line.lower()))
    counts.put(counter)         # One partial count per worker


if __name__ == '__main__':
    lines, counts = Queue(), Queue()
    workers = [Process(target=count_words, args=(lines, counts)) for _ in range(3)]
    for w in workers:
        w.start()
    for line in TEXT.splitlines():
        lines.put(line)
    for _ in workers:
        lines.put(None)         # One end marker per worker
    total = sum((counts.get() for _ in workers), Counter())
    for w in workers:
        w.join()                # Join only after every count is received
    for word, n in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:6]:
        print(f'{n} {word}')
