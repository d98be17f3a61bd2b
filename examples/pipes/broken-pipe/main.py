from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def take_one(rx: Connection, tx: Connection) -> None:
    tx.close()                      # This process only receives
    print(f'child received {rx.recv()!r} and exits', flush=True)


if __name__ == '__main__':
    rx, tx = Pipe(duplex=False)
    p = Process(target=take_one, args=(rx, tx))
    p.start()
    rx.close()                      # The parent only sends
    tx.send('first')
    p.join()                        # The child's receive end closes as it exits
    try:
        tx.send('second')           # No receive end is left open
    except BrokenPipeError:
        print('second send: BrokenPipeError')
