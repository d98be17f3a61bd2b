from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def report(tx: Connection) -> None:
    tx.send('ready')


if __name__ == '__main__':
    rx, tx = Pipe(duplex=False)     # One-way: (receive end, send end)
    p = Process(target=report, args=(tx,))
    p.start()
    print(f'child says {rx.recv()!r}')
    p.join()

    try:
        rx.send('hello')            # Wrong way: rx can only receive
    except OSError as e:
        print(f'rx.send(): {type(e).__name__}')
    try:
        tx.recv()                   # Wrong way: tx can only send
    except OSError as e:
        print(f'tx.recv(): {type(e).__name__}')
