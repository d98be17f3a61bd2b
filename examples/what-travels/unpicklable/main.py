import multiprocessing
import pickle
import threading


def make_counter():
    def counter():                   # A nested function
        return 1
    return counter


def numbers():
    yield 1


if __name__ == '__main__':
    with open(__file__, encoding='utf-8') as file:
        candidates = {
            'a dict of lists': {'a': [1, 2]},
            'a top-level function': make_counter,
            'a lambda': lambda: 1,
            'a nested function': make_counter(),
            'an open file': file,
            'a threading.Lock': threading.Lock(),
            'a multiprocessing.Lock': multiprocessing.Lock(),
            'a generator': numbers(),
        }
        for label, obj in candidates.items():
            try:
                pickle.dumps(obj)
                result = 'ok'
            except Exception as e:   # Print the type: messages vary by version
                result = type(e).__name__
            print(f'{label:<24} {result}')
