#!/usr/bin/env python3
"""Makes the fonts the bot draws its pictures with (data/fonts/), as subsets of Noto Sans and
Noto Sans CJK SC (SIL Open Font License 1.1; data/fonts/OFL.txt), so that the binary carries
what the pictures can show and no more:

- Noto Sans, regular and bold: Latin (with Latin-1, Extended-A and -B: every European city
  name), Greek, Cyrillic, punctuation, digits, arrows, and the stars and dots the pictures use;
- Noto Sans CJK SC, regular: the Chinese characters used by the translations (locales/zh-CN)
  and the data files (data/*.toml), plus CJK punctuation and the marks ★ ☆ ● ◆.

Run it again after adding a translation or a data file with new Chinese characters
(tests/pictures.rs fails on a label with a character no font has).

Needs: fonttools (pip install fonttools), and the Debian packages fonts-noto-core and
fonts-noto-cjk (apt-get install fonts-noto-core fonts-noto-cjk).

Usage: python3 tools/fonts/subset.py   (from the repository's root)
"""
import glob
import subprocess
import sys

NOTO = "/usr/share/fonts/truetype/noto/NotoSans-{}.ttf"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_SC = 2  # the font of the collection that is Simplified Chinese (Noto Sans CJK SC)

WESTERN = ",".join([
    "U+0020-007E", "U+00A0-024F",  # ASCII, Latin-1, Latin Extended-A and -B
    "U+0370-03FF", "U+0400-04FF", "U+0500-052F",  # Greek, Cyrillic and its supplement
    "U+1E00-1EFF",  # Latin Extended Additional (Vietnamese and others)
    "U+2010-2027", "U+2030-205E", "U+20AC", "U+2116", "U+2190-2199",  # punctuation, €, №, arrows
    "U+2022",  # • (★ ☆ ● ◆ are not in Noto Sans: they come from the CJK font)
])


def chinese_characters():
    text = ""
    for path in glob.glob("locales/zh-CN/*.ftl") + glob.glob("data/*.toml"):
        with open(path, encoding="utf-8") as f:
            text += f.read()
    chars = {c for c in text if 0x2E80 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFFEF
             or 0x3000 <= ord(c) <= 0x303F}
    # Digits too, so that a Chinese label is drawn in one font; and the marks the pictures use,
    # which Noto Sans does not have (★ ☆ ● ◆).
    return "".join(sorted(chars)) + "0123456789年月日★☆●◆"


def run(args):
    print(" ".join(args[:3]), "…")
    subprocess.run([sys.executable, "-m", "fontTools.subset"] + args, check=True)


def main():
    for weight in ["Regular", "Bold"]:
        run([NOTO.format(weight), f"--unicodes={WESTERN}", "--layout-features=*",
             f"--output-file=data/fonts/NotoSans-{weight}.subset.ttf"])
    with open("/tmp/twinbot-cjk.txt", "w", encoding="utf-8") as f:
        f.write(chinese_characters())
    run([CJK, f"--font-number={CJK_SC}", "--text-file=/tmp/twinbot-cjk.txt",
         "--layout-features=*", "--output-file=data/fonts/NotoSansSC-Regular.subset.otf"])


if __name__ == "__main__":
    main()
