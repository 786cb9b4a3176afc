"""Client proxy of the EventStreams module (/eventstreamsrpc), read side: the method names and wire format
of DMSContainer's own generated EventStreamsRPCProxy, written with the standard library only."""
from .jsonrpc import JsonRpcTransport


class EventStreamsRPCException(Exception):
    pass


class EventStreamsRPCProxy:
    def __init__(self, url, verify_ssl=True, timeout=30):
        self._rpc = JsonRpcTransport(url, EventStreamsRPCException, verify_ssl, timeout)

    def login(self, username, password):
        return self._rpc.call("Login", [username, password])

    def refresh_token(self, token):
        return self._rpc.call("RefreshToken", [token])

    def dequeue_message(self, token, queue_name, last_known_id, timeout_sec):
        """{"data": [message]} or {"timeout": true}; last_known_id is an id, "__first__" or "__last__"."""
        return self._rpc.call("DequeueMessage", [token, queue_name, last_known_id, timeout_sec],
                              timeout=timeout_sec + 30)

    def dequeue_multiple_message(self, token, queue_name, last_known_id, max_message_count, timeout_sec):
        return self._rpc.call("DequeueMultipleMessage", [token, queue_name, last_known_id, max_message_count, timeout_sec],
                              timeout=timeout_sec + 30)

    def get_queue_size(self, token, queue_name):
        return self._rpc.call("GetQueueSize", [token, queue_name])

    def get_next_message_by_timestamp(self, token, queue_name, timestamp, is_utc=True):
        return self._rpc.call("GetNextMessageByTimestamp", [token, queue_name, timestamp, is_utc])
