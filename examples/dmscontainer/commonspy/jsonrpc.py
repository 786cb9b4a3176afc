"""JSON-RPC 2.0 over HTTP POST with the Python standard library only (urllib, json, ssl).

The transport the DMSContainer-compatible proxies share: positional params, an increasing id, and an
exception carrying the server's error message (which contains the code, e.g. "(-32004)").
"""
import itertools
import json
import ssl
import urllib.request


class JsonRpcTransport:
    def __init__(self, url, exception_type, verify_ssl=True, timeout=30):
        self.url = url
        self.exception_type = exception_type
        self.timeout = timeout
        self._ids = itertools.count(1)
        # DMSContainer's samples talk to https://localhost with a self-signed certificate.
        self._ssl = None if verify_ssl else ssl._create_unverified_context()

    def call(self, method, params, timeout=None):
        request_id = next(self._ids)
        body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": request_id}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout, context=self._ssl) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            # The status is not part of the protocol: a JSON-RPC error may come with any of them.
            answer = json.loads(e.read().decode("utf-8") or "{}")
        if "error" in answer:
            raise self.exception_type(answer["error"].get("message", "JSON-RPC error"))
        return answer.get("result")
