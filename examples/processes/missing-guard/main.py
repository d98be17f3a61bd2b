import subprocess
import sys
import tempfile
from pathlib import Path

WITHOUT_GUARD = '''\
import multiprocessing

def work():
    print('work done')

child = multiprocessing.get_context('spawn').Process(target=work)
child.start()
child.join()
print('exit code', child.exitcode)
'''

WITH_GUARD = '''\
import multiprocessing

def work():
    print('work done')

if __name__ == '__main__':
    child = multiprocessing.get_context('spawn').Process(target=work)
    child.start()
    child.join()
    print('exit code', child.exitcode)
'''


def run(source):
    """Run source as a program of its own; return its output and errors."""
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder, 'program.py')
        program.write_text(source, encoding='utf-8')
        result = subprocess.run([sys.executable, str(program)],
                                capture_output=True, text=True, timeout=60)
    return result.stdout, result.stderr


if __name__ == '__main__':
    for label, source in (('without', WITHOUT_GUARD), ('with', WITH_GUARD)):
        output, errors = run(source)
        print(f'{label} the guard:')
        print('  ' + output.strip().replace('\n', '\n  '))
        # The child's traceback names the cause; print whether it does
        print('  bootstrapping error:', 'bootstrapping phase' in errors)
