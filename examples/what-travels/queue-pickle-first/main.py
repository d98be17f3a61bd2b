import pickle
from multiprocessing import Process, Queue
from multiprocessing.reduction import ForkingPickler


def consumer(q: Queue) -> None:
    while (payload := q.get()) is not None:
        task = pickle.loads(payload)  # Plain pickle.loads reads it back
        print(f'consumer got {task}')


if __name__ == '__main__':
    q = Queue()
    p = Process(target=consumer, args=(q,))
    p.start()
    skipped = []
    for task in [{'n': 1}, lambda: 2, {'n': 3}]:
        try:
            payload = bytes(ForkingPickler.dumps(task))  # The queue's pickler
        except Exception as e:       # Raised here, where it can be handled
            skipped.append(type(e).__name__)
            continue
        q.put(payload)               # Bytes always pickle: put() cannot fail later
    q.put(None)
    p.join()
    print(f'not sent: {skipped}')
