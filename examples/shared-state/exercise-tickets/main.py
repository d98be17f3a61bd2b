from multiprocessing import Array, Event, Process, Value

WORKERS, EACH = 4, 1000


def take_ticket(next_ticket: Value) -> int:
    with next_ticket.get_lock():            # Read and advance as one step
        ticket = next_ticket.value
        next_ticket.value += 1
    return ticket


def worker(number: int, go: Event, next_ticket: Value, owner: Array):
    go.wait()                               # All workers start together
    for _ in range(EACH):
        owner[take_ticket(next_ticket)] = number  # Only this worker has this ticket


if __name__ == '__main__':
    go, next_ticket = Event(), Value('i', 0)
    owner = Array('i', [-1] * (WORKERS * EACH))   # -1: nobody has the ticket yet
    workers = [Process(target=worker, args=(n, go, next_ticket, owner))
               for n in range(WORKERS)]
    for p in workers:
        p.start()
    go.set()
    for p in workers:
        p.join()
    owners = owner[:]
    print(f'tickets handed out: {next_ticket.value}')
    print(f'tickets per worker: {[owners.count(n) for n in range(WORKERS)]}')
    print(f'tickets nobody has: {owners.count(-1)}')
