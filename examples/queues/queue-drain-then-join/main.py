from multiprocessing import Process, Queue


def producer(q: Queue):
    q.put(b'x' * 1_000_000)


if __name__ == '__main__':
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    data = q.get()              # First take everything the child put
    p.join()                    # Then join
    print('received', len(data), 'bytes; exit code', p.exitcode)
