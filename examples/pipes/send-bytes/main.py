from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def send_raw(tx: Connection) -> None:
    data = 'Ciallo～(∠・ω< )⌒★'.encode()
    tx.send_bytes(data)             # Sent as they are: no pickling
    tx.send_bytes(data, 0, 6)       # Only bytes 0 to 5


if __name__ == '__main__':
    rx, tx = Pipe(duplex=False)
    p = Process(target=send_raw, args=(tx,))
    p.start()
    tx.close()
    first = rx.recv_bytes()         # One whole message per call
    second = rx.recv_bytes()
    p.join()
    print(f'{len(first)} bytes: {first.decode()}')
    print(f'{len(second)} bytes: {second.decode()}')
