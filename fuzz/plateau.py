#!/usr/bin/env python3
"""Has a fuzz run stopped finding anything new? Reads libFuzzer logs (the output of
`cargo fuzz run ... -- -print_final_stats=1`) and prints, for each: executions, coverage
(edges, `cov`) and features (`ft`) at start and end, and how long before the end the last
new edge and the last new feature came, in minutes at the run's closing exec/s.

    fuzz/plateau.py LOG [LOG ...]
"""
import re
import sys

STATUS = re.compile(r'#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+).*?exec/s: (\d+)')


def report(path):
    text = open(path, errors='replace').read()
    rows = [(int(m[1]), m[2], int(m[3]), int(m[4]), int(m[5])) for m in STATUS.finditer(text)]
    if not rows:
        return f'{path}: no libFuzzer status lines'
    start = next((r for r in rows if r[1] == 'INITED'), rows[0])
    end = rows[-1]
    total = re.search(r'number_of_executed_units: (\d+)', text)
    runs = int(total[1]) if total else end[0]
    rate = max(r[4] for r in rows[-5:]) or 1
    edge_since = min(r[0] for r in rows if r[2] == end[2])
    feature_since = min(r[0] for r in rows if r[3] == end[3])
    minutes = lambda at: (runs - at) / rate / 60  # noqa: E731
    return (f'{path}: {runs:,} executions (~{minutes(start[0]):.0f} min at {rate}/s); '
            f'edges {start[2]} -> {end[2]}, features {start[3]} -> {end[3]}; '
            f'last new edge {minutes(edge_since):.1f} min before the end, '
            f'last new feature {minutes(feature_since):.1f} min before the end')


if __name__ == '__main__':
    for log in sys.argv[1:]:
        print(report(log))
