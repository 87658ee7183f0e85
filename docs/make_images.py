"""Make the README's pictures from real runs: the November 2024 page of Pilkada 2024 as `tahapan
calendar -f pdf` prints it, turned into a PNG by pdftoppm (poppler-utils); and the status board of
`tahapan publish` on 6 December 2026 as headless Chromium shows it at desktop width and on a 390 px
phone (the top of the page, as the screen shows it).

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
        print(
            "make_images: pdftoppm is needed (Debian: apt install poppler-utils)", file=sys.stderr
        )
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
        board(env, Path(home))
    return 0


#: (file, window width, window height) of the board's pictures
BOARDS = [("publish-desktop", 1280, 1400), ("publish-phone", 390, 1600)]


def board(env: dict[str, str], home: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print(
            "make_images: chromium is needed for the board (apt install chromium)", file=sys.stderr
        )
        return
    site = home / "situs"
    run_env = {**env, "TAHAPAN_NOW": "2026-12-06T08:00:00+07:00"}
    url = "https://jadwal.kpu-contoh.go.id/tahapan"
    subprocess.run([TAHAPAN, "publish", str(site), "--url", url, "-q"], env=run_env, check=True)
    for name, width, height in BOARDS:
        out = HERE / f"{name}.png"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={home / 'chromium'}",
                f"--window-size={width},{height}",
                f"--screenshot={out}",
                (site / "index.html").as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        print(out)


if __name__ == "__main__":
    sys.exit(main())
