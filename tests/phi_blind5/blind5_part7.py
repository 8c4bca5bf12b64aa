# -*- coding: utf-8 -*-
"""blind5 part 7: evasion texts -- identifiers typed the way a hurried or evasive
person types them (spelled-out or spaced digits, 'at'/'dot', lowercase, ALL CAPS,
abbreviations, misspellings, slang, names buried in long text)."""

EVASION_TEXTS = [
    # phone
    ("phone", "call her dtr at five oh five, five five five, oh one four two -- she's the one who knows the meds"),
    ("phone", "pt cell 9 2 8 5 5 5 0 1 1 9, txt only"),
    ("phone", "text grandma @ 907 five five five zero one six six if the cgm goes off"),
    ("phone", "her # is 505 555 01 34 (she changed it again)"),
    ("phone", "reach him at six zero six - 555 - 0155, leave a msg w his mom"),
    ("phone", "PH: EIGHT OH EIGHT FIVE FIVE FIVE OH ONE TWO ONE"),
    # fax
    ("fax", "f: 6 0 5 . 5 5 5 . 0 1 9 8 -- hospice wants the orders there"),
    ("fax", "fax the PA to five seven five, five five five, zero one seven nine attn pharmacist"),
    # email
    ("email", "pt email is grandma dot sugar at example dot com, she checks it on her tablet"),
    ("email", "send the handouts to reznurse44 (at) example (dot) org"),
    ("email", "email: blue . corn . 77 @ example . net"),
    ("email", "EMAIL: NIGHTOWL DOT RN AT EXAMPLE DOT COM -- SHE WANTS PrEP REMINDERS THERE"),
    ("email", "his addy is tundra_fisher at example.com, no caps"),
    # url
    ("url", "his page is www dot example dot com slash fundraiser slash help-uncle-get-dialysis"),
    ("url", "pics of the wound at h t t p s : / / example . org / u / wound-pics-44"),
    ("url", "the gofund is example[.]com/gofund/new-kidney, fam asked us to share"),
    # ip
    ("ip", "tablet connected from 192 . 0 . 2 . 17 per the video platform"),
    ("ip", "ip was one nine eight dot five one dot one hundred dot twenty"),
    ("ip", "rpm hub at 10 dot 14 dot 2 dot 33 keeps dropping"),
    # ssn
    ("ssn", "ssn 5 1 2 4 4 0 9 1 7 for the pap application"),
    ("ssn", "social is four seven three, two one, eight eight five six"),
    ("ssn", "soc sec # 601382247 -- no dashes, that's how it's written on the jail form"),
    # mrn
    ("mrn", "mrn zero zero four eight three nine two one, pls pull old echo"),
    ("mrn", "M R N 4 4 1 8 6 0 2 (outside lab)"),
    # health plan
    ("health_plan", "medicaid number 9 1 0 0 4 8 3 7 2 6 -- pharmacy says inactive"),
    ("health_plan", "ahcccs # a one two three four five six seven eight"),
    # account
    ("account", "acct no. seven seven three four oh oh two one went to collections"),
    # licence
    ("licence", "dl # d one two three four five six seven, suspended after the sz"),
    ("licence", "CDL no. kay seven seven three two oh one nine -- he needs it for work"),
    # vehicle
    ("vehicle", "plate is four eight two tango romeo kilo, gray car, she sleeps in it behind the clinic"),
    ("vehicle", "VIN 1 FTEW 1EP5 JKE 12345 -- the impounded truck with his insulin"),
    # device
    ("device", "pump s/n one two two eight dash four four three zero one dash bee"),
    ("device", "cgm txmtr id 8 G 4 K 2 P wont pair"),
    # other code
    ("other_code", "inmate number two two nine one oh four seven, needs methadone continued"),
    ("other_code", "tribal enrollment # four one seven - zero zero eight eight two three for PRC"),
    # names
    ("name", "pt darlene begay f/u for a1c, sugars better"),
    ("name", "MR. TSOSIE HERE FOR HCV F/U, SVR12 DRAWN, NO COMPLAINTS"),
    ("name", "dtr kayla does all his meds, pt can't see the pill bottles"),
    ("name", "hx from sister maria -- pt confused x 3 days, not eating"),
    ("name", "pts husbnd roberto brings her to appts, he's the only one who drives"),
    ("name", "NGUYEN VAN MINH 67M HBV, DNA 4.2 LOG, ALT NL"),
    ("name", "pt = j. yazzie, 54f, a1c 11"),
    ("name", "works @ kuchenbeker dairy nights, can't make morning dosing"),
    ("name", "mom (shawna t.) says he's not eating and sleeps all day"),
    ("name", "pt mr yazi (sp?) wants to stop his insulin, says it makes him gain weight"),
    ("name", "caregiver is 'grandma bea', she's raising the 3 kids"),
    ("name", "auntie leilani kahale is the one who gives him the shots"),
    ("name", "So this is one of those cases where everything kind of went sideways at once. 51F with T2DM, HFpEF, and CKD 3b, A1c 10.6, on way too many meds (I counted 17). She's been doing ok-ish until her son-in-law ricky dawes moved in and started cooking for the household, which is great, except everything is fried and salted. Weight up 6 kg, BP 170s, edema to the knees. Not sure whether to start with the diet or the meds."),
    ("name", "long story short the pt was stable on bup for 3 yrs then relapsed after losing her job. the guy she lives with, t-bone (real name terrence bolling), is dealing out of the house. she wants to come back in but is scared. how do we make re-entry easy?"),
    # geography
    ("geography", "lives in gallop nm, rides the shuttle to dialysis"),
    ("geography", "pt from shiprok, no running water at home"),
    ("geography", "pt stays in the burque w/ her cousin now"),
    ("geography", "lives in T or C, drives up every week for his shot"),
    ("geography", "pt's from the Pine Rdg rez, dialysis is 2 hrs away"),
    ("geography", "lvs nr hooper bay, fly-in only"),
    ("geography", "ZIP eight seven three two seven, mail goes to the trading post"),
    ("geography", "address is fourteen twenty coal avenue southeast, upstairs unit"),
    ("geography", "LIVES IN CHINLEE, NO CAR, NEAREST PHARMACY 1 HR"),
    ("geography", "we did the home visit -- tiny place out past the chapter house, she's got a wood stove, no smoke detector, and the road is mud half the year. her grandson drove us from tuba cty because our truck wouldnt make it. bp 190/110 on arrival, no meds in the house."),
    # dates
    ("date", "born the fourteenth of march sixty one"),
    ("date", "dob 3 14 61"),
    ("date", "admitted aug fifteenth w dka"),
    ("date", "LMP 1st wk of june, not sure exactly"),
    ("date", "d/c'd on the ides of march on eliquis"),
    ("date", "DOB 14-3-61 (written euro style on the refugee paperwork)"),
    ("date", "lmp was 2 wks after thanksgiving she thinks"),
    ("date", "next inj due the twenty third, she'll be at fish camp"),
    # age over 89
    ("age_over_89", "age ninety three, lives alone, still chops wood"),
    ("age_over_89", "she's a hundred and one and sharp as a tack"),
    ("age_over_89", "pt is ninety something, family not sure exactly, no birth certificate"),
    ("age_over_89", "YOB '31 per the tribal census card"),
    ("age_over_89", "AGE: NINE-FOUR. FALLS X3. ON WARFARIN."),
    ("age_over_89", "93yr old grandpa, hypoNa 121 on hctz"),
]
