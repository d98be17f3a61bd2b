"""Live preview of one edition: rebuilt on every save, the browser reloaded.

    python tools/serve.py zh_CN [--port 8000]          (or: make serve LANGUAGE=zh_CN)

sphinx-autobuild serves the pages and reloads the browser; this script
changes how a rebuild runs, so that a translator sees a saved .po in well
under a second. Plain sphinx-autobuild starts a new Python for each rebuild,
which spends most of a one-page rebuild importing Sphinx, MyST, jieba and the
extensions, then setting up the application. Here:

* after the first build, this process imports the modules that build used
  (and only those), and never builds anything itself;
* every build runs in a process forked from it, so imports are done;
* the next build's process is forked in advance: it reads the configuration,
  sets up the extensions, loads the environment the last build saved, then
  waits. When the book's content changes (a page, an example, a page's
  catalog), it compiles the catalogs and builds. Any other change (conf.py,
  languages.toml, the theme, the theme's catalog sphinx.po) may alter what
  was set up in advance, so that process is dropped and a new one does the
  whole build.

Each build is a new process with a new Sphinx application, from the
environment the last build saved: the output is the same as `make html`'s
(a test compares them). When the book's extension code changes, the copy
imported here is out of date: builds then run in a fresh interpreter until
the preview is restarted.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import importlib.abc
import io
import multiprocessing
import subprocess
import sys
import traceback
from pathlib import Path

import uvicorn
import watchfiles
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils
# Internals of sphinx-autobuild (extensions/internals.py; tests/translator/test_internals.py checks
# them): it has no API to rebuild in-process.
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

# Builds fork from this process to inherit its imports (whatever the default
# start method: Python 3.14 makes it forkserver on Linux).
FORK = multiprocessing.get_context("fork")
PROJECT_CODE = ROOT / "extensions"  # conf.py puts it on sys.path; so does this script
sys.path.insert(0, str(PROJECT_CODE))
from book import LANGUAGES_FILE, catalog_dir, is_translation, load_editions  # noqa: E402


class Edition:
    """How to build one edition for the preview (picklable, passed to children)."""

    def __init__(self, language: str, build: Path):
        self.language = language
        self.outdir = build / "serve" / language
        self.doctreedir = build / "doctrees" / f"serve-{language}"
        self.code_versions: dict[str, int] = {}  # extension modules imported here: file -> mtime

    def prepare(self, status) -> Sphinx:
        """Everything a build does before it looks at the pages (as sphinx-build does it)."""
        return Sphinx(ROOT / "source", ROOT, self.outdir, self.doctreedir, "html",
                      confoverrides={"language": self.language}, status=status, warning=sys.stderr)

    def build(self, prepared: Sphinx | None = None) -> None:
        """Compile the catalogs, then build (with the ``prepared`` application, if given)."""
        if compile_language(self.language)[0]:  # msgfmt's file:line messages are printed
            print("The preview keeps the last good build; fix the catalog and save it again.")
            return
        if prepared is None and self.code_is_stale():
            print("The book's extension code changed: building in a fresh Python "
                  "(restart `make serve` for fast rebuilds again).")
            subprocess.run([sys.executable, "-m", "sphinx", "build", "-c", str(ROOT),
                            "-D", f"language={self.language}", "-d", str(self.doctreedir),
                            str(ROOT / "source"), str(self.outdir)], check=False)
            return
        try:
            if prepared is None:
                with patch_docutils(ROOT), docutils_namespace():
                    prepared = self.prepare(sys.stdout)
                    prepared.build()
            else:
                prepared.build()
            failed = prepared.statuscode != 0
        except SphinxError as error:  # configuration, extension errors: Sphinx's own message
            print(f"{error.category}: {error}", file=sys.stderr)
            failed = True
        except Exception:  # noqa: BLE001 - shown to the author, and the preview goes on
            traceback.print_exc()
            failed = True
        if failed:
            print("The build failed (see above); the preview keeps the last good build.")

    def build_afresh(self) -> None:
        """A whole build, in a process forked for it."""
        child = FORK.Process(target=self.build)
        child.start()
        child.join()

    def code_is_stale(self) -> bool:
        return any(not Path(file).exists() or Path(file).stat().st_mtime_ns != mtime
                   for file, mtime in self.code_versions.items())

    def is_content(self, path: Path) -> bool:
        """A page, an example or a page's catalog: nothing set up in advance depends on it."""
        catalogs = catalog_dir(self.language)
        return ((path.is_relative_to(ROOT / "source") and path.name != "conf.py")
                or path.is_relative_to(ROOT / "examples")
                or (path.parent == catalogs and path.name != "sphinx.po"))


class HeldOutput(io.TextIOBase):
    """Sphinx's progress output, held back until the build it belongs to starts."""

    def __init__(self):
        self.held: list[str] | None = []

    def write(self, text: str) -> int:
        if self.held is None:
            return sys.stdout.write(text)
        self.held.append(text)
        return len(text)

    def release(self) -> None:
        sys.stdout.write("".join(self.held or []))
        self.held = None


class PreparedBuild:
    """A process forked now, holding an application prepared for the next build."""

    def __init__(self, edition: Edition):
        self.connection, child_end = FORK.Pipe()
        self.process = FORK.Process(target=self.run, args=(edition, child_end, self.connection), daemon=True)
        self.process.start()
        child_end.close()

    @staticmethod
    def run(edition: Edition, connection, parent_end) -> None:
        parent_end.close()  # so that the server's exit ends the wait below
        output = HeldOutput()
        with patch_docutils(ROOT), docutils_namespace():
            try:
                app = edition.prepare(output)
            except Exception:  # noqa: BLE001 - the build afresh that replaces this one reports it
                return
            try:
                connection.recv()
            except EOFError:
                return
            output.release()
            edition.build(prepared=app)

    def build(self) -> bool:
        """Build; False if the process is gone (it could not set up: the build afresh will say why)."""
        try:
            self.connection.send("build")
        except OSError:
            self.process.join()
            return False
        self.process.join()
        return True

    def discard(self) -> None:
        self.process.kill()
        self.process.join()


class PreviewServer(RebuildServer):
    """sphinx-autobuild's server (websocket reloads), with its own watch loop."""

    def __init__(self, paths: list[Path], ignore: IgnoreFilter, edition: Edition, url: str):
        super().__init__(paths, ignore, change_callback=None)
        self.edition = edition
        self.url = url

    async def watch(self) -> None:
        prepared = PreparedBuild(self.edition)
        try:
            # step: report a save after 20 ms without further changes (default 50).
            async for changes in watchfiles.awatch(*self.paths, step=20,
                                                   watch_filter=lambda _, path: not self.ignore(path)):
                changed = sorted({Path(path).resolve() for _, path in changes})
                names = ", ".join(str(path.relative_to(ROOT)) for path in changed[:5])
                show_message(f"Detected changes ({names}); rebuilding...")
                content_only = all(map(self.edition.is_content, changed)) and not self.edition.code_is_stale()
                if not (content_only and await asyncio.to_thread(prepared.build)):
                    prepared.discard()
                    await asyncio.to_thread(self.edition.build_afresh)
                self.flag.set()  # reload the browser
                show_message(f"Serving on {self.url}")
                prepared = PreparedBuild(self.edition)
        finally:
            prepared.discard()


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


def first_build(edition: Edition, connection) -> None:
    edition.build()
    connection.send(sorted(sys.modules))


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--build", type=Path, default=ROOT / "build", help="the build directory")
    args = parser.parse_args()
    editions = load_editions()
    if args.language not in editions:
        parser.error(f"{args.language!r} is not an edition in {LANGUAGES_FILE.name} "
                     f"({', '.join(editions)}); add one with: make add-language LANGUAGE={args.language}")
    url = f"{args.host}:{args.port}"
    edition = Edition(args.language, args.build.resolve())
    edition.outdir.mkdir(parents=True, exist_ok=True)

    show_message("Starting initial build")
    receiver, sender = FORK.Pipe(duplex=False)
    child = FORK.Process(target=first_build, args=(edition, sender))
    child.start()
    sender.close()  # so that recv() fails, rather than waits, if the child dies
    import_modules(receiver.recv())
    child.join()
    edition.code_versions = {str(file): file.stat().st_mtime_ns for file in PROJECT_CODE.glob("*.py")
                             if file.stem in sys.modules}

    watched = [ROOT / name for name in ("source", "examples", "extensions", "theme", "conf.py", "languages.toml")]
    if is_translation(args.language):  # the source language has no catalogs
        watched.append(catalog_dir(args.language).parent)
    # Not edits: compiled catalogs and their record (tools/compile_catalogs.py), with
    # the files they are staged in (msgfmt stages its own: .queues.mo.<pid>.<random>),
    # caches, editors' backups.
    ignore = IgnoreFilter([edition.outdir.parent.parent], [r"\.mo(\.\d+(\.\w+)?)?$", r"\.compiled\.json(\.\d+)?$",
                                                          r"__pycache__", r"\.pyc$", r"~$", r"\.sw.$"])
    watcher = PreviewServer(watched, ignore, edition, f"http://{url}")
    app = Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=edition.outdir, html=True), name="static")],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=url)],
        lifespan=watcher.lifespan,
    )
    show_message(f"Serving on http://{url}; waiting to detect changes...")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
