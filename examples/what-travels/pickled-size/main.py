import pickle


class Job:
    def __init__(self, name: str, data: list[int]):
        self.name = name
        self.data = data             # Everything the job refers to travels with it


if __name__ == '__main__':
    numbers = list(range(1_000_000))
    candidates = {
        'the list': numbers,
        'its sum': sum(numbers),
        'a range': range(1_000_000),
        'a Job holding the list': Job('sum', numbers),
    }
    for label, obj in candidates.items():
        size = len(pickle.dumps(obj))  # The bytes a queue or pipe would carry
        print(f'{label:<24} {size:>9,} bytes')
