#!/usr/bin/env bash
# Summaries of an article with curl: the article is read from a file, jq builds the JSON body
# (it escapes quotes and line breaks) and prints the short summary and the meta description.
#
#   examples/curl/summarize.sh [ARTICLE]      (default: examples/articles/en-bishkek-railway.txt)
#
# PRECIS_URL (default http://127.0.0.1:8787, `npm run dev`) is the server; PRECIS_API_KEY, when
# set, is sent as a bearer token (mandatory where the server runs with AUTH_MODE=required).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
article="${1:-$here/../articles/en-bishkek-railway.txt}"
url="${PRECIS_URL:-http://127.0.0.1:8787}"

auth=()
if [ -n "${PRECIS_API_KEY:-}" ]; then auth=(-H "authorization: Bearer $PRECIS_API_KEY"); fi

body=$(jq -Rs '{ text: ., lengths: ["short", "meta", { sentences: 2, name: "teaser" }] }' "$article")
# -w appends the status on a line of its own; an error answer is RFC 9457 problem+json.
response=$(curl -sS "$url/v1/summarize" "${auth[@]}" -H 'content-type: application/json' \
  --data-binary @- -w '\n%{http_code}' <<<"$body")
status="${response##*$'\n'}"
response="${response%$'\n'*}"
if [ "$status" != 200 ]; then
  echo "HTTP $status: $response" >&2
  exit 1
fi
jq -r '"language: \(.language.language) (confidence \(.language.confidence))",
       (.summaries[] | "\(.name) [\(.sentences | length) sentences, \(.characterCount) characters]: \(.text)")' \
  <<<"$response"
