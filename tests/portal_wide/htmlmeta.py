"""Read a page's <head> metadata and every src/href it would load or link."""

import json
from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.meta_counts = {}
        self.links = []
        self.urls = []  # (tag, attribute, value, attrs)
        self.scripts = []  # (attrs, text)
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs.get("content", "")
            self.meta_counts[attrs["name"]] = self.meta_counts.get(attrs["name"], 0) + 1
        if tag == "link":
            self.links.append(attrs)
        for name in ("src", "href", "action", "poster", "data"):
            if attrs.get(name):
                self.urls.append((tag, name, attrs[name], attrs))
        if tag == "script":
            self._script = (attrs, [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def parse(html):
    collector = _Collector()
    collector.feed(html)
    return collector


def link(doc, rel):
    return [item["href"] for item in doc.links if item.get("rel") == rel]


def json_ld(doc):
    return [json.loads(text) for attrs, text in doc.scripts if attrs.get("type") == "application/ld+json"]
