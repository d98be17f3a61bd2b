from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory

COUNT = 5                                   # Number of floats in the block
SIZE = COUNT * 8                            # A C double takes 8 bytes


# Child, squares every number in place
def square(name: str):
    shm = SharedMemory(name=name)
    numbers = shm.buf[:SIZE].cast('d')      # View the bytes as C doubles
    for i in range(COUNT):
        numbers[i] = numbers[i] ** 2
    numbers.release()                       # Release the view, then close
    shm.close()


if __name__ == '__main__':
    shm = SharedMemory(create=True, size=SIZE)
    numbers = shm.buf[:SIZE].cast('d')
    for i in range(COUNT):
        numbers[i] = i + 0.5
    p = Process(target=square, args=(shm.name,))
    p.start()
    p.join()
    print(numbers.tolist())
    try:
        shm.close()                         # Mistake: the view is still alive
    except BufferError as e:
        print(f'close() raised {type(e).__name__}')
    numbers.release()                       # The fix: release the view first
    shm.close()
    shm.unlink()
    print('Closed and unlinked')
