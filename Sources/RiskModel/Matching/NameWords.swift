/// The word lists behind company-name normalisation. Every list is lower case, accents folded,
/// and applies to single words after punctuation is removed. See docs/METHODOLOGY.md.
enum NameWords {
    /// Abbreviations, spelling variants and common transliterations, mapped to one form.
    static let variants: [String: String] = [
        // British / American spelling.
        "colour": "color", "colours": "color", "centre": "center", "fibre": "fiber", "fibres": "fiber",
        "aluminium": "aluminum", "jewellery": "jewelry", "organisation": "organization", "tyre": "tire", "tyres": "tire",
        // Transliterations.
        "uyghur": "uygur", "uighur": "uygur", "uigur": "uygur", "urumqi": "urumqi", "wulumuqi": "urumqi",
        "akesu": "aksu", "kashi": "kashgar", "hetian": "hotan", "khotan": "hotan", "kuerle": "korla", "tulufan": "turpan",
        "turfan": "turpan", "kelamayi": "karamay", "kuche": "kuqa", "lvzhou": "luzhou",
        // Business abbreviations.
        "comm": "communication", "comms": "communication", "commun": "communication", "grp": "group",
        "tech": "technology", "techn": "technology", "technol": "technology", "mfg": "manufacturing", "mfr": "manufacturing",
        "manufactory": "manufacturing", "manufacture": "manufacturing", "ind": "industry", "inds": "industry",
        "indus": "industry", "industrial": "industry", "industries": "industry", "intl": "international",
        "internat": "international", "dev": "development", "devt": "development", "eng": "engineering",
        "engg": "engineering", "equip": "equipment", "hldg": "holding", "hldgs": "holding", "holdings": "holding",
        "imp": "import", "exp": "export", "natl": "national", "prod": "product", "prods": "product", "svc": "service",
        "svcs": "service", "sys": "system", "tex": "textile", "mgmt": "management", "pharm": "pharmaceutical",
        "pharma": "pharmaceutical", "chem": "chemical", "sci": "science", "elec": "electric", "electr": "electric",
        "bros": "brother", "assoc": "association", "assn": "association", "mktg": "marketing", "dist": "distribution",
        "matl": "material", "matls": "material", "biotech": "biotechnology", "agri": "agriculture", "agricultural": "agriculture",
        // Romanised Chinese business words.
        "jituan": "group", "keji": "technology", "maoyi": "trading", "fangzhi": "textile", "shiye": "industry",
        "gongye": "industry", "jinchukou": "import export",
        // Plural-only forms the plural rule would not catch.
        "industrie": "industry",
    ]

    /// Legal forms and words that qualify the whole entity; removed from names.
    static let legalForms: Set<String> = [
        "co", "cos", "company", "companies", "ltd", "ltda", "limited", "inc", "incorporated", "corp", "corporation",
        "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "kgaa", "sa", "sas", "sarl", "srl", "spa", "bv", "nv",
        "oy", "oyj", "ab", "aps", "jsc", "ojsc", "pjsc", "cjsc", "ooo", "oao", "zao", "pt", "tbk", "sdn", "bhd",
        "pte", "pvt", "pty", "kk", "cv", "sro", "kft", "zrt", "tic", "sti", "as", "asa",
        "youxian", "gongsi", "youxiangongsi", "zeren", "gufen", "fengongsi",
        // "and subsidiaries", "and its affiliates", "branch office"
        "subsidiary", "subsidiarie", "affiliate", "its",
    ]

    /// Joining words that carry no identity.
    static let stopWords: Set<String> = ["and", "the", "of", "de", "du", "des", "la", "le", "del", "y", "und", "et", "for"]

    /// Words so common in company names that they do not identify one: business words, sectors,
    /// products and places (Chinese provinces and large cities, the Xinjiang place names of
    /// `presumption_regions.csv`). A name needs at least one word outside this list to be
    /// matched by name.
    static let generic: Set<String> = [
        // Business words.
        "trading", "trade", "trader", "industry", "group", "international", "holding", "development", "technology",
        "import", "export", "new", "global", "enterprise", "manufacturing", "product", "commerce", "commercial",
        "business", "service", "logistic", "investment", "management", "resource", "science", "system", "solution",
        "equipment", "engineering", "supply", "chain", "general", "national", "united", "factory", "plant", "mill",
        "center", "park", "economic", "corporate", "venture", "partner", "associate", "association", "brother",
        "communication", "information", "network", "digital", "smart", "modern", "creative", "advanced", "universal",
        "first", "great", "golden", "star", "sun", "east", "west", "western", "eastern", "north", "northern", "south",
        "southern", "central", "asia", "pacific", "overseas", "world", "worldwide", "sino", "china", "chinese",
        "import export", "marketing", "distribution", "agency", "office", "branch", "head", "warehousing", "storage",
        "transport", "shipping", "freight", "reserve", "library", "station", "operation", "project", "construction",
        // Sectors and products.
        "textile", "garment", "apparel", "clothing", "fashion", "cotton", "linen", "wool", "silk", "yarn", "thread",
        "spinning", "weaving", "knitting", "dyeing", "printing", "fabric", "fiber", "color", "shoe", "footwear",
        "food", "agriculture", "farm", "fruit", "vegetable", "tomato", "sugar", "seafood", "fishery", "aquatic",
        "energy", "power", "electric", "electronic", "solar", "photovoltaic", "silicon", "material", "metal",
        "nonferrous", "steel", "iron", "aluminum", "copper", "zinc", "gold", "mining", "mine", "coal", "chemical",
        "biotechnology", "biological", "pharmaceutical", "medical", "health", "machinery", "machine", "automation",
        "auto", "motor", "hair", "accessory", "plastic", "rubber", "glove", "paper", "packaging", "wood", "furniture",
        "toy", "battery", "semiconductor", "optoelectronic", "microelectronic", "software", "real", "estate",
        "agricultural", "cereal", "oil", "food additive", "ingredient", "herbal", "medicine", "mineral", "magnesium",
        // Chinese provinces, regions and large cities.
        "anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei",
        "heilongjiang", "henan", "hubei", "hunan", "jiangsu", "jiangxi", "jilin", "liaoning", "ningxia", "qinghai",
        "shaanxi", "shandong", "shanghai", "shanxi", "sichuan", "tianjin", "tibet", "xizang", "xinjiang", "yunnan",
        "zhejiang", "inner", "mongolia", "hong", "kong", "macau", "macao", "taiwan", "guangzhou", "shenzhen",
        "dongguan", "zhuhai", "hangzhou", "ningbo", "suzhou", "wuxi", "nanjing", "qingdao", "xiamen", "wuhan",
        "chengdu", "dalian", "shenyang", "harbin", "hefei", "changzhou", "jinan", "zhengzhou", "xian", "foshan",
        "kunshan", "changsha", "nantong", "shantou", "fuzhou", "wenzhou", "kunming", "nanning", "lanzhou", "yantai",
        "weifang", "baotou", "hohhot",
        // Xinjiang places (presumption_regions.csv), normalised as above.
        "xuar", "uygur", "autonomous", "region", "urumqi", "kashgar", "hotan", "aksu", "korla", "shihezi", "turpan",
        "hami", "kumul", "changji", "karamay", "yining", "ghulja", "ili", "yili", "shanshan", "bayingolin",
        "bayinguoleng", "kizilsu", "kezilesu", "bortala", "boertala", "altay", "aletai", "tacheng", "kuitun", "kuytun",
        "kuqa", "wujiaqu", "tumxuk", "alaer", "aral", "county", "city", "province", "prefecture",
    ]
}
