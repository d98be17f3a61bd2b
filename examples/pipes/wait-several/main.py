from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection, wait


def count_words(name: str, text: str, tx: Connection) -> None:
    tx.send((name, len(text.split())))


if __name__ == '__main__':
    documents = {'notes': 'buy milk and bread', 'todo': 'fix the pipe',
                 'title': 'Pipes explained', 'letter': 'dear reader, thank you for reading'}
    readers, workers = [], []
    for name, text in documents.items():
        rx, tx = Pipe(duplex=False)
        p = Process(target=count_words, args=(name, text, tx))
        p.start()
        tx.close()                  # The parent keeps only the receive end
        readers.append(rx)
        workers.append(p)
    counts = []
    while readers:
        for rx in wait(readers):    # Endpoints with a message or EOF to read
            try:
                counts.append(rx.recv())
            except EOFError:        # This worker has finished
                readers.remove(rx)
    for p in workers:
        p.join()
    for name, n in sorted(counts):
        print(f'{name}: {n} words')
