package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The words the rules look for, lower case. Every list is a plain set so a rule reads as a sentence. */
final class Lexicon {
    private Lexicon() {
    }

    /** Active verbs whose object is the people counted: "killing four civilians", "wounded 43 others". */
    static final Map<String, Metric> ACTIVE = new HashMap<>();
    /** Participles after an auxiliary or directly after the people: "were killed", "255 people killed". */
    static final Map<String, Metric> PARTICIPLE = new HashMap<>();
    /** Intransitive verbs with the people as subject: "45 people died", "3,000 residents fled". */
    static final Map<String, Metric> INTRANSITIVE = new HashMap<>();
    /** Head nouns that carry the metric themselves: "22 dead", "450,000 refugees". */
    static final Map<String, Metric> METRIC_NOUN = new HashMap<>();
    /** Head nouns for people and the population they are. */
    static final Map<String, Population> PEOPLE = new HashMap<>();

    static {
        for (String w : new String[] {"killed", "killing", "kills", "kill", "massacred", "massacring", "slaughtered",
            "slew", "slaying", "executed", "executing", "executes", "execute", "murdering", "beheaded",
            "beheading"}) {
            ACTIVE.put(w, Metric.KILLED);
        }
        for (String w : new String[] {"wounded", "wounding", "wounds", "wound", "injured", "injuring", "injures",
            "injure", "hurt", "hurting", "maimed", "maiming"}) {
            ACTIVE.put(w, Metric.INJURED);
        }
        for (String w : new String[] {"displaced", "displacing", "displaces", "displace", "uprooted", "uprooting",
            "uproots", "evacuated", "evacuating", "evacuates", "evacuate"}) {
            ACTIVE.put(w, Metric.DISPLACED);
        }
        for (String w : new String[] {"killed", "dead", "slain", "murdered", "massacred", "slaughtered", "executed"}) {
            PARTICIPLE.put(w, Metric.KILLED);
        }
        for (String w : new String[] {"wounded", "injured", "hurt", "maimed"}) {
            PARTICIPLE.put(w, Metric.INJURED);
        }
        for (String w : new String[] {"displaced", "evacuated", "uprooted", "relocated", "homeless"}) {
            PARTICIPLE.put(w, Metric.DISPLACED);
        }
        for (String w : new String[] {"died", "die", "dies", "perished", "drowned"}) {
            INTRANSITIVE.put(w, Metric.KILLED);
        }
        for (String w : new String[] {"fled", "flee", "flees", "fleeing"}) {
            INTRANSITIVE.put(w, Metric.DISPLACED);
        }
        for (String w : new String[] {"dead", "deaths", "fatalities", "killed"}) {
            METRIC_NOUN.put(w, Metric.KILLED);
        }
        for (String w : new String[] {"wounded", "injured"}) {
            METRIC_NOUN.put(w, Metric.INJURED);
        }
        for (String w : new String[] {"refugees", "idps", "evacuees", "displaced", "displacements"}) {
            METRIC_NOUN.put(w, Metric.DISPLACED);
        }

        for (String w : new String[] {"people", "persons", "person", "others", "individuals", "residents", "villagers",
            "inhabitants", "locals", "worshippers", "worshipers", "pilgrims", "passengers", "students", "workers",
            "journalists", "women", "men", "woman", "man", "farmers", "herders", "shoppers", "mourners", "guests",
            "patients", "staff", "employees", "miners", "fishermen", "relatives", "protesters", "protestors",
            "demonstrators", "detainees", "prisoners", "inmates", "bystanders", "victims", "tourists", "migrants",
            "refugees", "idps", "evacuees", "displaced", "dead", "deaths", "fatalities", "wounded", "injured",
            "families", "family", "households", "bodies", "corpses", "displacements", "members", "member", "citizens", "nationals", "palestinians",
            "israelis", "syrians", "ukrainians", "russians", "sudanese", "afghans", "iraqis", "lebanese", "yemenis",
            "somalis", "nigerians", "malians", "congolese", "rohingya", "haitians", "kurds", "druze", "alawites",
            "bedouins", "bedouin", "christians", "muslims", "yazidis", "hazaras", "shiites", "sunnis", "doctors",
            "nurses", "medics", "paramedics", "rescuers", "teachers", "volunteers", "humanitarians", "gazans",
            "americans", "iranians", "pakistanis", "indians", "ethiopians", "tigrayans", "amharas", "eritreans",
            "colombians", "mexicans", "burkinabe", "cameroonians", "mozambicans", "somalians", "libyans", "turks",
            "settlers", "adults", "elderly", "hostages", "peasants", "traders", "travellers", "travelers", "commuters",
            "spectators", "fans", "voters", "asylum-seekers", "mothers", "fathers", "siblings", "brothers", "sisters",
            "sons", "daughters", "wives", "husbands", "firefighters", "shepherds", "labourers", "laborers", "drivers",
            "truckers", "fishers", "hunters", "servants", "engineers", "officials", "diplomats", "contractors",
            "monks", "priests", "clerics", "imams", "nuns", "athletes", "footballers", "players", "fans", "campers",
            "sleepers", "survivors", "nationals", "foreigners", "expatriates", "dancers", "revellers", "partygoers",
            "churchgoers", "congregants", "herdsmen"}) {
            PEOPLE.put(w, Population.ALL);
        }
        for (String w : new String[] {"civilians", "civilian", "non-combatants", "noncombatants"}) {
            PEOPLE.put(w, Population.CIVILIANS);
        }
        for (String w : new String[] {"children", "child", "kids", "minors", "minor", "boys", "girls", "babies",
            "infants", "toddlers", "teenagers", "schoolchildren", "pupils", "newborns", "schoolgirls", "schoolboys",
            "boy", "girl", "baby", "infant", "teenager", "adolescents", "youngsters"}) {
            PEOPLE.put(w, Population.CHILDREN);
        }
        for (String w : new String[] {"soldiers", "soldier", "troops", "fighters", "fighter", "militants", "militant",
            "rebels", "rebel", "jihadists", "jihadist", "insurgents", "insurgent", "gunmen", "gunman", "attackers",
            "assailants", "militiamen", "militiaman", "militias", "paramilitaries", "combatants", "combatant",
            "servicemen", "servicemembers", "policemen", "policeman", "police", "officers", "officer", "guards",
            "guardsmen", "gendarmes", "personnel", "terrorists", "terrorist", "commanders", "commander", "marines",
            "sailors", "airmen", "recruits", "conscripts", "peacekeepers", "peacekeeper", "bandits", "mercenaries",
            "operatives", "agents", "policewomen", "troopers", "snipers", "bombers", "gunners", "legionnaires",
            "jihadis", "extremists", "separatists", "guerrillas", "guerillas", "cadres", "volunteers-fighters"}) {
            PEOPLE.put(w, Population.COMBATANTS);
        }
    }

    /** Head nouns of the dead counted as bodies: only finding or recovering them makes a figure. */
    static final Set<String> BODIES = Set.of("bodies", "corpses");

    /** Verbs of leaving home, after "to": "had to evacuate", "were ordered to leave". */
    static final Set<String> LEAVE_VERBS = Set.of("evacuate", "flee", "leave", "relocate", "abandon", "escape");

    /** Verbs that order people to leave: "were ordered to evacuate". */
    static final Set<String> ORDER_VERBS = Set.of("ordered", "told", "asked", "urged", "advised", "obliged",
        "compelled", "forced", "made", "instructed", "required");

    /** Where people are forced: "forced 60,000 people into evacuation centres". */
    static final Set<String> REFUGE_NOUNS = Set.of("evacuation", "shelters", "camps", "exile", "hiding");

    /** Nouns of displacement that count the people after "of": "the evacuation of 2,000 residents". */
    static final Set<String> DISPLACEMENT_NOUNS = Set.of("evacuation", "evacuations", "displacement", "relocation",
        "exodus", "flight");

    /** "sustained injuries", "suffered wounds". */
    static final Set<String> SUFFER_VERBS = Set.of("sustained", "suffered", "received", "sustaining", "suffering");
    static final Set<String> INJURY_NOUNS = Set.of("injuries", "injury", "wounds", "burns", "wound");

    /** Verbs whose object "lives" counts the dead: "claimed 17 lives". */
    static final Set<String> LIFE_VERBS = Set.of("claimed", "claiming", "claims", "claim", "cost", "costing",
        "took", "taking", "takes", "take");

    /** Verbs that kill with "down": "gunned down 23 people". */
    static final Set<String> DOWN_VERBS = Set.of("gunned", "mowed", "cut", "shot");

    /** Word list of the figure rules (toll verbs). */
    static final Set<String> TOLL_VERBS = Set.of("rose", "risen", "rises", "rising", "rise", "climbed",
        "climbs", "climbing", "jumped", "increased", "reached", "reaches", "hit", "hits", "stood", "stands", "stand",
        "put", "puts", "putting", "raised", "raising", "brought", "bringing", "brings", "soared", "surged", "mounted",
        "grew", "grown", "revised", "updated", "went", "gone", "now", "was", "is", "at", "increasing",
        "placed", "placing", "set", "sets", "climb", "passed", "topped", "exceeded", "surpassed", "reaching");

    /** Word list of the figure rules (toll words). */
    static final Set<String> TOLL_WORDS = Set.of("toll", "tally", "count");

    /** Word list of the figure rules (body verbs). */
    static final Set<String> BODY_VERBS = Set.of("recovered", "found", "retrieved", "pulled", "exhumed",
        "discovered", "buried", "counted", "identified", "collected", "brought");

    /** Word list of the figure rules (force verbs). */
    static final Set<String> FORCE_VERBS = Set.of("forced", "forcing", "forces", "force", "drove", "driven",
        "drive", "drives", "driving", "pushed", "pushing", "sent", "sending", "caused", "causing", "prompted",
        "prompting", "compelled");

    /** Word list of the figure rules (combatant group). */
    static final Set<String> COMBATANT_GROUP = Set.of("army", "military", "security", "forces", "militia",
        "militias", "police", "armed", "hamas", "hezbollah", "taliban", "rsf", "isis", "isil", "group", "groups",
        "brigade", "brigades", "battalion", "regiment", "guard", "jnim", "al-shabaab", "shabaab", "wagner",
        "paramilitary", "paramilitaries", "rebel", "rebels", "jihadist", "jihadists", "insurgent", "insurgents",
        "gang", "gangs", "cartel", "faction", "factions", "units", "unit", "navy", "air", "idf", "pkk", "ypg", "sdf",
        "houthi", "houthis", "m23", "fdlr", "adf", "boko", "iswap", "state");

    /** Word list of the figure rules (bare aux). */
    static final Set<String> BARE_AUX = Set.of("were", "was", "have", "has", "had", "are", "remain",
        "remained", "died", "perished", "fled");

    /** Word list of the figure rules (family words). */
    static final Set<String> FAMILY_WORDS = Set.of("family", "families", "crew", "household");

    /** Words for the victims of a toll and the metric each names: "15 of the dead", "the number of wounded". */
    static final Map<String, Metric> VICTIM_METRIC = Map.of("dead", Metric.KILLED, "killed", Metric.KILLED,
        "victims", Metric.KILLED, "fatalities", Metric.KILLED, "deaths", Metric.KILLED, "wounded", Metric.INJURED,
        "injured", Metric.INJURED, "displaced", Metric.DISPLACED);

    /** Words that refer back to the victims of a toll: those of {@link #VICTIM_METRIC} and "casualties" (any metric). */
    static final Set<String> VICTIM_WORDS = victimWords();

    private static Set<String> victimWords() {
        Set<String> w = new HashSet<>(VICTIM_METRIC.keySet());
        w.add("casualties");
        return Set.copyOf(w);
    }

    /** Words that open a phrase between the people and their verb: "in Beni town", "from one family". */
    static final Set<String> SUBJECT_PHRASE = Set.of("in", "from", "of", "at", "near", "across", "inside",
        "around", "along", "living", "including", "belonging", "on");

    /** Words after which the people's verb can no longer follow: a new clause starts. */
    static final Set<String> CLAUSE_START = Set.of("who", "which", "that", "where", "when", "while", "whose",
        "but", "after", "before", "because", "as", "if", "than", "whom");

    /** Words that close the search for the head noun after a number. */
    static final Set<String> HEAD_STOP = Set.of("of", "in", "on", "at", "from", "to", "by", "for", "with", "and", "or",
        "were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "said", "says", "who", "which", "that",
        "while", "as", "after", "before", "since", "during", "than", "when", "where", "into", "across", "near", "per",
        "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "but", "remain", "remained", "still",
        "later", "also", "including", "among", "like", "over", "under", "about", "around", "through");

    /** Words between an auxiliary and the participle: "have since fled", "remain internally displaced". */
    static final Set<String> AUX = Set.of("were", "was", "have", "has", "had", "are", "is", "been", "being", "be",
        "will", "would", "may", "might", "could", "remain", "remained", "remains", "reportedly", "also", "since",
        "all", "already", "later", "still", "subsequently", "allegedly", "now", "either", "both", "so", "far", "thus",
        "internally", "newly", "temporarily", "recently", "just", "got", "get", "getting", "gotten", "shot", "left",
        "found", "confirmed", "declared", "feared", "believed", "thought", "presumed", "said", "reported", "known",
        "to", "killed-", "seriously", "critically", "severely", "slightly", "lightly", "fatally",
        "forcibly", "once", "again", "initially", "eventually", "officially", "yet", "not", "never", "collectively",
        "mostly", "largely", "altogether", "in", "total");

    /** Words that may stand between an active verb and its object's number: "killed a UN crew member and 27 soldiers". */
    static final Set<String> OBJECT_STOP = Set.of("said", "says", "say", "told", "in", "on", "at", "from", "to", "by",
        "for", "with", "of", "were", "was", "is", "are", "had", "has", "have", "that", "which", "who", "whom", "when",
        "while", "as", "after", "before", "since", "but", "than", "during", "including", "among", "near", "into",
        "across", "over", "up", "where", "against", "amid", "despite", "because", "if", "whether", "then", "its",
        "their", "his", "her", "it", "they", "he", "she", "we");

    /** Hedges in front of a number. */
    static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec");

    /** Words after a number that make it a measure, not people. */
    static final Set<String> UNITS = Set.of("percent", "per", "%", "km", "kms", "kilometres", "kilometers",
        "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter", "m", "ft", "feet", "yards",
        "kg", "kilograms", "kilogrammes", "tonnes", "tons", "tonne", "ton", "pounds", "lbs", "degrees", "hours",
        "hour", "minutes", "minute", "seconds", "days", "day", "weeks", "week", "months", "month", "years", "year",
        "decades", "times", "acres", "hectares", "dollars", "euros", "usd", "eur", "gbp", "cents", "litres", "liters",
        "gallons", "barrels", "sq", "square", "a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock", "bn", "mn",
        "calories", "mm", "cm", "millimetre", "calibre", "caliber", "storey", "story", "storeys", "floors", "st",
        "nd", "rd", "th", "billion");

    /** Words that mark a number as money when right before it. */
    static final Set<String> MONEY_BEFORE = Set.of("$", "\u20ac", "\u00a3", "us$", "usd", "eur", "gbp", "\u00a5",
        "rs", "inr", "sdg", "egp", "birr", "naira", "shillings", "cfa");

    static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday");

    /** Nouns naming one violent event: a figure beside them counts that event. */
    static final Set<String> INCIDENT = Set.of("strike", "strikes", "airstrike", "airstrikes", "attack", "attacks",
        "bombing", "bombings", "blast", "blasts", "explosion", "explosions", "shelling", "shelled", "raid", "ambush",
        "ambushed", "massacre", "missile", "missiles", "drone", "drones", "shooting", "stampede", "clash", "assault",
        "rocket", "rockets", "bomb", "bomber", "bombers", "landmine", "mine", "crash", "shootout", "gunfight",
        "firefight", "onslaught", "incursion", "bombardment", "barrage", "detonated", "exploded", "struck", "hit",
        "ied", "car-bomb", "suicide", "stabbing", "fire", "arson", "opened", "grenade", "mortar", "artillery");

    /** Nouns naming a drawn-out episode: a figure beside them is a running toll. */
    static final Set<String> EPISODE = Set.of("war", "offensive", "fighting", "violence", "conflict",
        "insurgency", "campaign", "operation", "operations", "crisis", "unrest", "hostilities", "siege", "uprising",
        "revolution", "rebellion", "occupation", "invasion", "battles", "crackdown", "conflicts",
        "wars");

    /** Words of a natural hazard: displacement beside them is disaster displacement. */
    static final Set<String> DISASTER = Set.of("flood", "floods", "flooding", "flooded", "floodwaters",
        "flash-floods", "storm", "storms", "cyclone", "cyclones", "hurricane", "hurricanes", "typhoon", "typhoons",
        "earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "landslide", "landslides", "mudslide",
        "mudslides", "tsunami", "drought", "droughts", "wildfire", "wildfires", "bushfire", "bushfires", "eruption",
        "erupted", "volcano", "volcanic", "rain", "rains", "rainfall", "downpours", "monsoon", "avalanche",
        "avalanches", "tornado", "tornadoes", "heatwave", "blizzard", "rainstorm", "rainstorms", "deluge", "inundated",
        "inundation", "overflowed", "overflowing", "tropical", "el-nino", "la-nina", "hailstorm", "snowstorm");

    /** Words of armed conflict: displacement beside them is conflict displacement. */
    static final Set<String> CONFLICT = Set.of("conflict", "conflicts", "conflict-related", "conflict-induced",
        "fighting", "violence", "violent", "war", "wars", "clashes", "clash", "attack", "attacks", "attacked",
        "offensive", "insurgency", "insurgents", "militants", "militant", "militia", "militias", "rebels", "rebel",
        "armed", "shelling", "airstrikes", "airstrike", "strikes", "bombing", "bombings", "bombardment",
        "hostilities", "insecurity", "raids", "gunmen", "jihadists", "jihadist", "terrorists", "bandits",
        "fighters", "troops", "military", "army", "combat", "battle", "battles", "siege", "invasion", "occupation",
        "crackdown", "unrest", "intercommunal", "inter-communal", "ethnic", "massacre", "killings", "persecution");

    /** Attribution verbs: "X said", "X reported". */
    static final Set<String> SAY = Set.of("said", "says", "say", "reported", "reports", "told", "announced",
        "announces", "added", "adds", "stated", "states", "confirmed", "confirms", "estimated", "estimates",
        "estimate", "tallied", "counted", "recorded", "documented", "noted", "notes", "wrote", "writes", "tweeted",
        "posted", "warned", "claimed", "claims", "declared", "cited", "quoted", "explained");

    static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "we", "i", "you");

    /** Words that end the subject of an attribution, read backwards from its verb ("…, while officials said"). */
    static final Set<String> SUBJECT_STOP = Set.of("and", "that", "while", "but", "as", "after", "before",
        "when", "where", "which", "who", "whom", "since", "because", "although", "though", "if", "than", "so", "or",
        "then", "also", "whereas");
    /** Words that end a counter's name read forwards ("the ministry, which said", "officials citing"). */
    static final Set<String> NAME_STOP = Set.of("who", "which", "that", "citing", "quoted", "as", "on",
        "while", "when", "whose");

    // ------------------------------------------------------------------ places, counters, pre-filter

    /** Word stems without which a sentence holds no figure: the cheap pre-filter before tokens. */
    static final Set<String> TRIGGER_STEMS = Set.of("kill", "dead", "death", "die", "toll", "wound", "injur", "hurt",
        "displac", "fled", "flee", "evacu", "homes", "refugee", "bodies", "uproot", "lives", "fatalit", "perish",
        "slain", "massacr", "slaughter", "murder", "idp", "execut", "maim", "homeless", "dying", "gunned", "drown",
        "corpse", "exhum", "moved", "injuri", "lost");

    /** Heads of a counter named again by its kind: "the ministry said" is the latest ministry named. */
    static final Set<String> ANAPHOR_HEADS = Set.of("ministry", "office", "agency", "monitor",
        "observatory", "group", "organisation", "organization", "mission", "body", "committee", "service",
        "services", "department", "authority", "authorities", "administration", "charity", "network", "army",
        "military", "government", "alliance", "coalition", "force", "forces", "watchdog", "commission", "council");

    /** Institutions every country has: qualified by the figure's country ("the health ministry" in Syria). */
    static final Set<String> INSTITUTIONS = Set.of("health ministry", "ministry of health",
        "interior ministry", "ministry of interior", "defence ministry", "defense ministry", "ministry of defence",
        "ministry of defense", "civil defence", "civil defense", "civil defence agency", "civil defense agency",
        "military", "army", "armed forces", "emergency services", "emergency service", "police");

    /** Small words inside place names ("Deir al-Balah", "Bosnia and Herzegovina"). */
    static final Set<String> NAME_CONNECTORS = Set.of("al", "el", "ad", "as", "ash", "az", "an", "ar", "at", "de",
        "du", "des", "del", "la", "le", "les", "of", "the", "and", "da", "do", "dos", "das", "di", "bin", "ibn", "wa",
        "y", "e", "i", "en", "sur", "am", "im", "van", "von", "der", "den", "ben", "bint", "d", "l");

    /** Nouns after a nationality that make it an actor ("Rwandan troops"), not a scene or an authority. */
    static final Set<String> ACTOR_NOUNS = Set.of("troops", "soldiers", "forces", "army", "military", "jets",
        "warplanes", "drones", "drone", "aircraft", "militia", "militias", "rebels", "fighters", "navy", "missiles",
        "missile", "artillery", "strikes", "airstrikes", "air", "special", "armed", "security", "mercenaries",
        "gunboats", "tanks", "paramilitaries", "peacekeepers");

    /** Words that mark a place as the scene of an event: "in Hama", "near Zakho", "from Goma". */
    static final Set<String> SCENE_WORDS = Set.of("in", "at", "near", "from", "outside", "across",
        "inside", "around", "into");

    /** Words that go with a place name before or after it: "North Kivu", "Tonj State", "Upper Nile". */
    static final Set<String> PLACE_WORDS = Set.of("north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "lake", "mount", "port", "saint",
        "san", "st", "state", "province", "county", "district", "region", "city", "governorate", "oblast", "camp",
        "town", "village", "valley", "strip", "bank", "island", "islands", "river", "municipality", "township",
        "territory", "department", "prefecture", "area", "zone", "division", "commune", "municipal", "rural",
        "urban", "local", "government", "lga", "hospital", "airport", "university");

    /** Nouns of a drawn-out episode whose toll ("the toll from the offensive") is a running, cumulative toll. */
    static final Set<String> TOLL_EPISODES = Set.of("offensive", "offensives", "war", "wars", "conflict",
        "fighting", "clashes", "battles", "violence", "campaign", "escalation", "insurgency", "unrest", "siege",
        "operation", "operations", "hostilities", "crisis", "uprising", "rebellion", "invasion", "crackdown");

    /** Verbs that end the noun phrase a toll is "from". */
    static final Set<String> TOLL_PHRASE_END = Set.of("rose", "risen", "rises", "rise", "climbed", "climbs",
        "jumped", "has", "have", "had", "is", "was", "stands", "stood", "reached", "reaches", "hit", "to", "at",
        "now", "passed", "topped", "exceeded", "increased", "grew", "which", "that");

    /** Tokens where a clause of a sentence listing several figures ends. */
    static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", "and", "while", "but", "whereas", "as");

    // ------------------------------------------------------------------ attribution, days, sentences

    /** Relative pronouns: after a counter's name they start a clause about it. */
    static final Set<String> RELATIVE_PRONOUNS = Set.of("that", "which", "who", "whose");

    /** Verbs after which "that" starts a reported clause, not a relative one: "officials believe that …". */
    static final Set<String> COMPLEMENT_VERBS = Set.of("believe", "believes", "believed", "feared", "fear",
        "fears", "added", "adding", "saying", "noted", "insisted", "insists", "suggested", "suggests", "showed",
        "shows", "indicated", "indicates", "learned", "learnt", "know", "knows", "knew", "think", "thinks",
        "thought", "claimed", "warned", "is", "was", "so", "such", "now", "after", "given");

    /** Words trimmed off the end of a counter's name read backwards ("officials on Monday", "in a statement"). */
    static final Set<String> ATTRIBUTION_TRAILING = Set.of("on", "late", "early", "last", "night", "morning", "evening",
        "afternoon", "today", "yesterday", "earlier", "later", "also", "previously", "has", "had", "have",
        "in", "a", "statement", "separately", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "however", "further", "initially", "first", "then", "would", "will", "could");

    /** Days named relative to the publication: "yesterday", "overnight". */
    static final Set<String> RELATIVE_DAYS = Set.of("yesterday", "overnight", "today", "tonight");

    /** Words that may name a day by themselves (months need a number beside them). */
    static final Set<String> DAY_WORDS = dayWords();

    private static Set<String> dayWords() {
        Set<String> w = new HashSet<>(WEEKDAYS);
        w.addAll(RELATIVE_DAYS);
        w.add("last");
        return Set.copyOf(w);
    }

    /** Words before a day that make it the bound of a period, not the day of an event. */
    static final Set<String> PERIOD_BOUNDS = Set.of("since", "until", "till", "through", "began", "begun",
        "started", "starting");

    /** Abbreviations whose full stop ends no sentence ("Jan.", "Gen.", "Mr."). */
    static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "gen", "lt", "col", "capt", "sgt", "maj",
        "rep", "sen", "gov", "jr", "sr", "vs", "etc", "approx", "prof", "ft", "mt", "cpl", "pvt", "adm", "cmdr", "brig",
        "insp", "supt", "rev", "hon", "pres", "dept", "est", "fig", "vol", "art", "para", "u.s", "u.n", "u.k", "e.g",
        "i.e", "a.m", "p.m", "inc", "ltd", "co", "corp", "gov't", "govt", "al", "km", "mi");

    static final int F_INCIDENT = 1;
    static final int F_EPISODE = 1 << 1;
    static final int F_WEEKDAY = 1 << 2;
    static final int F_MONTH = 1 << 3;
    static final int F_SAY = 1 << 4;
    static final int F_ACTIVE = 1 << 5;
    static final int F_PARTICIPLE = 1 << 6;
    static final int F_PEOPLE = 1 << 7;
    static final int F_HEAD_STOP = 1 << 8;
    static final int F_AUX = 1 << 9;
    static final int F_OBJECT_STOP = 1 << 10;
    static final int F_UNIT = 1 << 11;
    static final int F_INTRANSITIVE = 1 << 12;
    static final int F_METRIC_NOUN = 1 << 13;
    static final int F_DISASTER = 1 << 14;
    static final int F_CONFLICT = 1 << 15;
    static final int F_SUBJECT_STOP = 1 << 16;
    static final int F_NAME_STOP = 1 << 17;

    /** Which of the word lists a word is on, as bits: one map look-up per token instead of one per list. */
    private static final Map<String, Integer> FLAGS = new HashMap<>();

    private static void flag(Iterable<String> words, int bit) {
        for (String w : words) {
            FLAGS.merge(w, bit, (a, b) -> a | b);
        }
    }

    static {
        flag(INCIDENT, F_INCIDENT);
        flag(EPISODE, F_EPISODE);
        flag(WEEKDAYS, F_WEEKDAY);
        flag(MONTHS, F_MONTH);
        flag(SAY, F_SAY);
        flag(ACTIVE.keySet(), F_ACTIVE);
        flag(PARTICIPLE.keySet(), F_PARTICIPLE);
        flag(PEOPLE.keySet(), F_PEOPLE);
        flag(HEAD_STOP, F_HEAD_STOP);
        flag(AUX, F_AUX);
        flag(OBJECT_STOP, F_OBJECT_STOP);
        flag(UNITS, F_UNIT);
        flag(INTRANSITIVE.keySet(), F_INTRANSITIVE);
        flag(METRIC_NOUN.keySet(), F_METRIC_NOUN);
        flag(DISASTER, F_DISASTER);
        flag(CONFLICT, F_CONFLICT);
        flag(SUBJECT_STOP, F_SUBJECT_STOP);
        flag(NAME_STOP, F_NAME_STOP);
    }

    private static final WordTable TABLE = new WordTable(FLAGS);

    static int flags(String lower) {
        return TABLE.get(lower, 0, lower.length());
    }

    /** The list bits of the word {@code text[from, to)}, in any case, without cutting it out of the text. */
    static int flags(CharSequence text, int from, int to) {
        return TABLE.get(text, from, to);
    }
}
