from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def serve(server_end: Connection, client_end: Connection) -> None:
    client_end.close()              # Under fork, the child holds a copy too
    answered = 0
    try:
        while True:
            word = server_end.recv()
            server_end.send(len(word))
            answered += 1
    except (EOFError,               # The client closed its end
            ConnectionResetError,   # ... leaving a reply unread
            BrokenPipeError):       # ... before this reply was sent
        print(f'server: answered {answered} requests')


if __name__ == '__main__':
    client_end, server_end = Pipe()
    p = Process(target=serve, args=(server_end, client_end))
    p.start()
    server_end.close()              # The parent is only the client
    for word in ['pipe', 'queue', 'Ciallo']:
        client_end.send(word)
        print(f'{word}: {client_end.recv()}', flush=True)
    client_end.close()              # No stop message: closing is the signal
    p.join()
    print(f'server exit code: {p.exitcode}')
