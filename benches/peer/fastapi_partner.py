#!/usr/bin/env python3
"""The peer for `cargo bench --bench http`: the pattern of Discord's own Python examples, FastAPI
on uvicorn with discord-interactions (PyNaCl) verifying each request's Ed25519 signature, doing
the same /partner job from the same data/leeds.toml. Not part of twinbot.

Usage (the benchmark runs it): PUBLIC_KEY=hex DATA=path python3 -m uvicorn fastapi_partner:app
Needs: pip install fastapi uvicorn discord-interactions
"""
import difflib
import json
import os
import tomllib
import unicodedata

from discord_interactions import InteractionResponseType, InteractionType, verify_key
from fastapi import FastAPI, Request, Response

PUBLIC_KEY = os.environ["PUBLIC_KEY"]


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def escape_markdown(s: str) -> str:
    return "".join("\\" + c if c in "\\*_~`|>[]()#-@<:" else c for c in s)


with open(os.environ["DATA"], "rb") as f:
    DATA = tomllib.load(f)
HOME = DATA["home"]["name"]
INDEX = {}
for p in DATA["partner"]:
    for n in [p["name"], *p.get("aliases", [])]:
        INDEX[fold(n)] = p
KEYS = list(INDEX)
NO_PINGS = {"parse": [], "users": [], "roles": []}

app = FastAPI()


def partner(city: str) -> dict:
    key = fold(city)
    p = INDEX.get(key)
    note = ""
    if p is None:
        close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.7)
        if close:
            p = INDEX[close[0]]
            note = f"Showing {p['name']} for “{escape_markdown(city)}”.\n\n"
    if p is None:
        return {"content": f"No partner of {HOME} matches “{escape_markdown(city)}”.", "flags": 64,
                "allowed_mentions": NO_PINGS}
    embed = {
        "title": f"{HOME} ↔ {p['name']}",
        "description": note + p["summary"],
        "fields": [
            {"name": "Country", "value": p["country"], "inline": True},
            {"name": "Link", "value": p["kind"].capitalize(), "inline": True},
            {"name": "Formalised", "value": str(p.get("date", p["year"])), "inline": True},
            {"name": "Areas of cooperation", "value": "\n".join(f"• {a}" for a in p.get("areas", [])) or "–",
             "inline": False},
            {"name": "Sources", "value": "\n".join(p.get("sources", [])) or "–", "inline": False},
        ],
    }
    return {"embeds": [embed], "allowed_mentions": NO_PINGS}


@app.post("/interactions")
async def interactions(request: Request):
    signature = request.headers.get("X-Signature-Ed25519")
    timestamp = request.headers.get("X-Signature-Timestamp")
    body = await request.body()
    if signature is None or timestamp is None or not verify_key(body, signature, timestamp, PUBLIC_KEY):
        return Response("invalid request signature", status_code=401)
    interaction = json.loads(body)
    if interaction["type"] == InteractionType.PING:
        return {"type": InteractionResponseType.PONG}
    options = {o["name"]: o.get("value") for o in interaction["data"].get("options", [])}
    return {"type": InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, "data": partner(str(options.get("city", "")))}
