from multiprocessing import Manager, Process


def measure(word: str, lengths, log) -> None:
    lengths[word] = len(word)         # Stored in the manager's dict
    log.append(f'measured {word}')    # Appended to the manager's list


if __name__ == '__main__':
    with Manager() as manager:        # Starts the manager's server process
        lengths = manager.dict()      # A proxy for a dict held by the manager
        log = manager.list()          # A proxy for a list held by the manager
        workers = [Process(target=measure, args=(word, lengths, log))
                   for word in ('queue', 'pipe', 'manager')]
        for p in workers:
            p.start()
        for p in workers:
            p.join()                  # Join before the manager shuts down
        print(type(lengths).__name__, type(log).__name__)
        print(dict(sorted(lengths.items())))  # Sorted: workers finish in any order
        print(sorted(log[:]))                 # One round trip for the whole list
