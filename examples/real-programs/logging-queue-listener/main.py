import logging
import os
import tempfile
from logging.handlers import QueueHandler, QueueListener
from multiprocessing import Pool, Queue


def send_logs_to(queue):
    # Records go to the queue; the listener's handler formats them.
    logging.basicConfig(handlers=[QueueHandler(queue)],
                        level=logging.INFO, format='%(message)s')


def work(n):
    logging.getLogger('app.work').info('task %d done', n)
    return n * n


if __name__ == '__main__':
    queue = Queue()
    send_logs_to(queue)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'app.log')
        to_file = logging.FileHandler(path)
        to_file.setFormatter(
            logging.Formatter('%(levelname)s %(name)s: %(message)s'))
        # The one writer of the file: a thread of the parent.
        listener = QueueListener(queue, to_file)
        listener.start()
        logging.getLogger('app.main').info('starting 4 tasks')
        with Pool(2, initializer=send_logs_to, initargs=(queue,)) as pool:
            results = pool.map(work, range(4))
            pool.close()
            pool.join()  # the workers have sent all their records
        listener.stop()  # handles what is queued, then returns
        to_file.close()
        with open(path) as log:
            print(*sorted(log), sep='', end='')
    print('results:', results)
