from multiprocessing import Lock, Process, RawArray

TIMES = 10_000


def transfer(lock: Lock, accounts: RawArray, source: int, target: int):
    for _ in range(TIMES):
        with lock:                          # Others see both writes or neither
            accounts[source] -= 1
            accounts[target] += 1


def audit(lock: Lock, accounts: RawArray):
    totals = set()
    for _ in range(TIMES):
        with lock:                          # Never sees a transfer half done
            totals.add(accounts[0] + accounts[1])
    print(f'auditor saw totals {sorted(totals)}')


if __name__ == '__main__':
    lock = Lock()
    accounts = RawArray('i', [100, 100])    # No lock of its own; ours guards it
    processes = [Process(target=transfer, args=(lock, accounts, 0, 1)),
                 Process(target=transfer, args=(lock, accounts, 1, 0)),
                 Process(target=audit, args=(lock, accounts))]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f'accounts = {accounts[:]}')
