"""`.env.example` lists every setting the bot reads, by the name it is read under."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings


def test_every_setting_is_in_the_env_example() -> None:
    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text(encoding="utf-8")
    keys = {
        line.split("=", 1)[0] for line in example.splitlines() if "=" in line and line[0] != "#"
    }
    expected = {
        field.validation_alias
        if isinstance(field.validation_alias, str)
        else f"NEWSBOT_{name.upper()}"
        for name, field in Settings.model_fields.items()
    }
    assert expected == keys


def test_analysis_workers_default_to_one_per_core_also_when_left_empty() -> None:
    from bot.settings import cores

    assert Settings(_env_file=None).analysis_workers == cores()  # type: ignore[call-arg]
    empty = Settings(_env_file=None, analysis_workers="")  # type: ignore[call-arg, arg-type]
    assert empty.analysis_workers == cores()
    assert Settings(_env_file=None, analysis_workers=3).analysis_workers == 3  # type: ignore[call-arg]
