"""The Python side of bench/run.sh: the official SDK (segments-ai 1.33.0) doing
what segments-bench does, printing the same lines:
  list <seconds> <samples>   (one per round: every sample, page by page)
  get <seconds-per-request>  (one per round: mean of --gets get_dataset calls)
"""
import argparse
import time

from segments import SegmentsClient
from segments.exceptions import NotFoundError


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-page", type=int, default=1000)
    parser.add_argument("--gets", type=int, default=200)
    args = parser.parse_args()

    client = SegmentsClient(api_key=args.key, api_url=args.url)
    for _ in range(args.rounds):
        start = time.perf_counter()
        count, page = 0, 1
        while True:
            # Same walk as the Swift AllPages: stop at a short page or at "Invalid page".
            try:
                batch = client.get_samples(args.dataset, per_page=args.per_page, page=page)
            except NotFoundError:
                break
            count += len(batch)
            if len(batch) < args.per_page:
                break
            page += 1
        print(f"list {time.perf_counter() - start} {count}", flush=True)
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in range(args.gets):
            client.get_dataset(args.dataset)
        print(f"get {(time.perf_counter() - start) / args.gets}", flush=True)


if __name__ == "__main__":
    main()
