"""Render ``domain.yml`` for one municipality: fill the @@…@@ tokens from its pack.

Usage: ``python -m bot.render_domain [--kommune allerod] [--out build/domain.yml]``

Static responses (the acute answer, the fallback's last resort) must work
without the action server, so they live in the domain; their numbers come
from the knowledge pack through this step, never typed twice.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bot.knowledge import Pack, load_pack, selected_kommune

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"@@([a-z_]+(?:\.[a-z_]+)?)@@")


def token_values(pack: Pack) -> dict[str, str]:
    intake, after_hours = pack.intake, pack.after_hours
    values = {
        "kommune": pack.name,
        "intake_name": intake["name"],
        "intake_short_name": intake.get("short_name", intake["name"]),
        "intake_phone": intake["phone"],
        "intake_email": intake.get("email", ""),
        "after_hours_name": after_hours["name"],
        "after_hours_phone": after_hours["phone"],
    }
    for key, concern in pack.data["concerns"].items():
        values[f"concern.{key}"] = concern["label"]
    return values


def render(template: str, pack: Pack) -> str:
    values = token_values(pack)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values or not values[name]:
            raise KeyError(f"domain token @@{name}@@ has no value in the {pack.key} pack")
        return values[name]

    return TOKEN.sub(replace, template)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommune", default=selected_kommune())
    parser.add_argument("--template", type=Path, default=ROOT / "domain.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "domain.yml")
    args = parser.parse_args(argv)
    rendered = render(args.template.read_text(encoding="utf-8"), load_pack(args.kommune))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = f"# GENERATED from {args.template.name} for kommune={args.kommune} by bot/render_domain.py. Do not edit.\n"
    args.out.write_text(header + rendered, encoding="utf-8")
    print(f"rendered {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out} for {args.kommune}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
