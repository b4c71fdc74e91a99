"""What `cargo xtask release` checks in the Python sdist and in the wheel built from it alone:
`python sdist_check.py FOLDER`, FOLDER holding workplan-*.tar.gz and wheel/workplan-*.whl."""

import sys
import tarfile
import zipfile
from pathlib import Path

sdist = Path(sys.argv[1])
[archive] = sdist.glob("workplan-*.tar.gz")
[wheel] = (sdist / "wheel").glob("workplan-*.whl")
root = archive.name[: -len(".tar.gz")]
in_sdist = set(tarfile.open(archive).getnames())
in_wheel = set(zipfile.ZipFile(wheel).namelist())
dist_info = root + ".dist-info"
need_sdist = [f"{root}/{f}" for f in ("LICENSE-MIT", "LICENSE-APACHE", "pyproject.toml", "Cargo.lock",
              "core/src/lib.rs", "bindings-python/src/lib.rs", "python/workplan/__init__.pyi")]
need_wheel = [f"{dist_info}/licenses/LICENSE-MIT", f"{dist_info}/licenses/LICENSE-APACHE",
              "workplan/__init__.pyi", "workplan/py.typed"]
missing = [f for f in need_sdist if f not in in_sdist] + [f for f in need_wheel if f not in in_wheel]
if missing:
    sys.exit(f"missing from the sdist or the wheel built from it: {missing}")
print(f"{archive.name}: {len(in_sdist)} files; {wheel.name} built from it: {len(in_wheel)} files, with the licences")
