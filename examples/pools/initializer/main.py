import sqlite3
import tempfile
from multiprocessing import Pool
from pathlib import Path

connection = None  # Each worker opens its own in open_database()


def open_database(path: str) -> None:
    global connection
    connection = sqlite3.connect(path)             # Runs once in each worker


def population(city: str) -> tuple[str, int]:
    query = 'SELECT population FROM cities WHERE name = ?'
    return city, connection.execute(query, (city,)).fetchone()[0]


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / 'cities.db')
        db = sqlite3.connect(path)                 # The parent fills the database
        db.execute('CREATE TABLE cities (name TEXT, population INTEGER)')
        db.executemany('INSERT INTO cities VALUES (?, ?)',
                       [('Lyon', 522_250), ('Nice', 348_085), ('Paris', 2_113_705)])
        db.commit()
        db.close()
        with Pool(processes=2, initializer=open_database, initargs=(path,)) as pool:
            for city, people in pool.map(population, ['Paris', 'Lyon', 'Nice']):
                print(f'{city}: {people}')
