#!/usr/bin/env python3
"""Draw a markdown results table of tests/bench/bench.sh as a horizontal bar
chart in SVG (no plotting library needed), one group of bars per row.

    tests/bench/plot.py TABLE.md OUT.svg "title"

TABLE.md holds one markdown table: the first column names the task, the
others are tools; empty cells are left out.
"""
import html
import sys

COLOURS = ["#3b6ea5", "#d98c2b", "#5a9e5a", "#a05195"]


def read_table(path):
    rows = [l.strip() for l in open(path) if l.strip().startswith("|")]
    head = [c.strip() for c in rows[0].strip("|").split("|")]
    body = []
    for r in rows[2:]:
        cells = [c.strip() for c in r.strip("|").split("|")]
        vals = []
        for c in cells[1:]:
            try:
                vals.append(float(c))
            except ValueError:
                vals.append(None)
        body.append((cells[0], vals))
    return head, body


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    head, body = read_table(sys.argv[1])
    tools = head[1:]
    top = max(v for _, vals in body for v in vals if v is not None)
    bar, gap, left, width = 14, 10, 230, 420
    y = 50
    out = []
    for task, vals in body:
        shown = [(i, v) for i, v in enumerate(vals) if v is not None]
        out.append('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>'
                   % (left - 8, y + bar * len(shown) / 2 + 4, html.escape(task)))
        for i, v in shown:
            w = max(1.0, width * v / top)
            out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (left, y, w, bar - 2, COLOURS[i % len(COLOURS)]))
            out.append('<text x="%.1f" y="%d" font-size="11">%g ms</text>' % (left + w + 4, y + bar - 4, v))
            y += bar
        y += gap
    legend = []
    for i, t in enumerate(tools):
        legend.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/>'
                      '<text x="%d" y="%d" font-size="12">%s</text>'
                      % (left + i * 170, 28, COLOURS[i % len(COLOURS)], left + i * 170 + 14, 37, html.escape(t)))
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">'
           % (left + width + 90, y + 10),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="18" font-size="14" font-weight="bold">%s</text>' % html.escape(sys.argv[3])]
    svg += legend + out + ["</svg>"]
    open(sys.argv[2], "w").write("\n".join(svg) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
