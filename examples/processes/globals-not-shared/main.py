from multiprocessing import Process

message = ''  # A global variable; every process gets its own copy


def worker():
    global message
    message = 'Ciallo～(∠・ω< )⌒★'  # Changes only the child's copy
    print(f'Child:  message = {message!r}')


if __name__ == '__main__':
    p = Process(target=worker)  # Create process
    p.start()                   # Start process
    p.join()                    # Wait for process to finish
    print(f'Parent: message = {message!r}')  # Still the parent's own value
