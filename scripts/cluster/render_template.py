"""Fill ${NAME} placeholders in a template from the environment, like `envsubst '$A $B'`.

Only the names given on the command line are replaced (every other $name, such as
nginx's own variables, is left alone), and each of them must be set.

    python3 scripts/cluster/render_template.py TEMPLATE OUT NAME [NAME ...]
"""

from __future__ import annotations

import os
import re
import sys


def render(text: str, names: list[str], env: dict[str, str]) -> str:
    missing = [name for name in names if name not in env]
    if missing:
        raise SystemExit(f"render_template: not set: {', '.join(missing)}")
    pattern = re.compile(r"\$\{(" + "|".join(re.escape(n) for n in names) + r")\}")
    return pattern.sub(lambda m: env[m.group(1)], text)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    template, out, names = argv[0], argv[1], argv[2:]
    with open(template, encoding="utf-8") as handle:
        text = render(handle.read(), names, dict(os.environ))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
