import multiprocessing
import os

# Module level: runs each time this module is run or imported
TOKEN = os.urandom(8).hex()          # A new random value at each run


def report(queue):
    queue.put(TOKEN)                 # The value this child's module holds


if __name__ == '__main__':
    print('start method  values in 3 children  equal to the parent\'s')
    for method in ('fork', 'spawn', 'forkserver'):
        context = multiprocessing.get_context(method)
        queue = context.Queue()
        children = [context.Process(target=report, args=(queue,))
                    for _ in range(3)]
        for child in children:
            child.start()
        tokens = [queue.get() for _ in children]
        for child in children:
            child.join()
        distinct, same = len(set(tokens)), tokens.count(TOKEN)
        print(f'{method:<13} {distinct} distinct{same:>14}')
