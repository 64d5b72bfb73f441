"""`palimpsest-cli annotate`: one file, or JSONL records in order (the scorer's interface)."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli import main
from desktop.cli.annotate import annotate_jsonl
from desktop.core.errors import PalimpsestError
from tests.conftest import MARKDOWN_SEED


def test_jsonl_keeps_order_and_ids() -> None:
    records = [
        {"id": "b", "text": "“We are ready,” she said on Friday.", "dct": "2026-01-15"},
        {"id": "a", "text": "Nothing to see.", "dct": None},
        {"id": 3, "text": "He left yesterday.", "dct": "2026-01-15T08:00:00"},
    ]
    out = io.StringIO()
    annotate_jsonl(io.StringIO("".join(json.dumps(r) + "\n" for r in records)), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["b", "a", 3]
    assert set(lines[0]) == {"id", "dates", "quotes"}
    quote = lines[0]["quotes"][0]
    assert {"start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue"} <= set(quote)
    text = records[0]["text"]
    assert text[quote["start"]:quote["end"]] == quote["text"]
    assert lines[1]["dates"] == [] and lines[1]["quotes"] == []
    assert [d["value"] for d in lines[2]["dates"]] == ["2026-01-14"]


def test_many_records_in_worker_processes_come_out_as_one_process_writes_them() -> None:
    records = [{"id": n, "text": f"“Item {n} is ready,” she said on Friday.", "dct": "2026-01-15"}
               for n in range(70)]
    stream = "".join(json.dumps(r) + "\n" for r in records)
    alone, shared = io.StringIO(), io.StringIO()
    annotate_jsonl(io.StringIO(stream), alone, workers=1)
    annotate_jsonl(io.StringIO(stream), shared, workers=2)
    assert shared.getvalue() == alone.getvalue()
    assert [json.loads(line)["id"] for line in shared.getvalue().splitlines()] == list(range(70))


def test_a_broken_record_is_an_error_not_a_traceback() -> None:
    with pytest.raises(PalimpsestError, match="line 1"):
        annotate_jsonl(io.StringIO("{not json}\n"), io.StringIO())


def test_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(MARKDOWN_SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dct"] == "2026-01-15"
    assert any(d["text"] == "last month" and d["value"] == "2025-12" for d in data["dates"])
    assert main(["annotate", str(MARKDOWN_SEED)]) == 0
    out = capsys.readouterr().out
    assert "Giorgia Meloni" in out and "2025-12" in out


def test_no_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate"]) == 2
    assert "give an article file" in capsys.readouterr().err
