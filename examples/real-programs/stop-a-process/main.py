import os
import signal
import sys
import time
from multiprocessing import Event, Process, SimpleQueue


def work_forever(ready, report):
    try:
        ready.set()
        # Stands for endless work, in short steps, so that no signal is missed
        while True:
            time.sleep(0.1)
    except KeyboardInterrupt:
        report.put('KeyboardInterrupt')
    finally:
        report.put('finally')


def end_on_its_own(how):
    if how == 'sys.exit(3)':
        sys.exit(3)
    if how == 'os._exit(4)':
        os._exit(4)


def describe(code):
    if code < 0:
        return f'{code} ({signal.Signals(-code).name})'
    return str(code)


def stop_with(how):
    ready, report = Event(), SimpleQueue()
    p = Process(target=work_forever, args=(ready, report))
    p.start()
    ready.wait()
    if how == 'interrupt' and not hasattr(p, 'interrupt'):
        os.kill(p.pid, signal.SIGINT)  # Process.interrupt() is new in 3.14
    else:
        getattr(p, how)()
    p.join()
    said = []
    while not report.empty():
        said.append(report.get())
    print(f'{how}(): exit code {describe(p.exitcode)},',
          'child reported:', ', '.join(said) or 'nothing')
    p.close()


if __name__ == '__main__':
    # A shell script's background job ignores SIGINT: give it back to Python
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for how in ('return', 'sys.exit(3)', 'os._exit(4)'):
        p = Process(target=end_on_its_own, args=(how,))
        p.start()
        p.join()
        print(f'{how}: exit code {describe(p.exitcode)}')
        p.close()  # frees its resources now, not when collected
    for how in ('terminate', 'kill', 'interrupt'):
        stop_with(how)
    # A closed Process object can no longer be used.
    try:
        p.exitcode
    except ValueError as error:
        print('exitcode after close():', type(error).__name__)
