from multiprocessing import Process, Queue


# Producer, sends data
def producer(q: Queue):
    for i in range(5):
        q.put(i)                # Send data
    q.put(None)                 # Send None to signal the end


# Consumer, receives data
def consumer(q: Queue):
    while (item := q.get()) is not None:
        print(f'Received {item}')


if __name__ == '__main__':
    q = Queue()                 # Create queue
    p1 = Process(target=producer, args=(q,))
    p2 = Process(target=consumer, args=(q,))
    p1.start()                  # Start processes
    p2.start()
    p1.join()                   # Wait for processes to finish
    p2.join()
