#!/usr/bin/env python3
"""Turn tests/bench/bench.sh's raw times into medians, ratios and a plot.

    tests/bench/report.py results.tsv results.md scaling.svg [rss.tsv]

results.tsv: round, engine, n, tool, ms (one line per timed run). Writes a
markdown table per engine (median ms per tool and N, then the ratios the
performance goals are stated in) and an SVG (no plotting library needed)
with one panel per engine: median time against N, log-log, one line per
tool. rss.tsv (engine, n, tool, kb: one run each) adds a table of peak
resident sets.
"""
import html
import math
import statistics
import sys
from collections import defaultdict

ENGINES = [("sqlite", "SQLite"), ("postgres", "PostgreSQL"), ("mysql", "MariaDB")]
TOOLS = [
    ("mig-sql", "migrations (.sql)", "#3b6ea5"),
    ("mig-js", "migrations (JS)", "#7aa6d6"),
    ("node-pg-migrate-sql", "node-pg-migrate (.sql)", "#d98c2b"),
    ("node-pg-migrate-js", "node-pg-migrate (JS)", "#efbf7a"),
    ("dbmate", "dbmate", "#5a9e5a"),
    ("floor", "client floor", "#444444"),
    ("floor-js", "client floor (JS's SQL)", "#999999"),
    ("floor-text", "client, a text per migration", "#b05fa8"),
    ("floor-journal", "client, our texts (journal, records)", "#d9a0d2"),
]
FLOOR = {"sqlite": "sqlite3 (BEGIN; all; COMMIT)", "postgres": "psql -1 -f", "mysql": "mariadb client"}
# (label, numerator, denominator)
RATIOS = [
    ("ours (.sql) / floor", "mig-sql", "floor"),
    ("ours (JS) / floor", "mig-js", "floor"),
    ("ours (JS) / JS's floor", "mig-js", "floor-js"),
    ("node-pg-migrate / ours (JS)", "node-pg-migrate-js", "mig-js"),
    ("node-pg-migrate / ours (.sql)", "node-pg-migrate-sql", "mig-sql"),
    ("dbmate / ours (.sql)", "dbmate", "mig-sql"),
    ("ours (.sql) / client with our texts", "mig-sql", "floor-journal"),
    ("our texts / a text per migration", "floor-journal", "floor-text"),
]


def read(path):
    runs = defaultdict(list)
    rounds = set()
    with open(path) as f:
        next(f)
        for line in f:
            rnd, engine, n, tool, ms = line.rstrip("\n").split("\t")
            runs[(engine, int(n), tool)].append(float(ms))
            rounds.add(rnd)
    med = {k: statistics.median(v) for k, v in runs.items()}
    return med, runs, len(rounds)


def ms(v):
    """A time as the tables show it: tenths below 100 ms, where a whole
    millisecond is a tenth of a run."""
    return "%.1f" % v if v < 100 else "%.0f" % v


def table(med, runs, nrounds):
    out = []
    ns = sorted({n for (_, n, _) in med})
    for engine, title in ENGINES:
        tools = [t for t in TOOLS if any((engine, n, t[0]) in med for n in ns)]
        extra = sorted({t for (e, _, t) in med if e == engine} - {t[0] for t in TOOLS})
        if not tools and not extra:
            continue
        per_n = {n: max((len(runs.get((engine, n, t[0]), [])) for t in tools), default=0) for n in ns}
        counts = sorted(set(per_n.values()))
        if len(counts) == 1:
            how = "median of %d interleaved rounds" % counts[0]
        else:
            how = "median of the interleaved rounds: " + ", ".join("%d for N=%d" % (per_n[n], n) for n in ns)
        out.append("### %s (%s, ms; floor: %s)\n" % (title, how, FLOOR[engine]))
        head = ["N"] + [t[1] for t in tools] + extra
        out.append("| " + " | ".join(head) + " |")
        out.append("| " + " | ".join(["---:"] * len(head)) + " |")
        for n in ns:
            cells = [str(n)]
            for key in [t[0] for t in tools] + extra:
                v = med.get((engine, n, key))
                cells.append(ms(v) if v is not None else "")
            out.append("| " + " | ".join(cells) + " |")
        ratios = [r for r in RATIOS if any((engine, n, r[1]) in med and (engine, n, r[2]) in med for n in ns)]
        if ratios:
            out.append("")
            head = ["N"] + [r[0] for r in ratios]
            out.append("| " + " | ".join(head) + " |")
            out.append("| " + " | ".join(["---:"] * len(head)) + " |")
            for n in ns:
                cells = [str(n)]
                for _, a, b in ratios:
                    va, vb = med.get((engine, n, a)), med.get((engine, n, b))
                    cells.append("%.2f" % (va / vb) if va and vb else "")
                out.append("| " + " | ".join(cells) + " |")
        # the spread, so that a ratio can be read against the noise
        spread = []
        for n in ns:
            for key, label, _ in tools:
                v = runs.get((engine, n, key))
                if v and len(v) > 1:
                    spread.append("%s N=%d %s–%s" % (label, n, ms(min(v)), ms(max(v))))
        if spread:
            out.append("\nRange of the rounds (ms): " + "; ".join(spread) + ".")
        out.append("")
    return "\n".join(out)


def rss_table(path):
    rows = {}
    with open(path) as f:
        next(f)
        for line in f:
            engine, n, tool, kb = line.rstrip("\n").split("\t")
            rows[(engine, tool)] = (int(n), int(kb))
    if not rows:
        return ""
    ns = sorted({n for n, _ in rows.values()})
    tools = [t for t in TOOLS if any(k[1] == t[0] for k in rows)]
    out = ["### Peak RSS (MB, one run at N=%s)\n" % "/".join(map(str, ns))]
    head = ["engine"] + [t[1] for t in tools]
    out.append("| " + " | ".join(head) + " |")
    out.append("| --- | " + " | ".join(["---:"] * len(tools)) + " |")
    for engine, title in ENGINES:
        if not any(k[0] == engine for k in rows):
            continue
        cells = [title]
        for key, _, _ in tools:
            v = rows.get((engine, key))
            cells.append("%.1f" % (v[1] / 1024) if v else "")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def plot(med, path):
    ns = sorted({n for (_, n, _) in med})
    engines = [e for e in ENGINES if any(k[0] == e[0] for k in med)]
    pw, ph, ml, mt, mb, gap = 300, 260, 60, 60, 45, 30
    width = ml + len(engines) * (pw + gap) + 10
    height = mt + ph + mb + 20 + 18 * ((len(TOOLS) + 2) // 3)
    vals = [v for v in med.values() if v > 0]
    lo = 10 ** math.floor(math.log10(min(vals)))
    hi = 10 ** math.ceil(math.log10(max(vals)))
    nlo, nhi = min(ns), max(ns)
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14" font-weight="bold">Time to apply N migrations (median, log-log)</text>']

    def x_of(n, x0):
        if nhi == nlo:
            return x0 + pw / 2
        return x0 + pw * (math.log10(n) - math.log10(nlo)) / (math.log10(nhi) - math.log10(nlo))

    def y_of(v):
        return mt + ph - ph * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    for k, (engine, title) in enumerate(engines):
        x0 = ml + k * (pw + gap)
        svg.append('<text x="%d" y="%d" font-size="13" text-anchor="middle">%s</text>' % (x0 + pw / 2, mt - 10, title))
        svg.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (x0, mt, pw, ph))
        d = lo
        while d <= hi:
            y = y_of(d)
            svg.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>' % (x0, y, x0 + pw, y))
            if k == 0:
                label = "%g s" % (d / 1000) if d >= 1000 else "%g ms" % d
                svg.append('<text x="%d" y="%.1f" font-size="10" text-anchor="end">%s</text>' % (x0 - 4, y + 3, label))
            d *= 10
        for n in ns:
            x = x_of(n, x0)
            svg.append('<text x="%.1f" y="%d" font-size="10" text-anchor="middle">%d</text>' % (x, mt + ph + 14, n))
        svg.append('<text x="%d" y="%d" font-size="10" text-anchor="middle">N (migrations)</text>' % (x0 + pw / 2, mt + ph + 30))
        for key, label, colour in TOOLS:
            pts = [(x_of(n, x0), y_of(med[(engine, n, key)])) for n in ns if med.get((engine, n, key))]
            if not pts:
                continue
            dash = ' stroke-dasharray="4 3"' if key.startswith("floor") else ""
            svg.append('<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>'
                       % (colour, dash, " ".join("%.1f,%.1f" % p for p in pts)))
            for p in pts:
                svg.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (p[0], p[1], colour))
    y = mt + ph + mb + 10
    for i, (_, label, colour) in enumerate(TOOLS):
        x = ml + (i % 3) * 250
        yy = y + 18 * (i // 3)
        svg.append('<rect x="%d" y="%d" width="12" height="4" fill="%s"/><text x="%d" y="%d" font-size="12">%s</text>'
                   % (x, yy - 4, colour, x + 16, yy, html.escape(label)))
    svg.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")


def main():
    if len(sys.argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    med, runs, nrounds = read(sys.argv[1])
    with open(sys.argv[2], "w") as f:
        f.write(table(med, runs, nrounds))
        if len(sys.argv) == 5:
            f.write("\n" + rss_table(sys.argv[4]))
    plot(med, sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
