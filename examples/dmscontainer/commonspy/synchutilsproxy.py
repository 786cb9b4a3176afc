"""Client proxy of the SynchUtils module (/synchutilsrpc): the method names and wire format of
DMSContainer's own generated SynchUtilsRPCProxy, written with the standard library only."""
from .jsonrpc import JsonRpcTransport


class SynchUtilsRPCException(Exception):
    pass


class SynchUtilsRPCProxy:
    def __init__(self, url, verify_ssl=True, timeout=30):
        self._rpc = JsonRpcTransport(url, SynchUtilsRPCException, verify_ssl, timeout)

    def login(self, username, password):
        """{"token": ..., "dmscontainerversion": ...}"""
        return self._rpc.call("Login", [username, password])

    def refresh_token(self, token):
        return self._rpc.call("RefreshToken", [token])

    def try_acquire_lock(self, token, lock_identifier, lock_ttl, lock_data):
        """A lock handle, or the string 'error' when the lock is held (by anyone). lock_ttl is in seconds."""
        return self._rpc.call("TryAcquireLock", [token, lock_identifier, lock_ttl, lock_data])

    def extend_lock(self, token, lock_ttl, lock_handle):
        return self._rpc.call("ExtendLock", [token, lock_ttl, lock_handle])

    def release_lock(self, token, lock_handle):
        return self._rpc.call("ReleaseLock", [token, lock_handle])

    def get_lock_data(self, token, lock_identifier):
        """{"expires_in": seconds or -1, "lock_data": {...}, "fencing_token": n (AkkaLocks)}"""
        return self._rpc.call("GetLockData", [token, lock_identifier])

    def get_lock_expiration(self, token, lock_identifier):
        return self._rpc.call("GetLockExpiration", [token, lock_identifier])

    def get_exclusive_lock_queue_name(self, token, lock_identifier):
        return self._rpc.call("GetExclusiveLockQueueName", [token, lock_identifier])

    def get_locks(self, token):
        return self._rpc.call("GetLocks", [token])
