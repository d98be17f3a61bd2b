from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def square(conn: Connection) -> None:
    n = conn.recv()                 # Wait for the parent's request
    conn.send(n * n)


if __name__ == '__main__':
    parent_end, child_end = Pipe()
    p = Process(target=square, args=(child_end,))
    p.start()
    child_end.close()
    print(f'before the request: poll(0.5) -> {parent_end.poll(0.5)}')
    parent_end.send(7)
    print(f'after the request: poll(5) -> {parent_end.poll(5)}')
    print(f'reply: {parent_end.recv()}')
    p.join()
    print(f'after the child exits: poll() -> {parent_end.poll()}')
    try:
        parent_end.recv()
    except EOFError:
        print('recv(): EOFError')
