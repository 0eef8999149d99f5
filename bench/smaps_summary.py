#!/usr/bin/env python3
"""What a process's resident memory is made of: /proc/PID/smaps summed per mapped file.

  bench/smaps_summary.py PID            # a running process
  bench/smaps_summary.py FILE           # a copy of its smaps (bench/tui.sh SMAPS=1 keeps one)

One line per file (or [heap], [stack], [anon] for anonymous memory), largest RSS first, in
KiB: RSS, PSS, its clean and dirty parts, shared (another process maps the same pages) or
private, and Anonymous: the pages this process wrote (relocated data, .data, the heap),
what RssAnon counts. The rest of a file's RSS is the file's own pages from the page cache
(a file written moments ago, e.g. a fresh build, shows them as dirty until written back).
"""

import collections
import os
import signal
import sys


def read(source):
    path = f"/proc/{source}/smaps" if source.isdigit() else source
    with open(path) as f:
        return f.read().splitlines()


def summarise(lines):
    totals = collections.defaultdict(collections.Counter)
    name = None
    for line in lines:
        fields = line.split()
        if not fields:
            continue
        if "-" in fields[0] and not fields[0].endswith(":"):
            # A mapping's header: range perms offset dev inode [path]
            name = fields[5] if len(fields) > 5 else "[anon]"
            totals[name]["mappings"] += 1
        elif fields[0].endswith(":") and len(fields) >= 2 and fields[1].isdigit() and name:
            totals[name][fields[0][:-1]] += int(fields[1])
    return totals


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # | head
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    totals = summarise(read(sys.argv[1]))
    columns = [("Rss", "RSS"), ("Pss", "PSS"), ("Shared_Clean", "shared clean"), ("Private_Clean", "private clean"),
               ("Private_Dirty", "private dirty"), ("Anonymous", "anonymous")]
    width = max(len(os.path.basename(n)) for n in totals) + 2
    print("mapping".ljust(width) + "".join(label.rjust(15) for _, label in columns))
    grand = collections.Counter()
    for name, counter in sorted(totals.items(), key=lambda item: -item[1]["Rss"]):
        if counter["Rss"] == 0:
            continue
        grand.update(counter)
        print(os.path.basename(name).ljust(width) + "".join(str(counter[key]).rjust(15) for key, _ in columns))
    print("total".ljust(width) + "".join(str(grand[key]).rjust(15) for key, _ in columns))


if __name__ == "__main__":
    main()
