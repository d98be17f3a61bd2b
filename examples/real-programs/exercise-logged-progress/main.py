import io
import logging
from concurrent.futures import ProcessPoolExecutor, as_completed
from logging.handlers import QueueHandler, QueueListener
from multiprocessing import Queue


def send_logs_to(queue):
    logging.basicConfig(handlers=[QueueHandler(queue)],
                        level=logging.INFO, format='%(message)s')


def sum_of_squares(start, stop):
    total = sum(n * n for n in range(start, stop))
    logging.getLogger('squares').info('%d to %d done', start, stop - 1)
    return total


if __name__ == '__main__':
    queue = Queue()
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
    listener = QueueListener(queue, handler)
    listener.start()
    ranges = [(start, start + 250) for start in range(0, 1000, 250)]
    total = 0
    with ProcessPoolExecutor(max_workers=2, initializer=send_logs_to,
                             initargs=(queue,)) as executor:
        futures = [executor.submit(sum_of_squares, *r) for r in ranges]
        for done, future in enumerate(as_completed(futures), 1):
            total += future.result()
            print(f'progress: {100 * done // len(futures)}%')
    # The workers have exited: every record is in the queue.
    listener.stop()
    print(*sorted(log.getvalue().splitlines()), sep='\n')
    print('total:', total)
