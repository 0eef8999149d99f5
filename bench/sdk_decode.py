"""The Python side of `segments-bench decode`: the official SDK (segments-ai 1.33.0)
turning the same recorded get_samples answer into its models, with the calls its
get_samples makes after the request. Prints per round (wall and thread CPU seconds):
  decode <seconds per decode> <samples> <CPU seconds>      json.loads once + TypeAdapter(List[Sample]) + _inject_client
  decode-sdk <seconds per decode> <samples> <CPU seconds>  the SDK's own path: requests' Response.json() twice (once
                                                           in handle_exceptions, once in get_samples), then the same
"""
import json
import sys
import time
from typing import List

import requests
from pydantic import TypeAdapter
from segments import SegmentsClient
from segments.resource_api import Sample


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    with open(path, "rb") as f:
        page = f.read()
    # A client object only to inject, as get_samples does; it makes no request.
    client = SegmentsClient.__new__(SegmentsClient)

    def models(results):
        # get_samples builds its TypeAdapter on every call.
        samples = TypeAdapter(List[Sample]).validate_python(results)
        for s in samples:
            s._inject_client(client)
        return samples

    def minimal():
        return models(json.loads(page))

    def sdk():
        response = requests.models.Response()
        response._content = page
        response.status_code = 200
        response.headers["Content-Type"] = "application/json"
        response.json()  # handle_exceptions' throttle check
        return models(response.json())

    count = len(minimal())
    assert len(sdk()) == count
    for _ in range(rounds):
        for label, decode in (("decode", minimal), ("decode-sdk", sdk)):
            start, cpu = time.perf_counter(), time.thread_time()
            for _ in range(repeats):
                count = len(decode())
            wall, cpu = time.perf_counter() - start, time.thread_time() - cpu
            print(f"{label} {wall / repeats} {count} {cpu / repeats}", flush=True)


if __name__ == "__main__":
    main()
