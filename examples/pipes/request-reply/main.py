from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def store_server(conn: Connection) -> None:
    store: dict[str, int] = {}      # State kept between requests
    while (request := conn.recv()) is not None:
        action, key, *value = request
        if action == 'set':
            store[key] = value[0]
            conn.send('ok')
        else:
            conn.send(store.get(key))


if __name__ == '__main__':
    client, server_end = Pipe()     # Duplex: requests one way, replies the other
    p = Process(target=store_server, args=(server_end,))
    p.start()
    server_end.close()
    for request in [('set', 'apples', 3), ('get', 'apples'), ('get', 'pears')]:
        client.send(request)
        print(f'{request} -> {client.recv()!r}')   # One reply per request
    client.send(None)               # Stop message
    p.join()
    print(f'server exit code: {p.exitcode}')
