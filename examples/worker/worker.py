"""Takes order events from a Redis list and notifies the shipping service."""
import os
import signal
import sys

import redis
import requests

running = True


def stop(_signum, _frame):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)

queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
while running:
    item = queue.blpop("orders", timeout=5)
    if item is None:
        continue
    requests.post(os.environ["SHIPPING_URL"], data=item[1], timeout=10)
sys.exit(0)
