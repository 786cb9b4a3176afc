"""What both variants of the exclusive-lock sample share: arguments, login, and the guarded write.

Each write appends a BEGIN line and, after a pause, an END line, both with the writer's name and the lock's
fencing token, so that anyone can check afterwards that no two writers overlapped.
"""
import argparse
import random
import time

from commonspy.synchutilsproxy import SynchUtilsRPCProxy

LOCK_IDENTIFIER = "fileres1"
LOCK_TTL = 20


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("name", help="the writer's name")
    parser.add_argument("--url", default="http://127.0.0.1:7962", help="server base URL (DMSContainer: https://localhost)")
    parser.add_argument("--user", default="user_admin")
    parser.add_argument("--password", default="pwd1")
    parser.add_argument("--file", default="file.log", help="the shared file the writers append to")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: until Ctrl+C)")
    parser.add_argument("--fast", action="store_true", help="short pauses, for tests")
    parser.add_argument("--insecure", action="store_true", help="accept a self-signed HTTPS certificate")
    return parser.parse_args()


def pause(args, low, high):
    scale = 0.1 if args.fast else 1.0
    time.sleep((low + random.random() * (high - low)) * scale)


def login(proxy, args):
    res = proxy.login(args.user, args.password)
    return res["token"]


def connect(args):
    proxy = SynchUtilsRPCProxy(args.url.rstrip("/") + "/synchutilsrpc", verify_ssl=not args.insecure)
    res = proxy.login(args.user, args.password)
    print(f"My name is {args.name}")
    print("Using " + res["dmscontainerversion"])
    return proxy, res["token"]


def write_under_lock(proxy, token, args, lockhandle):
    fencing_token = proxy.get_lock_data(token, LOCK_IDENTIFIER)["fencing_token"]
    print("Lock acquired, writing the file...")
    with open(args.file, "a") as f:
        f.write(f"BEGIN {args.name} {fencing_token} {lockhandle}\n")
    pause(args, 0.2, 2)
    with open(args.file, "a") as f:
        f.write(f"END {args.name} {fencing_token}\n")
    print("Done, let's release the lock")
    proxy.release_lock(token, lockhandle)


def running(args, started):
    return args.seconds <= 0 or time.monotonic() - started < args.seconds
