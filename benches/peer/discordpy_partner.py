#!/usr/bin/env python3
"""The peer for `cargo bench --bench gateway`: discord.py 2.7 doing the same /partner job from
the same data/leeds.toml, through the same fake Discord (DISCORD_API_BASE). Not part of twinbot.

Usage (the benchmark runs it): python3 discordpy_partner.py DATA.toml
Needs: pip install "discord.py==2.7.*"
"""
import difflib
import logging
import os
import sys
import tomllib
import unicodedata

import json
import urllib.request

import discord
import discord.gateway
import discord.webhook.async_ as webhook_async
import yarl
from discord import app_commands

BASE = os.environ["DISCORD_API_BASE"].rstrip("/") + "/api/v10"
discord.http.Route.BASE = BASE
webhook_async.Route.BASE = BASE
# discord.py connects to its default gateway URL rather than asking /gateway: point it at the
# one the (fake) API reports.
with urllib.request.urlopen(BASE + "/gateway") as r:
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(json.load(r)["url"])
GUILD = discord.Object(int(os.environ["GUILD_ID"]))
APP_ID = 1310000000000000000


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


with open(sys.argv[1], "rb") as f:
    DATA = tomllib.load(f)
HOME = DATA["home"]["name"]
INDEX = {}
for p in DATA["partner"]:
    for n in [p["name"], *p.get("aliases", [])]:
        INDEX[fold(n)] = p
KEYS = list(INDEX)

intents = discord.Intents.none()
client = discord.Client(intents=intents, application_id=APP_ID)
tree = app_commands.CommandTree(client)


@tree.command(name="partner", description="Everything about one partner city", guild=GUILD)
@app_commands.describe(city="The partner city, in any spelling or language")
async def partner(interaction: discord.Interaction, city: str):
    key = fold(city)
    p = INDEX.get(key)
    note = ""
    if p is None:
        close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.7)
        if close:
            p = INDEX[close[0]]
            note = f"Showing {p['name']} for “{discord.utils.escape_markdown(city)}”.\n\n"
    if p is None:
        await interaction.response.send_message(
            f"No partner of {HOME} matches “{discord.utils.escape_markdown(city)}”.",
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        return
    e = discord.Embed(title=f"{HOME} ↔ {p['name']}", description=note + p["summary"])
    e.add_field(name="Country", value=p["country"], inline=True)
    e.add_field(name="Link", value=p["kind"].capitalize(), inline=True)
    e.add_field(name="Formalised", value=str(p.get("date", p["year"])), inline=True)
    e.add_field(name="Areas of cooperation", value="\n".join(f"• {a}" for a in p.get("areas", [])), inline=False)
    e.add_field(name="Sources", value="\n".join(p.get("sources", [])), inline=False)
    await interaction.response.send_message(embed=e, allowed_mentions=discord.AllowedMentions.none())


@client.event
async def setup_hook():
    await tree.sync(guild=GUILD)


logging.basicConfig(level=logging.WARNING)
client.run(os.environ["DISCORD_TOKEN"], log_handler=None)
