"""Shared pools for corpus 9 (all fictional)."""

# ---------------- person names by culture ----------------
# (full name as written, given name used alone)
NAMES = [
    # Navajo / Diné
    ("Darlene Yazzie", "Darlene"), ("Tomas Begay", "Tomas"), ("Lorraine Tsosie", "Lorraine"),
    ("Harrison Benally", "Harrison"), ("Shirleen Nez", "Shirleen"), ("Wilson Etsitty", "Wilson"),
    ("Marlene Manygoats", "Marlene"), ("Delbert Bitsui", "Delbert"), ("Rena Yellowhair", "Rena"),
    ("Kee Tso", "Kee"), ("Loretta Chee", "Loretta"), ("Jolene Sandoval-Tsinajinnie", "Jolene"),
    # Apache
    ("Velma Cassadore", "Velma"), ("Ramon Goseyun", "Ramon"), ("Bernadine Nosie", "Bernadine"),
    ("Clifford Declay", "Clifford"), ("Arlene Kessay", "Arlene"),
    # Lakota
    ("Vernon Two Bulls", "Vernon"), ("Charlene Iron Cloud", "Charlene"), ("Dewey Little Thunder", "Dewey"),
    ("Myrna Brave Heart", "Myrna"), ("Ivan Yellow Horse", "Ivan"), ("Tiana Janis", "Tiana"),
    ("Roberta Ecoffey", "Roberta"), ("Leonard Black Elk", "Leonard"),
    # Hispanic
    ("Maricela Ochoa", "Maricela"), ("Guadalupe Ramírez Soto", "Guadalupe"), ("Efraín Valenzuela", "Efraín"),
    ("Yesenia Barraza", "Yesenia"), ("Juan Carlos Quintero", "Juan Carlos"), ("Reyna Ibarra", "Reyna"),
    ("Nicolás Arreola", "Nicolás"), ("Socorro Delgado", "Socorro"), ("Itzel Gómez Treviño", "Itzel"),
    ("Apolonio Cisneros", "Apolonio"),
    # Somali
    ("Hawo Abdi Warsame", "Hawo"), ("Abdirahman Hussein", "Abdirahman"), ("Sahra Mohamud", "Sahra"),
    ("Faadumo Nuur", "Faadumo"), ("Mohamed Yusuf Farah", "Mohamed"), ("Ayaan Osman", "Ayaan"),
    # Hmong
    ("Pa Nhia Vang", "Pa Nhia"), ("Tou Lor", "Tou"), ("Mai Xiong", "Mai"), ("Chue Thao", "Chue"),
    ("Yeng Moua", "Yeng"), ("Kou Her", "Kou"), ("Nou Yang", "Nou"),
    # Vietnamese
    ("Nguyen Thi Lan", "Lan"), ("Tran Van Minh", "Minh"), ("Pham Thi Hoa", "Hoa"),
    ("Le Quang Huy", "Huy"), ("Vo Thi Ngoc Anh", "Ngoc Anh"),
    # Marshallese
    ("Jibon Langrine", "Jibon"), ("Neimon Kabua", "Neimon"), ("Lisa Anjain", "Lisa"),
    ("Tarlang Jetnil", "Tarlang"), ("Hemos Lojkar", "Hemos"),
    # Appalachian
    ("Loretta Mullins", "Loretta"), ("Darrell Caudill", "Darrell"), ("Ricky Slone", "Ricky"),
    ("Wanda Combs", "Wanda"), ("Bobbie Jo Sizemore", "Bobbie Jo"), ("Junior Stacy", "Junior"),
    ("Carl Ray Hensley", "Carl Ray"), ("Opal Gibson", "Opal"),
    # Alaska Native
    ("Agnes Wassillie", "Agnes"), ("Peter Kasayulie", "Peter"), ("Martha Nicolai", "Martha"),
    ("Elijah Ahgeak", "Elijah"), ("Nellie Okakok", "Nellie"), ("Simeon Active", "Simeon"),
    # Haitian
    ("Marie-Ange Jean-Baptiste", "Marie-Ange"), ("Wilner Saint-Fleur", "Wilner"),
    ("Jocelyne Pierre-Louis", "Jocelyne"), ("Fritznel Dorvil", "Fritznel"), ("Rose-Mica Célestin", "Rose-Mica"),
    # others
    ("Tameka Washington", "Tameka"), ("Zarghuna Ahmadzai", "Zarghuna"), ("Espoir Mukendi", "Espoir"),
    ("Paw Say Htoo", "Paw Say"), ("Oksana Kovalenko", "Oksana"), ("Hope Blackhorse", "Hope"),
    ("Faith Redbird", "Faith"), ("Bill Oldman", "Bill"), ("Grace Whitehorse", "Grace"),
    ("Sunny Kealoha", "Sunny"), ("Keoni Kahananui", "Keoni"), ("Lehua Makanani", "Lehua"),
]
NICKNAMES = ["Tiny", "Bear", "Sissy", "Bubba", "Chato", "Flaco", "Boo", "Nana Rose", "Big Mike",
             "Pee Wee", "Güera", "Junebug", "Smokey", "Tootie", "Chuy", "Lala"]

# ---------------- places smaller than a state ----------------
TOWNS = [
    ("Chinle", "AZ"), ("Kayenta", "AZ"), ("Tuba City", "AZ"), ("Whiteriver", "AZ"), ("San Carlos", "AZ"),
    ("Shiprock", "NM"), ("Crownpoint", "NM"), ("Gallup", "NM"), ("Española", "NM"), ("Truth or Consequences", "NM"),
    ("Hobbs", "NM"), ("Columbus", "NM"), ("Sunland Park", "NM"), ("Pine Ridge", "SD"), ("Kyle", "SD"),
    ("Eagle Butte", "SD"), ("Mission", "SD"), ("Bethel", "AK"), ("Kotzebue", "AK"), ("Utqiagvik", "AK"),
    ("Dillingham", "AK"), ("Hazard", "KY"), ("Hindman", "KY"), ("Pikeville", "KY"), ("Grundy", "VA"),
    ("Welch", "WV"), ("Logan", "WV"), ("Springdale", "AR"), ("Nogales", "AZ"), ("Douglas", "AZ"),
    ("Calexico", "CA"), ("Eagle Pass", "TX"), ("Presidio", "TX"), ("Laredo", "TX"), ("Anadarko", "OK"),
    ("Tahlequah", "OK"), ("Pawhuska", "OK"), ("Lumberton", "NC"), ("Cherokee", "NC"), ("Browning", "MT"),
    ("Lame Deer", "MT"), ("Crow Agency", "MT"), ("Fort Yates", "ND"), ("Belcourt", "ND"), ("Hayward", "WI"),
    ("Wausau", "WI"), ("Lewiston", "ME"), ("Immokalee", "FL"), ("Belle Glade", "FL"), ("Dalton", "GA"),
    ("Storm Lake", "IA"), ("Worthington", "MN"), ("Garden City", "KS"), ("Liberal", "KS"), ("Toppenish", "WA"),
    ("Wapato", "WA"), ("Hilo", "HI"), ("Waianae", "HI"), ("Lamar", "CO"), ("Cortez", "CO"),
    ("Ganado", "AZ"), ("Many Farms", "AZ"), ("Lukachukai", "AZ"), ("Tohatchi", "NM"), ("Dennehotso", "AZ"),
    ("Emmonak", "AK"), ("Hooper Bay", "AK"), ("Wagner", "SD"), ("Rapid City", "SD"), ("Farmington", "NM"),
]
COUNTIES = ["McKinley County", "Apache County", "Navajo County", "Oglala Lakota County", "Perry County",
            "Knott County", "McDowell County", "Buchanan County", "Starr County", "Robeson County",
            "Zavala County", "Hidalgo County", "Luna County", "Dewey County", "Big Horn County",
            "Glacier County", "Rolette County", "Benton County", "Finney County", "Yakima County",
            "Sioux County", "Santa Cruz County", "Imperial County", "Letcher County", "Todd County"]
NEIGHBORHOODS = ["Cedar-Riverside", "Frogtown", "Little Haiti", "Barelas", "the South Valley",
                 "East Side", "Phillips", "Westgate trailer court", "Las Palmas colonia", "Sandtown",
                 "Little Saigon", "the Flats", "Holly Hill", "Riverside Terrace", "Lower Ninth Ward",
                 "Chinatown", "Old Town", "the International District"]
STREETS = ["Juniper Loop", "Tamarack St", "County Rd 7110", "Navajo Route 12", "BIA Route 27",
           "Sheep Springs Rd", "Coal Camp Hollow Rd", "Caney Fork", "Calle Ocotillo", "Avenida del Sol",
           "Yellow Jacket Lane", "Tundra Ave", "Ridge Rd", "Old Hwy 15", "Mesquite Dr", "Rabbitbrush Trl",
           "Mill Creek Rd", "Buffalo Gap Rd", "Hillside Ave", "Beaver Dam Rd", "Ka'ahumanu St"]
ZIPS = ["86503", "86033", "86045", "87420", "87313", "57770", "57752", "57625", "99559", "99752",
        "41701", "41822", "24614", "24801", "72764", "85621", "85607", "92231", "78852", "79845",
        "73005", "74464", "28358", "28719", "59417", "59043", "58538", "54843", "04240", "34142",
        "30720", "50588", "56187", "67846", "98948", "96720", "96792", "81052", "81321"]
FACILITIES_TOWN = ["{t} Comprehensive Health Care Facility", "{t} Health Center", "{t} Regional Medical Center",
                   "the {t} IHS hospital", "{t} ARH", "the {t} clinic", "{t} Community Hospital",
                   "the {t} jail", "{t} Family Health (FQHC)", "{t} Indian Hospital", "the {t} dialysis unit",
                   "{t} Middle School"]
CHAPTERS = ["Rough Rock", "Teec Nos Pos", "Naschitti", "Pinon", "Chilchinbeto", "Coyote Canyon",
            "Lupton", "Kaibeto", "Oljato", "Red Valley"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

MALE_GIVEN = {"Tomas", "Harrison", "Wilson", "Delbert", "Kee", "Ramon", "Clifford", "Vernon", "Dewey", "Ivan",
              "Leonard", "Efraín", "Juan Carlos", "Nicolás", "Apolonio", "Abdirahman", "Mohamed", "Tou", "Chue",
              "Yeng", "Kou", "Minh", "Huy", "Jibon", "Neimon", "Tarlang", "Hemos", "Darrell", "Ricky", "Junior",
              "Carl Ray", "Peter", "Elijah", "Simeon", "Wilner", "Fritznel", "Espoir", "Bill", "Keoni"}
REL_M = ["son", "husband", "grandson", "brother", "nephew", "uncle", "stepdad", "boyfriend", "cousin", "father"]
REL_F = ["daughter", "wife", "granddaughter", "sister", "niece", "aunt", "mother", "girlfriend", "cousin", "partner"]
def pick_name(r, male=None):
    while True:
        full, given = r.choice(NAMES)
        if male is None or (given in MALE_GIVEN) == male:
            return full, given
