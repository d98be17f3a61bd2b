import threading
from multiprocessing import Process
from multiprocessing.managers import BaseManager


class Scoreboard:  # Lives in the manager's process
    def __init__(self) -> None:
        self._scores: dict[str, int] = {}
        self._lock = threading.Lock()  # The manager serves clients in threads

    def add(self, player: str, points: int) -> None:
        with self._lock:
            self._scores[player] = self._scores.get(player, 0) + points

    def ranking(self) -> list[tuple[str, int]]:
        with self._lock:
            return sorted(self._scores.items(), key=lambda kv: (-kv[1], kv[0]))


class GameManager(BaseManager):
    pass


GameManager.register('Scoreboard', Scoreboard)  # Adds the method GameManager.Scoreboard()


def play(board, player: str, points: list[int]) -> None:
    for n in points:
        board.add(player, n)            # Runs add() in the manager's process


if __name__ == '__main__':
    with GameManager() as manager:      # Starts the server process
        board = manager.Scoreboard()    # Creates a Scoreboard there; returns a proxy
        games = {'ada': [3, 4], 'bo': [5, 1], 'cy': [2, 2, 2]}
        players = [Process(target=play, args=(board, name, points))
                   for name, points in games.items()]
        for p in players:
            p.start()
        for p in players:
            p.join()
        for name, score in board.ranking():
            print(f'{name:<4}{score}')
