"""Geometry of the load-history chart, drawn as inline SVG by the template."""

from __future__ import annotations

from decimal import Decimal

WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 640, 240, 56, 36, 12, 12


def history_chart(*, history: list[tuple], permissible: Decimal) -> dict | None:
    """Points of measured load per control day against the permissible N-1 load."""
    if not history:
        return None
    top_value = max([float(v) for _, v in history] + [float(permissible), 0.1]) * 1.15
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    n = len(history)

    def x(i):
        return LEFT + (plot_w * (i + 0.5) / n)

    def y(v):
        return TOP + plot_h * (1 - float(v) / top_value)

    points = [
        {"x": round(x(i), 1), "y": round(y(v), 1), "day": day, "value": v}
        for i, (day, v) in enumerate(history)
    ]
    ticks = [
        {"y": round(y(top_value * k / 4), 1), "label": round(top_value * k / 4, 1)}
        for k in range(5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - BOTTOM + 18,
        "points": points,
        "polyline": " ".join("{},{}".format(p["x"], p["y"]) for p in points),
        "limit_y": round(y(permissible), 1),
        "permissible": permissible,
        "ticks": ticks,
        "over": any(float(v) > float(permissible) for _, v in history),
    }
