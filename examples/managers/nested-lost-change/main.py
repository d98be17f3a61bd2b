from multiprocessing import Manager, Process


def add_tag(tasks) -> None:
    tasks['lost'].append('urgent')    # Changes a copy: the change is lost
    tags = tasks['reassigned']        # Fix 1: read the value,
    tags.append('urgent')             # change it,
    tasks['reassigned'] = tags        # and assign it back
    tasks['nested'].append('urgent')  # Fix 2: the value is itself a proxy


if __name__ == '__main__':
    with Manager() as manager:
        tasks = manager.dict()
        tasks['lost'] = []
        tasks['reassigned'] = []
        tasks['nested'] = manager.list()  # A list proxy stored in the dict
        p = Process(target=add_tag, args=(tasks,))
        p.start()
        p.join()
        for key in ('lost', 'reassigned', 'nested'):
            print(f'{key:<11}{list(tasks[key])}')
