import multiprocessing
from multiprocessing.synchronize import Lock

lock = multiprocessing.Lock()  # Runs on import: in the parent, again in each spawn child


def whose(a_lock: Lock) -> str:
    # The parent holds the lock, so only another lock can be taken
    return 'another lock' if a_lock.acquire(block=False) else "parent's lock"


def child(passed: Lock):
    print(f'global: {whose(lock):<13}  argument: {whose(passed)}')


if __name__ == '__main__':
    for method in ('fork', 'spawn'):
        context = multiprocessing.get_context(method)
        passed = context.Lock()
        with lock, passed:                  # The parent holds both locks
            print(f'{method:<10}', end=' ', flush=True)
            p = context.Process(target=child, args=(passed,))
            p.start()
            p.join()
