"""Make the README's calendar picture from a real run: the November 2024 page of Pilkada 2024 as
`tahapan calendar -f pdf` prints it, turned into a PNG by pdftoppm (poppler-utils).

    .venv/bin/python docs/make_images.py

Runs the `tahapan` installed beside this Python, with empty user directories so that no schedule
file of this machine's user changes the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAHAPAN = str(Path(sys.executable).with_name("tahapan"))
#: pixels per inch: an A4 landscape page of 1169 x 827 pixels, the key still readable
RESOLUTION = 100
PICTURES = {
    "calendar-pilkada-2024-11": ["-e", "pilkada-2024", "--month", "2024-11"],
}


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("make_images: pdftoppm is needed (Debian: apt install poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("TAHAPAN_")},
            **{f"XDG_{d}_HOME": f"{home}/{d.lower()}" for d in ("CONFIG", "DATA", "CACHE")},
        }
        for name, args in PICTURES.items():
            pdf = Path(home) / f"{name}.pdf"
            subprocess.run(
                [TAHAPAN, "calendar", *args, "-f", "pdf", "-o", str(pdf), "-q"], env=env, check=True
            )
            out = HERE / name
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(RESOLUTION), "-singlefile", str(pdf), str(out)],
                check=True,
            )
            print(f"{out}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
