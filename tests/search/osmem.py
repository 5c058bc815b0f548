"""Test-only glue between the Elasticsearch 9 client and osmem-server (an OpenSearch-compatible engine).

The client sends `application/vnd.elasticsearch+json; compatible-with=9` as Content-Type, which
osmem refuses with 406; plain JSON content types work. Production talks to Elasticsearch unchanged.
"""

from elastic_transport import Urllib3HttpNode


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            content_type = headers.get("content-type", "")
            if "x-ndjson" in content_type:
                headers["content-type"] = "application/x-ndjson"
            elif content_type:
                headers["content-type"] = "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
