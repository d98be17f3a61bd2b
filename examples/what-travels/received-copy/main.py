from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def worker(conn: Connection) -> None:
    order = conn.recv()              # A new object, rebuilt from the bytes
    conn.send(order)                 # Send it back unchanged
    order['items'].append('tea')     # Changes only the child's copy
    conn.send(order['items'])


if __name__ == '__main__':
    order = {'id': 7, 'items': ['bread']}
    parent_end, child_end = Pipe()
    p = Process(target=worker, args=(child_end,))
    p.start()
    parent_end.send(order)           # Pickled here, unpickled in the child
    echo = parent_end.recv()
    child_items = parent_end.recv()
    p.join()
    print(f'echo == order: {echo == order}')
    print(f'echo is order: {echo is order}')
    print(f'child items:   {child_items}')
    print(f'parent items:  {order["items"]}')
