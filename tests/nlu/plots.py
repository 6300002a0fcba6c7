"""Confusion matrices as a PNG (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

from tests.nlu.metrics import OTHER, is_concern, short


def concern_matrix(table: dict[str, dict[str, int]]) -> tuple[list[str], list[str], list[list[int]]]:
    """Rows: gold concern intents; columns: predicted concern intents + ``other`` (any other intent)."""
    rows = sorted(g for g in table if is_concern(g))
    cols = sorted({p for g in rows for p in table[g] if is_concern(p)} | set(rows))
    matrix = []
    for g in rows:
        counts = table[g]
        matrix.append([counts.get(p, 0) for p in cols] + [sum(c for p, c in counts.items() if p not in cols)])
    return rows, cols + [OTHER], matrix


def save_confusion_png(panels: list[tuple[str, dict[str, dict[str, int]]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(panels), figsize=(7.2 * len(panels), 6.4), squeeze=False)
    for ax, (title, table) in zip(axes[0], panels, strict=True):
        rows, cols, matrix = concern_matrix(table)
        shares = [[c / (sum(row) or 1) for c in row] for row in matrix]
        ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
        ax.set_xticks(range(len(cols)))
        ax.set_xticklabels([short(c) for c in cols], rotation=45, ha="right", fontsize=8)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([short(r) for r in rows], fontsize=8)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        ax.set_title(title, fontsize=10)
        for i, row in enumerate(matrix):
            for j, count in enumerate(row):
                if count:
                    ax.text(j, i, str(count), ha="center", va="center", fontsize=8,
                            color="white" if shares[i][j] > 0.5 else "black")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def confusion_markdown(table: dict[str, dict[str, int]]) -> list[str]:
    rows, cols, matrix = concern_matrix(table)
    lines = ["| gold \\ predicted | " + " | ".join(short(c) for c in cols) + " |",
             "|---" * (len(cols) + 1) + "|"]
    for g, row in zip(rows, matrix, strict=True):
        lines.append(f"| {short(g)} | " + " | ".join(str(c) if c else "·" for c in row) + " |")
    others: dict[str, int] = {}
    for g in rows:
        for p, c in table[g].items():
            if p not in cols:
                others[p] = others.get(p, 0) + c
    if others:
        lines += ["", "`other`: " + ", ".join(f"{p} {c}" for p, c in sorted(others.items(), key=lambda x: (-x[1], x[0])))]
    return lines

