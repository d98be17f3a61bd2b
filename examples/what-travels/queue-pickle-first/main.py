import pickle
from multiprocessing import Process, Queue


def consumer(q: Queue) -> None:
    while (payload := q.get()) is not None:
        task = pickle.loads(payload)  # Undo the sender's pickle.dumps()
        print(f'consumer got {task}')


if __name__ == '__main__':
    q = Queue()
    p = Process(target=consumer, args=(q,))
    p.start()
    skipped = []
    for task in [{'n': 1}, lambda: 2, {'n': 3}]:
        try:
            payload = pickle.dumps(task)  # Pickle here, where an error can be caught
        except Exception as e:
            skipped.append(type(e).__name__)
            continue
        q.put(payload)               # Bytes always pickle: put() cannot fail later
    q.put(None)
    p.join()
    print(f'not sent: {skipped}')
