"""Long answers are written as they are made: JSON's long lists and CSV's rows are made while the
earlier ones are already written, the text is what json.dumps and csv write, and an answer that
fails half-way leaves the file it was to replace whole."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tahapan.errors import TahapanError
from tahapan.render import json_pieces, write_out
from tahapan.reports import Streamed
from tahapan.schedule.load import load_catalog
from tahapan.schedule.tabular import csv_lines, csv_text


@dataclass
class Answer:
    items: Any
    exit_code: int = 0

    def payload(self) -> dict[str, Any]:
        return {"items": self.items, "empty": Streamed([]), "after": {"n": 1}}


def test_json_pieces_are_what_json_dumps_writes() -> None:
    rows = [
        {"id": f"tahapan-{n}", "dates": ["2024-02-14", None], "ok": n % 2 == 0} for n in range(50)
    ]
    streamed = "".join(json_pieces(Answer(Streamed(iter(rows)))))
    whole = json.dumps(
        {"schema": 1, "items": rows, "empty": [], "after": {"n": 1}}, ensure_ascii=False, indent=2
    )
    assert streamed == whole + "\n"


def test_a_streamed_list_is_made_while_it_is_written() -> None:
    made: list[int] = []

    def items() -> Any:
        for n in range(10_000):
            made.append(n)
            yield {"n": n}

    pieces = json_pieces(Answer(Streamed(items())))
    text = ""
    while '"n": 0' not in text:
        text += next(pieces)
    assert len(made) <= 2  # the first item is written before the third is made
    text += "".join(pieces)
    assert len(made) == 10_000
    assert json.loads(text)["items"][-1] == {"n": 9999}


def test_csv_lines_are_the_csv_and_come_a_row_at_a_time() -> None:
    catalog = load_catalog()
    elections = [e for e in catalog.elections if e.id == "pemilu-2024"]
    lines = list(csv_lines(elections))
    assert "".join(lines) == csv_text(elections)
    assert lines[0].startswith("election,")
    stages = sum(1 for _ in elections[0].walk())
    assert len(lines) == 1 + stages  # the header, then a piece per stage
    assert all(line.endswith("\r\n") for line in lines)


def test_pieces_go_to_stdout_as_utf8_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.BytesIO()

    class Stdout:
        buffer = out

        def flush(self) -> None:
            pass

    monkeypatch.setattr("sys.stdout", Stdout())
    pieces = (f"baris {n} – ✓\n" for n in range(20_000))
    write_out(pieces, None, kind="CSV", file=True)
    assert out.getvalue().decode("utf-8") == "".join(f"baris {n} – ✓\n" for n in range(20_000))


def test_a_stream_that_fails_half_way_leaves_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "jadwal.csv"
    target.write_text("the office's file\n", encoding="utf-8")
    (folder / "jadwal.csv.bak").write_text("the version before\n", encoding="utf-8")

    def pieces() -> Any:
        for n in range(100_000):
            if n == 50_000:
                raise TahapanError("stopped half-way")
            yield f"row {n}\n"

    with pytest.raises(TahapanError):
        write_out(pieces(), target, kind="CSV", file=True)
    assert target.read_text(encoding="utf-8") == "the office's file\n"
    # no temporary file left, and the older version still the backup
    assert sorted(p.name for p in folder.iterdir()) == ["jadwal.csv", "jadwal.csv.bak"]
    assert (folder / "jadwal.csv.bak").read_text(encoding="utf-8") == "the version before\n"


def test_a_stream_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "jadwal.json"
    target.write_text("{}\n", encoding="utf-8")
    write_out(json_pieces(Answer(Streamed({"n": n} for n in range(3)))), target, file=True)
    assert json.loads(target.read_text(encoding="utf-8"))["items"] == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert (tmp_path / "jadwal.json.bak").read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize("regions", [0, 3])
@pytest.mark.parametrize("elections", [0, 1, 5])
def test_toml_pieces_are_the_file_tomli_w_writes_whole(regions: int, elections: int) -> None:
    from tahapan.model import FILE_SCHEMA
    from tahapan.schedule.writer import file_table, schedule_pieces, tables_text

    catalog = load_catalog()
    chosen, places = list(catalog.elections)[:elections], list(catalog.regions)[:regions]
    data: dict[str, Any] = {"schema": FILE_SCHEMA}
    if places:
        data["regions"] = [file_table(r) for r in places]
    data["elections"] = [file_table(e) for e in chosen]
    pieces = list(schedule_pieces(chosen, places, header="# kepala\n"))
    assert "".join(pieces) == tables_text(data, header="# kepala\n")
    assert len(pieces) == 1 + 2 * elections  # the head, then each election after a blank line
