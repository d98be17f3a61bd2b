from multiprocessing import Process, Pipe
from multiprocessing.connection import Connection


# Producer, sends data
def producer(tx: Connection):
    for i in range(5):
        tx.send(i)              # Send data
    tx.send(None)               # Send None to signal the end


# Consumer, receives data
def consumer(rx: Connection):
    while (item := rx.recv()) is not None:
        print(f'Received {item}')


if __name__ == '__main__':
    tx, rx = Pipe()             # Create pipe; returns two connection endpoints
    p1 = Process(target=producer, args=(tx,))
    p2 = Process(target=consumer, args=(rx,))
    p1.start()                  # Start processes
    p2.start()
    p1.join()                   # Wait for processes to finish
    p2.join()
