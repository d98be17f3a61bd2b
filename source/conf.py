# The configuration is ../conf.py; this lets `sphinx-build source OUTDIR` find
# it without `-c .`.
from pathlib import Path

__file__ = str(Path(__file__).resolve().parent.parent / "conf.py")
exec(compile(Path(__file__).read_text(encoding="utf-8"), __file__, "exec"))
