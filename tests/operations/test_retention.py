import datetime
import io
import json
from zoneinfo import ZoneInfo

from django.core.management import call_command

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def make_backup(root, day):
    """A nightly backup made at 02:30 local time (19:30 UTC the day before)."""
    created = datetime.datetime.combine(day, datetime.time(2, 30), LOCAL).astimezone(datetime.timezone.utc)
    folder = root / day.isoformat()
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"format": 1, "created": created.isoformat()}))
    (folder / "database.sqlite3").write_bytes(b"x")


def test_keeps_seven_days_four_weeks_twelve_months(tmp_path):
    day = datetime.date(2026, 1, 1)
    while day <= datetime.date(2026, 11, 27):
        make_backup(tmp_path, day)
        day += datetime.timedelta(days=1)
    (tmp_path / "ghi-chu").mkdir()  # not a backup: never touched
    (tmp_path / ".2026-11-28.partial-x").mkdir()  # a backup being written

    call_command("prune_backups", str(tmp_path), stdout=io.StringIO())

    kept = sorted(p.name for p in tmp_path.iterdir())
    daily = [f"2026-11-{d}" for d in range(21, 28)]
    weekly = ["2026-11-08", "2026-11-15"]  # Sundays; 11-22 and 11-27 are kept as days
    monthly = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
               "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"]
    assert kept == sorted([*daily, *weekly, *monthly, "ghi-chu", ".2026-11-28.partial-x"])


def test_dry_run_deletes_nothing(tmp_path):
    for offset in range(10):
        make_backup(tmp_path, datetime.date(2026, 11, 1) + datetime.timedelta(days=offset))
    out = io.StringIO()
    call_command("prune_backups", str(tmp_path), "--daily", "2", "--weekly", "0", "--monthly", "0", "--dry-run", stdout=out)
    assert len(list(tmp_path.iterdir())) == 10
    assert "Would delete" in out.getvalue() and "would delete 8" in out.getvalue()


def test_the_newest_backup_is_always_kept(tmp_path):
    make_backup(tmp_path, datetime.date(2026, 11, 1))
    make_backup(tmp_path, datetime.date(2026, 11, 2))
    call_command("prune_backups", str(tmp_path), "--daily", "0", "--weekly", "0", "--monthly", "0", stdout=io.StringIO())
    assert [p.name for p in tmp_path.iterdir()] == ["2026-11-02"]
