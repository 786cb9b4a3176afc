"""The SynchUtils exclusive-lock sample, waiting variant: when the lock is held, wait on the lock's event
queue for "lock_released" (a long poll) instead of polling the lock.

Run two or more at once:  python synchutils_sample_wait.py daniele   (and peter, bruce, scott...)
The user needs the event_read role (or admin) to read the queue.
"""
import time

from commonspy.eventstreamsproxy import EventStreamsRPCException, EventStreamsRPCProxy
from commonspy.synchutilsproxy import SynchUtilsRPCException
from sample_common import LOCK_IDENTIFIER, LOCK_TTL, connect, login, parse_args, pause, running, write_under_lock

QUEUE_TIMEOUT_SEC = 5


def wait_for_release(events, token, queue_name, last_id):
    """Reads the queue after last_id until a lock_released arrives or the poll times out; returns the new last id."""
    res = events.dequeue_multiple_message(token, queue_name, last_id, 50, QUEUE_TIMEOUT_SEC)
    if res.get("timeout"):
        return last_id
    for item in res["data"]:
        last_id = item["messageid"]
        if item["message"]["action"] == "lock_released":
            print(f"Lock released ({item['message'].get('reason')}), trying again")
    return last_id


def main():
    args = parse_args("Append to a shared file under a SynchUtils lock, waiting on its queue while it is held.")
    proxy, token = connect(args)
    events = EventStreamsRPCProxy(args.url.rstrip("/") + "/eventstreamsrpc", verify_ssl=not args.insecure)
    queue_name = proxy.get_exclusive_lock_queue_name(token, LOCK_IDENTIFIER)
    # Everything kept first: a release that happened between a failed try and the first read is not missed.
    last_id = "__first__"
    started = time.monotonic()
    try:
        while running(args, started):
            try:
                lockhandle = proxy.try_acquire_lock(token, LOCK_IDENTIFIER, LOCK_TTL, {})
                if lockhandle == "error":
                    print("Cannot acquire the lock... waiting for lock_released...")
                    last_id = wait_for_release(events, token, queue_name, last_id)
                    continue
                write_under_lock(proxy, token, args, lockhandle)
                pause(args, 1, 3)
            except (SynchUtilsRPCException, EventStreamsRPCException) as e:
                # One token serves both modules: on -32004 (expired) log in again, as the original sample does.
                print(f"Error: {e}; logging in again")
                token = login(proxy, args)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
