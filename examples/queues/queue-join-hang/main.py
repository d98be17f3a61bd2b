from multiprocessing import Process, Queue


def producer(q: Queue):
    q.put(b'x' * 1_000_000)     # Far more than the pipe holds


if __name__ == '__main__':
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    p.join(timeout=2)           # Wrong order: join before get
    print('alive after join:', p.is_alive())
    data = q.get()              # Draining the queue unblocks the child
    p.join()
    print('alive after get and join:', p.is_alive())
    print('received', len(data), 'bytes')
