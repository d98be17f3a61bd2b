from multiprocessing import Process


def greet(greeting: str, name: str) -> None:
    print(f'{greeting}, {name}!')


if __name__ == '__main__':
    greeting = 'Hello'  # Known only to the parent
    for name in ('Ada', 'Grace', 'Linus'):
        # A top-level function, with its data passed as arguments
        p = Process(target=greet, args=(greeting, name))
        p.start()
        p.join()        # One child at a time keeps the lines in order
