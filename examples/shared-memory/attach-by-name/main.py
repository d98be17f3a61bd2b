from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


# Child, attaches to the block and changes it in place
def child(name: str, length: int):
    shm = SharedMemory(name=name)           # Attach to the existing block
    text = bytes(shm.buf[:length]).decode()
    print(f'Child read:  {text}')
    shm.buf[:6] = b'CIALLO'                 # Write in place, no message sent
    shm.close()                             # Detach; the block stays


if __name__ == '__main__':
    data = 'Ciallo～(∠・ω< )⌒★'.encode()
    length = len(data)                      # Record the length: the block may be larger
    shm = SharedMemory(create=True, size=length)  # Create a new block
    shm.buf[:length] = data
    p = Process(target=child, args=(shm.name, length))  # Pass the name, not the data
    p.start()
    p.join()
    print(f'Parent read: {bytes(shm.buf[:length]).decode()}')
    shm.close()                             # Detach in this process too
    shm.unlink()                            # Destroy the block, once
