import multiprocessing


if __name__ == '__main__':
    for method in ('fork', 'spawn', 'forkserver'):
        context = multiprocessing.get_context(method)
        p = context.Process(target=lambda: print('lambda ran'))
        try:
            p.start()           # spawn and forkserver pickle the target here
        except Exception as e:  # A lambda has no name a child can import
            print(f'{method:<10} start() raised {type(e).__name__}')
        else:
            p.join()
            print(f'{method:<10} started, exit code {p.exitcode}')
