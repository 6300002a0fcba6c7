"""Write the municipality facts the chat widget needs offline (``widget/generated/kommune.json``).

The widget must still show 112 and the intake's number when the bot server
cannot be reached, and it computes "open now" itself, so these facts are baked
into the bundle at build time – from the same pack, never typed twice.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.knowledge import Pack, load_pack, selected_kommune

ROOT = Path(__file__).resolve().parent.parent


def widget_config(pack: Pack) -> dict:
    intake, after = pack.intake, pack.after_hours
    return {
        "kommune": pack.key,
        "name": pack.name,
        "timezone": pack.timezone,
        "emergency": pack.data["acute"]["emergency_number"],
        "police": pack.data["acute"]["police_number"],
        "intake": {
            "name": intake.get("short_name", intake["name"]),
            "phone": intake["phone"],
            "email": intake.get("email", ""),
            "hours": pack.data["intake"]["phone_hours"],
        },
        "afterHours": {"name": after["name"], "phone": after["phone"]},
        "concerns": {key: c["label"] for key, c in pack.data["concerns"].items()},
        "ageGroups": pack.data["age_groups"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommune", default=selected_kommune())
    parser.add_argument("--out", type=Path, default=ROOT / "widget" / "generated" / "kommune.json")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(widget_config(load_pack(args.kommune)), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
