from multiprocessing import AuthenticationError, Process, Queue
from multiprocessing.connection import Client, Listener

KEY = b'use os.urandom(32), kept secret'


def server(to_parent, connections):
    refused = 0
    # Port 0: any free port. Another machine would use ('', 6000).
    with Listener(('127.0.0.1', 0), authkey=KEY) as listener:
        to_parent.put(listener.address)
        for _ in range(connections):
            try:
                with listener.accept() as conn:
                    numbers = conn.recv()  # unpickles what came
                    conn.send(sum(numbers))
            except AuthenticationError:
                refused += 1
    to_parent.put(refused)


class Payload:
    def __reduce__(self):
        # Unpickling this calls eval('[6 * 7]') in the receiver.
        return (eval, ('[6 * 7]',))


if __name__ == '__main__':
    queue = Queue()
    p = Process(target=server, args=(queue, 3))
    p.start()
    address = queue.get()
    try:
        Client(address, authkey=b'wrong key')
    except AuthenticationError as error:
        print('wrong key:', type(error).__name__)
    with Client(address, authkey=KEY) as conn:
        conn.send([1, 2, 3])
        print('sum from the server:', conn.recv())
    with Client(address, authkey=KEY) as conn:
        conn.send(Payload())
        print('the server ran eval() while unpickling:', conn.recv())
    print('connections refused by the server:', queue.get())
    p.join()
