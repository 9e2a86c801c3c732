"""Geometry of the monthly bar chart, drawn as inline SVG by the template (no script)."""

from __future__ import annotations

WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 640, 220, 48, 30, 12, 8


def month_bars(values: list[tuple], *, unit: str = "") -> dict | None:
    """Bars of one value per month: [(month date, value), …]; a data table goes beside it."""
    if not values:
        return None
    top = max([float(v or 0) for _m, v in values] + [0.1]) * 1.15
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / 12
    bars = []
    for month, value in values:
        v = float(value or 0)
        h = plot_h * v / top
        x = LEFT + slot * (month.month - 1) + slot * 0.15
        bars.append(
            {
                "x": round(x, 1),
                "y": round(TOP + plot_h - h, 1),
                "w": round(slot * 0.7, 1),
                "h": round(h, 1),
                "label_x": round(x + slot * 0.35, 1),
                "month": month,
                "value": value,
            }
        )
    ticks = [
        {
            "y": round(TOP + plot_h * (1 - k / 4), 1),
            "label": round(top * k / 4, 1 if top >= 10 else 2 if top >= 0.1 else 3),
        }
        for k in range(5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "base": TOP + plot_h,
        "label_y": HEIGHT - BOTTOM + 18,
        "bars": bars,
        "ticks": ticks,
        "unit": unit,
    }
