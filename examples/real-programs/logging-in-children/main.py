import logging
import multiprocessing
import sys


def report(queue):
    root = logging.getLogger()       # What this child's logging looks like
    queue.put((len(root.handlers), logging.getLevelName(root.level)))


if __name__ == '__main__':
    # Configured under the guard: a spawned child never runs this
    logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                        format='%(levelname)s %(message)s')
    logging.info('configured in the parent')
    for method in ('fork', 'spawn', 'forkserver'):
        ctx = multiprocessing.get_context(method)
        queue = ctx.Queue()
        child = ctx.Process(target=report, args=(queue,))
        child.start()
        handlers, level = queue.get()
        child.join()
        print(f'{method} child: {handlers} handler(s), level {level}')
