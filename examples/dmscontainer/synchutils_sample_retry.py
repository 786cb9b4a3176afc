"""The SynchUtils exclusive-lock sample, retrying variant: when the lock is held, wait a little and try again.

Run two or more at once:  python synchutils_sample_retry.py daniele   (and peter, bruce, scott...)
"""
import time

from commonspy.synchutilsproxy import SynchUtilsRPCException
from sample_common import LOCK_IDENTIFIER, LOCK_TTL, connect, login, parse_args, pause, running, write_under_lock


def main():
    args = parse_args("Append to a shared file under a SynchUtils lock, retrying while it is held.")
    proxy, token = connect(args)
    started = time.monotonic()
    try:
        while running(args, started):
            try:
                lockhandle = proxy.try_acquire_lock(token, LOCK_IDENTIFIER, LOCK_TTL, {})
                if lockhandle == "error":
                    print("Cannot acquire the lock... let's wait...")
                    pause(args, 1, 3)
                    continue
                write_under_lock(proxy, token, args, lockhandle)
                pause(args, 1, 3)
            except SynchUtilsRPCException as e:
                # An expired token (-32004) or any other refusal: log in again, as the original sample does.
                print(f"Error: {e}; logging in again")
                token = login(proxy, args)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
