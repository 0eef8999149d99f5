"""Reads the lines segments-bench and sdk_bench.py printed and prints medians and ratios."""
import statistics
import sys


def load(path):
    lists, gets, counts = [], [], set()
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "list":
                lists.append(float(parts[1]))
                counts.add(int(parts[2]))
            elif parts and parts[0] == "get":
                gets.append(float(parts[1]))
    return lists, gets, counts


swift_list, swift_get, swift_counts = load(sys.argv[1])
py_list, py_get, py_counts = load(sys.argv[2])
if swift_counts != py_counts or len(swift_counts) != 1:
    sys.exit(f"sample counts differ or vary: swift {swift_counts}, python {py_counts}")
(samples,) = swift_counts
ms = lambda s: f"{s * 1000:9.1f} ms"
print(f"List all {samples} samples (per_page 1000), {len(swift_list)} rounds each:")
print(f"  Swift SegmentsClient  median {ms(statistics.median(swift_list))}  (min {ms(min(swift_list))}, max {ms(max(swift_list))})")
print(f"  Python SDK 1.33.0     median {ms(statistics.median(py_list))}  (min {ms(min(py_list))}, max {ms(max(py_list))})")
print(f"  ratio Python/Swift    {statistics.median(py_list) / statistics.median(swift_list):.2f}x")
print(f"get_dataset latency (mean per request, median of {len(swift_get)} rounds):")
print(f"  Swift SegmentsClient  {statistics.median(swift_get) * 1e6:9.0f} µs")
print(f"  Python SDK 1.33.0     {statistics.median(py_get) * 1e6:9.0f} µs")
print(f"  ratio Python/Swift    {statistics.median(py_get) / statistics.median(swift_get):.2f}x")
