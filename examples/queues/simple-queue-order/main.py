from multiprocessing import Event, Process, SimpleQueue


def child(q: SimpleQueue, sent: Event):
    q.put('first')              # Returns once the item is in the pipe
    sent.set()


if __name__ == '__main__':
    q, sent = SimpleQueue(), Event()
    p = Process(target=child, args=(q, sent))
    p.start()
    sent.wait()                 # The child's put() has returned
    q.put('second')
    print(q.get(), q.get())
    p.join()
    q.close()
