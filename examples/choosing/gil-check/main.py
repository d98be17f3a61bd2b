import sys
import sysconfig

if __name__ == '__main__':
    # 1 on a free-threaded build (python3.14t), 0 or None otherwise
    build = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))
    # sys._is_gil_enabled() exists from Python 3.13
    enabled = getattr(sys, '_is_gil_enabled', lambda: True)()
    print('free-threaded build:', build)
    print('GIL enabled now:', enabled)
