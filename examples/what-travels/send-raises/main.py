from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def worker(conn: Connection) -> None:
    while (message := conn.recv()) is not None:
        print(f'child received {message!r}')


if __name__ == '__main__':
    parent_end, child_end = Pipe()
    p = Process(target=worker, args=(child_end,))
    p.start()
    errors = []
    for message in ['first', lambda: 'second', 'third']:
        try:
            parent_end.send(message)  # Pickles in the caller: errors raise here
        except Exception as e:
            errors.append(type(e).__name__)
    parent_end.send(None)
    p.join()
    print(f'send() raised: {errors}')
