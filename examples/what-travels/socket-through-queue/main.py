import pickle
import socket
from multiprocessing import Pipe, Process, Queue


def worker(jobs: Queue) -> None:
    sock, done = jobs.get()          # A socket and a pipe end, rebuilt here
    with sock:
        request = sock.recv(100)
        sock.sendall(request.upper())  # Answers the client on the same socket
    done.send(f'answered {len(request)} bytes')  # Reports through the pipe end


if __name__ == '__main__':
    client, server_side = socket.socketpair()  # Two connected sockets
    try:
        pickle.dumps(server_side)
    except TypeError as e:
        print(f'pickle.dumps(socket): {type(e).__name__}')
    reports, done = Pipe(duplex=False)
    jobs = Queue()
    p = Process(target=worker, args=(jobs,))
    p.start()
    jobs.put((server_side, done))    # The queue's pickler duplicates both
    client.sendall(b'hello')
    print(f'client received: {client.recv(100)}')
    print(f'worker reported: {reports.recv()}')
    server_side.close()              # The worker has its own copy: close ours
    p.join()
