import json
import re
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    """Collects <link>, <meta> and JSON-LD scripts: what a search engine reads in a page."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.json_ld, self._in_ld, self._buffer = [], {}, [], False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "property" in attrs:
            self.metas.setdefault(attrs["property"], []).append(attrs.get("content"))
        elif tag == "meta" and "name" in attrs:
            self.metas.setdefault(attrs["name"], []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld, self._buffer = True, []

    def handle_data(self, data):
        if self._in_ld:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append(json.loads("".join(self._buffer)))

    @property
    def canonical(self):
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) <= 1, found
        return found[0] if found else None

    @property
    def hreflang(self) -> dict[str, str]:
        # Feeds are rel="alternate" too, with a type and no hreflang.
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }


def head_of(response) -> HeadParser:
    assert response.status_code == 200, response.status_code
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
