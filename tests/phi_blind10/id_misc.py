PHONE = [
"pt's cell is 505-863-2271, best after 5pm",
"call daughter at (606) 435-9918 for consent",
"Contact: 928.674.3320",
"pt's home phone 307-332-1184, no voicemail",
"CHW can reach her at 701 255 4490",
"best # for mom: (520) 383-7719",
"pls call pt back at 1-800? no, his cell: 505-722-6603",
"His wife's number is 406-638-2215",
"Tel: +1 (907) 543-2817",
"text pt at 915-858-4402, prefers Spanish",
"Mobile: 605.867.3391",
"pt phone: (304) 436-8820 ext 12 (work)",
"If no answer, call his sister at 480-962-1157",
"Pt contact number 612-338-9045 (Somali interpreter needed)",
"Call back # 276-935-4418",
"Emergency contact: son, 918-456-0023",
"PH: 575-437-8809",
"He only has a landline: 907 842 5511",
"her number is 956.381.2260, she said texting is ok",
"cell (559) 264-3318 (Hmong speaking household)",
"""HIV ECHO case
36M, VL rebound to 3400 after 2 yrs suppressed
Missed 2 pickups, pharmacy called him at 505-325-7782 with no answer
Q: resistance testing now or after adherence counseling?""",
]
FAX = [
"pt asked us to fax the after-visit summary to his own home fax, 505-368-1190",
"Fax records to the pt's wife at her fax (602) 254-8810, she manages his appointments",
"pt's fax: 928-871-6602 (she runs a small business from home)",
"F: 307.856.2241 (pt's home fax for records)",
"Send release to the pt's daughter by fax 606-886-3371",
"Fax # for his employer's HR: 701-857-4408",
"pt wants results faxed to her home fax 505 863 7741",
"fax (605) 964-0087 - the family's fax at the ranch",
"Pt requested fax to 304-529-6610 (his work)",
"the family runs a tax business from home, their fax 520.295.3318 is how pt wants labs sent",
"fax to pt's guardian at 907-443-2260",
"Records for pt to be faxed to 915-544-9981 (pt's brother)",
"fax: 612.871.5530 - pt's own fax, for the disability form",
"FAX FOR PT'S HOME: 276-679-4411",
"Pt's personal fax line is 480-834-6672",
"pls fax pt's paperwork to her at 918-458-1194",
"Fax (home): 575-258-3317",
"Send to pt's fax 406-477-8823",
"the pt's wife gave her fax, 505-287-4490, for the FMLA papers",
"fax his disability paperwork to his home at (559) 498-2213",
]
EMAIL = [
"pt's email: rosie.begay58@gmail.com",
"she prefers email: tmartinez_1972@yahoo.com",
"Contact via email: dwaynehollister@outlook.com",
"email the daughter, kim.dunaway@hotmail.com",
"pt wants results at lakotarider88@gmail.com",
"His email is jbaptiste.haiti@gmail.com",
"E: mai.vang.2001@icloud.com",
"pt email sunnyhoskie@aol.com",
"Send the education handout to xiong.family@gmail.com",
"pt's work email: r.salinas@valleypacking.com",
"email: nurhodan99@gmail.com",
"can you email her at sadiya_w@yahoo.com?",
"Email: bigbuck.lovell@live.com",
"she gave us her email, tsosie.rosalind@navajo-nsn.gov",
"pt contact: cherokeegranny@windstream.net",
"email son: e.archuleta@comcast.net",
"pt reaches us at kalaniioane@hawaii.rr.com",
"email on file: babygirlyesi17@gmail.com",
"Patient's email (for portal): sokolov.ivan@mail.ru",
"please send to the pt's wife's email ngozi.eze.nurse@gmail.com",
]
SSN = [
"SSN 527-48-3391",
"pt's SS# is 448-29-1076",
"social: 601 33 8842",
"SSN: 123-45-6780? no, correct is 525-71-9034",
"Social Security Number 646-20-1183",
"ss# 512-66-0419, needed for disability app",
"pt's ssn ends in... full is 468-92-3357",
"SSN 230-18-7745 (for Medicaid app)",
"her social is 587-34-2290",
"SOCIAL SECURITY # 412-77-6031",
"SSN: 529 83 4410",
"pt SSN 648-05-2219",
"Son's SSN 455-61-8803 (he is the caregiver)",
"SS 601-42-7788",
"ssn 518-90-3364 for benefits",
"pt SSN: 233-47-1190",
"Social: 531-26-9947",
"SSN (for SSI appeal): 627-13-5502",
"pt ssn 219-58-4061",
"SSN 440-82-1736, pt homeless, needs card replaced",
]
MRN = [
"MRN 4471902",
"Chart # 00082713",
"pt MRN: A1193384",
"Medical record no. 7720-4418",
"MR# 3390127",
"IHS chart number 110548",
"MRN: 004-88-1193",
"Our EHR # for him is 9184402",
"pt's hospital number HN-672014",
"mrn 5501288",
"med rec #: 88-41-026",
"Patient ID 2041187 in our system",
"MRN 91-338-702",
"chart no. 44193",
"Medical Record Number: 0073851",
"Pt's UNM MRN is 3308914",
"MRN (Gallup Indian Med Ctr): 221045",
"MRN 6628190, see notes",
"EMR ID: PT00471922",
"MRN# 1188234 - same pt I presented in March",
]
HEALTH_PLAN = [
"Medicaid ID 912384775",
"Medicare # 1EG4-TE5-MK73",
"Insurance member ID: XJH884123901",
"pt's BCBS ID is ZGP729034811",
"AHCCCS ID A12345678",
"Member #: 00984412301 (Presbyterian Centennial Care)",
"Medicare MBI 5TR2-AB8-KN41",
"Centennial Care ID 200448813",
"pt's Medi-Cal BIC 91827364A",
"Humana ID H48829104",
"IHS/PRC eligibility #: 483901",
"Policy # UHC 774019283",
"Medicaid # 44-19-7830",
"health plan member ID WV0093381",
"Subscriber ID: 8831924056 (Molina)",
"pt's Ambetter member ID U7004412891",
"Tricare ID 1038842716",
"Medicaid ID: KY-002914556",
"plan ID# 33AB90712",
"pt's CHIP number 56210047",
]
ACCOUNT = [
"billing acct 88201934",
"account # 4417-2290-18",
"pt's hospital account number HAR 50019283",
"Acct no: 002931884",
"Patient account 7718-004",
"billing account #: 90213377",
"pt owes $4k on acct 33019482",
"Account: FIN 2209138",
"encounter account 661204998",
"bank account for pt's rep payee: 004412893301",
"guarantor acct 5520317",
"Acct #2218803, please waive",
"pharmacy charge account 10442 for pt",
"pt's HSA account 880129445",
"acct number 44918-02",
"hospital acct # HA-9912037",
"Self-pay account 3310472",
"pt's sliding scale account 00721",
"account no. 77-2039-11",
"visit acct 1220458809",
]
LICENCE = [
"pt's driver's license: NM 182934651",
"DL# K2293-4410-7788 (KY)",
"Driver license number: D48819273",
"his CDL # 078834122, drives trucks, worried about A1c",
"pt is a nurse, RN license 56734 (NM)",
"AZ DL D09128374",
"pt's LPN license # LPN-88213",
"Pt drivers lic: S530-7710-2281",
"License #: WV 0441928",
"pt is a pharmacist, license RPh 17043, worried about board",
"DL 99812034 (ND)",
"his commercial DL is A4409182 and DOT physical is due",
"pt (an EMT) certification number E-20419",
"Driver's lic. 71-229-0418",
"pt's CA DL: B8829104",
"pt is a physician, state license MD-44819, self-referred",
"SD DL 01992843",
"pt's dental hygiene license # DH 3301",
"Oklahoma DL T0993812",
"TX DL 40918273",
]
VEHICLE = [
"pt sleeps in his truck, plate NM 623-RTK",
"license plate: KY 418 BNC",
"car VIN 1FTFW1ET5DFA12345",
"pt lives in a van, plate AZ CWZ4412",
"He drove his wife in, the silver Tacoma, plate 8HGU221",
"WV plate 5LK-229",
"VIN: 3GNAXUEV0LL102938",
"her car (plate ND 45-A-112) was impounded with her meds inside",
"SD plate 2A 4411",
"Pt's plate # TXW-9021",
"vin 2T1BURHE0JC014420",
"pt's RV plate MT 3-28812A",
"His truck plate is 'NAVAJO1'",
"Tribal plate 7718 NN",
"vehicle: Ford F-150, VIN 1FTEW1EP7JKE55012",
"OK tag GZK-441",
"pt's car plate CA 7ABC129",
"plate WY 11-2290",
"VIN# 5NPE24AF0FH018273 (for DUI court letter)",
"pt drives a 2011 Silverado, plate AK HGT 204",
]
DEVICE = [
"ICD serial # PRN204488H",
"pacemaker SN: 71829834",
"insulin pump serial 5201-8849-0213",
"Dexcom G6 transmitter ID 8GM4TQ",
"Omnipod PDM serial 390012884",
"hip implant lot/serial 44019-2281",
"pt's VNS generator serial 128834",
"CPAP serial number 22411049873",
"Medtronic pump SN NG2203391H",
"spinal cord stim IPG serial 88412099",
"cochlear implant serial CI-551902",
"knee prosthesis serial K-00918372",
"LVAD serial HM3-44102",
"Libre sensor serial 0M0009KX3R",
"Nexplanon lot/serial 2931043",
"pt's hearing aid serial 20HA88124",
"intrathecal pump SN 7732-0192",
"defibrillator serial: BSC-ICD 339021",
"wheelchair power base serial PWC-88291",
"port-a-cath serial 4411902-A",
]
URL = [
"pt's GoFundMe: gofundme.com/f/help-ruth-ann-with-dialysis",
"his Facebook: facebook.com/dwayne.hollister.77",
"see the pt's blog at www.mylifewithhepc-rosie.com",
"fundraiser page https://www.gofundme.com/f/baby-nevaeh-lead",
"pt posted on instagram.com/lakota_rider_88 about her meds",
"pt's caringbridge: caringbridge.org/visit/haroldbjornstad",
"TikTok @tammybledsoe_fibro - she posts her pain diary",
"his youtube channel youtube.com/@BuckLovellOutdoors",
"the family's page https://www.facebook.com/groups/prayersforamosyazzie",
"pt's linkedin linkedin.com/in/valentin-oyelaran",
"https://mealtrain.com/trains/kx9r2p for pt's family",
"her etsy shop etsy.com/shop/NavajoBeadsByWinona",
"pt shared x.com/keisha_dorsey_ on her PrEP story",
"pt's obituary https://www.legacy.com/us/obituaries/name/orville-tackett",
"portfolio site: www.jacintabegayart.com",
"pt's Venmo link venmo.com/u/Brody-Kincaid-7",
"pt's church live-stream page: facebook.com/RevOatisMinistries",
"her support page at spot.fund/helpshaylee",
"personal site www.kalaniioane.net",
"pt's podcast: anchor.fm/recovery-with-travis",
]
IP = [
"pt logged into the portal from IP 71.212.44.108",
"telehealth session from 98.174.22.9 dropped 3 times",
"IP address: 24.116.203.77 (pt's home)",
"pt's device IP 172.58.99.14",
"portal login from 68.2.145.201 flagged",
"his router IP 192.168.1.1? no, public 73.242.18.56",
"IP 209.193.66.41, pt accessing from library",
"video visit IP 174.63.110.229",
"remote monitoring device reports from 66.87.140.3",
"pt's IPv6 2601:1c0:4b00:7a0::3f",
"CGM uploads from 107.77.212.88",
"pt IP: 45.49.210.117",
"access log: 162.208.14.90 at pt's home",
"pt's home IP 99.36.201.18",
"zoom from 76.121.7.240 (pt)",
"IP 184.100.33.12 - pt's Kindle",
"pt uses 63.227.118.5 at work",
"CPAP modem IP 10.? public is 166.175.60.71",
"telepsych visit from 208.54.5.199",
"pt's connection 97.118.240.63",
]
OTHER = [
"pt's tribal enrollment # 418-K-22931",
"Inmate ID 2209134",
"Case # CR-2024-00981 (drug court)",
"claim number 0023918475",
"CIB # 1034-7782",
"DOC # 771204",
"Workers comp claim WC-2023-44189",
"Booking number B25-00412",
"CPS case file 2025-0381-JJ",
"Docket no. D-1116-CR-2024-00213",
"Alien registration A-209-184-553",
"Navajo census # 220418",
"Pt's probation case # PR-19-4471",
"Disability claim # 882-04-1193",
"prisoner number 88291-051",
"refugee case # EA-1102934",
"child support case 5502981",
"VA claim # 21-2218834",
"Cherokee citizenship # C0093318",
"EBT card number 5077 1900 2283 4419",
]
PHONE += [
"""HCV ECHO - case 2
52F, GT1b, FIB-4 2.9, elastography 11.2 kPa
Meds: metformin, lisinopril, trazodone
She has no stable address; the only way to reach her is her sister's cell 505-409-1872
Q: 8 wk G/P given adherence risk, or dispense all 3 bottles at once?""",
"CHW: pt changed phones again, new number is 928 206 5514, she says text only, no calls",
"pharmacy tried to call pt re: PA approval, left msg at (304) 877-2093",
"for the home visit please call the granddaughter first — 907.561.4420 — grandpa doesn't hear the phone",
"DETAINEE'S MOTHER CALLED ASKING ABOUT HIS METHADONE, CALLBACK 575-644-1308",
]
FAX += [
"""Moms + Babies ECHO
24F, 30 wk, methadone 110 mg, QTc 462
She asked that her WIC paperwork go to her mom's home fax (505) 892-3310, she has no printer
Q: split dosing in 3rd trimester?""",
"pt's husband owns the hardware store and wants the FMLA faxed to the store: 406-265-7781",
"FAX # PROVIDED BY INMATE'S FAMILY FOR RELEASE OF INFO: 580-332-9016",
]
EMAIL += [
"""Behavioral health ECHO, lithium
27M, bipolar I, recently started lithium 600 bid
Reliable only by e-mail (no phone): kota.morningstar.art@gmail.com
Q: how often to check levels when follow-up is by email reminders only?""",
"the mom asked us to send the school form to her email, lupita.quintanilla83@hotmail.com, she can't come in",
"pt's son handles her portal, his email is tanner.blevins.ky@gmail.com",
"for the teledentistry ref pt gave email yupik.grandma.nora@gci.net",
]
SSN += [
"""Case for the benefits/CHW part of the session
58M, ESRD on HD, lost SSDI after incarceration
SSN 532-19-8846 needed for reinstatement; CHW helping with paperwork
Q: any ECHO resources for reinstating benefits after release?""",
"the rep payee form asks for her SS number, she wrote 609-41-2273 on the intake sheet",
"pt's daughter gave her own SSN 450-37-9128 by mistake on the consent form",
]
MRN += [
"""Wound ECHO
74M, venous leg ulcer L medial malleolus, 6 x 4 cm
Previous photos are in his chart (MRN 3381092) if the hub wants them
ABI 0.95, on compression
Q: add pentoxifylline?""",
"this is the same baby from the NICU case, MRN 20-118-447, now 3 mo and weaning morphine",
"please look up our pt under hospital MRN 7730412 in the shared HIE",
]
HEALTH_PLAN += [
"""DM TeleECHO - coverage issue
45M, A1c 10.6, wants a GLP-1
Insurance: Ambetter, member ID U9018832617, denied Ozempic, requires metformin trial
Q: appeal wording?""",
"PA for Sublocade denied; her Medicaid member number is 778213904, plan says bup films only",
"the tribal self-insured plan ID is CNHS-0049128 for this pt, they cover DAAs",
]
ACCOUNT += [
"""CHW note for ECHO
Pt got a $6,800 bill for the ED visit, hospital account #ED-4419023
Applied for charity care, still pending
Q: does the hub know of any program for uninsured DKA admissions?""",
"sliding-fee acct 55102 — pt's family paid the deposit",
"patient's pharmacy account with the mail-order program: 9920-11834",
]
LICENCE += [
"""OUD ECHO
41M, commercial truck driver on bup 12 mg
Worried about his CDL (TX CDL # 34019827) and DOT medical card
Q: does bup disqualify a CDL holder? what should the exam say?""",
"pt is a nurse at the hospital here (RN lic 0881293), self-referred for alcohol use, terrified of the board",
"his driver's license K0029-81177 was suspended after the seizure",
]
VEHICLE += [
"""Wound/Homeless outreach ECHO
56M living in his car, a 2004 Buick, plate NM BXR-229
Chronic venous ulcers both legs, can't elevate legs at night
Q: compression options for someone sleeping upright?""",
"the outreach team found her in the blue minivan with Montana plate 4-99217A behind the gas station",
"VIN 1GCGK29U94E200193 listed on the impound form; her insulin and bup are in the truck",
]
DEVICE += [
"""Cardio-renal ECHO
68M with ICD (serial RCZ-041177) and CKD 4
Multiple shocks this month, K 3.2 after diuresis
Q: could hypoK explain this? next steps before device clinic?""",
"pt's insulin pump was recalled; serial on the back is NG4411928H, company says to return it",
"the Nexplanon implant serial on her card is LOT-X228103",
]
URL += [
"""Pain ECHO
46F with CRPS after wrist fracture
She's been documenting her flares on her blog, https://crpswarrior-dani.blogspot.com
Q: role of bisphosphonates early in CRPS?""",
"mom made a fundraiser for his insulin pump: gofundme.com/f/pump-for-mateo-q",
"pt's tiktok where she posts her sugars: tiktok.com/@sugarmama_yesenia",
]
IP += [
"""Telehealth/psych ECHO
Our video visits with this pt keep failing
Vendor log shows her connection from 216.169.41.22 dropping every 4-5 min
Q: is audio-only acceptable for a lithium follow-up?""",
"remote cardiac monitor transmitting from 71.33.190.244 at the pt's house stopped sending",
"portal audit: pt's account accessed from 198.51.44.207 which she says wasn't her",
]
OTHER += [
"""Corrections ECHO
31M, HCV RNA+, 14-month sentence
State DOC number 1190382; the parole board date matters for tx planning
Q: 8 wk G/P now or wait for release?""",
"tribal enrollment no. is required on the PRC form — his is 332-C-00914",
"his ICE detainee number A-088-219-664 is needed for the med transfer",
"court-ordered treatment, docket CV-2025-0217, judge wants monthly UDS reports",
]
