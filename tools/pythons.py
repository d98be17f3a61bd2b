"""The CPythons the chapter is tested on: find them, and get the missing ones.

    python tools/pythons.py list              # each version, the interpreter used, or what is missing
    python tools/pythons.py install [3.14 ...] # get the missing ones (all by default)
    python tools/pythons.py path 3.14          # print one interpreter's path (exit 1 if missing)
    python tools/pythons.py versions           # the supported versions, one line (for make)
    python tools/pythons.py packages [3.14 ...] # install the examples' packages (NumPy) for each
    python tools/pythons.py lock               # write requirements-examples.txt (hashes)

Every listing of the chapter runs under fork, spawn and forkserver on each
version of ``VERSIONS``, at the newest release this machine can get. A
version's interpreter is, in order of preference:

1. a private copy the project installed itself, under ``.pythons/``;
2. pyenv's newest build of that version (``$PYENV_ROOT/versions/3.X.Y``);
3. ``python3.X`` on the PATH (not pyenv's shims);

and only if its release is at least ``MINIMUM`` (3.13 must be 3.13.8 or
later: the forkserver changed in that release, and a reader's 3.13 has it).

``install`` gets what is missing from Debian unstable's binary packages,
without touching the machine's apt configuration or its system Python: the
archive's ``InRelease`` is checked with ``gpgv`` against Debian's archive
keyring, the package index against the SHA-256 in it, each ``.deb`` against
the SHA-256 in the index; the packages are unpacked with ``dpkg-deb -x`` into
``.pythons/debian/`` (nothing is installed), with unstable's C library, which
the interpreter is then told to use (``patchelf``). Unstable moves on, so the
version is read from the index, never written here. Versions Debian does not
ship (3.11 and 3.12 today) come from pyenv or ``python3.X``; for those, a
missing one fails with the command that gets it.

Some listings import NumPy, which none of these interpreters has (Debian's
have no pip at all). ``packages`` installs the pinned wheels of
``requirements-examples.txt`` (``EXAMPLE_PACKAGES``, one wheel per version,
each checked against its hash) into ``.pythons/site/3.X/`` with the pip of
the project's venv (either stack's), and compiles them with that version's
interpreter; ``run_example.py`` puts that folder on ``PYTHONPATH`` for an
interpreter of version 3.X (the project's own venv Python included), so a
listing gets the pinned NumPy whatever runs it. ``lock`` writes
requirements-examples.txt again from ``EXAMPLE_PACKAGES`` (``make lock``).
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = ROOT / ".pythons"
# The versions the chapter promises, oldest first; the last is the newest.
VERSIONS = ("3.11", "3.12", "3.13", "3.14", "3.15")
# The oldest release that counts as each version for a reader today.
MINIMUM = {"3.13": (3, 13, 8)}
# The machine's own Debian 12 python3.11 (3.11.2) counts too: Debian patches it.

ARCHIVE = "http://deb.debian.org/debian"
SUITE = "unstable"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# What a Debian CPython needs to run the standard library, beyond its own
# packages (python3.X-minimal, libpython3.X-minimal, libpython3.X-stdlib): a
# C library at least as new as it was built against, and the shared libraries
# its extension modules load.
RUNTIME_LIBRARIES = (
    "libc6", "libgcc-s1", "libssl3t64", "libffi8", "liblzma5", "libbz2-1.0", "libsqlite3-0",
    "libexpat1", "zlib1g", "libzstd1", "libuuid1", "libncursesw6", "libtinfo6", "libreadline8t64",
    "libdb5.3t64", "libmpdec4", "libcrypt1", "libstdc++6",
)
LIBDIR = "usr/lib/x86_64-linux-gnu"

# What the examples import beyond the standard library, pinned. The lock
# file holds the hash of the one wheel each tested version installs.
# Each may carry a marker on python_version only (pip, given --python-version,
# still judges markers by its own interpreter: these are judged here).
EXAMPLE_PACKAGES = (
    'numpy==2.4.6; python_version < "3.12"',  # NumPy 2.5 has no wheel for 3.11
    'numpy==2.5.5; python_version >= "3.12"',
)
EXAMPLE_PLATFORM = "manylinux_2_28_x86_64"
EXAMPLE_REQUIREMENTS = ROOT / "requirements-examples.txt"
SITE = PRIVATE / "site"
# Written into .pythons/site/3.X/ after an install: the lock file's SHA-256.
SITE_STAMP = ".requirements-examples.sha256"
# Either stack's venv (Makefile: .venv for Sphinx 8.2, .venv-py313 for 9.2).
VENV_PIPS = (ROOT / ".venv" / "bin" / "pip", ROOT / ".venv-py313" / "bin" / "pip")


def interpreter_release(python: str) -> tuple[int, ...] | None:
    try:
        out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:3])"],
                             capture_output=True, text=True, timeout=30, env=_clean_env())
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return tuple(int(n) for n in out.stdout.split())


def _clean_env() -> dict[str, str]:
    # A venv's or pyenv's variables must not steer another interpreter.
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV")}


def _release_key(path: Path) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", path.parts[-3])]


def candidates(version: str) -> list[str]:
    """Every interpreter of ``version`` on this machine, most preferred first."""
    found = []
    private = PRIVATE / "bin" / f"python{version}"
    if private.exists():
        found.append(str(private))
    root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    builds = sorted(Path(root, "versions").glob(f"{version}.*/bin/python{version}"), key=_release_key)
    found += [str(b) for b in reversed(builds) if re.fullmatch(r"\d+\.\d+\.\d+", b.parts[-3])]
    # pyenv's shims answer for versions that are not selected, then fail: not those.
    path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep) if not d.endswith("/shims"))
    on_path = shutil.which(f"python{version}", path=path)
    if on_path:
        found.append(on_path)
    return found


def find(version: str) -> tuple[str, tuple[int, ...]] | None:
    """The interpreter used for ``version`` and its release, or None."""
    for python in candidates(version):
        release = interpreter_release(python)
        if release and release[:2] == tuple(map(int, version.split("."))) and release >= MINIMUM.get(version, ()):
            return python, release
    return None


def interpreters() -> dict[str, str | None]:
    """Every supported version: its interpreter, or None where it is missing."""
    return {version: (found[0] if (found := find(version)) else None) for version in VERSIONS}


def how_to_get(version: str) -> str:
    need = ".".join(map(str, MINIMUM.get(version, ()))) or version
    return (f"CPython {version} (at least {need}) not found: run `make pythons` "
            f"(Debian unstable's build, for 3.13 and later) or `pyenv install {version}`")


# -- Getting an interpreter from Debian unstable ------------------------------------

def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def _index() -> dict[str, dict[str, str]]:
    """Unstable's amd64 package index, checked from the signed InRelease down."""
    with tempfile.TemporaryDirectory() as tmp:
        release = Path(tmp, "InRelease")
        release.write_bytes(_get(f"{ARCHIVE}/dists/{SUITE}/InRelease"))
        signed = Path(tmp, "Release")
        check = subprocess.run(["gpgv", "--keyring", KEYRING, "--output", str(signed), str(release)],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"Debian {SUITE}'s InRelease failed its signature check:\n{check.stderr}")
        text = signed.read_text()
    sha256 = text.split("\nSHA256:\n", 1)[1]
    match = re.search(r"^ ([0-9a-f]{64}) +\d+ main/binary-amd64/Packages\.xz$", sha256, re.M)
    packages_xz = _get(f"{ARCHIVE}/dists/{SUITE}/main/binary-amd64/Packages.xz")
    if hashlib.sha256(packages_xz).hexdigest() != match.group(1):
        raise SystemExit("Debian's package index does not match the checksum in its signed InRelease")
    index = {}
    for stanza in lzma.decompress(packages_xz).decode().split("\n\n"):
        fields = dict(re.findall(r"^([A-Za-z0-9-]+): (.*)$", stanza, re.M))
        if "Package" in fields:
            index[fields["Package"]] = fields
    return index


def install(versions: list[str]) -> None:
    """Unpack Debian unstable's CPython ``versions`` into .pythons/ (with their runtime)."""
    for tool in ("gpgv", "dpkg-deb", "patchelf"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: run `tools/system-deps.sh pythons`")
    index = _index()
    names = list(RUNTIME_LIBRARIES)
    for version in versions:
        names += [f"python{version}-minimal", f"libpython{version}-minimal", f"libpython{version}-stdlib"]
    missing = [name for name in names if name not in index]
    if missing:
        raise SystemExit(f"Debian {SUITE} has no {', '.join(missing)} "
                         f"(CPython {' '.join(versions)}): install them another way, e.g. pyenv")
    prefix = PRIVATE / "debian"
    debs = PRIVATE / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    for name in names:
        fields = index[name]
        deb = debs / Path(fields["Filename"]).name
        if not deb.exists() or hashlib.sha256(deb.read_bytes()).hexdigest() != fields["SHA256"]:
            data = _get(f"{ARCHIVE}/{fields['Filename']}")
            if hashlib.sha256(data).hexdigest() != fields["SHA256"]:
                raise SystemExit(f"{fields['Filename']}: checksum differs from Debian's index")
            deb.write_bytes(data)
            print(f"  {name} {fields['Version']}")
        subprocess.run(["dpkg-deb", "-x", str(deb), str(prefix)], check=True)
    (PRIVATE / "bin").mkdir(exist_ok=True)
    loader = prefix / LIBDIR / "ld-linux-x86-64.so.2"
    for version in versions:
        binary = prefix / "usr" / "bin" / f"python{version}"
        subprocess.run(["patchelf", "--set-interpreter", str(loader), "--force-rpath",
                        "--set-rpath", str(prefix / LIBDIR), str(binary)], check=True)
        link = PRIVATE / "bin" / f"python{version}"
        link.unlink(missing_ok=True)
        link.symlink_to(binary)
        # Debian ships no .pyc: compile the standard library once, or every
        # spawned child compiles what it imports again.
        subprocess.run([str(binary), "-m", "compileall", "-q", "-j0", "-x", r"(test|idlelib|tkinter|lib2to3)/",
                        str(prefix / "usr" / "lib" / f"python{version}")], env=_clean_env(),
                       stdout=subprocess.DEVNULL)
        release = interpreter_release(str(link))
        if release is None:
            raise SystemExit(f"{binary} does not run after unpacking")
        print(f"CPython {'.'.join(map(str, release))}: {link}")
    shutil.rmtree(debs)


# -- The examples' packages (NumPy) -------------------------------------------------

def _pip(*args: str) -> None:
    pip = next((pip for pip in VENV_PIPS if pip.exists()), None)
    if pip is None:
        raise SystemExit(f"{VENV_PIPS[0].relative_to(ROOT)} not found: run `make venv`")
    subprocess.run([str(pip), "--disable-pip-version-check", *args], check=True)


def _pip_target(version: str) -> list[str]:
    """pip's options for the wheels of CPython ``version`` on this platform."""
    return ["--no-deps", "--only-binary=:all:", "--python-version", version, "--platform", EXAMPLE_PLATFORM]


_MARKER = re.compile(r'python_version\s*(<|<=|==|!=|>=|>)\s*"(\d+)\.(\d+)"')


def applies(requirement: str, version: str) -> bool:
    """Whether ``requirement`` ("numpy==2.5.5; python_version >= \"3.12\"") is for ``version``."""
    marker = requirement.partition(";")[2].strip()
    if not marker:
        return True
    match = _MARKER.fullmatch(marker)
    if not match:
        raise SystemExit(f"{requirement!r}: only a marker `python_version <op> \"3.X\"` is understood here")
    op, bound = match.group(1), tuple(map(int, match.group(2, 3)))
    ours = tuple(map(int, version.split(".")))
    return {"<": ours < bound, "<=": ours <= bound, "==": ours == bound, "!=": ours != bound,
            ">=": ours >= bound, ">": ours > bound}[op]


def locked_for(version: str) -> str:
    """The lock file's requirements that apply to ``version``, with their hashes."""
    blocks, block = [], []
    for line in EXAMPLE_REQUIREMENTS.read_text().splitlines():
        if not block and (not line.strip() or line.startswith("#")):
            continue
        block.append(line)
        if not line.endswith("\\"):
            blocks.append(block)
            block = []
    # Without its marker, which pip would judge by its own interpreter.
    return "".join("\n".join([b[0].partition(";")[0].strip() + " \\"] + b[1:]) + "\n"
                   for b in blocks if applies(b[0].rstrip(" \\"), version))


def site(version: str) -> Path:
    """Where the examples' packages for CPython ``version`` ("3.14") are installed."""
    return SITE / version


def site_problem(version: str) -> str | None:
    """Why the examples' packages for ``version`` cannot be used, or None."""
    stamp = site(version) / SITE_STAMP
    if not stamp.exists():
        return (f"the examples' packages (requirements-examples.txt) are not installed for "
                f"CPython {version}: run `make pythons`")
    if stamp.read_text().strip() != hashlib.sha256(EXAMPLE_REQUIREMENTS.read_bytes()).hexdigest():
        return (f"the examples' packages for CPython {version} are older than requirements-examples.txt: "
                f"run `make pythons`")
    return None


def install_packages(versions: list[str], python_for: dict[str, str] | None = None) -> None:
    """Install requirements-examples.txt into .pythons/site/<version>/ for each
    version, unless already done from the same lock file; compile it with
    that version's interpreter (``python_for[version]``, else ``find()``)."""
    digest = hashlib.sha256(EXAMPLE_REQUIREMENTS.read_bytes()).hexdigest()
    for version in versions:
        target = site(version)
        if site_problem(version) is None:
            continue
        python = (python_for or {}).get(version) or (found[0] if (found := find(version)) else None)
        if python is None:
            raise SystemExit(how_to_get(version))
        shutil.rmtree(target, ignore_errors=True)
        print(f"Installing requirements-examples.txt for CPython {version} into {target.relative_to(ROOT)}/")
        with tempfile.TemporaryDirectory() as tmp:
            requirements = Path(tmp, "requirements.txt")
            requirements.write_text(locked_for(version))
            # pip checks Requires-Python against its own interpreter, not
            # --python-version: the wheel's tag (cp3X) is the check that counts.
            _pip("install", "--quiet", "--require-hashes", "--no-compile", "--ignore-requires-python",
                 *_pip_target(version), "--target", str(target), "-r", str(requirements))
        # Compiled once here, by the interpreter that will read it: this host
        # writes no bytecode at run time, so every process would compile NumPy.
        subprocess.run([python, "-m", "compileall", "-q", "-j0", str(target)], env=_clean_env(),
                       stdout=subprocess.DEVNULL, check=True)
        (target / SITE_STAMP).write_text(digest + "\n")


def lock() -> None:
    """Write requirements-examples.txt: each package of EXAMPLE_PACKAGES with
    the SHA-256 of its wheel for every tested version."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for requirement in EXAMPLE_PACKAGES:
            hashes = {}
            for version in [v for v in VERSIONS if applies(requirement, v)]:
                folder = Path(tmp, version)
                _pip("download", "--quiet", *_pip_target(version), "--dest", str(folder),
                     requirement.partition(";")[0].strip())
                for wheel in folder.glob("*.whl"):
                    hashes[wheel.name] = hashlib.sha256(wheel.read_bytes()).hexdigest()
                shutil.rmtree(folder)
            if not hashes:
                raise SystemExit(f"{requirement!r} applies to none of the tested versions")
            lines += [f"# {name}" for name in sorted(hashes)]
            entries = [requirement] + [f"    --hash=sha256:{hashes[name]}" for name in sorted(hashes)]
            lines += [entry + " \\" for entry in entries[:-1]] + entries[-1:]
    EXAMPLE_REQUIREMENTS.write_text(
        "# The packages the examples import, for every tested CPython "
        f"({', '.join(VERSIONS)}) on {EXAMPLE_PLATFORM}:\n"
        "# one wheel each, installed with --require-hashes into .pythons/site/3.X/ by\n"
        "# `make pythons`. Generated by `make lock` (tools/pythons.py lock) from\n"
        "# EXAMPLE_PACKAGES in tools/pythons.py: do not edit.\n"
        + "\n".join(lines) + "\n")
    print(f"wrote {EXAMPLE_REQUIREMENTS.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list")
    sub.add_parser("versions")
    path = sub.add_parser("path")
    path.add_argument("version", choices=VERSIONS)
    get = sub.add_parser("install")
    get.add_argument("version", nargs="*", help=f"some of {' '.join(VERSIONS)} (default: all)")
    packages = sub.add_parser("packages")
    packages.add_argument("version", nargs="*", help=f"some of {' '.join(VERSIONS)} (default: all)")
    packages.add_argument("--also", metavar="PYTHON",
                          help="an interpreter whose version gets them too (the project's venv Python)")
    sub.add_parser("lock")
    args = parser.parse_args()
    if args.command in ("install", "packages") and (unknown := set(args.version) - set(VERSIONS)):
        parser.error(f"not a supported version: {' '.join(sorted(unknown))} (supported: {' '.join(VERSIONS)})")

    if args.command == "lock":
        lock()
        return 0
    if args.command == "packages":
        wanted = args.version or list(VERSIONS)
        python_for = {}
        if args.also:
            release = interpreter_release(args.also)
            if release is None:
                raise SystemExit(f"{args.also} does not run")
            also = f"{release[0]}.{release[1]}"
            python_for[also] = args.also
            wanted = wanted + [also] * (also not in wanted)
        install_packages(wanted, python_for)
        return 0

    if args.command == "versions":
        print(*VERSIONS)
        return 0
    if args.command == "path":
        found = find(args.version)
        if not found:
            print(how_to_get(args.version), file=sys.stderr)
            return 1
        print(found[0])
        return 0
    if args.command == "list":
        status = 0
        for version in VERSIONS:
            found = find(version)
            if found:
                packages = "packages: " + ("installed" if site_problem(version) is None else "missing or old")
                print(f"{version}  {'.'.join(map(str, found[1])):8}  {found[0]}  ({packages})")
            else:
                print(f"{version}  missing   {how_to_get(version)}")
                status = 1
        return status
    wanted = args.version or list(VERSIONS)
    missing = [version for version in wanted if not find(version)]
    from_debian = [version for version in missing if tuple(map(int, version.split("."))) >= (3, 13)]
    if from_debian:
        print(f"Getting CPython {' '.join(from_debian)} from Debian {SUITE} into {PRIVATE.relative_to(ROOT)}/")
        install(from_debian)
    still = [version for version in missing if not find(version)]
    for version in still:
        print(how_to_get(version), file=sys.stderr)
    return 1 if still else 0


if __name__ == "__main__":
    sys.exit(main())
