"""Live preview of one edition: rebuilt on every save, the browser reloaded.

    python tools/serve.py zh_CN [--port 8000]          (or: make serve LANGUAGE=zh_CN)

sphinx-autobuild's server watches the files and reloads the browser. What
this script changes is how a rebuild runs. Plain sphinx-autobuild starts a new
Python for each one, which spends most of a one-page rebuild importing Sphinx,
MyST, jieba and the extensions. Here, after the first build, this process
imports the modules that build used, and every rebuild runs in a process
forked from it, so it starts with them already imported.

Each rebuild is still a new process with a new Sphinx application that reads
the environment the last build saved: nothing carries over from one build to
the next but imported code, so the result is the same as `make html`'s. When
the book's own extension code changes, the imported copy is out of date:
rebuilds then run in a fresh interpreter (as slow as plain sphinx-autobuild,
and as correct) until the preview is restarted.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import uvicorn
from sphinx.cmd.build import build_main
from sphinx_autobuild.filter import IgnoreFilter
from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
from sphinx_autobuild.server import RebuildServer
from sphinx_autobuild.utils import show_message
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, WebSocketRoute
from starlette.staticfiles import StaticFiles

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from compile_catalogs import compile_language  # noqa: E402

# Rebuilds must fork from this process to inherit its imports (Python 3.14
# makes forkserver the default on Linux). Safe here: this process never builds.
FORK = multiprocessing.get_context("fork")
PROJECT_CODE = ROOT / "extensions"  # conf.py puts it on sys.path; so does this script
sys.path.insert(0, str(PROJECT_CODE))


class Rebuild:
    """One build of the edition; called in a child process (picklable)."""

    def __init__(self, language: str, build: Path, url: str, code_versions: dict[str, int]):
        self.language = language
        self.url = url
        self.code_versions = code_versions  # project modules imported here: file -> mtime
        self.sphinx_args = ["-c", str(ROOT), "-D", f"language={language}",
                            "-d", str(build / "doctrees" / f"serve-{language}"),
                            "-b", "html", str(ROOT / "source"), str(build / "serve" / language)]

    def __call__(self, *, changed_paths=()) -> list[str]:
        if changed_paths:
            names = ", ".join(str(Path(path).relative_to(ROOT)) for path in changed_paths[:5])
            show_message(f"Detected changes ({names}); rebuilding...")
        try:
            if compile_language(self.language):  # msgfmt's file:line messages are printed
                print("The preview keeps the last good build; fix the catalog and save it again.")
                return []
            if self.code_is_stale():
                print("The book's extension code changed: rebuilding in a fresh Python "
                      "(restart `make serve` for fast rebuilds again).")
                subprocess.run([sys.executable, "-m", "sphinx", "build", *self.sphinx_args], check=False)
            elif build_main(self.sphinx_args) != 0:
                print("The build failed (see above); the preview keeps the last good build.")
        finally:
            show_message(f"Serving on {self.url}")
        return sorted(sys.modules)

    def code_is_stale(self) -> bool:
        return any(not Path(file).exists() or Path(file).stat().st_mtime_ns != mtime
                   for file, mtime in self.code_versions.items())


class OnlyThese(importlib.abc.MetaPathFinder):
    """Refuse to import any module not in ``names``, so the warm-up imports
    nothing a build did not (jieba, for one, imports less when an optional
    module it tries is missing; see extensions/search_dictionary.py)."""

    def __init__(self, names: set[str]):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.names:
            raise ModuleNotFoundError(f"not imported by the build: {fullname}", name=fullname)
        return None  # let the normal finders find it


def import_modules(names: list[str]) -> None:
    """Import what a build imported, in this (never building) process."""
    guard = OnlyThese(set(names) | set(sys.modules))
    sys.meta_path.insert(0, guard)
    try:
        for name in names:
            if name != "__main__" and name not in sys.modules:
                try:
                    importlib.import_module(name)
                except Exception:  # noqa: BLE001 - a module that cannot be imported alone stays cold
                    pass
    finally:
        sys.meta_path.remove(guard)


def project_code_versions() -> dict[str, int]:
    return {str(file): file.stat().st_mtime_ns for file in PROJECT_CODE.glob("*.py") if file.stem in sys.modules}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--build", type=Path, default=ROOT / "build", help="the build directory")
    args = parser.parse_args()
    url = f"{args.host}:{args.port}"
    build = args.build.resolve()
    out = build / "serve" / args.language
    out.mkdir(parents=True, exist_ok=True)

    show_message("Starting initial build")
    with ProcessPoolExecutor(max_workers=1, mp_context=FORK) as pool:
        used_modules = pool.submit(Rebuild(args.language, build, f"http://{url}", {})).result()
    import_modules(used_modules)
    rebuild = Rebuild(args.language, build, f"http://{url}", project_code_versions())

    # sphinx-autobuild's server, run its own way (its command line would run
    # each build in a new interpreter): it calls `rebuild` in a process pool.
    multiprocessing.set_start_method("fork", force=True)
    watched = [ROOT / name for name in ("source", "examples", "extensions", "theme", "conf.py", "languages.toml")]
    watched.append(ROOT / "locale" / args.language)
    ignore = IgnoreFilter([build], [r"\.mo$", r"__pycache__", r"\.pyc$", r"~$", r"\.sw.$"])
    watcher = RebuildServer(watched, ignore, change_callback=rebuild)
    app = Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=out, html=True), name="static")],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=url)],
        lifespan=watcher.lifespan,
    )
    show_message("Waiting to detect changes...")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
