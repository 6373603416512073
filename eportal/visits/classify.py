"""Who loaded the counter frame: a person or an automated client, and on what kind of device.

Pages never count themselves; the counter frame does (eportal.core.hitcounter). So a client
that fetches pages without loading what they embed - most crawlers, scripts, link checkers -
is never counted at all. Of the clients that do load the frame, these count as bots:
- a user agent that names a crawler, a tool or a headless browser, or none at all;
- a request that says it is not a frame inside a page (Sec-Fetch-Dest other than "iframe",
  e.g. someone opening the counter's address directly);
- a visitor loading the frame more than EPORTAL_VISIT_PERSON_MAX_PER_MINUTE times in a minute
  (decided where the hit is counted, since it needs the visitor's recent hits).
"""

import re
from functools import lru_cache

AUTOMATED_AGENT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"headless|phantomjs|selenium|puppeteer|playwright|lighthouse|pagespeed|gtmetrix|"
    r"curl|wget|httpie|python|java/|go-http|okhttp|axios|node-fetch|undici|libwww|"
    r"scrapy|httpclient|http_request|guzzle|feedfetcher|monitor|uptime|pingdom|check_http|wrk\b|\bab/|jmeter|locust",
    re.IGNORECASE,
)
TABLET = re.compile(r"ipad|tablet|kindle|silk|playbook|android(?!.*mobile)", re.IGNORECASE)
MOBILE = re.compile(r"mobi|iphone|ipod|android|blackberry|opera mini|windows phone|iemobile", re.IGNORECASE)

DEVICES = {"desktop": "Máy tính", "mobile": "Điện thoại", "tablet": "Máy tính bảng"}


def automated_by_request(user_agent: str, fetch_dest: str = "") -> bool:
    if automated_agent(user_agent):
        return True
    return bool(fetch_dest) and fetch_dest != "iframe"


# Every page view asks, and a few browsers' User-Agents make most views: remember the answers
# (bounded, since clients choose the strings) rather than run the patterns each time.
@lru_cache(maxsize=4096)
def automated_agent(user_agent: str) -> bool:
    return not user_agent.strip() or AUTOMATED_AGENT.search(user_agent) is not None


@lru_cache(maxsize=4096)
def device_class(user_agent: str) -> str:
    if TABLET.search(user_agent):
        return "tablet"
    if MOBILE.search(user_agent):
        return "mobile"
    return "desktop"
