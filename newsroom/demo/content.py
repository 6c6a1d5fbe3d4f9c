"""The demo newsroom's content.

Facts about real productions come from public coverage; every sentence of prose is our own.
Quotes from real people are reported speech (the gist, in our words) unless marked direct,
and the one direct quote is a short phrase as it was reported. Shows, people and platforms
that do not exist are marked fictional in this file and carry no real names.
"""

import datetime

PLATFORMS = [
    {
        "slug": "netflix",
        "name": "Netflix",
        "kind": "streaming",
        "website": "https://www.netflix.com/",
    },
    {"slug": "warner-bros-pictures", "name": "Warner Bros. Pictures", "kind": "theatrical"},
    {"slug": "universal-pictures", "name": "Universal Pictures", "kind": "theatrical"},
    {"slug": "cinema-release", "name": "Cinema release", "kind": "theatrical"},
    # Fictional.
    {"slug": "lumen-plus", "name": "Lumen+", "kind": "streaming"},
    {"slug": "coastline-tv", "name": "Coastline TV", "kind": "network"},
]

COMPANIES = [
    "Riki Project",
    "YONG FILM",
    "Legendary Pictures",
    # Fictional.
    "Saltmarsh Pictures",
    "Studio Hoshizora",
    "Blue Hour Films",
]

GENRES = ["Romance", "Drama", "Comedy", "Action", "Science fiction", "Mystery", "Anime", "Thriller"]

COUNTRIES = [
    ("JP", "Japan"),
    ("KR", "South Korea"),
    ("FR", "France"),
    ("BE", "Belgium"),
    ("US", "United States"),
    ("GB", "United Kingdom"),
]

LANGUAGES = [
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("fr", "French"),
    ("en", "English"),
]

# slug: (name, native name, bio, birth date, known-for text)
PEOPLE = {
    "shun-oguri": (
        "Shun Oguri",
        "小栗旬",
        "Japanese actor with a long run of film and television leads at home, who reached "
        "international audiences as Ren Serizawa in Godzilla vs. Kong.",
        datetime.date(1982, 12, 26),
        "",
    ),
    "han-hyo-joo": (
        "Han Hyo-Joo",
        "한효주",
        "South Korean actress known for period drama, romance and action alike, from the "
        "historical series Dong Yi to the thriller Believer 2.",
        datetime.date(1987, 2, 22),
        "Dong Yi\nThe Beauty Inside\nW",
    ),
    "yuri-nakamura": (
        "Yuri Nakamura",
        "中村ゆり",
        "Japanese actress whose film work includes Hirokazu Kore-eda's family dramas and the "
        "disaster drama Fukushima 50.",
        None,
        "Like Father, Like Son\nFukushima 50\nAfter the Storm",
    ),
    "jin-akanishi": (
        "Jin Akanishi",
        "赤西仁",
        "Japanese singer and actor who played Chikara in the Hollywood samurai film 47 Ronin.",
        None,
        "",
    ),
    "sho-tsukikawa": (
        "Sho Tsukikawa",
        "月川翔",
        "Japanese film director with a string of youth romances behind him.",
        None,
        "",
    ),
    "kim-ji-hyun": ("Kim Ji Hyun", "", "South Korean screenwriter.", None, ""),
    "lim-seung-young": ("Lim Seung Young", "", "South Korean showrunner and producer.", None, ""),
    "kim-yong-eun": ("Kim Yong Eun", "", "Producer.", None, ""),
    "choi-gi-young": ("Choi Gi Young", "", "Producer.", None, ""),
    "kim-keum-sil": ("Kim-Keum Sil", "", "Producer.", None, ""),
    "takuro-nagai": ("Takuro Nagai", "", "Japanese producer.", None, ""),
    "mao-osaki": ("Mao Osaki", "", "Japanese producer.", None, ""),
    "jean-pierre-ameris": (
        "Jean-Pierre Améris",
        "",
        "French director and co-writer of Les Émotifs anonymes.",
        None,
        "",
    ),
    "benoit-poelvoorde": (
        "Benoît Poelvoorde",
        "",
        "Belgian actor, one of French-language cinema's best-known comic leads.",
        None,
        "",
    ),
    "isabelle-carre": ("Isabelle Carré", "", "French actress of stage and screen.", None, ""),
    "adam-wingard": ("Adam Wingard", "", "American director of Godzilla vs. Kong.", None, ""),
    "alexander-skarsgard": ("Alexander Skarsgård", "", "Swedish actor.", None, ""),
    "millie-bobby-brown": ("Millie Bobby Brown", "", "British actress.", None, ""),
    "rebecca-hall": ("Rebecca Hall", "", "British actress and director.", None, ""),
    "carl-rinsch": ("Carl Rinsch", "", "American director of 47 Ronin.", None, ""),
    "keanu-reeves": (
        "Keanu Reeves",
        "",
        "Canadian actor who led 47 Ronin.",
        datetime.date(1964, 9, 2),
        "The Matrix\nJohn Wick",
    ),
    "baek-jong-yeol": ("Baek Jong-yeol", "백종열", "South Korean director.", None, ""),
    "cho-jin-woong": ("Cho Jin-woong", "조진웅", "South Korean actor.", None, ""),
    "cha-seung-won": ("Cha Seung-won", "차승원", "South Korean actor.", None, ""),
    "bang-woo-ri": ("Bang Woo-ri", "방우리", "South Korean director.", None, ""),
    "kim-yoo-jung": ("Kim Yoo-jung", "김유정", "South Korean actress.", None, ""),
    "byeon-woo-seok": ("Byeon Woo-seok", "변우석", "South Korean actor.", None, ""),
    # Fictional people for the fictional shows below.
    "eleanor-vance": (
        "Eleanor Vance",
        "",
        "Fictional demo person: a British screenwriter and showrunner.",
        None,
        "",
    ),
    "tom-ashby": ("Tom Ashby", "", "Fictional demo person: a British actor.", None, ""),
    "priya-nair": ("Priya Nair", "", "Fictional demo person: a British actress.", None, ""),
    "hiroshi-kanda": (
        "Hiroshi Kanda",
        "神田浩",
        "Fictional demo person: a Japanese anime director.",
        None,
        "",
    ),
    "aiko-mori": (
        "Aiko Mori",
        "森愛子",
        "Fictional demo person: a Japanese voice actress.",
        None,
        "",
    ),
    "park-seo-yeon": (
        "Park Seo-yeon",
        "박서연",
        "Fictional demo person: a South Korean director.",
        None,
        "",
    ),
    "jung-min-ho": (
        "Jung Min-ho",
        "정민호",
        "Fictional demo person: a South Korean actor.",
        None,
        "",
    ),
    "clara-reyes": ("Clara Reyes", "", "Fictional demo person: an American director.", None, ""),
    "owen-hale": ("Owen Hale", "", "Fictional demo person: a British composer.", None, ""),
}

# Each show: its facts, status history (oldest first), other titles and credits.
SHOWS = [
    {
        "slug": "les-emotifs-anonymes",
        "title": "Les Émotifs anonymes",
        "kind": "film",
        "platform": "cinema-release",
        "countries": ["FR", "BE"],
        "languages": ["fr"],
        "genres": ["Romance", "Comedy"],
        "synopsis": (
            "Two painfully shy people, a chocolate-factory owner and a gifted chocolatier, "
            "fall for each other while doing everything they can to avoid saying so."
        ),
        "history": [("released", datetime.date(2010, 12, 22), "Released in French cinemas.")],
        "release": "2010",
        "other_titles": [("Romantics Anonymous", "alternate", None)],
        "credits": [
            ("jean-pierre-ameris", "director", "", "", 1),
            ("jean-pierre-ameris", "writer", "", "", 1),
            (
                "benoit-poelvoorde",
                "cast",
                "Jean-René",
                "The shy owner of a struggling chocolate factory.",
                1,
            ),
            (
                "isabelle-carre",
                "cast",
                "Angélique",
                "A chocolatier too anxious to take credit for her work.",
                2,
            ),
        ],
    },
    {
        "slug": "romantics-anonymous",
        "title": "Romantics Anonymous",
        "kind": "series",
        "platform": "netflix",
        "countries": ["JP", "KR"],
        "languages": ["ja", "ko"],
        "genres": ["Romance", "Drama"],
        "companies": ["Riki Project", "YONG FILM"],
        "based_on": "the 2010 French film Les Émotifs anonymes",
        "based_on_show": "les-emotifs-anonymes",
        "synopsis": (
            "Sosuke and Hana are brought together by a shared love of chocolate. Social anxiety "
            "shapes both their lives: he cannot bear to touch other people, and she cannot "
            "make eye contact. A Netflix original romance made as a Japanese-Korean "
            "collaboration, about ten years in development."
        ),
        "history": [
            (
                "filming",
                datetime.date(2024, 4, 6),
                "Netflix confirmed that filming had begun.",
            )
        ],
        "release": "2025",
        "release_note": "confirmed by Netflix",
        "other_titles": [
            ("ロマンティック・アノニマス", "original", "ja"),
            ("Romantic Anonymous", "misspelling", None),
        ],
        "credits": [
            ("sho-tsukikawa", "director", "", "", 1),
            ("kim-ji-hyun", "writer", "", "", 1),
            ("lim-seung-young", "showrunner", "", "", 1),
            ("kim-yong-eun", "producer", "", "", 1),
            ("choi-gi-young", "producer", "", "", 2),
            ("kim-keum-sil", "producer", "", "", 3),
            ("takuro-nagai", "producer", "", "", 4),
            ("mao-osaki", "producer", "", "", 5),
            (
                "shun-oguri",
                "cast",
                "Sosuke Fujiwara",
                "The germophobic son of a major confectionery magnate.",
                1,
            ),
            (
                "han-hyo-joo",
                "cast",
                "Hana Lee",
                "A gifted chocolatier who cannot make eye contact.",
                2,
            ),
            ("yuri-nakamura", "cast", "Irene", "", 3),
            ("jin-akanishi", "cast", "Hiro Takada", "", 4),
        ],
        "writer_detail": {"kim-ji-hyun": "screenplay"},
    },
    {
        "slug": "godzilla-vs-kong",
        "title": "Godzilla vs. Kong",
        "kind": "film",
        "platform": "warner-bros-pictures",
        "countries": ["US"],
        "languages": ["en"],
        "genres": ["Action", "Science fiction"],
        "companies": ["Legendary Pictures"],
        "synopsis": "The two giant monsters of the MonsterVerse finally meet in battle.",
        "history": [("released", datetime.date(2021, 3, 31), "Released in cinemas and streaming.")],
        "release": "March 2021",
        "credits": [
            ("adam-wingard", "director", "", "", 1),
            ("alexander-skarsgard", "cast", "Nathan Lind", "", 1),
            ("millie-bobby-brown", "cast", "Madison Russell", "", 2),
            ("rebecca-hall", "cast", "Ilene Andrews", "", 3),
            ("shun-oguri", "cast", "Ren Serizawa", "", 4),
        ],
    },
    {
        "slug": "47-ronin",
        "title": "47 Ronin",
        "kind": "film",
        "platform": "universal-pictures",
        "countries": ["US"],
        "languages": ["en"],
        "genres": ["Action"],
        "synopsis": "A fantasy retelling of the legend of the forty-seven masterless samurai.",
        "history": [("released", datetime.date(2013, 12, 25), "Released in US cinemas.")],
        "release": "2013",
        "credits": [
            ("carl-rinsch", "director", "", "", 1),
            ("keanu-reeves", "cast", "Kai", "", 1),
            ("jin-akanishi", "cast", "Chikara", "", 5),
        ],
    },
    {
        "slug": "believer-2",
        "title": "Believer 2",
        "kind": "film",
        "platform": "netflix",
        "countries": ["KR"],
        "languages": ["ko"],
        "genres": ["Action", "Thriller"],
        "synopsis": "The hunt for a drug lord's true identity continues in the sequel to Believer.",
        "history": [("released", datetime.date(2023, 11, 17), "Released on Netflix.")],
        "release": "2023",
        "credits": [
            ("baek-jong-yeol", "director", "", "", 1),
            ("cho-jin-woong", "cast", "", "", 1),
            ("cha-seung-won", "cast", "", "", 2),
            ("han-hyo-joo", "cast", "", "", 3),
        ],
    },
    {
        "slug": "20th-century-girl",
        "title": "20th Century Girl",
        "kind": "film",
        "platform": "netflix",
        "countries": ["KR"],
        "languages": ["ko"],
        "genres": ["Romance", "Drama"],
        "synopsis": "A high-school girl in 1999 keeps watch over a boy for her best friend.",
        "history": [("released", datetime.date(2022, 10, 21), "Released on Netflix.")],
        "release": "October 2022",
        "credits": [
            ("bang-woo-ri", "director", "", "", 1),
            ("kim-yoo-jung", "cast", "Na Bo-ra", "", 1),
            ("byeon-woo-seok", "cast", "Pung Woon-ho", "", 2),
            ("han-hyo-joo", "cast", "", "", 5),
        ],
    },
    # Fictional shows from here on.
    {
        "slug": "harbour-lights",
        "title": "Harbour Lights",
        "kind": "series",
        "platform": "lumen-plus",
        "countries": ["GB"],
        "languages": ["en"],
        "genres": ["Drama", "Mystery"],
        "companies": ["Saltmarsh Pictures"],
        "synopsis": (
            "Fictional demo show. A lighthouse keeper's daughter returns to a Norfolk harbour "
            "town to find the lamp relit after thirty dark years."
        ),
        "history": [
            ("announced", datetime.date(2026, 3, 2), "Lumen+ announced the series."),
            ("pre_production", datetime.date(2026, 9, 14), "Casting completed."),
        ],
        "release": "Autumn 2027",
        "credits": [
            ("eleanor-vance", "creator", "", "", 1),
            ("eleanor-vance", "showrunner", "", "", 1),
            ("owen-hale", "composer", "", "", 1),
            (
                "priya-nair",
                "cast",
                "Mara Quill",
                "The keeper's daughter, back after twenty years.",
                1,
            ),
            (
                "tom-ashby",
                "cast",
                "Sam Reddy",
                "The harbourmaster who wants the past left alone.",
                2,
            ),
        ],
    },
    {
        "slug": "the-glass-orchard",
        "title": "The Glass Orchard",
        "kind": "series",
        "platform": "coastline-tv",
        "countries": ["GB"],
        "languages": ["en"],
        "genres": ["Drama"],
        "companies": ["Blue Hour Films"],
        "synopsis": "Fictional demo show. Three sisters inherit a failing glasshouse nursery.",
        "history": [
            ("in_development", datetime.date(2026, 5, 2), "Coastline TV commissioned scripts.")
        ],
        "release": "",
        "credits": [("eleanor-vance", "writer", "", "", 1)],
    },
    {
        "slug": "kitsune-station",
        "title": "Kitsune Station",
        "kind": "series",
        "platform": "lumen-plus",
        "countries": ["JP"],
        "languages": ["ja"],
        "genres": ["Anime", "Comedy"],
        "companies": ["Studio Hoshizora"],
        "synopsis": (
            "Fictional demo show. A fox spirit runs the last stop on a rural railway line and "
            "grants one small wish to every passenger who misses the last train."
        ),
        "history": [
            ("released", datetime.date(2025, 4, 5), "Season one premiered."),
            ("renewed", datetime.date(2026, 10, 3), "Renewed for a second season."),
        ],
        "release": "Spring 2027",
        "release_note": "season two",
        "other_titles": [
            ("キツネステーション", "original", "ja"),
            ("Kitsune Eki", "working", None),
        ],
        "credits": [
            ("hiroshi-kanda", "director", "", "", 1),
            ("aiko-mori", "cast", "Kohaku", "The fox spirit who runs the station (voice).", 1),
        ],
    },
    {
        "slug": "night-market-detectives",
        "title": "Night Market Detectives",
        "kind": "series",
        "platform": "lumen-plus",
        "countries": ["KR"],
        "languages": ["ko"],
        "genres": ["Mystery", "Comedy"],
        "synopsis": "Fictional demo show. Two food-stall owners solve crimes between orders.",
        "history": [
            ("filming", datetime.date(2026, 2, 16), "Cameras rolled in Seoul."),
            ("post_production", datetime.date(2026, 8, 28), "Filming wrapped."),
        ],
        "release": "14 March 2027",
        "other_titles": [("야시장 탐정단", "original", "ko")],
        "credits": [
            ("park-seo-yeon", "director", "", "", 1),
            ("jung-min-ho", "cast", "Do Gyeom", "A retired detective who now sells tteokbokki.", 1),
        ],
    },
    {
        "slug": "signal-fire",
        "title": "Signal Fire",
        "kind": "film",
        "platform": "cinema-release",
        "countries": ["US"],
        "languages": ["en"],
        "genres": ["Science fiction", "Thriller"],
        "synopsis": "Fictional demo show. A deep-space crew answers a distress call from Earth.",
        "history": [("announced", datetime.date(2026, 7, 21), "Announced at a studio showcase.")],
        "release": "2028",
        "credits": [("clara-reyes", "director", "", "", 1), ("tom-ashby", "cast", "", "", 1)],
    },
    {
        "slug": "paper-lanterns",
        "title": "Paper Lanterns",
        "kind": "special",
        "platform": "coastline-tv",
        "countries": ["GB"],
        "languages": ["en"],
        "genres": ["Drama"],
        "synopsis": "Fictional demo show. A one-off festive drama set in a seaside care home.",
        "history": [
            ("announced", datetime.date(2025, 11, 3), "Commissioned as a festive special."),
            ("cancelled", datetime.date(2026, 2, 11), "Coastline TV dropped the special."),
        ],
        "release": "",
        "credits": [("priya-nair", "cast", "Nurse Bea", "", 1)],
    },
    {
        "slug": "orbit-of-two",
        "title": "Orbit of Two",
        "kind": "series",
        "platform": "",
        "countries": ["KR", "JP"],
        "languages": ["ko", "ja"],
        "genres": ["Romance", "Science fiction"],
        "synopsis": "Fictional demo show. Two astronauts from rival programmes share a capsule.",
        "history": [
            ("rumored", datetime.date(2026, 11, 2), "Reported by trade press; not confirmed.")
        ],
        "release": "",
        "credits": [],
    },
]

# person slug -> [(show slug, note)] for the tracked works a person is known for.
KNOWN_FOR = {
    "shun-oguri": [("godzilla-vs-kong", "as Ren Serizawa")],
    "han-hyo-joo": [("believer-2", ""), ("20th-century-girl", "")],
    "jin-akanishi": [("47-ronin", "as Chikara")],
}

AUTHORS = [
    {
        "slug": "jacob-robinson",
        "display_name": "Jacob Robinson",
        "username": "writer",
        "first_name": "Jacob",
        "last_name": "Robinson",
        "job_title": "Staff writer",
        "bio": (
            "Jacob has written for the site full-time since 2018. He covers everything on the "
            "streaming platforms and specialises in new anime and K-dramas."
        ),
        "beats": "anime, K-dramas, Netflix, streaming",
        "location": "Norwich, UK",
        "joined_year": 2018,
    },
    {
        "slug": "mei-tanaka",
        "display_name": "Mei Tanaka",
        "username": "editor",
        "first_name": "Mei",
        "last_name": "Tanaka",
        "job_title": "TV editor (fictional demo author)",
        "bio": "Mei runs the TV desk and the production tracker.",
        "beats": "TV production, casting, release dates",
        "location": "London, UK",
        "joined_year": 2016,
    },
    {
        "slug": "daniel-osei",
        "display_name": "Daniel Osei",
        "username": "",
        "job_title": "Film critic (fictional demo author)",
        "bio": "Daniel reviews new films and writes about the people who make them.",
        "beats": "film, reviews",
        "location": "Manchester, UK",
        "joined_year": 2021,
    },
]

# Demo accounts: (username, first, last, group, is_superuser). One shared demo password.
DEMO_PASSWORD = "newsroom-demo"  # noqa: S105 - demo content only, refused in production
ACCOUNTS = [
    ("writer", "Jacob", "Robinson", "Writers", False),
    ("editor", "Mei", "Tanaka", "Editors", False),
    ("moderator", "Sam", "Reed", "Comment moderators", False),
    ("admin", "Site", "Administrator", None, True),
]

# key: (initials, hue, caption, credit, alt text, event, place, date taken, people, shows)
PHOTOS = {
    "oguri-hammer-gala": (
        "SO",
        20,
        "Shun Oguri at the Hammer Museum Gala in the Garden in Westwood, California, on "
        "14 October 2017.",
        "Axelle/Bauer-Griffin/FilmMagic",
        "Shun Oguri in a dark suit at an evening garden gala.",
        "Hammer Museum Gala in the Garden",
        "Westwood, California",
        datetime.date(2017, 10, 14),
        ["shun-oguri"],
        [],
    ),
    "han-blood-free": (
        "HH",
        340,
        "Han Hyo-Joo at the press conference for the Disney+ series “Blood Free” at the "
        "Conrad Seoul on 8 April 2024.",
        "The Chosunilbo JNS/Imazins via Getty Images",
        "Han Hyo-Joo smiling on stage at a press conference.",
        "“Blood Free” press conference",
        "Conrad Seoul, Seoul",
        datetime.date(2024, 4, 8),
        ["han-hyo-joo"],
        [],
    ),
    "nakamura-tiff-2022": (
        "YN",
        200,
        "Yuri Nakamura at the 35th Tokyo International Film Festival at Hibiya Step Square "
        "on 24 October 2022.",
        "Jun Sato/WireImage",
        "Yuri Nakamura on the festival red carpet.",
        "Tokyo International Film Festival 2022",
        "Hibiya Step Square, Tokyo",
        datetime.date(2022, 10, 24),
        ["yuri-nakamura"],
        [],
    ),
    "akanishi-monkey-king": (
        "JA",
        260,
        "Jin Akanishi at the press conference for “The Legends of Monkey King” in Shanghai "
        "on 9 January 2017.",
        "Visual China Group via Getty Images",
        "Jin Akanishi speaking into a microphone at a press event.",
        "“The Legends of Monkey King” press conference",
        "Shanghai, China",
        datetime.date(2017, 1, 9),
        ["jin-akanishi"],
        [],
    ),
    "harbour-lights-set": (
        "HL",
        210,
        "Fictional demo photo: the harbour chosen for “Harbour Lights”, photographed during "
        "location scouting in September 2026.",
        "Demo Studio/Newsroom",
        "A small harbour at dusk with a white lighthouse.",
        "Location scouting",
        "Norfolk, England",
        datetime.date(2026, 9, 10),
        [],
        ["harbour-lights"],
    ),
    "kitsune-key-art": (
        "KS",
        30,
        "Fictional demo photo: key art for the second season of “Kitsune Station”.",
        "Studio Hoshizora (fictional)",
        "An illustrated fox in a station master's cap on an empty platform at night.",
        "",
        "",
        None,
        [],
        ["kitsune-station"],
    ),
    "night-market-wrap": (
        "NM",
        120,
        "Fictional demo photo: Jung Min-ho on the last day of filming “Night Market "
        "Detectives” in Seoul on 28 August 2026.",
        "Demo Studio/Newsroom",
        "An actor in an apron at a food stall lit by strings of bulbs.",
        "Wrap of filming",
        "Seoul, South Korea",
        datetime.date(2026, 8, 28),
        ["jung-min-ho"],
        ["night-market-detectives"],
    ),
}

ROMANTICS_ARTICLE = "romantics-anonymous-everything-we-know-so-far"

# Blocks: ("text", html) | ("photo", key, caption override) | ("quote", text, style, person
# slug or "", speaker text, context).
ARTICLES = [
    {
        "slug": ROMANTICS_ARTICLE,
        "headline": "Romantics Anonymous: Everything We Know So Far",
        "dek": (
            "Netflix's Japanese-Korean remake of a French romantic comedy pairs Shun Oguri and "
            "Han Hyo-Joo as two chocolate lovers who can barely face the world."
        ),
        "kind": "explainer",
        "status": "published",
        "publish_at": datetime.datetime(2024, 4, 9, 9, 0),
        "authors": ["jacob-robinson"],
        "hero": "han-blood-free",
        "shows": ["romantics-anonymous", "les-emotifs-anonymes"],
        "people": [
            "shun-oguri",
            "han-hyo-joo",
            "yuri-nakamura",
            "jin-akanishi",
            "sho-tsukikawa",
            "lim-seung-young",
        ],
        "tags": ["Netflix", "K-drama", "J-drama", "Remakes"],
        "blocks": [
            (
                "text",
                "<p>Netflix has started filming <em>Romantics Anonymous</em>, an original "
                "romance series that brings together talent from Japan and South Korea. It "
                "adapts <em>Les Émotifs anonymes</em>, the 2010 French film about two shy "
                "people who find each other through chocolate, and it has been about ten years "
                "in the making. Here is everything that has been confirmed so far.</p>",
            ),
            (
                "text",
                "<h2>What is Romantics Anonymous about?</h2>"
                "<p>Sosuke and Hana meet through a love of chocolate that they share. Both live "
                "with social anxiety: he cannot bear to touch other people, and she cannot look "
                "anyone in the eye. Sosuke is the germophobic son of the head of a major "
                "confectionery company; Hana is the chocolatier whose work draws him in.</p>",
            ),
            (
                "text",
                "<h2>Who is in the cast?</h2>"
                "<p>Shun Oguri, known to international audiences as Ren Serizawa in "
                "<em>Godzilla vs. Kong</em>, plays Sosuke Fujiwara. Han Hyo-Joo, whose credits "
                "include <em>Believer 2</em>, <em>20th Century Girl</em>, <em>Dong Yi</em>, "
                "<em>The Beauty Inside</em> and <em>W</em>, plays Hana Lee. Yuri Nakamura "
                "(<em>Like Father, Like Son</em>, <em>Fukushima 50</em>, <em>After the "
                "Storm</em>) plays Irene, and Jin Akanishi, who appeared in <em>47 Ronin</em> "
                "(2013), plays Hiro Takada.</p>",
            ),
            ("photo", "oguri-hammer-gala", ""),
            ("photo", "nakamura-tiff-2022", ""),
            ("photo", "akanishi-monkey-king", ""),
            (
                "text",
                "<h2>Who is making it?</h2>"
                "<p>Sho Tsukikawa directs from a screenplay by Kim Ji Hyun, with Lim Seung Young "
                "as showrunner. The producers are Kim Yong Eun, Choi Gi Young, Kim-Keum Sil, "
                "Takuro Nagai and Mao Osaki, and the production companies are Riki Project and "
                "YONG FILM.</p>",
            ),
            ("text", "<h2>What the team said as filming began</h2>"),
            (
                "quote",
                "The Japanese and Korean crews talk through every single shot together, "
                "arguing it out until they land on what works best.",
                "reported",
                "sho-tsukikawa",
                "",
                "describing the shoot as production began",
            ),
            (
                "quote",
                "After some ten years in development, the project is finally coming to life "
                "through a Korean writer, a Japanese director and actors from both countries.",
                "reported",
                "lim-seung-young",
                "",
                "on the start of production",
            ),
            (
                "quote",
                "Making the series across two languages and two cultures is a new "
                "experience for him, and one he is relishing.",
                "reported",
                "shun-oguri",
                "",
                "speaking about the series as filming began",
            ),
            (
                "quote",
                "Working with a crew that spans two languages and two cultures is new for "
                "her, and she is enjoying finding a shared way of working.",
                "reported",
                "han-hyo-joo",
                "",
                "speaking about the series as filming began",
            ),
            (
                "quote",
                "마지막 마지막까지 화이팅! (Let's do our best until the very, very end!)",
                "direct",
                "han-hyo-joo",
                "",
                "in a note she wrote for the crew",
            ),
            (
                "quote",
                "Filming in two languages, with colleagues from two cultures, is unlike "
                "anything she has worked on before.",
                "reported",
                "yuri-nakamura",
                "",
                "speaking about the series as filming began",
            ),
            (
                "quote",
                "Sharing a set across two languages and two cultures is a challenge the whole "
                "cast and crew are taking on together.",
                "reported",
                "jin-akanishi",
                "",
                "speaking about the series as filming began",
            ),
            (
                "text",
                "<h2>When is the release date?</h2>"
                "<p>Netflix has confirmed that <em>Romantics Anonymous</em> will arrive in 2025. "
                "No exact date has been announced yet; we will update this page when it is.</p>"
                "<p><strong>Are you looking forward to the series? Tell us in the comments "
                "below.</strong></p>",
            ),
        ],
        "comments": [
            (
                "Aoi",
                "aoi@example.com",
                "approved",
                "I loved the French film, so I'm curious how they handle the chocolate factory "
                "setting in Tokyo.",
            ),
            (
                "Min-ji",
                "minji@example.com",
                "approved",
                "Han Hyo-Joo in a romance again! W is still one of my favourite dramas.",
            ),
            (
                "Tom from Leeds",
                "tom.leeds@example.com",
                "approved",
                "Shun Oguri was the best thing in Godzilla vs. Kong. Glad to see him lead "
                "something gentler.",
            ),
            (
                "Rin",
                "rin@example.com",
                "held",
                "Does anyone know if it will be subtitled or dubbed in the UK?",
            ),
            (
                "Sam",
                "sam@example.com",
                "approved",
                "Same! Netflix usually offers both, so I'll watch it subtitled first.",
                1,
            ),
            (
                "Aoi",
                "aoi@example.com",
                "approved",
                "Subtitled for me too.\nThe original's shop scenes were half the charm.",
                5,
            ),
        ],
        "comments_kept_open": True,
    },
    {
        "slug": "han-hyo-joo-best-roles",
        "headline": "Han Hyo-Joo's best roles, from Dong Yi to Believer 2",
        "dek": "Before she makes chocolate with Shun Oguri, catch up on the roles that made her.",
        "kind": "list",
        "status": "published",
        "publish_at": datetime.datetime(2024, 4, 20, 12, 0),
        "authors": ["jacob-robinson"],
        "hero": "han-blood-free",
        "shows": ["believer-2", "20th-century-girl", "romantics-anonymous"],
        "people": ["han-hyo-joo"],
        "tags": ["K-drama", "Lists"],
        "blocks": [
            (
                "text",
                "<p>Han Hyo-Joo has moved between historical epics, fantasy romance and "
                "hard-edged thrillers. These are the places to start.</p>"
                "<h2>1. Dong Yi</h2><p>The long-running historical drama that made her a "
                "household name in Korea.</p>"
                "<h2>2. W</h2><p>A romance that crosses between a webtoon and the real world.</p>"
                "<h2>3. The Beauty Inside</h2><p>A film about a man who wakes up in a different "
                "body every day, and the woman who loves him anyway.</p>"
                "<h2>4. 20th Century Girl</h2><p>A small but memorable part in Netflix's "
                "nostalgic first-love story.</p>"
                "<h2>5. Believer 2</h2><p>A complete change of pace: a crime thriller sequel.</p>",
            ),
        ],
    },
    {
        "slug": "shun-oguri-from-godzilla-to-romance",
        "headline": "Shun Oguri swaps monsters for chocolate",
        "dek": "After Godzilla vs. Kong, the Japanese star takes a quieter lead for Netflix.",
        "kind": "feature",
        "status": "published",
        "publish_at": datetime.datetime(2024, 5, 2, 8, 30),
        "authors": ["daniel-osei"],
        "hero": "oguri-hammer-gala",
        "shows": ["romantics-anonymous", "godzilla-vs-kong"],
        "people": ["shun-oguri"],
        "tags": ["Netflix", "J-drama", "Profiles"],
        "blocks": [
            (
                "text",
                "<p>For many viewers outside Japan, Shun Oguri is the man who stood "
                "beside a mechanical monster in <em>Godzilla vs. Kong</em>. At home he has been a "
                "leading man for two decades, and <em>Romantics Anonymous</em> gives him a role "
                "built on restraint rather than spectacle.</p>"
                "<p>Playing a man who cannot bear to be touched asks for a performance made of "
                "small gestures. It is the kind of part that rewards patience.</p>",
            ),
            ("photo", "oguri-hammer-gala", ""),
        ],
    },
    {
        "slug": "godzilla-vs-kong-review",
        "headline": "Godzilla vs. Kong review: the title fight delivers",
        "dek": "Two monsters, one rematch, and a film that knows exactly what it is.",
        "kind": "review",
        "status": "published",
        "publish_at": datetime.datetime(2021, 4, 1, 18, 0),
        "authors": ["daniel-osei"],
        "hero": None,
        "shows": ["godzilla-vs-kong"],
        "people": ["adam-wingard", "shun-oguri", "rebecca-hall"],
        "tags": ["Reviews", "Blockbusters"],
        "blocks": [
            (
                "text",
                "<p>Adam Wingard's entry in the MonsterVerse spends its energy where "
                "the audience wants it: on the fights. The human story is thin, but the "
                "set pieces are staged with real clarity, and Hong Kong at night has rarely "
                "looked better.</p><p>Verdict: a loud, generous blockbuster that earns its "
                "running time.</p>",
            ),
        ],
    },
    {
        "slug": "harbour-lights-pre-production",
        "headline": "Harbour Lights moves into pre-production with its cast set",
        "dek": "Fictional demo story: Lumen+'s coastal mystery has its leads and a 2027 window.",
        "kind": "news",
        "status": "published",
        "publish_at": datetime.datetime(2026, 9, 15, 7, 0),
        "authors": ["mei-tanaka"],
        "hero": "harbour-lights-set",
        "shows": ["harbour-lights"],
        "people": ["priya-nair", "tom-ashby", "eleanor-vance"],
        "tags": ["Casting", "Production updates"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. Priya Nair and Tom Ashby lead "
                "<em>Harbour Lights</em>, the Norfolk-set mystery from Eleanor Vance. The series "
                "has entered pre-production ahead of an autumn 2027 release.</p>",
            ),
            (
                "quote",
                "The harbour is the third lead of the show, and we found the right one.",
                "direct",
                "eleanor-vance",
                "",
                "in the fictional demo announcement",
            ),
        ],
    },
    {
        "slug": "kitsune-station-renewed",
        "headline": "Kitsune Station renewed for a second season",
        "dek": "Fictional demo story: the fox spirit's railway stop reopens in spring 2027.",
        "kind": "news",
        "status": "published",
        "publish_at": datetime.datetime(2026, 10, 3, 10, 0),
        "authors": ["jacob-robinson"],
        "hero": "kitsune-key-art",
        "shows": ["kitsune-station"],
        "people": ["hiroshi-kanda", "aiko-mori"],
        "tags": ["Anime", "Renewals"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. Lumen+ has renewed the anime "
                "<em>Kitsune Station</em> for a second season, due in spring 2027, with director "
                "Hiroshi Kanda and voice lead Aiko Mori returning.</p>",
            ),
        ],
    },
    {
        "slug": "night-market-detectives-release-date",
        "headline": "Night Market Detectives sets a 14 March 2027 premiere",
        "dek": "Fictional demo story: the Seoul street-food mystery has wrapped filming.",
        "kind": "news",
        "status": "published",
        "publish_at": datetime.datetime(2026, 11, 12, 9, 0),
        "authors": ["mei-tanaka"],
        "hero": "night-market-wrap",
        "shows": ["night-market-detectives"],
        "people": ["jung-min-ho", "park-seo-yeon"],
        "tags": ["K-drama", "Release dates"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. <em>Night Market Detectives</em>, "
                "directed by Park Seo-yeon, premieres on 14 March 2027. Filming wrapped in Seoul "
                "at the end of August.</p>",
            ),
            ("photo", "night-market-wrap", ""),
        ],
    },
    {
        "slug": "the-glass-orchard-what-we-know",
        "headline": "The Glass Orchard: what we know about Coastline TV's family drama",
        "dek": "Fictional demo story: scripts are being written; no cast or date yet.",
        "kind": "explainer",
        "status": "published",
        "publish_at": datetime.datetime(2026, 5, 4, 11, 0),
        "authors": ["mei-tanaka"],
        "hero": None,
        "shows": ["the-glass-orchard"],
        "people": ["eleanor-vance"],
        "tags": ["Production updates"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. Coastline TV has commissioned "
                "scripts for <em>The Glass Orchard</em> from Eleanor Vance. It is in "
                "development: no cast, no director and no release window have been "
                "announced.</p>",
            ),
        ],
    },
    {
        "slug": "signal-fire-announced",
        "headline": "Clara Reyes to direct space thriller Signal Fire",
        "dek": "Fictional demo story: a 2028 cinema release is planned.",
        "kind": "news",
        "status": "published",
        "publish_at": datetime.datetime(2026, 7, 22, 16, 0),
        "authors": ["daniel-osei"],
        "hero": None,
        "shows": ["signal-fire"],
        "people": ["clara-reyes", "tom-ashby"],
        "tags": ["Films", "Casting"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. <em>Signal Fire</em> follows a "
                "deep-space crew answering a distress call from Earth. Tom Ashby is the first "
                "cast member announced.</p>",
            ),
        ],
    },
    {
        "slug": "paper-lanterns-cancelled",
        "headline": "Coastline TV drops festive special Paper Lanterns",
        "dek": "Fictional demo story: the one-off drama will not go ahead.",
        "kind": "news",
        "status": "published",
        "publish_at": datetime.datetime(2026, 2, 12, 13, 0),
        "authors": ["jacob-robinson"],
        "hero": None,
        "shows": ["paper-lanterns"],
        "people": ["priya-nair"],
        "tags": ["Cancellations"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. <em>Paper Lanterns</em>, a "
                "festive special set in a seaside care home, has been cancelled before "
                "filming.</p>",
            ),
        ],
    },
    {
        "slug": "japanese-korean-co-productions",
        "headline": "Why Japanese-Korean co-productions are having a moment",
        "dek": "Romantics Anonymous is one of a growing number of shows made across the strait.",
        "kind": "feature",
        "status": "published",
        "publish_at": datetime.datetime(2024, 6, 14, 8, 0),
        "authors": ["jacob-robinson", "mei-tanaka"],
        "hero": None,
        "shows": ["romantics-anonymous"],
        "people": ["sho-tsukikawa", "lim-seung-young"],
        "tags": ["K-drama", "J-drama", "Netflix"],
        "blocks": [
            (
                "text",
                "<p>Global streaming has changed the economics of television in both "
                "countries. A series that once had to succeed in one domestic market can now "
                "find its audience everywhere at once, and that makes pooling talent across "
                "borders an easier decision.</p><p><em>Romantics Anonymous</em>, with a Korean "
                "writer, a Japanese director and a cast from both countries, is a clear "
                "example.</p>",
            ),
        ],
    },
    {
        "slug": "20th-century-girl-review",
        "headline": "20th Century Girl review: a tender look back at first love",
        "dek": "Netflix's 1999-set romance trades on nostalgia and earns most of it.",
        "kind": "review",
        "status": "published",
        "publish_at": datetime.datetime(2022, 10, 24, 12, 0),
        "authors": ["daniel-osei"],
        "hero": None,
        "shows": ["20th-century-girl"],
        "people": ["kim-yoo-jung", "byeon-woo-seok", "bang-woo-ri"],
        "tags": ["Reviews", "K-drama"],
        "blocks": [
            (
                "text",
                "<p>Bang Woo-ri's film is warm, funny and unhurried, carried by Kim "
                "Yoo-jung's bright performance. The final act leans hard on sentiment, but by "
                "then it has been earned.</p>",
            ),
        ],
    },
    {
        "slug": "orbit-of-two-rumour",
        "headline": "Orbit of Two: the rumour, and what is actually confirmed",
        "dek": "Fictional demo draft: not published.",
        "kind": "explainer",
        "status": "draft",
        "publish_at": None,
        "authors": ["jacob-robinson"],
        "hero": None,
        "shows": ["orbit-of-two"],
        "people": [],
        "tags": ["Rumours"],
        "blocks": [("text", "<p>This is a fictional demo draft, waiting to be finished.</p>")],
    },
    {
        "slug": "winter-2027-anime-preview",
        "headline": "The anime we are most excited about in 2027",
        "dek": "Fictional demo story, scheduled: it goes live a week after the demo is loaded.",
        "kind": "list",
        "status": "published",
        "publish_at": "scheduled",
        "authors": ["jacob-robinson"],
        "hero": "kitsune-key-art",
        "shows": ["kitsune-station"],
        "people": [],
        "tags": ["Anime", "Lists"],
        "blocks": [
            (
                "text",
                "<p>This is a fictional demo story. <em>Kitsune Station</em> heads our "
                "list of the anime to watch next year.</p>",
            ),
        ],
    },
    {
        "slug": "harbour-lights-composer",
        "headline": "Owen Hale to score Harbour Lights",
        "dek": "Fictional demo story, waiting for an editor's review.",
        "kind": "news",
        "status": "in_review",
        "publish_at": None,
        "authors": ["mei-tanaka"],
        "hero": None,
        "shows": ["harbour-lights"],
        "people": ["owen-hale"],
        "tags": ["Production updates"],
        "blocks": [("text", "<p>This is a fictional demo story about a fictional composer.</p>")],
    },
]


# The comment desk: phrases that hold a comment for review, and a banned link spammer.
BLOCKED_WORDS = ["crypto giveaway", "free followers", "work from home and earn"]
SPAMMER = (
    "deals@spam.invalid",
    "Best Deals",
    "Watch every episode free at http://spam.invalid/a http://spam.invalid/b http://spam.invalid/c",
    "203.0.113.7",
)
SPAMMED_ARTICLE = "romantics-anonymous-everything-we-know-so-far"


# --- Releases ----------------------------------------------------------------------------
# Seasons: show, number, title, status, release window (as an editor types it), episodes
# announced, [(episode number, title, release window, runtime in minutes)].
SEASONS = [
    ("romantics-anonymous", 1, "", "filming", "2025", 8, []),
    (
        "kitsune-station",
        1,
        "",
        "released",
        "5 April 2025",
        12,
        [
            (1, "The Last Train", "5 April 2025", 24),
            (2, "A Wish for Rain", "12 April 2025", 24),
            (3, "Lost Property", "19 April 2025", 24),
        ],
    ),
    ("kitsune-station", 2, "", "pre_production", "Spring 2027", 12, []),
    (
        "night-market-detectives",
        1,
        "",
        "post_production",
        "14 March 2027",
        8,
        [
            (1, "Skewers at Midnight", "14 March 2027", 58),
            (2, "The Noodle Stall Alibi", "21 March 2027", 55),
            (3, "", "28 March 2027", None),
        ],
    ),
    ("harbour-lights", 1, "", "pre_production", "Autumn 2027", 10, []),
    ("harbour-lights", 2, "", "announced", "2028", None, []),
]

# Where to watch: show, platform, country, kind, from (a window, or "+N" days from the day
# the demo is loaded, so "new this week" always has something), last confirmed (days ago).
AVAILABILITY = [
    ("romantics-anonymous", "netflix", "JP", "stream", "2027", 10),
    ("romantics-anonymous", "netflix", "KR", "stream", "2027", 10),
    ("romantics-anonymous", "netflix", "US", "stream", "2027", 10),
    ("romantics-anonymous", "netflix", "GB", "stream", "2027", 10),
    ("kitsune-station", "lumen-plus", "JP", "stream", "5 April 2025", 30),
    ("kitsune-station", "netflix", "FR", "stream", "+1", 4),
    ("kitsune-station", "netflix", "GB", "stream", "+8", 4),
    ("20th-century-girl", "netflix", "KR", "stream", "21 October 2022", 60),
    ("20th-century-girl", "lumen-plus", "GB", "stream", "+3", 2),
    ("20th-century-girl", "coastline-tv", "FR", "free", "+10", 2),
    ("godzilla-vs-kong", "netflix", "JP", "stream", "+5", 6),
    ("godzilla-vs-kong", "warner-bros-pictures", "US", "buy", "March 2021", 90),
    ("47-ronin", "coastline-tv", "GB", "free", "+2", 3),
    ("night-market-detectives", "lumen-plus", "KR", "stream", "14 March 2027", 12),
    ("night-market-detectives", "lumen-plus", "JP", "stream", "March 2027", 12),
    ("signal-fire", "cinema-release", "US", "cinema", "2028", 40),
]

# Key art and headshots, from the demo's photos.
KEY_ART = {"kitsune-station": "kitsune-key-art", "harbour-lights": "harbour-lights-set"}
HEADSHOTS = {
    "shun-oguri": "oguri-hammer-gala",
    "han-hyo-joo": "han-blood-free",
    "yuri-nakamura": "nakamura-tiff-2022",
}

# A reader who follows a show and a person by email (confirmed), for the desk's follower page.
FOLLOWER = ("reader@example.com", ["romantics-anonymous"], ["shun-oguri"])

# Static pages: (slug, parent slug, title, summary, in the footer, paragraphs). Only the
# newsroom's own standing pages; a draft shows what readers never see.
STATIC_PAGES = [
    (
        "about",
        None,
        "About us",
        "Who we are and what we cover.",
        True,
        [
            "<p>The Newsroom covers the TV series and films being made now: casting, "
            "production status and release dates, checked against what studios, "
            "platforms and the people involved say on the record.</p>",
            "<h2>What we track</h2><p>Every show has a status with the day it was last "
            "confirmed, and every release date is given only as precisely as it is "
            "known: a year, a season, a month or a day.</p>",
        ],
    ),
    (
        "team",
        "about",
        "Our team",
        "The editors and writers behind the coverage.",
        False,
        [
            "<p>Our writers work from London, Seoul, Tokyo and Norwich. Each article names "
            "who wrote it; each author's page lists what they cover.</p>"
        ],
    ),
    (
        "ethics",
        None,
        "Ethics policy",
        "How we report, source and quote.",
        True,
        [
            "<p>We quote people's exact words only when we can show where they said them; "
            "otherwise we report the gist in our own words and say so.</p>",
            "<p>We do not accept payment for coverage. Gifts and screener copies are "
            "declared in the article that reviews them.</p>",
        ],
    ),
    (
        "corrections",
        None,
        "Corrections policy",
        "How we correct mistakes, and how to tell us about one.",
        True,
        [
            "<p>When we get something wrong we correct it in the article, say what changed "
            "and when, and never silently.</p>",
            '<p>Tell us about a mistake at <a href="mailto:corrections@example.com">'
            "corrections@example.com</a>.</p>",
        ],
    ),
    (
        "contact",
        None,
        "Contact",
        "Tips, corrections and everything else.",
        True,
        ['<p>News tips: <a href="mailto:tips@example.com">tips@example.com</a>.</p>'],
    ),
    (
        "privacy",
        None,
        "Privacy",
        "What we keep about readers, and for how long.",
        True,
        [
            "<p>Commenters' and followers' email addresses are never shown and are "
            "deleted on request. We set no advertising cookies.</p>"
        ],
    ),
    (
        "advertise",
        None,
        "Advertise with us",
        "",
        False,
        ["<p>Not ready yet: readers never see this page.</p>"],
    ),
]
DRAFT_PAGES = {"advertise"}  # kept unpublished
