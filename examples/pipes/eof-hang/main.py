from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def producer(tx: Connection) -> None:
    for i in range(5):
        tx.send(i)                  # No end marker: closing is the signal


def consumer(rx: Connection, tx: Connection) -> None:
    tx.close()                      # Close this process's copy of the send end
    received = []
    try:
        while True:
            received.append(rx.recv())
    except EOFError:                # Every copy of the send end is closed
        print(f'consumer received {received}, then EOFError', flush=True)


def run(parent_closes: bool) -> None:
    print('== the parent', 'closes' if parent_closes else 'keeps', 'its ends', flush=True)
    rx, tx = Pipe(duplex=False)
    prod = Process(target=producer, args=(tx,))
    cons = Process(target=consumer, args=(rx, tx))
    prod.start()
    cons.start()
    if parent_closes:
        rx.close()                  # The fix: close the ends the parent does not use
        tx.close()
    prod.join()
    cons.join(timeout=None if parent_closes else 1)  # Fixed, it needs no time limit
    print(f'consumer still waiting: {cons.is_alive()}', flush=True)
    tx.close()                      # Clean up: now the consumer gets EOFError
    cons.join()


if __name__ == '__main__':
    run(parent_closes=False)
    run(parent_closes=True)
