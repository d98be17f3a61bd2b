from multiprocessing import Manager

if __name__ == '__main__':
    with Manager() as manager:
        stock = manager.dict(apples=3, pears=5)
        snapshot = stock.copy()         # A plain dict, owned by this process
        print('inside:  ', stock['apples'])
    # Leaving the with block has shut the manager down
    try:
        print('after:   ', stock['apples'])
    except (OSError, EOFError):         # The exact type depends on timing
        print('after:    the proxy no longer works')
    print('snapshot:', snapshot)
