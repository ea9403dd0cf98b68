"""Summaries of an article with Python and requests, highlighted in the article's own text.

    python3 examples/python/summarize.py [ARTICLE]   (default: examples/articles/fr-almaty-uranium.txt)

PRECIS_URL (default http://127.0.0.1:8787, `npm run dev`) is the server; PRECIS_API_KEY, when set,
is sent as a bearer token. The request asks for offsets in code points (`offsetUnit: "codepoint"`),
which is how Python indexes a str, so `text[offset:offset + length]` is the sentence.
"""

import os
import sys
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
article = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "articles" / "fr-almaty-uranium.txt"
base_url = os.environ.get("PRECIS_URL", "http://127.0.0.1:8787").rstrip("/")
headers = {}
if os.environ.get("PRECIS_API_KEY"):
    headers["Authorization"] = "Bearer " + os.environ["PRECIS_API_KEY"]

text = article.read_text(encoding="utf-8")
response = requests.post(
    base_url + "/v1/summarize",
    json={"text": text, "offsetUnit": "codepoint", "lengths": ["medium", "keyPoints"]},
    headers=headers,
    timeout=30,
)
if not response.ok:
    # Every error is RFC 9457 problem+json: a stable code, a detail and the fields at fault.
    problem = response.json()
    print(f"{problem['status']} {problem['code']}: {problem['detail']}", file=sys.stderr)
    for error in problem.get("errors", []):
        print(f"  {error['pointer']}: {error['message']}", file=sys.stderr)
    sys.exit(1)

result = response.json()
print(f"language: {result['language']['language']}, {result['sentenceCount']} sentences")
for summary in result["summaries"]:
    print(f"\n{summary['name']} ({summary['wordCount']} words):")
    for sentence in summary["sentences"]:
        start, end = sentence["offset"], sentence["offset"] + sentence["length"]
        # The offsets index the text we sent, in code points.
        if text[start:end] != sentence["text"]:
            sys.exit(f"offset mismatch at {start}: {text[start:end]!r} != {sentence['text']!r}")
        print(f"  [{start}:{end}] {text[start:end]}")
