from multiprocessing import Array, Process, Value


def worker(i: int, factor: Value, shared: Array, plain: list):
    shared[i] = factor.value * 0.5 ** i     # Writes to shared memory
    plain[i] = factor.value * 0.5 ** i      # Writes to the child's own copy


if __name__ == '__main__':
    factor = Value('i', 10)                 # One C int in shared memory
    shared = Array('d', 4)                  # Four C doubles, all 0.0
    plain = [0.0] * 4                       # An ordinary list, for comparison
    workers = [Process(target=worker, args=(i, factor, shared, plain))
               for i in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f'shared: {shared[:]}')           # A slice of an Array is a list
    print(f'plain:  {plain}')
