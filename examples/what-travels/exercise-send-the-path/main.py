import tempfile
from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection
from pathlib import Path

LOG = 'INFO start\nERROR disk full\nINFO retry\nERROR disk full\n'


def count_errors(conn: Connection) -> None:
    path = conn.recv()               # A path travels: it is only text
    with open(path, encoding='utf-8') as file:  # Opened again, in this process
        conn.send(sum('ERROR' in line for line in file))


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / 'app.log'
        log.write_text(LOG, encoding='utf-8')
        parent_end, child_end = Pipe()
        p = Process(target=count_errors, args=(child_end,))
        p.start()
        with open(log, encoding='utf-8') as file:
            try:
                parent_end.send(file)  # An open file cannot travel
            except TypeError as e:
                print(f'sending the file: {type(e).__name__}')
        parent_end.send(log)         # Its path can
        print(f'error lines: {parent_end.recv()}')
        p.join()
