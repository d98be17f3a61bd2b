from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def read_one(conn: Connection, other: Connection) -> None:
    other.close()                           # Under fork, the child holds a copy too
    print(f'child received {conn.recv()!r} and exits', flush=True)


def receive(conn: Connection) -> None:
    try:
        print(f'recv() returned {conn.recv()!r}')
    except (EOFError, ConnectionResetError) as e:
        print(f'recv() raised {type(e).__name__}')


if __name__ == '__main__':
    parent_end, child_end = Pipe()          # Duplex
    parent_end.send('first')
    parent_end.send('second')               # Waits in the pipe: the child reads only one
    p = Process(target=read_one, args=(child_end, parent_end))
    p.start()
    child_end.close()
    p.join()                                # The child has exited, 'second' unread
    print(f'poll() -> {parent_end.poll()}')
    receive(parent_end)                     # The connection was reset
    receive(parent_end)                     # Then the end of the data, as usual
