import multiprocessing
import re
import subprocess
import sys

if __name__ == '__main__':
    if len(sys.argv) == 2:  # python main.py spawn: the program with the mistake
        def work():  # defined under the guard: the child's __mp_main__ lacks it
            print('work ran')

        p = multiprocessing.get_context(sys.argv[1]).Process(target=work)
        p.start()  # pickles 'work' by name: start() succeeds
        p.join()
        print(f'exit code {p.exitcode}')
    else:  # run that program once per start method, and report what it printed
        for method in ('fork', 'spawn', 'forkserver'):
            run = subprocess.run([sys.executable, __file__, method], capture_output=True, text=True)
            print(f'{method}: {run.stdout.strip().replace(chr(10), ", ")}')
            errors = run.stderr.strip().splitlines()
            if errors:  # the child's traceback ends with the error (the path left out)
                print('    ' + re.sub(r" from '[^']*'", '', errors[-1]))
