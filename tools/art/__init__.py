"""Owns every image in assets/: each picture's drawing code, found by subject.

Everything is flat shapes in one shared palette (common.py): ink-blue and teal night tones,
amber for lamps and windows, coral for warnings, and a faint grid of yellow "tracking dots"
hidden in every picture. Each image is drawn at twice its size and scaled down, which
anti-aliases every edge. Every random choice comes from a seeded random.Random, so a re-run
writes identical files.

    common.py          palette, Pen, perspective View, motifs shared by every picture
    mask.py            the photo mask (mask.png, and the small masks in other pictures)
    title.py           title.png
    backgrounds/       one module per place (city.py also draws skyline.png and paper.png)
    portraits/         face.py is the shared face kit; one module per character
"""

from functools import partial

from .backgrounds import city, home, lab, market, metro, police, rooftop, shop, street, ward
from .mask import draw_mask
from .portraits import guo, he_lan, qiao, shufen, tang_yue, zhou
from .title import draw_title

# Every image: its name for --only, its file under assets/, and the function that draws it.
IMAGES = {
    "skyline": ("backgrounds/skyline.png", city.draw_skyline),
    "shop": ("backgrounds/shop.png", shop.draw_shop),
    "street": ("backgrounds/street.png", street.draw_street),
    "ward": ("backgrounds/ward.png", ward.draw_ward),
    "police": ("backgrounds/police.png", police.draw_police),
    "home": ("backgrounds/home.png", home.draw_home),
    "lab": ("backgrounds/lab.png", lab.draw_lab),
    "metro": ("backgrounds/metro.png", metro.draw_metro),
    "rooftop": ("backgrounds/rooftop.png", rooftop.draw_rooftop),
    "market": ("backgrounds/market.png", market.draw_market),
    "paper": ("backgrounds/paper.png", city.draw_paper),
    "mask": ("mask.png", draw_mask),
    "title": ("title.png", draw_title),
}

# Every character's faces: portraits/ID.png is the neutral one, portraits/ID/MOOD.png the others
# (a scene picks one with `mood: MOOD`). Each module's FACES says which it draws.
PORTRAITS = {
    "tang_yue": (tang_yue.FACES, tang_yue.draw_tang_yue),
    "zhou": (zhou.FACES, zhou.draw_zhou),
    "he_lan": (he_lan.FACES, he_lan.draw_he_lan),
    "qiao": (qiao.FACES, qiao.draw_qiao),
    "shufen": (shufen.FACES, shufen.draw_shufen),
    "guo": (guo.FACES, guo.draw_guo),
}


def _portrait_images():
    for character, (faces, draw) in PORTRAITS.items():
        for mood in faces:
            if mood == "neutral":
                yield character, (f"portraits/{character}.png", draw)
            else:
                yield f"{character}/{mood}", (f"portraits/{character}/{mood}.png", partial(draw, mood))


IMAGES.update(_portrait_images())
