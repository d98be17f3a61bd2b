from multiprocessing import Process
from multiprocessing.shared_memory import ShareableList


# Child, updates the list in place
def update(name: str):
    items = ShareableList(name=name)        # Attach by name, as with SharedMemory
    items[0] += 1
    items[1] = 'done'                       # Fits in the slot of 'pending'
    try:
        items[1] = 'finished!'              # 9 bytes: longer than the slot
    except ValueError as e:
        print(f'Child: {type(e).__name__}')
    items.shm.close()


if __name__ == '__main__':
    items = ShareableList([0, 'pending', 2.5, True, None, b'ab\x00'])
    p = Process(target=update, args=(items.shm.name,))
    p.start()
    p.join()
    print(f'Parent: {list(items)}')
    print(f'Length: {len(items)}')
    items.shm.close()
    items.shm.unlink()
