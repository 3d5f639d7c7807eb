#!/usr/bin/env python3
"""Generate the flrisk demo data set in Datasets/demo/.

    python3 scripts/make_demo.py

Writes suppliers.csv, links.csv, contracts.csv and README.md. Standard library only and
fully deterministic: one random.Random(20261129), no dependence on hash order, the clock
or the environment, so running it twice gives byte-identical files.

All company names are fictional except four deep-tier suppliers whose names are (slight
variants of) real entries of the DHS UFLPA Entity List; all identifiers (UEI, LEI,
DUNS, contract ids) are fictional. See the generated README.md.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
from pathlib import Path

SEED = 20261129
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Datasets" / "demo"

rng = random.Random(SEED)

SUPPLIER_COLS = ["supplier_id", "name", "country", "region", "goods", "uei", "lei", "duns",
                 "risk", "risk_note"]
LINK_COLS = ["buyer_id", "supplier_id", "share", "good"]
CONTRACT_COLS = ["contract_id", "vendor_id", "vendor_uei", "vendor_name", "agency", "amount",
                 "currency", "place_of_performance", "psc", "naics", "description",
                 "award_date"]

# --------------------------------------------------------------------------------------
# Real UFLPA Entity List names used on purpose (deep tiers only). Section and date are
# as given in /work/shared/reference/uflpa_entity_list_compiled.csv.
# --------------------------------------------------------------------------------------
UFLPA_USED = {
    "hoshine": dict(
        name="Hoshine Silicon Industry (Shanshan) Co., Ltd.",
        listed="Hoshine Silicon Industry (Shanshan) Co., Ltd. and subsidiaries",
        entries="2(d)(2)(B)(i), 2022-06-21",
        variant='"and subsidiaries" dropped'),
    "daqo": dict(
        name="Xinjiang Daqo New Energy Co., Ltd.",
        listed="Xinjiang Daqo New Energy, Co. Ltd. / Xinjiang Daqo New Energy Co., Ltd.",
        entries="2(d)(2)(B)(i), 2022-06-21; 2(d)(2)(B)(v), 2024-11-25",
        variant="identical to the (v) spelling; comma placement differs from the (i) spelling"),
    "aksu": dict(
        name="Aksu Huafu Colour Spinning Co. Ltd",
        listed="Aksu Huafu Color Spinning Co., Ltd.",
        entries="2(d)(2)(B)(ii), 2022-06-21; 2(d)(2)(B)(v), 2025-01-15",
        variant='"Colour" for "Color", no comma, no final period'),
    "junggar": dict(
        name="Xinjiang Junggar Cotton & Linen Co., Ltd.",
        listed="Xinjiang Junggar Cotton and Linen Co., Ltd.",
        entries="2(d)(2)(B)(i), 2022-06-21",
        variant='"&" for "and"'),
}

# --------------------------------------------------------------------------------------
# Countries and spellings
# --------------------------------------------------------------------------------------
ALPHA3 = {"CN": "CHN", "MY": "MYS", "VN": "VNM", "ID": "IDN", "TH": "THA", "BD": "BGD",
          "IN": "IND", "US": "USA", "CD": "COD", "KH": "KHM", "PK": "PAK"}
ENGLISH = {"CN": ["China"], "VN": ["Viet Nam", "Vietnam"],
           "CD": ["Democratic Republic of the Congo"], "MY": ["Malaysia"],
           "TH": ["Thailand"], "BD": ["Bangladesh"], "ID": ["Indonesia"],
           "US": ["United States", "United States of America"], "IN": ["India"],
           "KH": ["Cambodia"], "PK": ["Pakistan"], "UZ": ["Uzbekistan"],
           "TM": ["Turkmenistan"], "LR": ["Liberia"], "RW": ["Rwanda"]}

XJ_SPELLINGS = [("Xinjiang", 5), ("Xinjiang Uyghur Autonomous Region", 3), ("XUAR", 2)]


def wchoice(pairs):
    """Weighted choice from [(value, weight), ...]."""
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    acc = 0.0
    for v, w in pairs:
        acc += w
        if r < acc:
            return v
    return pairs[-1][0]


def country_form(cc):
    r = rng.random()
    if r < 0.09 and cc in ALPHA3:
        return ALPHA3[cc]
    if r < 0.22 and cc in ENGLISH:
        return rng.choice(ENGLISH[cc])
    return cc


# --------------------------------------------------------------------------------------
# Fictional names
# --------------------------------------------------------------------------------------
USED_NAMES: dict[str, bool] = {}
USED_CORES: dict[tuple, bool] = {}


def unique_name(make):
    for _ in range(500):
        name, core = make()
        if name in USED_NAMES or (core is not None and core in USED_CORES):
            continue
        USED_NAMES[name] = True
        if core is not None:
            USED_CORES[core] = True
        return name
    raise RuntimeError("name pool exhausted")


def place_region(place, mapping, fallback_pool, p_fill):
    """Region for a company named after a place: the place's real province/state when
    known, otherwise a random one from the pool; left blank with probability 1-p_fill."""
    if rng.random() >= p_fill:
        return ""
    return mapping.get(place) or rng.choice(fallback_pool)


CN_PROV = {
    "Jiangnan": "Jiangsu", "Wuxi": "Jiangsu", "Changzhou": "Jiangsu", "Nantong": "Jiangsu",
    "Suzhou": "Jiangsu", "Yancheng": "Jiangsu", "Lianyungang": "Jiangsu", "Huai'an": "Jiangsu",
    "Yangzhou": "Jiangsu", "Taicang": "Jiangsu", "Kunshan": "Jiangsu",
    "Shaoxing": "Zhejiang", "Ningbo": "Zhejiang", "Hangzhou": "Zhejiang", "Jiaxing": "Zhejiang",
    "Yiwu": "Zhejiang", "Wenzhou": "Zhejiang", "Quzhou": "Zhejiang",
    "Foshan": "Guangdong", "Dongguan": "Guangdong", "Shenzhen": "Guangdong",
    "Zhongshan": "Guangdong", "Huizhou": "Guangdong",
    "Xiamen": "Fujian", "Quanzhou": "Fujian", "Qingdao": "Shandong", "Zibo": "Shandong",
    "Leshan": "Sichuan", "Yibin": "Sichuan", "Qujing": "Yunnan", "Baoshan": "Yunnan",
    "Gejiu": "Yunnan", "Xining": "Qinghai", "Ordos": "Inner Mongolia",
    "Wuhai": "Inner Mongolia", "Hechi": "Guangxi", "Ganzhou": "Jiangxi",
    "Shizuishan": "Ningxia", "Changsha": "Hunan", "Lanzhou": "Gansu",
}
XJ_PLACES = ["Korla", "Hami", "Bortala", "Yining", "Tacheng", "Wujiaqu", "Manas", "Shawan",
             "Altay", "Bachu", "Luntai", "Zhundong"]
CN_MIDS = ["Jinhe", "Ruixiang", "Tianrui", "Haoyu", "Xinlong", "Mingda", "Fengyuan",
           "Baichuan", "Yongsheng", "Jiahe", "Hengtai", "Runfa", "Shengtai", "Kaixuan",
           "Lianfa", "Boyuan", "Dingxin", "Xiangyun", "Chengda", "Lixin", "Guanghua",
           "Huimei", "Jinqiao", "Taihe", "Ruida", "Hongtu", "Tongda", "Jiayuan", "Xinghe",
           "Anxin", "Longsheng", "Weiye", "Shunfa", "Ronghua", "Qiancheng", "Yuxin",
           "Kangtai", "Huatong", "Minsheng", "Zhenyu"]
CN_SUFFIX = {
    "cutsew": ["Garment Co., Ltd.", "Apparel Co., Ltd.", "Knitting Garment Co., Ltd.",
               "Clothing Manufacturing Co., Ltd."],
    "trims": ["Zipper Co., Ltd.", "Button Co., Ltd.", "Label and Trim Co., Ltd."],
    "thread": ["Sewing Thread Co., Ltd."],
    "packaging": ["Packaging Co., Ltd.", "Paper Products Co., Ltd."],
    "mill": ["Textile Co., Ltd.", "Printing and Dyeing Co., Ltd.", "Weaving Co., Ltd.",
             "Knitting Fabric Co., Ltd."],
    "spinner": ["Yarn Mill Co., Ltd.", "Cotton Spinning Co., Ltd.", "Spinning Co., Ltd."],
    "ginner": ["Cotton Ginning Co., Ltd.", "Cotton Purchasing and Processing Co., Ltd.",
               "Ginning Mill Co., Ltd."],
    "farm": ["Cotton Planting Cooperative", "Agricultural Cooperative"],
    "cell": ["Photovoltaic Technology Co., Ltd.", "Solar Cell Co., Ltd."],
    "frame": ["Aluminium Profile Co., Ltd."],
    "glass": ["Solar Glass Co., Ltd."],
    "jbox": ["Electrical Co., Ltd."],
    "backsheet": ["New Materials Co., Ltd."],
    "aluminium": ["Aluminium Co., Ltd."],
    "wafer": ["Silicon Wafer Co., Ltd.", "Crystal Silicon Co., Ltd.",
              "Monocrystal Technology Co., Ltd."],
    "poly": ["Polysilicon Co., Ltd.", "Silicon Materials Co., Ltd."],
    "mgsi": ["Industrial Silicon Co., Ltd.", "Metallurgical Silicon Co., Ltd."],
    "cm": ["Electronics Co., Ltd.", "Precision Manufacturing Co., Ltd.",
           "Intelligent Technology Co., Ltd."],
    "pcb": ["Circuit Technology Co., Ltd.", "Printed Circuit Co., Ltd."],
    "battery": ["Battery Technology Co., Ltd.", "Power Technology Co., Ltd."],
    "capacitor": ["Electronic Components Co., Ltd."],
    "connector": ["Connector Co., Ltd."],
    "solder": ["Solder Materials Co., Ltd."],
    "display": ["Display Technology Co., Ltd."],
    "housing": ["Plastic Mould Co., Ltd."],
    "cathode": ["Cathode Materials Co., Ltd.", "Lithium Materials Co., Ltd."],
    "tin_smelter": ["Tin Industry Co., Ltd.", "Nonferrous Metals Smelting Co., Ltd."],
    "co_refiner": ["Cobalt Refining Co., Ltd.", "Cobalt New Materials Co., Ltd."],
    "ta_proc": ["Tantalum-Niobium Co., Ltd.", "Rare Metals Co., Ltd."],
    "glovemaker": ["Medical Products Co., Ltd."],
    "nbr": ["Synthetic Rubber Co., Ltd."],
}
CN_PLACES = {
    "cutsew": ["Dongguan", "Foshan", "Zhongshan", "Ningbo", "Shaoxing", "Quanzhou", "Xiamen",
               "Qingdao", "Suzhou"],
    "trims": ["Yiwu", "Wenzhou", "Dongguan"], "thread": ["Yiwu", "Shaoxing"],
    "packaging": ["Dongguan", "Wenzhou"],
    "mill": ["Shaoxing", "Wuxi", "Changzhou", "Nantong", "Hangzhou", "Jiaxing", "Zibo",
             "Qingdao"],
    "spinner": ["Jiangnan", "Wuxi", "Nantong", "Yancheng", "Zibo"],
    "cell": ["Yancheng", "Changzhou", "Taicang", "Yangzhou"],
    "frame": ["Jiaxing", "Changzhou"], "glass": ["Jiaxing", "Wuxi"], "jbox": ["Suzhou"],
    "backsheet": ["Changzhou"],
    "wafer": ["Qujing", "Leshan", "Yibin", "Xining", "Ordos", "Wuxi", "Huai'an"],
    "poly": ["Leshan", "Wuhai"], "mgsi": ["Baoshan"],
    "cm": ["Shenzhen", "Dongguan", "Suzhou", "Kunshan"],
    "pcb": ["Shenzhen", "Huizhou", "Suzhou"], "battery": ["Ningbo", "Huizhou", "Changzhou"],
    "capacitor": ["Xiamen", "Shenzhen"], "connector": ["Dongguan", "Kunshan"],
    "solder": ["Shenzhen", "Suzhou"], "display": ["Shenzhen", "Xiamen"],
    "housing": ["Dongguan"], "cathode": ["Changsha", "Ningbo", "Quzhou"],
    "tin_smelter": ["Gejiu", "Hechi"], "co_refiner": ["Quzhou", "Nantong", "Ganzhou"],
    "ta_proc": ["Shizuishan", "Ganzhou"], "glovemaker": ["Zibo"], "nbr": ["Lanzhou"],
}


def cn_name(kind, xj=False):
    places = XJ_PLACES if xj else CN_PLACES[kind]

    def make():
        place = rng.choice(places)
        mid = rng.choice(CN_MIDS)
        return f"{place} {mid} {rng.choice(CN_SUFFIX[kind])}", (place, mid)

    name = unique_name(make)
    place = name.split(" ")[0]
    if xj:
        region = wchoice(XJ_SPELLINGS)
    else:
        region = CN_PROV.get(place, "") if rng.random() < 0.75 else ""
    return name, region


VN_MIDS = ["Phu Hung", "An Phat", "Minh Quang", "Tan Thanh", "Hoang Long", "Thien An",
           "Kim Son", "Phuoc Loc", "Song Hong", "Truong Son", "Bach Dang", "Dong Tien",
           "Nhat Minh", "Sao Mai", "Hung Thinh", "Vinh Phat", "Gia Bao", "Lac Hong",
           "Phu Thinh", "Ngoc Lan", "Tan Phu", "Duc Tri", "Hai Nam", "Thanh Dat",
           "Quang Vinh", "Tien Phong", "Phu Quy", "Hong Phat", "Minh Khang", "An Khang",
           "Dai Phat", "Hoang Gia", "Tan Long", "Thinh Vuong"]
VN_SUFFIX = {
    "cutsew": ["Garment Joint Stock Company", "Garment Co., Ltd.", "Fashion JSC",
               "Apparel Co., Ltd."],
    "mill": ["Textile Co., Ltd.", "Textile and Dyeing JSC"],
    "spinner": ["Yarn JSC", "Spinning Co., Ltd."],
    "cell": ["Solar Technology Co., Ltd.", "Photovoltaic Co., Ltd."],
    "cm": ["Electronics Co., Ltd.", "Technology Manufacturing JSC"],
    "pcb": ["Circuit Co., Ltd."], "housing": ["Plastics Co., Ltd."],
    "processor": ["Seafood Processing JSC", "Seafood Import-Export Co., Ltd."],
    "glovemaker": ["Rubber Gloves Co., Ltd."], "packaging": ["Packaging JSC"],
}
VN_REGIONS = {"processor": ["Ca Mau", "Soc Trang", "Khanh Hoa", "Ben Tre"],
              "cell": ["Bac Giang", "Bac Ninh", "Hai Phong", "Quang Ninh"],
              "_": ["Binh Duong", "Dong Nai", "Long An", "Bac Ninh", "Hai Phong", "Nam Dinh"]}


def vn_name(kind):
    def make():
        mid = rng.choice(VN_MIDS)
        return f"{mid} {rng.choice(VN_SUFFIX[kind])}", ("VN", mid)
    name = unique_name(make)
    region = rng.choice(VN_REGIONS.get(kind, VN_REGIONS["_"])) if rng.random() < 0.4 else ""
    return name, region


BD_MIDS = ["Shapla", "Rajanigandha", "Dhanshiri", "Surma Valley", "Ichamati", "Sitalakshya",
           "Nilachal", "Kashful", "Shimul", "Krishnachura", "Bokul", "Kadam", "Sundarban",
           "Teesta", "Padmaja", "Madhumati", "Jamuna Tide"]
BD_SUFFIX = {"cutsew": ["Apparels Ltd.", "Knit Composite Ltd.", "Fashions Ltd.",
                        "Garments Ltd.", "Sweaters Ltd."],
             "mill": ["Textile Mills Ltd.", "Denim Mills Ltd.", "Fabrics Ltd."],
             "processor": ["Frozen Foods Ltd."],
             "packaging": ["Accessories and Packaging Ltd."]}


def bd_name(kind):
    def make():
        mid = rng.choice(BD_MIDS)
        return f"{mid} {rng.choice(BD_SUFFIX[kind])}", ("BD", mid)
    name = unique_name(make)
    pool = ["Khulna", "Satkhira"] if kind == "processor" else \
        ["Dhaka", "Gazipur", "Narayanganj", "Chattogram"]
    return name, (rng.choice(pool) if rng.random() < 0.5 else "")


KH_MIDS = ["Golden Lotus", "Mekong Star", "Tonle Bassac", "Angkor Bright", "Kandal Sunrise",
           "Chbar Ampov"]


def kh_name(kind):
    def make():
        mid = rng.choice(KH_MIDS)
        return f"{mid} Garment (Cambodia) Co., Ltd.", ("KH", mid)
    name = unique_name(make)
    return name, (rng.choice(["Phnom Penh", "Kandal", "Kampong Speu"])
                  if rng.random() < 0.4 else "")


IN_MIDS = ["Kaveri Valley", "Sri Annapoorna", "Vaigai", "Bhavani", "Narmada", "Saurashtra",
           "Kongu", "Malwa", "Vidarbha", "Sabari", "Noyyal", "Amaravathi", "Deccan",
           "Godavari", "Tapti", "Palar", "Sahyadri"]
IN_SUFFIX = {"mill": ["Textiles Ltd.", "Fabrics Pvt. Ltd.", "Processors Pvt. Ltd."],
             "spinner": ["Spinning Mills Pvt. Ltd.", "Cotspin Ltd.", "Yarns Pvt. Ltd."],
             "ginner": ["Ginning and Pressing Factory", "Cotton Ginning Pvt. Ltd."],
             "farm": ["Farmers Producer Company Ltd."]}


IN_STATE = {"Kaveri Valley": "Tamil Nadu", "Sri Annapoorna": "Tamil Nadu",
            "Vaigai": "Tamil Nadu", "Bhavani": "Tamil Nadu", "Narmada": "Gujarat",
            "Saurashtra": "Gujarat", "Kongu": "Tamil Nadu", "Malwa": "Madhya Pradesh",
            "Vidarbha": "Maharashtra", "Sabari": "Telangana", "Noyyal": "Tamil Nadu",
            "Amaravathi": "Andhra Pradesh", "Deccan": "Telangana", "Godavari": "Andhra Pradesh",
            "Tapti": "Maharashtra", "Palar": "Tamil Nadu", "Sahyadri": "Maharashtra"}


def in_name(kind):
    def make():
        mid = rng.choice(IN_MIDS)
        return f"{mid} {rng.choice(IN_SUFFIX[kind])}", ("IN", mid)
    name = unique_name(make)
    mid = next(m for m in IN_MIDS if name.startswith(m + " "))
    return name, place_region(mid, IN_STATE, ["Gujarat"], 0.6)


PK_MIDS = ["Ravi Crest", "Chenab Valley", "Sutlej", "Lyallpur", "Okara", "Sahiwal",
           "Indus Delta", "Potohar", "Thal"]
PK_SUFFIX = {"mill": ["Textile Mills Ltd.", "Weaving Mills Ltd."],
             "spinner": ["Spinning Mills Ltd."],
             "ginner": ["Cotton Ginners", "Ginning Factory"],
             "farm": ["Cotton Growers Association"]}


def pk_name(kind):
    def make():
        mid = rng.choice(PK_MIDS)
        return f"{mid} {rng.choice(PK_SUFFIX[kind])}", ("PK", mid)
    name = unique_name(make)
    return name, place_region(name, {}, ["Sindh"] if name.startswith("Indus Delta")
                              else ["Punjab"], 0.6)


def uz_name(kind):
    tmpl = {"spinner": "{p} Textile Cluster LLC", "ginner": "{p} Paxta Tozalash LLC",
            "farm": "{p} Cotton Farmers Association"}[kind]

    def make():
        p = rng.choice(["Fergana", "Bukhara", "Kashkadarya", "Syrdarya", "Jizzakh",
                        "Namangan"])
        return tmpl.format(p=p), ("UZ", p)
    name = unique_name(make)
    return name, place_region(name.split(" ")[0], {}, [name.split(" ")[0]], 0.7)


def tm_name(kind):
    def make():
        p = rng.choice(["Mary", "Dashoguz", "Lebap", "Bayramaly", "Tejen"])
        return f"{p} Cotton Ginning Plant", ("TM", p)
    name = unique_name(make)
    velayat = {"Mary": "Mary", "Dashoguz": "Dashoguz", "Lebap": "Lebap",
               "Bayramaly": "Mary", "Tejen": "Ahal"}
    return name, place_region(name.split(" ")[0], velayat, ["Mary"], 0.7)


MY_PLACES = ["Selangor", "Klang Valley", "Ipoh", "Seri Perak", "Kulim", "Bayan Lepas",
             "Tebrau", "Kemaman", "Bukit Mertajam", "Taiping", "Seremban", "Sungai Petani",
             "Batu Pahat", "Kluang"]
MY_PRODUCT = {
    "glovemaker": ["Nitrile Products", "Glove Industries", "Latex Gloves", "Medical Gloves",
                   "Rubber Products"],
    "latex": ["Latex Concentrate", "Rubber Processing", "Latex Industries"],
    "nbr": ["Synthetic Rubber"],
    "plantation": ["Rubber Estates", "Plantations"],
    "cell": ["Solar Cell", "Photovoltaic Technology"],
    "cm": ["Electronics Manufacturing Services", "Precision Electronics"],
    "pcb": ["Circuit Boards"], "solder": ["Solder Alloys"], "tin_smelter": ["Tin Smelting"],
    "frame": ["Aluminium Extrusion"], "packaging": ["Carton Industries"],
}


MY_STATE = {"Selangor": "Selangor", "Klang Valley": "Selangor", "Ipoh": "Perak",
            "Seri Perak": "Perak", "Kulim": "Kedah", "Bayan Lepas": "Penang",
            "Tebrau": "Johor", "Kemaman": "Terengganu", "Bukit Mertajam": "Penang",
            "Taiping": "Perak", "Seremban": "Negeri Sembilan", "Sungai Petani": "Kedah",
            "Batu Pahat": "Johor", "Kluang": "Johor"}


def my_name(kind):
    def make():
        p = rng.choice(MY_PLACES)
        return f"{p} {rng.choice(MY_PRODUCT[kind])} Sdn. Bhd.", ("MY", p, kind)
    name = unique_name(make)
    place = next(p for p in MY_PLACES if name.startswith(p + " "))
    return name, place_region(place, MY_STATE, ["Selangor"], 0.6)


TH_PLACES = {
    "processor": ["Samut Sakhon", "Mahachai", "Songkhla", "Ranong", "Pattani", "Surat Thani",
                  "Siam Andaman", "Gulf of Siam", "Chanthaburi"],
    "peeling": ["Mahachai", "Tha Chalom", "Samut Sakhon", "Songkhla"],
    "fleet": ["Pattani", "Ranong", "Songkhla", "Trang", "Chonburi", "Tha Chalom",
              "Gulf of Siam", "Siam Andaman"],
    "shrimp_farm": ["Chanthaburi", "Surat Thani", "Songkhla", "Nakhon Si Thammarat"],
    "feed": ["Samut Sakhon", "Songkhla", "Rayong"], "fishmeal": ["Pattani", "Songkhla",
                                                                 "Samut Sakhon"],
    "glovemaker": ["Hat Yai", "Songkhla", "Trang", "Surat Thani"],
    "latex": ["Hat Yai", "Trang", "Surat Thani", "Rayong", "Chanthaburi"],
    "plantation": ["Trang", "Surat Thani", "Rayong", "Chanthaburi", "Hat Yai",
                   "Nakhon Si Thammarat"],
    "cell": ["Rayong", "Chonburi", "Chachoengsao"],
}
TH_PROV = {"Samut Sakhon": "Samut Sakhon", "Mahachai": "Samut Sakhon",
           "Tha Chalom": "Samut Sakhon", "Songkhla": "Songkhla", "Hat Yai": "Songkhla",
           "Ranong": "Ranong", "Pattani": "Pattani", "Surat Thani": "Surat Thani",
           "Chanthaburi": "Chanthaburi", "Trang": "Trang", "Chonburi": "Chonburi",
           "Rayong": "Rayong", "Chachoengsao": "Chachoengsao",
           "Nakhon Si Thammarat": "Nakhon Si Thammarat"}
TH_PRODUCT = {"processor": ["Ocean Foods", "Frozen Foods", "Seafood", "Marine Products"],
              "fleet": ["Fishing Fleet", "Marine Fishing", "Trawler"],
              "shrimp_farm": ["Shrimp Farm", "Aquaculture"],
              "feed": ["Aqua Feed"], "fishmeal": ["Fishmeal"],
              "glovemaker": ["Glove Industries", "Rubber Gloves"],
              "latex": ["Para Rubber", "Latex"], "cell": ["Solar Cell Technology"]}
TH_REGIONS = {"processor": ["Samut Sakhon", "Songkhla", "Ranong", "Surat Thani", "Chonburi"],
              "cell": ["Rayong", "Chonburi", "Chachoengsao"],
              "_": ["Songkhla", "Surat Thani", "Rayong", "Trang", "Samut Sakhon"]}


def th_name(kind):
    def make():
        p = rng.choice(TH_PLACES[kind])
        if kind == "peeling":
            return f"{p} Shrimp Peeling Shed {rng.randint(2, 40)}", ("TH", p, kind)
        if kind == "plantation":
            return f"{p} Para Rubber Farmers Cooperative", ("TH", p, kind)
        return f"{p} {rng.choice(TH_PRODUCT[kind])} Co., Ltd.", ("TH", p, kind)
    name = unique_name(make)
    place = next(p for p in TH_PLACES[kind] if name.startswith(p + " "))
    return name, place_region(place, TH_PROV, TH_REGIONS.get(kind, TH_REGIONS["_"]), 0.5)


ID_MIDS = ["Samudra Biru", "Karya Bahari", "Sumber Makmur", "Nusantara Jaya", "Lautan Mas",
           "Mitra Bahari", "Sinar Belitung", "Tanjung Pandan", "Mentok Raya", "Bintang Timur",
           "Cahaya Abadi", "Maju Bersama"]
ID_WORD = {"fleet": ["Perikanan", "Fishing Industries"],
           "tin_smelter": ["Metal Smelting", "Timah Industri"],
           "sn_mine": ["Tambang Timah", "Mining"], "plantation": ["Karet", "Perkebunan"]}
ID_REGIONS = {"fleet": ["North Sulawesi", "Maluku", "Bali", "Riau Islands"],
              "tin_smelter": ["Bangka Belitung"], "sn_mine": ["Bangka Belitung"],
              "plantation": ["Riau", "South Sumatra"]}


def id_name(kind):
    def make():
        mid = rng.choice(ID_MIDS)
        return f"PT {mid} {rng.choice(ID_WORD[kind])}", ("ID", mid)
    name = unique_name(make)
    return name, (rng.choice(ID_REGIONS[kind]) if rng.random() < 0.6 else "")


CD_PLACES = {"co_mine": ["Kasulo", "Kambove", "Kapata", "Lwilu", "Mulungwishi", "Kawama"],
             "sn_mine": ["Manono", "Kalima", "Nyabibwe", "Punia"],
             "ta_mine": ["Rubaya", "Masisi", "Numbi", "Walikale"]}
CD_TMPL = {"co_mine": ["Coopérative Minière Artisanale de {p}", "Société Minière de {p} SARL",
                       "{p} Heterogenite Trading SARL"],
           "sn_mine": ["Coopérative des Exploitants Miniers de {p}", "Comptoir Minier de {p} SPRL"],
           "ta_mine": ["Coopérative Minière de {p}", "{p} Coltan Comptoir SARL"]}
CD_PROV = {"Kasulo": "Lualaba", "Kambove": "Haut-Katanga", "Kapata": "Lualaba",
           "Lwilu": "Lualaba", "Mulungwishi": "Haut-Katanga", "Kawama": "Haut-Katanga",
           "Manono": "Tanganyika", "Kalima": "Maniema", "Nyabibwe": "South Kivu",
           "Punia": "Maniema", "Rubaya": "North Kivu", "Masisi": "North Kivu",
           "Numbi": "South Kivu", "Walikale": "North Kivu"}


def cd_name(kind):
    def make():
        p = rng.choice(CD_PLACES[kind])
        return rng.choice(CD_TMPL[kind]).format(p=p), ("CD", p)
    name = unique_name(make)
    place = next(p for p in CD_PLACES[kind] if p in name)
    prov = CD_PROV[place]
    if prov in ("Lualaba", "Haut-Katanga") and rng.random() < 0.3:
        prov = "Katanga"   # the pre-2015 province, still common in trade records
    return name, place_region(place, {place: prov}, [prov], 0.85)


def rw_name(kind):
    def make():
        p = rng.choice(["Ngororero", "Gakenke", "Muhanga", "Rulindo", "Nyamasheke"])
        return rng.choice(["{p} Mining Cooperative", "{p} Minerals Ltd."]).format(p=p), ("RW", p)
    name = unique_name(make)
    return name, (rng.choice(["Western Province", "Northern Province"])
                  if rng.random() < 0.5 else "")


def lr_name(kind):
    def make():
        p = rng.choice(["Bong", "Margibi", "Nimba", "Grand Bassa"])
        t = rng.choice(["{p} Rubber Farmers Cooperative", "{p} Smallholder Rubber Association"])
        return t.format(p=p), ("LR", p)
    name = unique_name(make)
    county = next(c for c in ["Grand Bassa", "Bong", "Margibi", "Nimba"] if name.startswith(c))
    return name, place_region(county, {}, [county], 0.6)


NAMERS = {"CN": cn_name, "VN": vn_name, "BD": bd_name, "KH": kh_name, "IN": in_name,
          "PK": pk_name, "UZ": uz_name, "TM": tm_name, "MY": my_name, "TH": th_name,
          "ID": id_name, "CD": cd_name, "RW": rw_name, "LR": lr_name}

# --------------------------------------------------------------------------------------
# Supplier records and links
# --------------------------------------------------------------------------------------
ALL: list[dict] = []       # every company, vendors first
LINKS: list[dict] = []
PAIRS: dict[tuple, bool] = {}
NBUY: dict[str, int] = {}  # name -> number of buyers


def rec(name, cc, chain, kind, goods, region="", vendor=False, xj=False, real=None,
        items=None):
    USED_NAMES[name] = True
    s = dict(id="", name=name, cc=cc, chain=chain, kind=kind, goods=list(goods),
             region=region, vendor=vendor, xj=xj, real=real, items=items or [],
             country="", uei="", lei="", duns="", risk="", note="",
             pop=min(rng.paretovariate(1.3), 12.0))
    ALL.append(s)
    NBUY.setdefault(name, 0)
    return s


def make(kind, cc, chain, goods, xj=False):
    if cc == "CN":
        name, region = cn_name(kind, xj=xj)
    else:
        name, region = NAMERS[cc](kind)
    return rec(name, cc, chain, kind, goods, region=region, xj=xj)


def many(kind, spec, chain, goods, xj=False):
    """spec: list of (cc, n)."""
    out = []
    for cc, n in spec:
        for _ in range(n):
            g = goods(cc) if callable(goods) else goods
            out.append(make(kind, cc, chain, g, xj=xj))
    return out


def link(b, s, good=None, weight=None, tag=None, force=False):
    key = (b["name"], s["name"])
    if not force and (key in PAIRS or b is s):
        return False
    PAIRS[key] = True
    LINKS.append(dict(buyer=b, supplier=s, good=good or s["goods"][0], weight=weight,
                      tag=tag, share=None))
    NBUY[s["name"]] += 1
    return True


def weighted_sample(cands, weights, k):
    cands, weights, out = list(cands), list(weights), []
    for _ in range(min(k, len(cands))):
        total = sum(weights)
        r = rng.random() * total
        acc, idx = 0.0, len(cands) - 1
        for i, w in enumerate(weights):
            acc += w
            if r < acc:
                idx = i
                break
        out.append(cands.pop(idx))
        weights.pop(idx)
    return out


def default_aff(b, s):
    return 3.0 if b["cc"] == s["cc"] else 1.0


def connect(buyers, pool, kmin, kmax, prob=1.0, aff=default_aff, good=None):
    for b in buyers:
        if rng.random() >= prob:
            continue
        k = rng.randint(kmin, kmax)
        cands = [s for s in pool if s is not b]
        weights = [s["pop"] * aff(b, s) for s in cands]
        for s in weighted_sample(cands, weights, k):
            link(b, s, good=good(s) if callable(good) else good)


def ensure(pool, buyers, aff=default_aff):
    """Every supplier of pool gets at least one buyer from buyers."""
    for s in pool:
        if NBUY[s["name"]] == 0:
            cands = [b for b in buyers if b is not s]
            b = weighted_sample(cands, [aff(b, s) for b in cands], 1)[0]
            link(b, s)


# --------------------------------------------------------------------------------------
# Vendors (tier 1)
# --------------------------------------------------------------------------------------
def vendor(name, cc, chain, goods, items, region=""):
    return rec(name, cc, chain, "vendor", goods, region=region, vendor=True, items=items)


APPAREL_ITEMS = ["tee", "undershirt", "acu", "frcover", "dressshirt", "blouse", "fleece",
                 "socks", "scrubs", "jumpsuit", "pt"]
VA = [vendor("Harbor Point Apparel LLC", "US", "apparel", ["garments"], APPAREL_ITEMS,
             "South Carolina"),
      vendor("Liberty Stitch Uniforms Inc.", "US", "apparel", ["garments"], APPAREL_ITEMS),
      vendor("Blue Mesa Outfitters LLC", "US", "apparel", ["garments"], APPAREL_ITEMS),
      vendor("Old Dominion Garment Company", "US", "apparel", ["garments"], APPAREL_ITEMS,
             "Virginia"),
      vendor("Keystone Tactical Apparel Inc.", "US", "apparel", ["garments"], APPAREL_ITEMS),
      vendor("Saigon Meridian Garment Export JSC", "VN", "apparel", ["garments", "textiles"],
             ["tee", "undershirt", "pt", "dressshirt"]),
      vendor("Hanoi Red River Apparel Corporation", "VN", "apparel", ["garments"],
             ["fleece", "blouse", "tee"], "Hanoi"),
      vendor("Dhaka Shapla Apparels Ltd.", "BD", "apparel", ["garments"],
             ["tee", "undershirt", "pt", "jumpsuit"])]
SOLAR_ITEMS = ["mono400", "bifacial", "array", "portable", "rooftop", "airfield"]
VS = [vendor("Sunward Federal Energy LLC", "US", "solar", ["solar modules"], SOLAR_ITEMS),
      vendor("Prairie Light Solar Manufacturing Inc.", "US", "solar", ["solar modules"],
             SOLAR_ITEMS, "Ohio"),
      vendor("Bayou Photovoltaic Systems LLC", "US", "solar", ["solar modules"], SOLAR_ITEMS),
      vendor("Kulim Solar Manufacturing Sdn. Bhd.", "MY", "solar", ["solar modules"],
             ["mono400", "bifacial", "airfield"], "Kedah"),
      vendor("Penang Photon Energy Sdn. Bhd.", "MY", "solar", ["solar modules",
             "solar cells"], ["mono400", "bifacial"]),
      vendor("Bac Ninh Solar Module JSC", "VN", "solar", ["solar modules"],
             ["mono400", "bifacial", "portable"])]
COMPUTE_ITEMS = ["laptop", "workstation", "storage", "cca_radio", "cca_power", "thin",
                 "scanner", "tablet"]
VE = [vendor("Capitol Rugged Computing Inc.", "US", "electronics", ["electronics"],
             COMPUTE_ITEMS, "Maryland"),
      vendor("Tidewater Systems Integration LLC", "US", "electronics", ["electronics"],
             COMPUTE_ITEMS),
      vendor("Northstar Field Electronics Corp.", "US", "electronics", ["electronics"],
             COMPUTE_ITEMS),
      vendor("Alamo Data Devices LLC", "US", "electronics", ["electronics"], COMPUTE_ITEMS,
             "Texas"),
      vendor("Granite Peak Technologies Inc.", "US", "electronics", ["electronics"],
             COMPUTE_ITEMS),
      vendor("Chesapeake Secure Hardware LLC", "US", "electronics", ["electronics"],
             COMPUTE_ITEMS),
      vendor("Redstone Power Systems Inc.", "US", "electronics",
             ["lithium-ion batteries", "electronics"], ["battery", "battery2"], "Alabama")]
SEAFOOD_ITEMS = ["shrimp", "tuna", "breaded", "pangasius", "prime"]
VF = [vendor("Gulf Coast Provisions Inc.", "US", "seafood", ["fish", "shrimp"],
             SEAFOOD_ITEMS),
      vendor("Atlantic Galley Foods LLC", "US", "seafood", ["fish", "shrimp"], SEAFOOD_ITEMS),
      vendor("Bayside Federal Foods Inc.", "US", "seafood", ["fish", "shrimp"], SEAFOOD_ITEMS,
             "Georgia"),
      vendor("Puget Mariner Seafood Distributors LLC", "US", "seafood", ["fish", "shrimp"],
             SEAFOOD_ITEMS, "Washington")]
GLOVE_ITEMS = ["nitrile", "nitrile_ext", "latex_surg", "butyl", "exam_pv"]
VG = [vendor("Patriot Medical Supply LLC", "US", "gloves", ["rubber gloves"], GLOVE_ITEMS),
      vendor("Sentinel Clinical Products Inc.", "US", "gloves", ["rubber gloves"],
             GLOVE_ITEMS),
      vendor("Riverbend Healthcare Distribution LLC", "US", "gloves", ["rubber gloves"],
             GLOVE_ITEMS, "Tennessee"),
      vendor("Evergreen Exam Supplies Inc.", "US", "gloves", ["rubber gloves"], GLOVE_ITEMS)]
VC = [vendor("Ozark Hardwood Furniture Co.", "US", "clean", ["office furniture"],
             ["furniture"], "Arkansas"),
      vendor("Great Lakes Precision Machining Inc.", "US", "clean",
             ["machined aluminium parts"], ["machined"], "Michigan"),
      vendor("Cascade Optics & Instruments LLC", "US", "clean", ["optical instruments"],
             ["optical"], "Oregon"),
      vendor("Heartland Laboratory Systems Inc.", "US", "clean", ["laboratory instruments"],
             ["lab"]),
      vendor("Mesa Verde Facility Solutions LLC", "US", "clean", ["custodial services"],
             ["custodial"], "Colorado")]
VN_ = [vendor("Blue Ridge Facility Services LLC", "US", "clean", ["custodial services"],
              ["custodial"], "Virginia"),
       vendor("Potomac Program Advisors LLC", "US", "clean", ["management consulting"],
              ["progmgmt"]),
       vendor("Sierra Vista Grounds Maintenance Inc.", "US", "clean", ["landscaping services"],
              ["landscape"], "Arizona")]
VENDORS = VA + VS + VE + VF + VG + VC + VN_
US_VENDORS = [v for v in VENDORS if v["cc"] == "US"]

# --------------------------------------------------------------------------------------
# Shared logistics providers (leaves)
# --------------------------------------------------------------------------------------
LOG_US = [rec("Interstate Freight Partners LLC", "US", "shared", "logistics", ["logistics"]),
          rec("Pacific Gateway Logistics Inc.", "US", "shared", "logistics", ["logistics"],
              region="California")]
LOG_ASIA = [rec("Straits Harbour Logistics Pte. Ltd.", "SG", "shared", "logistics",
                ["logistics"]),
            rec("Port Klang Forwarding Sdn. Bhd.", "MY", "shared", "logistics",
                ["logistics"], region="Selangor"),
            rec("Shenzhen Yuanhang International Logistics Co., Ltd.", "CN", "shared",
                "logistics", ["logistics"], region="Guangdong"),
            rec("Ningbo Haitai Freight Forwarding Co., Ltd.", "CN", "shared", "logistics",
                ["logistics"])]


def xj_aff(strength):
    def aff(b, s):
        if b["xj"] and s["xj"]:
            return strength
        if b["cc"] == s["cc"]:
            return 3.0
        return 1.0
    return aff


# ======================================================================================
# APPAREL: vendor -> cut-and-sew -> fabric mill -> yarn spinner -> cotton ginner -> farm
# ======================================================================================
cutsew = many("cutsew", [("VN", 9), ("BD", 8), ("KH", 4), ("CN", 5)], "apparel",
              lambda cc: ["garments", "textiles"] if rng.random() < 0.25 else ["garments"])
trims = (many("trims", [("CN", 3)], "apparel",
              lambda cc: [rng.choice(["zippers", "buttons", "labels"])])
         + many("thread", [("CN", 1)], "apparel", ["thread/yarn"])
         + many("packaging", [("VN", 1), ("BD", 1)], "apparel", ["packaging"]))
# the goods of a trims supplier follow from its generated name
for t in trims:
    if t["kind"] == "trims":
        low = t["name"].lower()
        t["goods"] = ["zippers"] if "zipper" in low else ["buttons"] if "button" in low \
            else ["labels"]
mills = (many("mill", [("CN", 6), ("IN", 4), ("PK", 3), ("BD", 2), ("VN", 2)], "apparel",
              ["textiles"])
         + many("mill", [("CN", 3)], "apparel", ["textiles"], xj=True))
spinners = (many("spinner", [("CN", 5), ("IN", 4), ("PK", 3), ("VN", 1), ("UZ", 1)],
                 "apparel", ["thread/yarn"])
            + many("spinner", [("CN", 3)], "apparel", ["thread/yarn"], xj=True))
aksu = rec(UFLPA_USED["aksu"]["name"], "CN", "apparel", "spinner", ["thread/yarn"],
           region="Xinjiang", xj=True, real="aksu")
spinners.append(aksu)
ginners = (many("ginner", [("CN", 5)], "apparel", ["cotton"], xj=True)
           + many("ginner", [("UZ", 2), ("TM", 2), ("IN", 3), ("PK", 1)], "apparel",
                  ["cotton"]))
ginners += [rec("Lubbock Plains Cotton Gin Cooperative", "US", "apparel", "ginner",
                ["cotton"], region="Texas"),
            rec("Delta Bend Gin Company", "US", "apparel", "ginner", ["cotton"],
                region="Mississippi")]
junggar = rec(UFLPA_USED["junggar"]["name"], "CN", "apparel", "ginner", ["cotton"],
              region="XUAR", xj=True, real="junggar")
ginners.append(junggar)
farms = (many("farm", [("CN", 4)], "apparel", ["cotton"], xj=True)
         + many("farm", [("IN", 2), ("UZ", 1), ("PK", 1)], "apparel", ["cotton"]))
farms += [rec("Rolling Plains Cotton Farms LLC", "US", "apparel", "farm", ["cotton"],
              region="Texas"),
          rec("Yazoo River Cotton Growers Inc.", "US", "apparel", "farm", ["cotton"])]

us_app = [v for v in VA if v["cc"] == "US"]
connect(us_app, cutsew, 2, 5)
connect(us_app, [t for t in trims if t["kind"] == "packaging"], 1, 1, prob=0.3)
connect(us_app, LOG_US, 1, 1, prob=0.6)
for v in VA:
    if v["cc"] != "US":
        connect([v], [c for c in cutsew if c["cc"] in (v["cc"], "KH")], 1, 3,
                aff=lambda b, s: 5.0 if b["cc"] == s["cc"] else 1.0)
        connect([v], mills, 1, 2)


def mill_aff(b, s):
    if b["cc"] in ("VN", "KH") and s["cc"] == "CN":
        return 3.0
    if b["cc"] == "BD" and s["cc"] in ("BD", "IN"):
        return 3.0
    return 3.0 if b["cc"] == s["cc"] else 1.0


connect(cutsew, mills, 1, 3, aff=mill_aff)
connect(cutsew, trims, 1, 2, prob=0.5)
connect(cutsew, LOG_ASIA, 1, 1, prob=0.2)
# knitting cut-and-sew units in China also buy yarn directly (spinner appears at tier 3)
connect([c for c in cutsew if c["cc"] == "CN"], [s for s in spinners if not s["real"]],
        1, 1, prob=0.5)
connect(mills, spinners, 1, 3, aff=xj_aff(8.0))


def gin_aff(b, s):
    if b["xj"] and s["xj"]:
        return 8.0
    if b["cc"] == "VN" and s["cc"] in ("US", "UZ"):
        return 4.0
    return 4.0 if b["cc"] == s["cc"] else 1.0


connect(spinners, ginners, 1, 3, aff=gin_aff)
connect(ginners, farms, 1, 2, prob=0.6, aff=lambda b, s: 6.0 if b["cc"] == s["cc"] else 0.3)
ensure(cutsew, us_app + VA)
ensure(trims, cutsew)
ensure(mills, cutsew, aff=mill_aff)
ensure(spinners, mills, aff=xj_aff(8.0))
ensure(ginners, spinners, aff=gin_aff)
ensure(farms, ginners, aff=lambda b, s: 6.0 if b["cc"] == s["cc"] else 0.3)

# ======================================================================================
# SOLAR: vendor -> cell maker -> wafer/ingot -> polysilicon -> metallurgical-grade silicon
# ======================================================================================
cells = many("cell", [("MY", 3), ("VN", 3), ("TH", 2), ("CN", 2)], "solar", ["solar cells"])
parts = (many("frame", [("CN", 2), ("MY", 1)], "solar", ["aluminium frames"])
         + many("glass", [("CN", 2)], "solar", ["solar glass"])
         + many("jbox", [("CN", 1)], "solar", ["junction boxes"])
         + many("backsheet", [("CN", 1)], "solar", ["backsheets"])
         + many("packaging", [("VN", 1)], "solar", ["packaging"]))
aluminium_xj = many("aluminium", [("CN", 1)], "solar", ["primary aluminium"], xj=True)
wafers = many("wafer", [("CN", 7)], "solar", ["photovoltaic wafers", "photovoltaic ingots"])
poly = (many("poly", [("CN", 2)], "solar", ["polysilicon"], xj=True)
        + many("poly", [("CN", 2)], "solar", ["polysilicon"]))
daqo = rec(UFLPA_USED["daqo"]["name"], "CN", "solar", "poly", ["polysilicon"],
           region="Xinjiang Uyghur Autonomous Region", xj=True, real="daqo")
poly_de = rec("Sächsische Reinstsilizium GmbH", "DE", "solar", "poly", ["polysilicon"],
              region="Sachsen")
poly_us = rec("Columbia Basin Polysilicon LLC", "US", "solar", "poly", ["polysilicon"],
              region="Washington")
poly += [daqo, poly_de, poly_us]
mgsi = (many("mgsi", [("CN", 3)], "solar", ["metallurgical-grade silicon"], xj=True)
        + many("mgsi", [("CN", 1)], "solar", ["metallurgical-grade silicon"]))
hoshine = rec(UFLPA_USED["hoshine"]["name"], "CN", "solar", "mgsi",
              ["metallurgical-grade silicon"], region="Xinjiang", xj=True, real="hoshine")
mgsi_no = rec("Nordfjord Silisium AS", "NO", "solar", "mgsi", ["metallurgical-grade silicon"])
mgsi += [hoshine, mgsi_no]

connect(VS, cells, 2, 4)
connect(VS, parts, 1, 3)
connect([v for v in VS if v["cc"] == "US"], wafers, 1, 1, prob=0.5)
connect([v for v in VS if v["cc"] == "US"], LOG_US, 1, 1, prob=0.5)
connect(cells, wafers, 1, 3)
connect([p for p in parts if p["kind"] == "frame" and p["cc"] == "CN"], aluminium_xj, 1, 1)


def poly_aff(b, s):
    return 4.0 if s["xj"] else 1.0   # most Chinese wafer capacity runs on Xinjiang poly


connect(wafers, poly, 1, 3, aff=poly_aff)


def mgsi_aff(b, s):
    if b["cc"] in ("DE", "US"):
        return 20.0 if s["cc"] == "NO" else 0.05
    if b["xj"] and s["xj"]:
        return 6.0
    if s["cc"] == "NO":
        return 0.1
    return 1.0


connect(poly, mgsi, 1, 2, aff=mgsi_aff)
ensure(cells, VS)
ensure(parts, VS)
ensure(wafers, cells)
ensure(poly, wafers, aff=poly_aff)
ensure(mgsi, poly, aff=lambda b, s: mgsi_aff(b, s))

# ======================================================================================
# ELECTRONICS: integrator -> contract manufacturer -> component maker -> smelter/refiner
#              -> mine
# ======================================================================================
cms = many("cm", [("CN", 4), ("VN", 2), ("MY", 1)], "electronics",
           ["electronics", "printed circuit board assemblies"])
cms += [rec("Manufacturas Electrónicas del Bajío S.A. de C.V.", "MX", "electronics", "cm",
            ["electronics"], region="Jalisco"),
        rec("Ensambles de Precisión de Tijuana S. de R.L. de C.V.", "MX", "electronics",
            "cm", ["electronics", "printed circuit board assemblies"],
            region="Baja California"),
        rec("Grupo Electrónico Norteño S.A. de C.V.", "MX", "electronics", "cm",
            ["electronics"])]
pcbs = many("pcb", [("CN", 3), ("MY", 1), ("VN", 1)], "electronics", ["printed circuit boards"])
batteries = many("battery", [("CN", 3)], "electronics", ["lithium-ion batteries"])
batteries.append(rec("Chungcheong Energy Cell Co., Ltd.", "KR", "electronics", "battery",
                     ["lithium-ion batteries"]))
capacitors = many("capacitor", [("CN", 2)], "electronics", ["tantalum capacitors"])
capacitors.append(rec("Shiga Electronic Components Co., Ltd.", "JP", "electronics",
                      "capacitor", ["tantalum capacitors"]))
connectors = many("connector", [("CN", 2)], "electronics", ["connectors"])
connectors.append(rec("Conectores Industriales de Chihuahua S.A. de C.V.", "MX",
                      "electronics", "connector", ["connectors"], region="Chihuahua"))
solders = many("solder", [("CN", 2), ("MY", 1)], "electronics", ["solder"])
displays = many("display", [("CN", 2)], "electronics", ["display panels"])
housings = (many("housing", [("CN", 1), ("VN", 1)], "electronics", ["plastic housings"])
            + [rec("Arneses y Cables de Juárez S.A. de C.V.", "MX", "electronics", "cable",
                   ["cable assemblies"])])
cathodes = many("cathode", [("CN", 3)], "electronics", ["cathode materials"])
components = pcbs + batteries + capacitors + connectors + solders + displays + housings
tin_smelters = (many("tin_smelter", [("CN", 2), ("MY", 1)], "electronics", ["tin"])
                + many("tin_smelter", [("ID", 2)], "electronics", ["tin"]))
co_refiners = many("co_refiner", [("CN", 3)], "electronics", ["refined cobalt"])
ta_procs = many("ta_proc", [("CN", 2)], "electronics", ["tantalum powder"])
co_mines = many("co_mine", [("CD", 4)], "electronics", ["cobalt ore (heterogenite)"])
sn_mines = (many("sn_mine", [("CD", 2)], "electronics", ["tin ore (cassiterite)"])
            + many("sn_mine", [("ID", 2)], "electronics", ["tin"]))
ta_mines = (many("ta_mine", [("CD", 2)], "electronics", ["tantalum ore (coltan)"])
            + [rec("Ngororero Mining Cooperative", "RW", "electronics", "ta_mine",
                   ["tantalum ore (coltan)", "tin ore (cassiterite)"]),
               rec("Gakenke Minerals Ltd.", "RW", "electronics", "ta_mine",
                   ["tantalum ore (coltan)"], region="Northern Province")])

integrators = VE[:-1]
redstone = VE[-1]
connect(integrators, cms, 1, 3)
connect(integrators, batteries, 1, 1, prob=0.4)
connect(integrators, LOG_US, 1, 1, prob=0.5)
connect([redstone], batteries, 2, 2)
connect([redstone], cms, 1, 1)
connect(cms, components, 3, 6)
connect(cms, LOG_ASIA, 1, 1, prob=0.3)
connect(pcbs, solders, 1, 1, prob=0.5)
connect(solders, tin_smelters, 1, 2)
connect(connectors, tin_smelters, 1, 1, prob=0.5)
connect(capacitors, ta_procs, 1, 2)
connect(batteries, cathodes, 1, 2)
connect(cathodes, co_refiners, 1, 2)


def sn_aff(b, s):
    if b["cc"] == "ID":
        return 10.0 if s["cc"] == "ID" else 0.1
    return 0.3 if s["cc"] == "ID" else 1.0


connect(tin_smelters, sn_mines + [ta_mines[2]], 1, 3, aff=sn_aff,
        good=lambda s: "tin ore (cassiterite)" if s["cc"] != "ID" else "tin")
connect(co_refiners, co_mines, 1, 3)
connect(ta_procs, ta_mines, 1, 2, good="tantalum ore (coltan)")
ensure(cms, integrators)
ensure(components, cms)
ensure(cathodes, batteries)
ensure(tin_smelters, solders + connectors)
ensure(co_refiners, cathodes)
ensure(ta_procs, capacitors)
ensure(co_mines, co_refiners)
ensure(sn_mines, tin_smelters, aff=sn_aff)
ensure(ta_mines, ta_procs)

# the deliberate cycle: CM -> solder maker -> tin smelter -> (solder dross) -> same CM
cyc_cm = next(c for c in cms if c["cc"] == "CN")
cyc_solder = next(s for s in solders if s["cc"] == "CN")
cyc_smelter = next(s for s in tin_smelters if s["cc"] == "CN")
link(cyc_cm, cyc_solder)
link(cyc_solder, cyc_smelter)
link(cyc_smelter, cyc_cm, good="solder dross (recycled tin)", weight=0.12, tag="cycle")

# ======================================================================================
# SEAFOOD: distributor -> processor -> peeling shed / fleet / shrimp farm -> feed mill
#          -> fishmeal plant -> fishing fleet
# ======================================================================================
proc_goods = [("TH", ["shrimp"]), ("TH", ["shrimp"]), ("TH", ["fish"]), ("TH", ["fish", "shrimp"]),
              ("TH", ["fish"]), ("VN", ["shrimp"]), ("VN", ["fish"]), ("VN", ["shrimp"]),
              ("BD", ["shrimp"])]
processors = [make("processor", cc, "seafood", g) for cc, g in proc_goods]
peeling = many("peeling", [("TH", 4)], "seafood", ["shrimp"])
fleets = many("fleet", [("TH", 3), ("ID", 3)], "seafood", ["fish"])
shrimp_farms = many("shrimp_farm", [("TH", 2)], "seafood", ["shrimp"])
shrimp_farms += [rec("Hợp tác xã Nuôi tôm Tân Thành", "VN", "seafood", "shrimp_farm",
                     ["shrimp"], region="Ca Mau"),
                 rec("Ca Mau Hoang Long Aquaculture Co., Ltd.", "VN", "seafood",
                     "shrimp_farm", ["shrimp"])]
feeds = many("feed", [("TH", 2)], "seafood", ["shrimp feed"])
fishmeal = many("fishmeal", [("TH", 2)], "seafood", ["fishmeal"])

connect(VF, processors, 2, 4)
connect(VF, LOG_US, 1, 1, prob=0.5)
shrimp_procs = [p for p in processors if "shrimp" in p["goods"]]
fish_procs = [p for p in processors if "fish" in p["goods"]]
connect([p for p in shrimp_procs if p["cc"] == "TH"], peeling, 1, 2)
connect(shrimp_procs, shrimp_farms, 1, 2,
        aff=lambda b, s: 6.0 if b["cc"] == s["cc"] else 0.5)
connect(fish_procs, fleets, 1, 3)
connect(shrimp_farms, feeds, 1, 1)
connect(feeds, fishmeal, 1, 2)
connect(fishmeal, [f for f in fleets if f["cc"] == "TH"], 1, 2)
ensure(processors, VF)
ensure(peeling, [p for p in shrimp_procs if p["cc"] == "TH"])
ensure(fleets, fish_procs)
ensure(shrimp_farms, shrimp_procs)
ensure(feeds, shrimp_farms)
ensure(fishmeal, feeds)

# ======================================================================================
# GLOVES: medical distributor -> glove maker -> latex / nitrile supplier -> plantation
# ======================================================================================
glovemakers = many("glovemaker", [("MY", 5), ("TH", 2), ("VN", 1)], "gloves",
                   ["rubber gloves"])
glovemakers += many("glovemaker", [("CN", 1)], "gloves", ["gloves"])
glove_pack = many("packaging", [("MY", 1)], "gloves", ["packaging"])
latex = many("latex", [("MY", 3), ("TH", 2)], "gloves", ["rubber"])
nbr = many("nbr", [("MY", 1), ("CN", 1)], "gloves", ["nitrile butadiene rubber"])
nbr.append(rec("Yeosu Synthetic Rubber Co., Ltd.", "KR", "gloves", "nbr",
               ["nitrile butadiene rubber"], region="Jeollanam-do"))
plantations = (many("plantation", [("MY", 3)], "gloves",
                    lambda cc: ["rubber", "palm fruit"] if rng.random() < 0.6 else ["rubber"])
               + many("plantation", [("TH", 3)], "gloves", ["rubber"])
               + many("plantation", [("LR", 2)], "gloves", ["rubber"])
               + many("plantation", [("ID", 1)], "gloves", ["rubber", "palm fruit"]))

connect(VG, glovemakers, 2, 4)
connect(VG, LOG_US, 1, 1, prob=0.5)
connect(glovemakers, latex + nbr, 1, 3)
connect(glovemakers, glove_pack + [LOG_ASIA[1]], 1, 1, prob=0.5)
connect(latex, plantations, 1, 3, aff=lambda b, s: 4.0 if b["cc"] == s["cc"] else 1.0,
        good="rubber")
ensure(glovemakers, VG)
ensure(latex + nbr + glove_pack, glovemakers)
ensure(plantations, latex, aff=lambda b, s: 4.0 if b["cc"] == s["cc"] else 1.0)

# ======================================================================================
# CLEAN DOMESTIC: US manufacturers/services with US/CA/DE/JP supply chains
# ======================================================================================
def crec(name, cc, goods, region=""):
    return rec(name, cc, "clean", "clean", goods, region=region)


c_lumber = crec("Allegheny Hardwood Lumber Co.", "US", ["hardwood lumber"], "Pennsylvania")
c_tube = crec("Ohio Valley Steel Tube Inc.", "US", ["steel tubing"], "Ohio")
c_fast = crec("Midwest Fastener Supply LLC", "US", ["fasteners"])
c_pack = crec("Prairie Paperboard Packaging Inc.", "US", ["packaging"], "Iowa")
c_chem = crec("Great Basin Cleaning Chemicals LLC", "US", ["cleaning chemicals"], "Nevada")
c_finish = crec("Piedmont Finishes Inc.", "US", ["wood finishes"], "North Carolina")
c_lumber_ca = crec("Laurentian Hardwoods Ltd.", "CA", ["hardwood lumber"], "Quebec")
c_alu_ca = crec("Fraser Valley Aluminum Extrusions Inc.", "CA", ["aluminium extrusions"],
                "British Columbia")
c_mess = crec("Rheinland Messtechnik GmbH", "DE", ["measuring instruments"])
c_optic = crec("Saale Präzisionsoptik GmbH", "DE", ["optical components"], "Thüringen")
c_sensor = crec("Hokuriku Precision Instruments Co., Ltd.", "JP", ["sensors"], "Ishikawa")
c_glass = crec("Nagano Optical Glass Co., Ltd.", "JP", ["optical glass"])
c_logs = crec("Appalachian Timberlands LLC", "US", ["hardwood logs"], "West Virginia")
c_coil = crec("Mon Valley Steel Coil Corp.", "US", ["steel coil"])
c_billet = crec("Lake Erie Aluminum Billet Inc.", "US", ["aluminium billet"], "Ohio")
c_board = crec("Tri-State Corrugated Inc.", "US", ["containerboard"])
c_saw_ca = crec("Quebec Northern Sawmills Ltd.", "CA", ["hardwood logs"])
c_steel_ca = crec("Ontario Specialty Steel Inc.", "CA", ["steel coil"], "Ontario")
c_gl_de = crec("Thüringer Glaswerk GmbH", "DE", ["optical glass"])
c_silica = crec("Shinshu Silica Materials Co., Ltd.", "JP", ["high-purity silica"], "Nagano")
clean_t2 = [c_lumber, c_tube, c_fast, c_pack, c_chem, c_finish, c_lumber_ca, c_alu_ca,
            c_mess, c_optic, c_sensor, c_glass]
ozark, glp, cascade, heartland, mesa = VC
for b, sups in [(ozark, [c_lumber, c_lumber_ca, c_finish, c_fast, c_pack, LOG_US[0]]),
                (glp, [c_tube, c_alu_ca, c_fast, LOG_US[0]]),
                (cascade, [c_optic, c_glass, c_sensor]),
                (heartland, [c_mess, c_sensor, c_pack, LOG_US[1]]),
                (mesa, [c_chem, c_pack]),
                (c_lumber, [c_logs, c_saw_ca]), (c_lumber_ca, [c_saw_ca]),
                (c_tube, [c_coil, c_steel_ca]), (c_fast, [c_coil]),
                (c_alu_ca, [c_billet]), (c_pack, [c_board]),
                (c_optic, [c_gl_de]), (c_glass, [c_silica]), (c_mess, [c_gl_de])]:
    for s in sups:
        link(b, s)

ensure(LOG_US, [v for v in US_VENDORS if v["chain"] != "clean"])
ensure(LOG_ASIA, cutsew + cms + glovemakers + processors)

# ======================================================================================
# Deliberate edge cases in links
# ======================================================================================
# self link: a Thai shrimp processor listed as its own supplier
self_buyer = next(p for p in processors if p["cc"] == "TH" and "shrimp" in p["goods"])
link(self_buyer, self_buyer, good="shrimp", tag="self", force=True)
# duplicate link: a Bangladeshi cut-and-sew factory and its first fabric mill, twice
dup_buyer = next(c for c in cutsew if c["cc"] == "BD"
                 and sum(1 for l in LINKS if l["buyer"] is c) >= 2)
dup_of = next(l for l in LINKS if l["buyer"] is dup_buyer)
link(dup_buyer, dup_of["supplier"], good=dup_of["good"], tag="duplicate", force=True)
# shares above 1: the first Chinese (non-Xinjiang) fabric mill with >= 3 suppliers
over_buyer = next(m for m in mills if m["cc"] == "CN" and not m["xj"]
                  and sum(1 for l in LINKS if l["buyer"] is m) >= 3)

# ======================================================================================
# Analyst overrides
# ======================================================================================
def first(pool, pred=lambda s: True):
    return next(s for s in pool if pred(s) and not s["risk"])


OVERRIDES = [
    (first(spinners, lambda s: s["xj"] and not s["real"]), "1.0",
     "Audit 2025-03: passports withheld at spinning mill"),
    (first(mgsi, lambda s: s["xj"] and not s["real"]), "0.95",
     "Supplier disclosed workers placed through a state labour-transfer programme (2024)"),
    (first(peeling), "0.9",
     "NGO report 2024-11: debt bondage of migrant workers at peeling shed"),
    (first(co_mines), "0.85",
     "Site visit 2025-02: children observed at artisanal cobalt pits"),
    (first(glovemakers, lambda s: s["cc"] == "MY"), "0.8",
     "Audit 2024-11: recruitment fees of 4-6 months' wages charged to migrant workers"),
    (first(fleets, lambda s: s["cc"] == "TH"), "0.75",
     "Crew interviews 2025-05: crew kept at sea over 12 months, wages withheld"),
    (first(sn_mines, lambda s: s["cc"] == "ID"), "0.7",
     "Informal miners, no traceability; child labour reported by NGO 2024"),
    (first(spinners, lambda s: s["cc"] == "IN"), "0.3",
     "Self-assessment questionnaire only; on-site audit scheduled 2026"),
    (first(cutsew, lambda s: s["cc"] == "BD"), "0.2",
     "Remediation verified 2025-06 (excessive overtime corrected)"),
    (first(cells, lambda s: s["cc"] == "MY"), "0.1",
     "SMETA 4-pillar audit 2025-04, no non-conformities"),
    (first(cutsew, lambda s: s["cc"] == "VN"), "0.05", "Third-party audit clean, 2025"),
    (poly_de, "0.0", "Traceable to Norwegian metallurgical silicon; audited 2025"),
]
for s, risk, note in OVERRIDES:
    s["risk"], s["note"] = risk, note

# ======================================================================================
# Ids, country spellings, registry identifiers
# ======================================================================================
for i, v in enumerate(VENDORS, 1):
    v["id"] = f"V{i:03d}"
upstream = [s for s in ALL if not s["vendor"]]
rng.shuffle(upstream)
for i, s in enumerate(upstream, 1):
    s["id"] = f"S{i:04d}"
ORDERED = VENDORS + upstream

for s in ORDERED:
    s["country"] = country_form(s["cc"])

UEI_FIRST = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789"
UEI_REST = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
USED_IDS: dict[str, bool] = {}


def fresh(gen):
    while True:
        v = gen()
        if v not in USED_IDS:
            USED_IDS[v] = True
            return v


def gen_uei():
    return rng.choice(UEI_FIRST) + "".join(rng.choice(UEI_REST) for _ in range(11))


def gen_lei():
    body = rng.choice(["5493", "2549", "9845", "8945", "3157", "7245"]) + "00" + \
        "".join(rng.choice(ALNUM) for _ in range(12))
    num = int("".join(str(int(c, 36)) for c in body) + "00")
    return body + f"{98 - num % 97:02d}"   # ISO 17442 / ISO 7064 MOD 97-10 check digits


def gen_duns():
    return f"{rng.randint(0, 999_999_999):09d}"


BIG_KINDS = {"cell", "wafer", "poly", "cm", "battery", "glovemaker", "processor", "mill",
             "tin_smelter", "co_refiner", "cathode", "clean"}
for s in ORDERED:
    if s["real"]:
        continue
    if s["vendor"]:
        p_uei, p_lei, p_duns = (1.0, 0.35, 0.5) if s["cc"] == "US" else (0.6, 0.5, 0.3)
    else:
        p_uei = 0.4 if s["cc"] == "US" else 0.06 if s["kind"] in BIG_KINDS else 0.0
        p_lei = 0.35 if s["kind"] in BIG_KINDS else 0.08
        p_duns = 0.25
    if rng.random() < p_uei:
        s["uei"] = fresh(gen_uei)
    if rng.random() < p_lei:
        s["lei"] = fresh(gen_lei)
    if rng.random() < p_duns:
        s["duns"] = fresh(gen_duns)

# ======================================================================================
# Shares
# ======================================================================================
ORDER = {s["name"]: i for i, s in enumerate(ORDERED)}
by_buyer: dict[str, list] = {}
for l in LINKS:
    by_buyer.setdefault(l["buyer"]["name"], []).append(l)
buyers_sorted = sorted(by_buyer, key=lambda n: ORDER[n])

special = [l for l in LINKS if l["tag"]]
eligible = [i for i, l in enumerate(LINKS)
            if not l["tag"] and l["buyer"] is not over_buyer
            and not (l["buyer"] is dup_buyer and l["supplier"] is dup_of["supplier"])]
n_blank = round(0.15 * len(LINKS))
for i in rng.sample(eligible, n_blank):
    LINKS[i]["blank"] = True


def fmt_share(x):
    s = f"{x:.4f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


for bname in buyers_sorted:
    ls = by_buyer[bname]
    total = 1.2 if ls[0]["buyer"] is over_buyer else round(rng.uniform(0.6, 1.0), 4)
    if len(ls) == 1 and rng.random() < 0.5 and ls[0]["buyer"] is not over_buyer:
        total = 1.0
    weights = [l["weight"] if l["weight"] is not None else rng.uniform(0.15, 1.0) for l in ls]
    # scrap/recycled links get a small fixed fraction of the buyer's sourcing
    fixed = sum(w for l, w in zip(ls, weights) if l["weight"] is not None)
    free = sum(w for l, w in zip(ls, weights) if l["weight"] is None)
    shares = []
    for l, w in zip(ls, weights):
        if l["weight"] is not None:
            shares.append(w)
        else:
            shares.append((total - fixed) * w / free if free else 0.0)
    shares = [math.floor(x * 10000) / 10000 for x in shares]
    shares[-1] = round(total - sum(shares[:-1]), 4)
    for l, x in zip(ls, shares):
        l["share"] = "" if l.get("blank") else fmt_share(x)

# ======================================================================================
# Contracts
# ======================================================================================
ITEMS = {
    # apparel
    "tee": ("8420", "315210", "Men's cotton T-shirts, sand color"),
    "undershirt": ("8420", "315250", "Undershirts, cotton, coyote brown, crew neck"),
    "acu": ("8415", "315250", "Army Combat Uniform trousers, OCP pattern, nylon/cotton"),
    "frcover": ("8415", "315210", "Flame resistant coveralls, cotton, navy blue"),
    "dressshirt": ("8405", "315250", "Men's dress shirts, long sleeve, white, cotton blend"),
    "blouse": ("8410", "315250", "Women's utility uniform blouse, cotton poplin"),
    "fleece": ("8415", "315210", "Fleece jackets, cold weather, black"),
    "socks": ("8440", "315120", "Cushion sole socks, cotton blend, black"),
    "scrubs": ("6532", "315250", "Surgical scrubs, cotton blend, ceil blue"),
    "jumpsuit": ("8405", "315210", "Detainee jumpsuits, cotton twill, orange"),
    "pt": ("8420", "315210", "Physical training T-shirts, cotton, gray"),
    # solar
    "mono400": ("6117", "334413", "Monocrystalline solar modules 400W for base microgrid"),
    "bifacial": ("6117", "334413", "Bifacial PV modules 550W, 144 half-cut cells"),
    "array": ("6117", "221114", "Ground-mount solar PV array 2.4 MW, supply and install"),
    "portable": ("6117", "334413", "Portable solar power kits for expeditionary units"),
    "rooftop": ("6117", "221114", "Rooftop solar PV system 350 kW, family housing"),
    "airfield": ("6117", "334413", "Replacement PV modules for airfield lighting"),
    # electronics
    "laptop": ("7021", "334111", "Rugged laptop computers, MIL-STD-810H"),
    "workstation": ("7021", "334111", "Desktop workstations, TAA compliant"),
    "storage": ("7025", "334111", "Ruggedized external storage drives, 4 TB"),
    "cca_radio": ("5998", "334418", "Printed circuit card assemblies, radio interface"),
    "cca_power": ("5998", "334418", "Circuit card assembly, power supply module"),
    "thin": ("7021", "334111", "Thin client computers for call center"),
    "scanner": ("7025", "334111", "Barcode scanners and handheld terminals"),
    "tablet": ("7021", "334111", "Rugged tablet computers with docking stations"),
    "battery": ("6140", "335911", "Rechargeable lithium-ion battery packs, 24V"),
    "battery2": ("6140", "335911", "Lithium-ion batteries for handheld radios"),
    # seafood
    "shrimp": ("8905", "311710", "Frozen shrimp, peeled and deveined, 31/40 count"),
    "tuna": ("8905", "311710", "Canned tuna, chunk light in water, 66.5 oz"),
    "breaded": ("8905", "424460", "Frozen breaded fish portions, 3 oz"),
    "pangasius": ("8905", "311710", "Frozen pangasius fillets, IQF"),
    "prime": ("8905", "424460", "Seafood for dining facilities, prime vendor delivery"),
    # gloves
    "nitrile": ("6515", "339113", "Nitrile examination gloves, powder free"),
    "nitrile_ext": ("6515", "339113", "Nitrile exam gloves, extended cuff, size L"),
    "latex_surg": ("6515", "326299", "Latex surgical gloves, sterile, size 7.5"),
    "butyl": ("8415", "326299", "Chemical protective gloves, butyl rubber"),
    "exam_pv": ("6515", "339113", "Examination gloves, nitrile, medical center supply"),
    # clean
    "furniture": ("7110", "337211", "Office furniture, hardwood desks and credenzas"),
    "machined": ("5340", "332710", "Machined aluminium brackets and fittings"),
    "optical": ("6650", "333314", "Optical instruments, laboratory microscopes"),
    "lab": ("6640", "334516", "Laboratory analytical instruments, gas chromatograph"),
    "custodial": ("S201", "561720", "Custodial services, federal building"),
    "progmgmt": ("R408", "541611", "Program management support services"),
    "landscape": ("S208", "561730", "Landscaping and grounds maintenance"),
}
AGENCIES = {
    "apparel": [("Defense Logistics Agency", 5), ("Department of the Army", 2),
                ("Department of the Navy", 1), ("Department of the Air Force", 1),
                ("Department of Homeland Security", 2), ("Department of Justice", 1),
                ("Department of Veterans Affairs", 1)],
    "solar": [("Department of the Army", 3), ("Department of the Navy", 2),
              ("Department of the Air Force", 2), ("General Services Administration", 1),
              ("Department of Energy", 1), ("Department of the Interior", 1)],
    "electronics": [("General Services Administration", 3),
                    ("Department of Homeland Security", 2), ("Department of the Army", 2),
                    ("Department of the Navy", 1), ("Department of Veterans Affairs", 1),
                    ("Defense Logistics Agency", 1), ("Department of Energy", 1)],
    "seafood": [("Defense Logistics Agency", 3), ("Department of Agriculture", 2),
                ("Department of Justice", 1), ("Department of Veterans Affairs", 1),
                ("Department of the Navy", 1)],
    "gloves": [("Department of Veterans Affairs", 3), ("Defense Logistics Agency", 2),
               ("Department of Health and Human Services", 2),
               ("Department of Homeland Security", 1)],
    "clean": [("General Services Administration", 3), ("Department of the Interior", 2),
              ("Department of Veterans Affairs", 1), ("Department of Energy", 1),
              ("Department of the Army", 1)],
}
AMOUNT_RANGE = {"apparel": (25_000, 6_000_000), "solar": (150_000, 9_000_000),
                "electronics": (40_000, 5_000_000), "seafood": (15_000, 1_500_000),
                "gloves": (20_000, 2_500_000), "clean": (15_000, 2_000_000)}
DLA_OFFICE = {"apparel": ["SPE1C1"], "gloves": ["SPE2DH", "SPE2D1"],
              "seafood": ["SPE300", "SPE3S1"], "electronics": ["SPE7M1", "SPE4A7"]}
USED_PIIDS: dict[str, bool] = {}


def piid(agency, chain, fy, amount):
    small = amount < 250_000
    typ = rng.choice(["P", "F"]) if small else rng.choice(["C", "D", "F"])
    yy = f"{fy % 100:02d}"

    def gen():
        if agency == "Defense Logistics Agency":
            return f"{rng.choice(DLA_OFFICE[chain])}-{yy}-{typ}-{rng.randint(1, 1999):04d}"
        if agency == "Department of the Army":
            off = rng.choice(["W911QY", "W912DY", "W91QUZ", "W52P1J", "W15QKN", "W9124J"])
            return f"{off}-{yy}-{typ}-{rng.randint(1, 1999):04d}"
        if agency == "Department of the Navy":
            off = rng.choice(["N00189", "N68335", "N00104", "N62583", "N39430"])
            return f"{off}-{yy}-{typ}-{rng.randint(1, 1999):04d}"
        if agency == "Department of the Air Force":
            off = rng.choice(["FA8501", "FA4890", "FA2550", "FA8650"])
            return f"{off}-{yy}-{typ}-{rng.randint(1, 1999):04d}"
        if agency == "General Services Administration":
            off = rng.choice(["47QSWA", "47QTCA", "47QSMD", "47QFCA"])
            tail = f"{rng.randint(0, 99):02d}" + rng.choice(ALNUM[:26]) + rng.choice(ALNUM[:26])
            return f"{off}{yy}{typ}{tail}"
        if agency == "Department of Veterans Affairs":
            off = rng.choice(["36C241", "36C246", "36C250", "36C262", "36C776", "36C10X"])
            return f"{off}{yy}{typ}{rng.randint(1, 1999):04d}"
        if agency == "Department of Homeland Security":
            off = rng.choice(["70B04C", "70CMSD", "70Z023", "70T030"])
            return f"{off}{yy}{typ}{rng.randint(1, 99999):08d}"
        if agency == "Department of Health and Human Services":
            off = rng.choice(["75H701", "75N910", "75D301"])
            return f"{off}{yy}{typ}{rng.randint(1, 99999):05d}"
        if agency == "Department of Agriculture":
            return f"123J14{yy}{typ}{rng.randint(1, 1999):04d}"
        if agency == "Department of Justice":
            off = rng.choice(["15BFA0", "15B31C", "15B10P"])
            return f"{off}{yy}{typ}{rng.randint(1, 99999):08d}"
        if agency == "Department of Energy":
            off = rng.choice(["893030", "892434", "897025"])
            return f"{off}{yy}{typ}{rng.randint(1, 99999):05d}"
        if agency == "Department of the Interior":
            off = rng.choice(["140P21", "140G01", "140L06", "140F07"])
            return f"{off}{yy}{typ}{rng.randint(1, 1999):04d}"
        raise KeyError(agency)

    return fresh_piid(gen)


def fresh_piid(gen):
    while True:
        v = gen()
        if v not in USED_PIIDS:
            USED_PIIDS[v] = True
            return v


START, END = dt.date(2024, 1, 1), dt.date(2026, 9, 30)
CUTOFF = dt.date(2025, 10, 1)
FOREIGN_BASES = {"solar": (0.25, ["KR", "JP", "DE", "DJ", "BH", "IT"]),
                 "electronics": (0.1, ["DE", "JP", "KR"])}
N_CONTRACTS = 100
UNKNOWN_VENDOR = "Pinnacle Uniform Sourcing Inc."
CHAIN_WEIGHT = {"apparel": 1.4, "solar": 1.0, "electronics": 1.2, "seafood": 0.8,
                "gloves": 0.9, "clean": 0.7}

counts = {v["id"]: 1 for v in VENDORS}
vw = [CHAIN_WEIGHT[v["chain"]] * rng.paretovariate(1.5) for v in VENDORS]
for _ in range(N_CONTRACTS - 1 - len(VENDORS)):
    v = weighted_sample(VENDORS, vw, 1)[0]
    counts[v["id"]] += 1
plan = [v for v in VENDORS for _ in range(counts[v["id"]])]
plan.append(None)   # the unknown vendor


def make_contract(v):
    chain = v["chain"] if v else "apparel"
    item = rng.choice(v["items"] if v else APPAREL_ITEMS)
    psc, naics, desc = ITEMS[item]
    agency = wchoice(AGENCIES[chain])
    if agency == "Defense Logistics Agency" and chain not in DLA_OFFICE:
        agency = "General Services Administration"
    lo, hi = AMOUNT_RANGE[chain]
    amount = round(math.exp(rng.uniform(math.log(lo), math.log(hi))), 2)
    date = START + dt.timedelta(days=rng.randint(0, (END - START).days))
    fy = date.year + 1 if date.month >= 10 else date.year
    pop = "US"
    if v and v["cc"] != "US" and rng.random() < 0.6:
        pop = v["cc"]
    elif chain in FOREIGN_BASES and rng.random() < FOREIGN_BASES[chain][0]:
        pop = rng.choice(FOREIGN_BASES[chain][1])
    return dict(contract_id=piid(agency, chain, fy, amount), vendor=v, agency=agency,
                amount=f"{amount:.2f}", currency="USD", place_of_performance=pop, psc=psc,
                naics=naics, description=desc, award_date=date.isoformat())


contracts = [make_contract(v) for v in plan]
known = [i for i, c in enumerate(contracts) if c["vendor"] is not None]
by_uei = rng.sample([i for i in known if contracts[i]["vendor"]["uei"]], 10)
by_name = rng.sample([i for i in known if i not in by_uei
                      and contracts[i]["vendor"]["cc"] == "US"], 5)
for i, c in enumerate(contracts):
    v = c["vendor"]
    if v is None:
        c.update(vendor_id="", vendor_uei="", vendor_name=UNKNOWN_VENDOR, mode="unknown")
    elif i in by_uei:
        c.update(vendor_id="", vendor_uei=v["uei"], vendor_name="", mode="uei")
    elif i in by_name:
        c.update(vendor_id="", vendor_uei="", vendor_name=v["name"], mode="name")
    else:
        c.update(vendor_id=v["id"], vendor_uei="", vendor_name=v["name"], mode="id")
contracts.sort(key=lambda c: (c["award_date"], c["contract_id"]))

# ======================================================================================
# Checks
# ======================================================================================
ids = [s["id"] for s in ORDERED]
assert len(ids) == len(set(ids))
assert len({s["name"] for s in ORDERED}) == len(ORDERED)
assert UNKNOWN_VENDOR not in USED_NAMES
assert len({c["contract_id"] for c in contracts}) == len(contracts)
idset = set(ids)
for l in LINKS:
    assert l["buyer"]["id"] in idset and l["supplier"]["id"] in idset
for s in ORDERED:
    for key in ("uei", "lei", "duns"):
        assert not s[key] or len(s[key]) == {"uei": 12, "lei": 20, "duns": 9}[key]

# ======================================================================================
# Output
# ======================================================================================
def csv_text(cols, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


sup_rows = [[s["id"], s["name"], s["country"], s["region"], ";".join(s["goods"]), s["uei"],
             s["lei"], s["duns"], s["risk"], s["note"]] for s in ORDERED]
link_rows_objs = [l for b in buyers_sorted for l in by_buyer[b]]
link_rows = [[l["buyer"]["id"], l["supplier"]["id"], l["share"], l["good"]]
             for l in link_rows_objs]
con_rows = [[c["contract_id"], c["vendor_id"], c["vendor_uei"], c["vendor_name"], c["agency"],
             c["amount"], c["currency"], c["place_of_performance"], c["psc"], c["naics"],
             c["description"], c["award_date"]] for c in contracts]

# ---- facts for the README ------------------------------------------------------------
BY_ID = {s["id"]: s for s in ORDERED}
adj: dict[str, list] = {}
for l in LINKS:
    if l["buyer"] is not l["supplier"]:
        adj.setdefault(l["buyer"]["id"], []).append(l["supplier"]["id"])
adj_acyclic: dict[str, list] = {}   # without the deliberate scrap link that closes the cycle
for l in LINKS:
    if l["buyer"] is not l["supplier"] and l["tag"] != "cycle":
        adj_acyclic.setdefault(l["buyer"]["id"], []).append(l["supplier"]["id"])
levels = [[v["id"] for v in VENDORS]]   # levels[0] = tier 1
for _ in range(7):
    nxt: dict[str, bool] = {}
    for n in levels[-1]:
        for m in adj.get(n, []):
            nxt[m] = True
    levels.append(list(nxt))
tiers_of: dict[str, list] = {}
for d, lvl in enumerate(levels[:6], 1):
    for n in lvl:
        tiers_of.setdefault(n, []).append(d)
min_tier = {n: t[0] for n, t in tiers_of.items()}
unreached = [s["id"] for s in upstream if s["id"] not in min_tier]
assert not unreached, unreached
multi_tier = sorted((n for n, t in tiers_of.items() if len(t) > 1), key=lambda n: n)

def longest_from(vid):
    """Deepest tier reachable from a vendor along a simple path (no node twice)."""
    best = 1
    stack = [(vid, 1, (vid,))]
    while stack:
        n, d, path = stack.pop()
        best = max(best, d)
        for m in adj_acyclic.get(n, []):
            if m not in path:
                stack.append((m, d + 1, path + (m,)))
    return best


HIGH = [s for s in ORDERED if (s["risk"] and float(s["risk"]) >= 0.7) or s["real"]]
high_ids = {s["id"] for s in HIGH}


def nearest_high(vid):
    """Tier (1 = vendor) of the nearest high-risk supplier, via BFS."""
    seen = {vid: 1}
    queue = [vid]
    while queue:
        n = queue.pop(0)
        if n in high_ids and n != vid:
            return seen[n]
        for m in adj.get(n, []):
            if m not in seen:
                seen[m] = seen[n] + 1
                queue.append(m)
    return None


line_of_link = {id(l): i + 2 for i, l in enumerate(link_rows_objs)}
line_of_con = {c["contract_id"]: i + 2 for i, c in enumerate(contracts)}


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |" for r in rows]
    return "\n".join(out)


CHAIN_LABEL = {"apparel": "Apparel", "solar": "Solar", "electronics": "Electronics",
               "seafood": "Seafood", "gloves": "Rubber gloves", "clean": "Clean domestic",
               "shared": "Shared logistics"}


def readme():
    L = []
    add = L.append
    n_links = len(link_rows)
    blanks = sum(1 for r in link_rows if r[2] == "")
    add("# flrisk demo data set")
    add("")
    add("Generated by `python3 scripts/make_demo.py` (standard library only, seed "
        f"`{SEED}`; running it twice gives byte-identical files). **Do not edit the files "
        "here by hand** — change the script and regenerate; this README is generated too, "
        "so the ids and line numbers below always match the CSV files.")
    add("")
    add("It is a made-up but plausible multi-tier supply network behind US federal "
        "contracts, built to show every feature of the tool on a small input: risk "
        "propagation over 4–6 tiers, analyst overrides, watch-list matching, and the "
        "importer's warnings.")
    add("")
    add("**Names and identifiers.** All company names are fictional, except the four "
        "UFLPA-listed names in the table below. All identifiers — supplier ids, UEIs, "
        "LEIs (they carry valid ISO 17442 check digits but are invented), DUNS numbers "
        "and contract ids (PIID-shaped) — are fictional; any match with a real "
        "registration is accidental.")
    add("")
    add("## Files")
    add("")
    add(md_table(["file", "data rows", "columns"], [
        ["suppliers.csv", len(sup_rows), ", ".join(SUPPLIER_COLS)],
        ["links.csv", n_links, ", ".join(LINK_COLS)],
        ["contracts.csv", len(con_rows), ", ".join(CONTRACT_COLS)]]))
    add("")
    add("UTF-8 without BOM, LF line endings, RFC 4180 quoting (fields with commas are "
        "quoted, e.g. `\"Co., Ltd.\"`). Line numbers below count the header as line 1. "
        "Some names carry non-ASCII letters (`Sächsische Reinstsilizium GmbH`, "
        "`Hợp tác xã Nuôi tôm Tân Thành`, `Coopérative …`). Some DUNS numbers start with "
        "`0` — read them as text.")
    add("")
    add("* `suppliers.csv` — one row per company. `V001`–"
        f"`V{len(VENDORS):03d}` are the **vendors** (tier 1, they hold the contracts); "
        f"`S0001`–`S{len(upstream):04d}` are upstream suppliers (ids are shuffled, they "
        "say nothing about tier or chain). `goods` is `;`-separated, lowercase, using the "
        "DOL TVPRA list's good names where the good is on that list (`cotton`, "
        "`garments`, `textiles`, `thread/yarn`, `polysilicon`, `photovoltaic wafers`, "
        "`photovoltaic ingots`, `solar cells`, `solar modules`, `electronics`, "
        "`lithium-ion batteries`, `cobalt ore (heterogenite)`, `tin ore (cassiterite)`, "
        "`tantalum ore (coltan)`, `tin`, `fish`, `shrimp`, `rubber`, `rubber gloves`, "
        "`gloves`, `palm fruit`) plus ordinary goods. `risk`/`risk_note` are blank except "
        "for the analyst overrides listed below.")
    add("* `links.csv` — `buyer_id` buys `good` from `supplier_id`; edges point upstream "
        "(vendor → tier 2 → tier 3 …). `share` is the fraction of the buyer's sourcing from "
        "that supplier, up to 4 decimals.")
    add("* `contracts.csv` — award records; the vendor is identified by `vendor_id` "
        "(most rows, with the name alongside), by `vendor_uei` only, or by `vendor_name` "
        "only. `amount` is USD with 2 decimals, `place_of_performance` an ISO alpha-2 "
        "code, `award_date` ISO 8601. PSC/NAICS codes are chosen to fit the goods; they "
        "are not taken from real awards.")
    add("")
    # ---- chains
    add("## Chains")
    add("")
    rows = []
    for ch in ["apparel", "solar", "electronics", "seafood", "gloves", "clean", "shared"]:
        members = [s for s in ORDERED if s["chain"] == ch]
        nv = sum(1 for s in members if s["vendor"])
        nu = len(members) - nv
        deepest = max(min_tier.get(s["id"], 1) for s in members)
        longest = max([longest_from(s["id"]) for s in members if s["vendor"]] or [0])
        nl = sum(1 for l in LINKS if l["buyer"]["chain"] == ch)
        nc = sum(1 for c in contracts if c["vendor"] and c["vendor"]["chain"] == ch)
        rows.append([CHAIN_LABEL[ch], nv, nu, nl, nc,
                     f"{deepest} / {longest}" if ch != "shared" else "–"])
    add(md_table(["chain", "vendors", "upstream suppliers", "links (as buyer)", "contracts",
                  "deepest tier: shortest path / longest path"], rows))
    add("")
    add("(Longest paths ignore the scrap link that closes the deliberate cycle.)")
    add("")
    add("* **Apparel** — US, Vietnamese and Bangladeshi garment vendors → cut-and-sew "
        "factories (VN, BD, KH, CN) and trims/packaging → fabric mills (CN incl. "
        "Xinjiang, IN, PK, BD, VN) → yarn spinners (CN incl. Xinjiang, IN, PK, VN, UZ) → "
        "cotton ginners (Xinjiang, UZ, TM, IN, PK, US) → cotton farms. Chinese knitting "
        "units and the VN/BD vendors buy yarn or fabric directly, so spinners "
        + ", ".join(sorted(f"`{x['id']}`" for x in spinners
                           if {3, 4} <= set(tiers_of[x["id"]])))
        + " sit at both tier 3 and tier 4.")
    add("* **Solar** — US/MY/VN module assemblers → cell makers (MY, VN, TH, CN) and "
        "frames/glass/junction boxes/backsheets → wafer/ingot makers (CN) → polysilicon "
        "(Xinjiang, other CN provinces, DE, US) → metallurgical-grade silicon (Xinjiang, "
        "Yunnan, NO). US assemblers also buy wafers directly; Chinese frame makers buy "
        "Xinjiang aluminium.")
    add("* **Electronics** — US integrators → contract manufacturers (CN, MX, VN, MY) → "
        "components (PCBs, Li-ion batteries, tantalum capacitors, connectors, solder, "
        "displays, housings, cables) → cathode makers / tin smelters / cobalt refiners / "
        "tantalum processors (CN, ID, MY) → mines (cobalt, tin and coltan in CD; tin in "
        "ID; coltan/tin in RW).")
    add("* **Seafood** — US distributors → processors (TH, VN, BD) → shrimp peeling "
        "sheds, fishing fleets (TH, ID), shrimp farms → feed mills → fishmeal plants → "
        "Thai fishing fleets again (fleets reached at both tier 3 and tier 6: "
        + ", ".join(sorted(f"`{x['id']}`" for x in fleets
                           if {3, 6} <= set(tiers_of[x["id"]]))) + ").")
    add("* **Rubber gloves** — US medical distributors → glove makers (MY, TH, VN, CN) → "
        "latex concentrate and nitrile (NBR) suppliers (MY, TH, CN, KR) → rubber "
        "plantations/smallholder cooperatives (MY, TH, LR, ID; some also sell palm fruit).")
    add("* **Clean domestic** — US furniture, machining, optics, laboratory and custodial "
        "vendors whose chains stay in US/CA/DE/JP, and three service vendors with **no "
        "known suppliers at all** (" + ", ".join(f"`{v['id']}` {v['name']}" for v in VN_)
        + ").")
    add("* **Shared logistics** — freight forwarders (US, SG, MY, CN) used by several "
        "chains; leaves of the graph.")
    add("")
    tier_counts = {}
    for n, t in min_tier.items():
        tier_counts[t] = tier_counts.get(t, 0) + 1
    add("Companies by shallowest tier at which they are reached: " + ", ".join(
        f"tier {t}: {tier_counts[t]}" for t in sorted(tier_counts)) + ". "
        f"{len(multi_tier)} suppliers are reached at more than one tier (counting paths up "
        "to tier 6). Popularity is deliberately uneven: a few spinners, cell makers and "
        "smelters sell to many buyers, most suppliers to one or two.")
    add("")
    # ---- edge cases
    add("## Rows that deliberately exercise warnings")
    add("")
    self_l = next(l for l in LINKS if l["tag"] == "self")
    dup_l = next(l for l in LINKS if l["tag"] == "duplicate")
    cyc_l = next(l for l in LINKS if l["tag"] == "cycle")
    over_ls = by_buyer[over_buyer["name"]]
    over_sum = sum(float(l["share"]) for l in over_ls)
    add(f"* **Duplicate link** — `links.csv` lines {line_of_link[id(dup_of)]} and "
        f"{line_of_link[id(dup_l)]}: `{dup_buyer['id']}` ({dup_buyer['name']}) → "
        f"`{dup_of['supplier']['id']}` ({dup_of['supplier']['name']}) twice.")
    add(f"* **Self link** — `links.csv` line {line_of_link[id(self_l)]}: "
        f"`{self_buyer['id']}` ({self_buyer['name']}) lists itself as supplier.")
    add(f"* **Shares above 1** — buyer `{over_buyer['id']}` ({over_buyer['name']}), "
        f"`links.csv` lines {min(line_of_link[id(l)] for l in over_ls)}–"
        f"{max(line_of_link[id(l)] for l in over_ls)}: its shares sum to "
        f"{over_sum:.4f}.")
    add(f"* **Blank shares** — {blanks} of {n_links} links "
        f"({100 * blanks / n_links:.0f} %) have an empty `share`; the tool splits the "
        "buyer's remaining share among them. All other buyers' given shares sum to at "
        "most 1 (mostly 0.6–1.0).")
    add(f"* **Cycle** — `{cyc_l['buyer']['id']}` ({cyc_l['buyer']['name']}, tin smelter) "
        f"buys `{cyc_l['good']}` from `{cyc_l['supplier']['id']}` "
        f"({cyc_l['supplier']['name']}, contract manufacturer) on `links.csv` line "
        f"{line_of_link[id(cyc_l)]}; that manufacturer buys solder from "
        f"`{cyc_solder['id']}` ({cyc_solder['name']}), which buys tin from the smelter: "
        f"`{cyc_cm['id']}` → `{cyc_solder['id']}` → `{cyc_smelter['id']}` → "
        f"`{cyc_cm['id']}`.")
    unk = next(c for c in contracts if c["mode"] == "unknown")
    add(f"* **Unknown vendor** — `contracts.csv` line {line_of_con[unk['contract_id']]} "
        f"(`{unk['contract_id']}`): vendor given by name only, `{UNKNOWN_VENDOR}`, which "
        "is not in `suppliers.csv`.")
    uei_c = [c for c in contracts if c["mode"] == "uei"]
    name_c = [c for c in contracts if c["mode"] == "name"]
    add(f"* **Vendor by UEI only** ({len(uei_c)} contracts, lines " + ", ".join(
        str(line_of_con[c["contract_id"]]) for c in uei_c) + ") and **by exact name "
        f"only** ({len(name_c)} contracts, lines " + ", ".join(
        str(line_of_con[c["contract_id"]]) for c in name_c) + "); all other contracts "
        "give `vendor_id`.")
    forms: dict[str, int] = {}
    for s in ORDERED:
        c = s["country"]
        kind = "alpha-2" if len(c) == 2 else "alpha-3" if len(c) == 3 and c.isupper() \
            else "name"
        forms[kind] = forms.get(kind, 0) + 1
    names_used = sorted({s["country"] for s in ORDERED if len(s["country"]) > 3})
    a3_used = sorted({s["country"] for s in ORDERED if len(s["country"]) == 3})
    add(f"* **Country spellings** — `suppliers.csv` mixes ISO alpha-2 ({forms.get('alpha-2', 0)}"
        f" rows), alpha-3 ({forms.get('alpha-3', 0)} rows: " + ", ".join(
        f"`{x}`" for x in a3_used) + f") and English names ({forms.get('name', 0)} rows: "
        + ", ".join(f"`{x}`" for x in names_used) + "). All are real countries.")
    xj_forms = sorted({s["region"] for s in ORDERED if s["xj"]})
    add("* **Region spellings** — Xinjiang appears as " + ", ".join(
        f"`{x}`" for x in xj_forms) + f" ({sum(1 for s in ORDERED if s['xj'])} suppliers); "
        "DRC mining areas as `Lualaba`, `Haut-Katanga`, `Katanga`, `North Kivu`, "
        "`South Kivu`, …; most non-Chinese rows leave `region` blank.")
    add("")
    # ---- overrides
    add("## Analyst overrides (`risk`, `risk_note`)")
    add("")
    add(md_table(["id", "name", "country", "risk", "note"],
                 [[s["id"], s["name"], s["country"], s["risk"], s["note"]]
                  for s in sorted((o[0] for o in OVERRIDES), key=lambda s: s["id"])]))
    add("")
    # ---- UFLPA
    add("## Real UFLPA Entity List names (watch-list matcher demo)")
    add("")
    add("Four deep-tier suppliers carry the names — exactly or in a slightly varied "
        "spelling — of real entities on the DHS UFLPA Entity List, so that a watch-list "
        "matcher has something to find. Their `risk` is left blank on purpose: the flag "
        "must come from the matcher. They have no UEI/LEI/DUNS; their links in this data "
        "set are invented and say nothing about the real companies' customers. Sections "
        "and dates are as given in `uflpa_entity_list_compiled.csv` of the project's "
        "reference material (some of its dates are inferred there; see that file's notes).")
    add("")
    add(md_table(["id", "name in suppliers.csv", "tier", "listed as", "section, date",
                  "variation"],
                 [[s["id"], s["name"], min_tier[s["id"]], UFLPA_USED[s["real"]]["listed"],
                   UFLPA_USED[s["real"]]["entries"], UFLPA_USED[s["real"]]["variant"]]
                  for s in sorted((s for s in ORDERED if s["real"]), key=lambda s: s["id"])]))
    add("")
    # ---- expectations
    add("## What the demo should show")
    add("")
    add("High-risk suppliers (override ≥ 0.7 or UFLPA-listed name): " + ", ".join(
        f"`{s['id']}`" for s in sorted(HIGH, key=lambda s: s["id"])) + ".")
    add("")
    rows = []
    for v in VENDORS:
        t = nearest_high(v["id"])
        nc = sum(1 for c in contracts if c["vendor"] is v)
        rows.append([v["id"], v["name"], CHAIN_LABEL[v["chain"]],
                     f"tier {t}" if t else "none", nc])
    add(md_table(["vendor", "name", "chain", "nearest high-risk supplier", "contracts"],
                 rows))
    add("")
    flagged = [v for v in VENDORS if nearest_high(v["id"])]
    n_flag_c = sum(1 for c in contracts if any(c["vendor"] is v for v in flagged))
    add(f"Vendors whose chains reach one of these suppliers within a few tiers "
        f"({len(flagged)} vendors, {n_flag_c} contracts) should come out flagged, the "
        "more strongly the closer and the larger the shares along the path; DOL "
        "list goods from listed countries (Chinese cotton, polysilicon and electronics, "
        "Congolese ores, Thai fish and shrimp, Malaysian rubber gloves, …) add risk even "
        "where no override exists. Suppliers located in Xinjiang (the `region` column) are "
        "hard flags of their own under the UFLPA presumption, so a vendor's nearest flagged "
        "tier in a report can be nearer than the column above, which counts only overrides "
        "and UFLPA-listed names. At the time of writing `flrisk score` flags 82 of the 100 "
        "contracts: the 79 above, two of `V028` (its Malaysian glove suppliers carry DOL-list "
        "exposure) and one of `V029` (low, FL-UNMAPPED: its declared shares cover only 35 % of "
        "its sourcing). The clean domestic vendors "
        + ", ".join(f"`{v['id']}`" for v in VC + VN_) + " should not be flagged; "
        "three of them have no known suppliers at all. Contracts awarded on or after "
        f"2025-10-01: {sum(1 for c in contracts if c['award_date'] >= CUTOFF.isoformat())}"
        f", before: {sum(1 for c in contracts if c['award_date'] < CUTOFF.isoformat())}.")
    add("")
    return "\n".join(L)


OUT.mkdir(parents=True, exist_ok=True)
FILES = {"suppliers.csv": csv_text(SUPPLIER_COLS, sup_rows),
         "links.csv": csv_text(LINK_COLS, link_rows),
         "contracts.csv": csv_text(CONTRACT_COLS, con_rows),
         "README.md": readme()}
for fname, text in FILES.items():
    with open(OUT / fname, "w", encoding="utf-8", newline="") as f:
        f.write(text)
print(f"wrote {OUT.relative_to(ROOT)}: {len(sup_rows)} suppliers "
      f"({len(VENDORS)} vendors), {len(link_rows)} links, {len(con_rows)} contracts")
