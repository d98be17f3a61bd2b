import multiprocessing

message = ''  # Runs in every process that runs or imports this module


def show_message():
    print(f'child sees {message!r}')


if __name__ == '__main__':
    message = 'Ciallo～(∠・ω< )⌒★'  # Runs only in the parent
    for method in ('fork', 'spawn', 'forkserver'):
        print(f'{method:<10}', end=' ', flush=True)  # Flush before the child starts
        context = multiprocessing.get_context(method)
        p = context.Process(target=show_message)
        p.start()
        p.join()
