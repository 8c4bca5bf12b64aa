"""Word lists the PHI detectors use: common names, eponyms, places that are not identifiers.

Names are the commonest first names and surnames in US primary care, across the populations
ECHO programs serve; they catch names that no surrounding cue gives away. Names that are also
ordinary English words (Will, Grace, Brown) count only with a cue such as "Mr." or "her son".
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(word.strip().lower() for word in text.split() if word.strip())


FIRST_NAMES = _words("""
aaron abigail adam adrian adriana aidan aiden alan albert alberto alejandra alejandro alex alexa alexander
alexandra alexis alfonso alfred alfredo alice alicia alisha alison allison alma alvin amanda amelia amy ana
andre andrea andres andrew angela angelica angelina anita ann anna annette annie anthony antonio april
araceli ariana arlene armando arnold arthur arturo ashley audrey austin ava barbara beatriz becky belinda
ben benjamin bernadette bernard beth betty beverly billy blanca bobby bonnie brad bradley brandon brenda
brian brianna bridget brittany bruce bryan byron caleb camila candace carla carlos carmen carolina caroline
carrie carter cassandra catherine cecilia celeste cesar charlene charles charlotte chelsea cheryl chris
christian christina christine christopher cindy claire clara clarence claudia clifford clinton cody colleen
connie consuelo corey courtney craig cristina curtis cynthia daisy dale dalia damian dana daniel daniela
danielle danny darlene darrell darren david deanna debbie deborah debra delbert delores denise dennis derek
derrick desiree diana diane diego dolores dominic donald donna doris dorothy douglas duane dustin dwayne
dylan earl eddie edgar eduardo edward edwin eileen elaine elena elijah elizabeth ella ellen elmer eloise
elsa elsie emily emma enrique eric erica erik erika ernest ernesto esperanza esteban estela esther ethan
eugene eva evan evelyn fabian felicia felipe felix fernando flora florence frances francisco franklin fred
freddie frederick gabriel gabriela gail gary gavin genevieve george gerald geraldine gerardo gilbert
gilberto gina gladys glen glenda glenn gloria gordon graciela greg gregory guadalupe guillermo gustavo
gwendolyn haley hannah harold harry hector heidi helen henry herbert herman hilda howard hugo ian ignacio
irene irma isaac isabel isabella isaiah ismael israel ivan jacob jacqueline jaime jake james jamie jane
janet janice jared jasmine jason javier jayden jeanette jeffrey jenna jennifer jeremy jerome jerry jesse
jessica jesus jill jimmy joan joann joanna joe joel johanna john johnny jonathan jordan jorge jose josefina
joseph josephine joshua juan juana juanita judith judy julia julian juliana julie julio justin kaitlyn karen
karina karl katherine kathleen kathryn kathy katie kayla keith kelly kelsey ken kendra kenneth kevin kim
kimberly kristen kristina kyle larry latasha latoya laura lauren laurie lawrence leah lee leonard leroy
leslie leticia lewis liam linda lindsey lisa lloyd logan lois lonnie lorena lorenzo loretta lori lorraine
louis louise lucas lucia luis luisa luz lydia lynn mabel madison manuel marcela marco marcos marcus margaret
margarita maria mariah marian maribel marie marilyn mario marisol marjorie marlene marsha martha martin
martina marvin mary mason matthew maureen maurice maxine megan melanie melinda melissa melvin mercedes
micah michael micheal michele michelle miguel mildred miranda miriam mitchell monica monique nadia nancy
naomi natalie natasha nathan nathaniel nelson nicholas nicole noah noemi nora norma oliver olivia omar oscar
pablo pamela patricia patrick paul paula pauline pedro peggy penny perla peter philip phillip phyllis
priscilla rachel rafael ramiro ramon ramona randall randy raquel raul ray raymond rebecca regina reginald
renee ricardo richard rick ricky rita roberta roberto robert rodney rodolfo rodrigo roger roland ronald
ronnie rosa rosalie rosario roxanne roy ruben russell ruth ryan sabrina salvador samantha samuel sandra sara
sarah scott sean sergio shane shannon sharon shawn sheila shelby shelley sherry shirley sofia sonia sophia
stacy stanley stephanie stephen steve steven susan suzanne sylvia tamara tammy tanya tara teresa terrence
terri theodore theresa thomas tiffany timothy tina todd tomas tommy tonya tracy travis trevor tyler
valerie vanessa vernon veronica vicente vicki victor victoria vincent virginia walter wanda wayne wendy
wesley whitney william willie xavier yesenia yolanda yvette yvonne zachary
ahmed ali fatima hassan mohammed muhammad omar yusuf aisha amina layla mei ming wei li jun hui yan
nguyen thanh linh minh anh hoa tuan duc hung priya raj rahul anil sunil deepak sanjay vijay arjun ananya
kiona aiyana ahanu dyani halona nayeli kai koda takoda winona chenoa tallulah nizhoni shandiin
darnell deshawn jamal keisha lakisha latonya tyrone shanice aaliyah imani jalen kiara tamika tanisha
jose luis juan carlos jesus tomas santiago mateo sebastian valentina ximena xochitl yadira yessenia
tom jim jimmy bob bobby mike dave steve sue liz beth kate katie meg jen jenny chris matt nick dan danny ben
sam tony rick ron ronnie ed eddie al bert chuck hank lupe chuy pancho nacho lalo memo paco pepe lola lulu
nena beto toño tono chela cuca pita gaby vicky becky debbie patty cathy peggy tina trish
""")

SURNAMES = _words("""
smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson harris sanchez clark ramirez lewis
robinson walker allen torres nguyen flores rivera gomez diaz cruz reyes morales ortiz gutierrez chavez
ramos ruiz alvarez castillo jimenez vasquez romero herrera medina aguilar vargas castro mendoza moreno
salazar guzman munoz soto delgado contreras sandoval estrada padilla cortez dominguez vega rios luna
maldonado acosta campos fuentes pena navarro espinoza trujillo montoya archuleta baca lucero gallegos
martinez sena tafoya vigil valdez apodaca chacon duran gurule jaramillo lovato maestas mondragon
quintana roybal salas sisneros ulibarri varela zamora
begay yazzie benally tsosie nez tso etsitty tohee joe charley harvey chee manygoats bitsui jim
peshlakai yellowhorse silversmith thompson lente chavarria lujan naranjo tafoya herrera
kim park choi chen wang li liu zhang huang lin wu tran le pham hoang phan vu dang bui do ho ngo
patel shah singh kumar gupta sharma khan ahmed ali hussain
washington jefferson freeman banks dixon bryant gaines hayes simmons coleman jenkins perry powell
murphy sullivan mcdonald kennedy obrien oconnor kelly ryan walsh
schmidt schneider fischer weber meyer wagner becker schulz hoffmann
""")

# Names that are ordinary English words too: only with a cue ("Mr. Brown", "her son Will").
AMBIGUOUS_NAMES = _words("""
will may june april august grace hope faith joy mark bill rose jack max dawn summer autumn chase hunter
frank miles sunny angel carol holly ivy lily ruby amber crystal daisy jade iris pat gene guy art rich
sandy cliff dean don norm wade chip rusty robin sky rock stone brook star hazel olive violet ginger
pepper honey mercy patience charity harmony melody destiny trinity genesis nova river rain storm sage
lane reed heath lee joe kim ray dale lynn jean dean royal king young long wood hill green black gray
christian penny mercedes israel jordan chad eve pearl earl major prince gay ana eva ada amy ed al
cruz luz paco memo nena pita cuca
grey white brown bell price rice hall ward young page love case cross fox frost gold hart hunt rose
lucky sharp strong swift wise french english dixon banks hayes powell perry freeman park le do ho
""")

# Eponyms: capitalised words that name diseases, signs, scores and tests rather than people here.
EPONYMS = _words("""
addison adie alzheimer apgar argyll asperger auspitz babinski baker barr barre barré barrett beau becker
behcet bell bouchard bowen breslow brudzinski brugada buerger chagas charcot cheyne child chvostek clark
cockcroft colles conn courvoisier creutzfeldt crohn cullen cushing danlos down duchenne dupuytren eaton
ehlers ellison epstein fanconi felty finkelstein fisher fleischer friedewald gault gaucher gehrig gilbert
glasgow gleason graves guillain wagner tanner hashimoto heberden hirschsprung hodgkin holmes homans hoover horner
huntington hurler hutchinson jakob janeway johnson kaposi kawasaki kayser kernig klinefelter koplik
korsakoff kussmaul lachman lambert legg lewy lou lown ludwig lyme mallory marfan mcburney mcmurray meckel
meniere mees miller murphy niemann nikolsky osgood osler paget parkinson perthes phalen pick pott pugh
ranson raynaud reiter reye robertson romberg roth rovsing sachs schlatter sjogren sjögren stevens still
stokes takayasu tay tietze tinel tourette trendelenburg trousseau turner vincent virchow von wegener
weiss wells wernicke whipple white willebrand wolff zenker zollinger levine ganong hamman
braden rankin foley richmond hickman norton mallampati karnofsky hoffmann salter harris
""")

EPONYM_NOUNS = _words("""
disease diseases syndrome sign signs palsy score scale criteria classification class stage test
maneuver manoeuvre reflex phenomenon thyroiditis encephalopathy lymphoma sarcoma esophagus oesophagus
ulcer ulcers cyst node nodes triad law formula equation virus granulomatosis ataxia chorea dystrophy
contracture fracture tumor tumour dementia disorder spots rings lines nodules arthropathy disease's grade
type index rule rules technique procedure operation repair catheter tube incision position protocol
scores scales tests grades stages classes types criterion indices maneuvers reflexes catheters tubes
pulse pulses breathing respirations murmur murmurs point triangle bodies cells lesions nodules
""")

# Drug and device brand names that clinical text capitalises and that are also given names somewhere (SSA's baby
# names hold Lyrica, Allegra, Makena, Mirena, Revia): a curated list of common US brands, checked by hand against
# the names data; never a name without a title before it ("Lyrica was started" passes, "Mrs. Allegra" does not).
DRUG_BRANDS = _words("""
lasix norco keppra lantus xanax zoloft paxil ambien lyrica cialis humira ozempic jardiance biktarvy descovy atripla
eliquis xarelto narcan vivitrol sublocade suboxone zubsolv harvoni epclusa mavyret flovent symbicort advair tylenol
motrin aleve benadryl celexa prozac zyprexa abilify seroquel latuda depakote lamictal trulicity victoza januvia
farxiga entresto coreg norvasc zestril cozaar plavix coumadin lovenox keflex bactrim cipro levaquin zithromax
augmentin valtrex tamiflu paxlovid dexcom libre omnipod tresiba toujeo basaglar humalog novolog levemir mounjaro
wegovy zepbound rybelsus invokana actos glucophage synthroid cymbalta effexor wellbutrin lexapro remeron buspar
klonopin ativan valium adderall ritalin vyvanse concerta strattera risperdal haldol invega aristada brixadi chantix
nicorette antabuse campral revia imitrex topamax neurontin flexeril robaxin mobic celebrex ultram percocet vicodin
dilaudid oxycontin prilosec nexium protonix pepcid reglan zofran phenergan miralax colace senokot flomax viagra
premarin provera nexplanon mirena paragard makena rhogam gardasil prevnar shingrix epipen proventil ventolin spiriva
breo trelegy singulair zyrtec claritin allegra flonase dupixent otezla stelara remicade enbrel xeljanz rinvoq
kenalog medrol lipitor crestor zocor zetia repatha aldactone kerendia procrit epogen renvela venofer genvoya
triumeq dovato juluca cabenuva apretude truvada prezcobix odefsey isentress tivicay vemlidy viread priftin xifaxan
keytruda tagrisso herceptin narcan kloxxado lucemyra naltrexone depo sprix marinol
""")

# Roles, services and documents that follow a title or a relative's word in clinical text ("our Nurse
# Practitioner", "Patient Navigator Ann", "Doctor Visit notes", "NURSE PRACTITIONER NOTE"): never a name.
ROLE_WORDS = _words("""
practitioner practitioners educator educators navigator navigators manager managers midwife midwives aide aides
assistant assistants specialist specialists coordinator coordinators champion champions liaison supervisor
director lead visit visits line hotline station call note notes program programs care team office services
service consult consults practice triage informatics advocate advocates counselor counselors therapist
therapists technician technicians tech techs worker workers staff student students resident residents fellow
fellows attending intern interns extender extenders partner portal
""")

# Products named after people, and slang, that clinical text mentions: "drinks Dr Pepper", "uses Mrs. Dash",
# "Little Debbie cakes", "a fifth of Jack Daniel's". A curated list (US food, drink and store brands with a
# person's name in them, checked by hand), not a registry's: a name inside one of these is no person.
BRAND_PHRASES = frozenset({
    "dr pepper", "mrs dash", "little debbie", "jack daniel's", "jim beam", "johnnie walker",
    "jose cuervo", "captain morgan", "mary jane", "sara lee", "betty crocker", "aunt jemima", "uncle ben's",
    "chef boyardee", "marie callender's", "mrs butterworth's", "ben & jerry's", "ben and jerry's", "wendy's",
    "arby's", "hardee's", "denny's", "mcdonald's", "carl's jr", "papa john's", "jimmy dean", "orville redenbacher",
    "dr scholl's", "mike's hard", "jack link's", "oscar mayer", "ronald mcdonald house", "mountain dew",
    "sam's club", "trader joe's", "long john silver's", "jenny craig", "jack in the box", "little caesars",
    "papa murphy's", "tim hortons", "famous amos", "debbie meyer", "marie's", "ruth's chris", "bob evans",
    "dave's killer", "annie's", "newman's own", "kellogg's", "campbell's", "smucker's", "dickey's",
})  # fmt: skip

US_STATES = _words("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma
oregon pennsylvania rhode island tennessee texas utah vermont virginia washington wisconsin wyoming
puerto rico guam samoa
""")

# Places larger than a state, and capitalised words that follow "from" or "in" without being places.
NOT_PLACES = _words("""
america usa us canada mexico guatemala honduras salvador el nicaragua cuba haiti jamaica colombia
venezuela peru brazil ecuador bolivia chile argentina china india vietnam philippines korea japan
russia ukraine poland germany france spain italy africa nigeria ethiopia somalia kenya congo iraq iran
syria afghanistan pakistan bangladesh nepal burma myanmar laos thailand cambodia europe asia
the a an his her their our my this that these those spanish english navajo dine diné zuni hopi apache
medicaid medicare va ihs ed er icu urgent care emergency department hospital clinic jail prison
pharmacy shelter rehab detox home work school college university church december january february
march april may june july august september october november monday tuesday wednesday thursday friday
saturday sunday spring summer fall autumn winter state states county rural frontier tribal reservation
north south east west northern southern eastern western central new
""")

# Places as large as a state or larger (territories, world and US regions): Safe Harbor removes only the
# subdivisions smaller than a state, so "from Latin America" or "the Great Plains region" identifies nobody.
LARGE_REGIONS = frozenset({
    "latin america", "central america", "south america", "north america", "the caribbean", "caribbean",
    "american samoa", "guam", "puerto rico", "northern mariana islands", "virgin islands", "us virgin islands",
    "micronesia", "marshall islands", "palau", "pacific islands", "the pacific islands", "pacific", "the pacific",
    "pacific northwest", "great plains", "midwest", "the midwest", "appalachia", "new england", "deep south",
    "the south", "southwest", "the southwest", "northeast", "southeast", "four corners", "southeast asia",
    "middle east", "east africa", "west africa", "horn of africa", "sub-saharan africa", "the gulf coast",
    "gulf coast", "the border", "us-mexico border", "alaska native villages",
    # rivers, valleys, ranges and belts that cross state lines
    "ohio river", "ohio valley", "ohio river valley", "mississippi river", "mississippi delta", "missouri river",
    "tennessee valley", "columbia river", "colorado river", "rio grande", "great lakes", "rocky mountains", "rockies",
    "ozarks", "the ozarks", "black belt", "rust belt", "bible belt", "sun belt", "stroke belt", "great basin",
    "colorado plateau", "high plains", "upper midwest", "mid-atlantic", "mountain west", "gulf states",
    "pacific islanders", "pacific islander", "delmarva", "chesapeake bay", "great smoky mountains",
})  # fmt: skip

# A.M., U.S. and credentials: capital letters with dots that are not a person's initials.
NOT_INITIALS = frozenset(
    {
        "AM",
        "PM",
        "US",
        "UK",
        "MD",
        "DO",
        "RN",
        "NP",
        "PA",
        "DC",
        "BP",
        "GI",
        "ER",
        "ED",
        "OR",
        "PO",
        "IV",
        "IM",
        "SC",
        "SQ",
        "OD",
        "OS",
        "OU",
        "PT",
        "OT",
        "ST",
        "HS",
        "QD",
    }
)

# Nicknames and short forms of US cities (public usage, not a corpus's): smaller than a state, so a place where one
# is meant ("moved to philly", "cedar riverside mpls"); a nickname with nothing around it passes like a big city.
CITY_NICKNAMES = frozenset({
    "nola", "mpls", "philly", "nyc", "abq", "burque", "the burque", "albq", "chi-town", "chitown", "chiraq",
    "htown", "nawlins", "frisco", "motown", "beantown", "pdx", "stl", "kc", "okc", "slc", "dfw", "atl", "bmore",
    "indy", "jax", "cbus", "cincy", "pgh", "nashvegas", "vegas", "sf", "the bronx", "bklyn", "the cities",
    "twin cities", "msp", "t or c", "the big apple", "big easy", "the big easy", "the burgh", "satx", "atx",
})  # fmt: skip

# Native nations and peoples whose names are also US towns (Lakota, Cheyenne, Omaha): a people, not a place, unless a
# residence cue comes first ("lives in Cheyenne"); "58F Lakota", "Lakota youth", "the Lakota nation" pass.
PEOPLES = frozenset({
    "lakota", "dakota", "sioux", "cheyenne", "arapaho", "crow", "blackfeet", "blackfoot", "shoshone", "comanche",
    "kiowa", "cherokee", "choctaw", "chickasaw", "seminole", "osage", "pawnee", "omaha", "ponca", "winnebago",
    "ojibwe", "chippewa", "menominee", "oneida", "mohawk", "seneca", "cayuga", "onondaga", "iroquois", "shawnee",
    "mohave", "pima", "yaqui", "paiute", "ute", "washoe", "klamath", "modoc", "yakama", "nez perce", "spokane",
    "tlingit", "haida", "inupiat", "yupik", "aleut", "hmong", "samoan", "chamorro", "marshallese", "tongan",
    "hawaiian", "tohono o'odham", "oglala", "hunkpapa", "lumbee", "miccosukee", "potawatomi", "kickapoo", "muscogee",
    "wichita", "caddo", "hidatsa", "mandan", "arikara", "assiniboine", "gros ventre", "salish", "kootenai",
})  # fmt: skip

# Drugs' and clinical shorthand that are also town names ("spiro", "amio", "vanc"): never a town on their own.
CLINICAL_SHORTHAND = frozenset({
    "spiro", "amio", "vanc", "vanco", "zosyn", "pip", "dig", "digoxin", "levo", "metro", "doxy", "cipro", "amox",
    "keppra", "lasix", "coumadin", "bactrim", "plavix", "norco", "humalog", "lantus", "atripla", "omnipod", "dex",
    "epi", "neo", "bicarb", "mag", "phos", "lytes", "hep", "heme", "onc", "neuro", "nephro", "pulm", "gyn", "derm",
    "rheum", "endo", "ortho", "psych", "peds", "gen", "tele", "echo", "cath", "trach", "peg", "picc", "ostomy",
})  # fmt: skip
