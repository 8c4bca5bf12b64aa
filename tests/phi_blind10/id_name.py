NAME = [
"pt is Darnell Whitfield, 54M, HCV GT1a, treatment naive, wants to start before he goes back on the road",
"Referring Mrs. Ofelia Castañeda for her A1c that keeps climbing despite glargine 40u",
"58 yo F (Rosalind Tsosie) with new dx of HFpEF, on furosemide 40 bid, question re SGLT2",
"my guy Travis Emmert is back, relapsed on fentanyl after 9 months on bup. wants to restart",
"CASE: Khadra Abdirahman, 31F, G3P2, 24 weeks, latent TB on screening. INH vs rifapentine in pregnancy?",
"HPI: 67M with progressive memory loss x2 yrs. Wife Gloria reports he gets lost driving to church. MoCA 18/30.",
"Pt name: Xiong Pa Chia. 44F. Type 2 DM, A1c 10.2. Only speaks Hmong, daughter interprets.",
"Hi all - presenting Lorenzo 'Ren' Benally today, 19M, first episode psychosis, cannabis daily",
"Question about Nguyen Thi Lan, 72 F, CKD 4, eGFR 22, K 5.6 on lisinopril",
"jail intake: inmate Dwayne R. Hollister, 38, reports last use heroin 2 days ago, COWS 14",
"Mr. Kalani Ioane has been on the transplant list since last year, Cr 4.1",
"Following up on Jeanette from last session - Jeanette Pruitt, the lady with the venous stasis ulcer. Wound is now 3x4 cm.",
"Child: Mateo Quintanilla-Reyes, 7 yo, asthma exacerbations x4 this school year, on albuterol only",
"Patient Bernadette Two Bulls, 61F, RA on methotrexate 15mg weekly, LFTs ALT 88",
"Her son Eduardo brings her to every visit and says she has stopped eating. 84F with Alzheimer dementia.",
"Please advise on Lijon Jetnil, 46M from the Marshall Islands, A1c 12, new foot ulcer, also BCG scar",
"HCV case - pt Amos Yazzie, GT3, cirrhosis on elastography F4, plt 92",
"Presenting a 34 yo M, Mohamed Farah Hassan, LTBI, started on 3HP, now with flu-like sx after dose 3",
"SUBJ: 29F perinatal OUD. Name Kayleigh Dawn Stamper. On methadone 90mg. Wants to breastfeed.",
"Mr. Hank Lovell (goes by Buck) is 71 with chronic low back pain on oxycodone 10 q6h, MME 60",
"dad is Rigoberto Salinas, he works at the packing plant, mom is the primary contact",
"Teen Aaliyah Monroe, 15, positive PHQ-A 19, endorses passive SI, no plan",
"Resident Mrs. Marguerite Delacroix in room 12 has had 3 falls this month",
"pt Jean-Baptiste Joseph, 52M, Haitian Creole speaker, HIV dx 2009, VL now 45,000 off ART",
"Asking about Tuyet Pham, 63, new CKD + gout. Allopurinol dosing?",
"We have a 40 y/o man named Cody Birdsbill with alcohol use disorder, withdrawal seizures hx",
"Case summary: 55 yo female with DM2 and neuropathy. Her husband Lyle Kessinger also a pt here, both on insulin.",
"ID: Angelica Marie Torres-Ybarra  Age: 26  Presenting: HIV PrEP initiation, creatinine ok",
"This is Mrs. Sadiya Warsame's third pregnancy; she has GDM again, 28wk",
"Rec for Mr. Valentin Oyelaran: increase dolutegravir to bid given rifampin coadministration.",
"pt = Brody Kincaid 23M, IVDU, endocarditis hx, left AMA twice",
"My patient Ruth Ann Caudill, 77, has had worsening confusion since starting oxybutynin",
"Nokomis Redcloud, 12 yo girl, BMI >99th %ile, acanthosis, A1c 6.2",
"Presenting: 49M, Siosaia Fifita, gout flares monthly, uric acid 11.2, on colchicine prn",
"we saw Jacinta Begay in clinic today. she's 33 and her sugars are in the 300s",
"Follow-up: Abdullahi Nur did not return for his 2nd rifampin pickup. CHW going out to find him.",
"Can I get input on Mrs. Prudence Oakes, 88F, polypharmacy, 14 meds, falls",
"Case: 61 y/o man with hepatocellular carcinoma on surveillance. Wife Yolanda says he is drinking again.",
"Patient: Ha Van Minh. 58M. Hep B e-antigen positive, ALT 2x ULN, HBV DNA 2.1 million",
"Hey team, following Mr. DeShawn Pettaway who was just released from prison, restarting ART",
"PT MARISOL ECHEVARRIA 36F - POSTPARTUM DEPRESSION EPDS 21",
"Refugee intake: Sayed Jawad Rahimi, 27M, arrived with latent TB, eosinophilia 12%",
"Nevaeh Lynn Goforth, 4 yo, elevated blood lead 14",
"Mr. Albertus Vandenberg, 79, with CKD and new atrial fibrillation, question on apixaban dose",
"pt says her name is Tammy but chart says Tamara Sue Bledsoe, 44, fibromyalgia + opioids",
"Leroy Spottedhorse, 66M, diabetic foot osteomyelitis, R hallux, ESR 92",
"Regarding Chidinma Okafor, 35F, sickle cell trait, preeclampsia hx, now chronic HTN",
"22yo Sergio Alvarado Peña presenting w/ meth-induced psychosis, second ED visit this month",
"Summary - Lupe Tafuna (Samoan, 50F) with uncontrolled HTN 180/110, on 3 agents",
"Question re Hamid Qaderi, 8 yo, growth faltering, refugee from Afghanistan, hgb 9.1",
"Wound care: Mr. Orville Tackett, 83, sacral stage 3 pressure injury",
"The grandmother, Agnes Nez, is raising him and has no transportation to the specialist",
"Pt Fatuma Ibrahim Ali 41F, hep B carrier, pregnant 16 wks, HBV DNA 380,000",
"Our patient, Skyler Brandt-Osei, is a 17 yo trans male starting testosterone, wants input",
"seen today: Wendell Ray Cornett, 64, COPD exacerbation, still smoking 1 ppd",
"Ms. Imelda Soto de la Cruz, 70, with new hypercalcemia Ca 12.1, PTH suppressed",
"Pharmacist note: Rx for Gerald P. Lindqvist flagged, buprenorphine + alprazolam + gabapentin",
"HIV case: Kwame Asante-Boateng, 39M, CD4 180, VL 98k, cryptococcal Ag positive",
"I'm worried about Shaylee Whitehorse, 16, she missed her depo and may be pregnant",
"Consult: Mr. Tran Quoc Bao, 55, diabetic with HCV GT6",
"Dementia case - Mrs. Inez Baca, 86, wandering at night, daughter Lorraine is exhausted",
"33M Dakota Running Crane, bupe 16 mg, positive for fentanyl on UDS",
"Presenting Gulalai Safi, 24F, 10 wk pregnant, Hgb 8.4, ferritin 4",
"pt: Bobby Joe Sizemore age 52 black lung and opioid use, on methadone",
"RE: Consuelo Ortega — LTBI, hepatotoxicity on INH, AST 210",
"Elderly man Ignatius Kowalczyk, 85, new dx of multiple myeloma, wants palliation only",
"School nurse here. 9yo Ximena Gallardo has T1DM and her pump keeps failing during PE",
"Case from the pediatric clinic: brothers Isaiah and Elijah Blackwater, both with elevated ALT and obesity",
"Patient Hodan Mohamud, 28F, recent arrival, positive IGRA, normal CXR",
"Asking for help with Mr. Cornelius Abernathy, 73, polymyalgia rheumatica, prednisone taper failed x2",
"61F, Phyllis Rae Honeycutt, HCV cured 2019, now with new liver mass on US",
"follow up on Ngozi Eze, started on insulin last session, fasting BG now 130s",
"Patient is Ivan Petrovich Sokolov, 68M, alcohol related cirrhosis, MELD 19",
"jail nurse - Marcus Tillery 24M on methadone maintenance before arrest, wants continuation",
"New pt Sopheap Chhim 57F, uncontrolled DM, only eats rice, A1c 11.8",
"Raymond Hoskie, 45, sustained VL suppression, wants to switch to long acting injectable",
"Her mother's name is Graciela Moya and she is the legal guardian.",
"Case - mom Destiny Crowder, 20, baby at NICU for NAS, mom on bup 12mg",
"Chronic pain pt: Clifton Harlow Jr., 58, spinal cord stimulator failed",
"pt named Phuong, 66F, last name Le, HBV cirrhosis, AFP rising",
"Psychiatry consult on Tobias Greyeyes, 30M, bipolar I, lithium level 1.4",
"Hi! I'd like to present Esperanza Villalobos, 48, who has lupus nephritis class IV",
"Presenting Zainab Yusuf, 6 yo, sickle cell, recurrent pain crises",
"83 yo man w/ stage 4 CKD named Harold Bjornstad refuses dialysis",
"Pt: Winona Lightfoot. 52F. Morbid obesity, OSA, T2DM. Q: GLP-1 options with no coverage",
"Update on Mr. Eliseo Archuleta: VL undetectable after 12 wk of Biktarvy",
"Nursing home resident Verna Mae Thibodeaux, 80, new C diff third recurrence",
"Shawn Cloud, 37, recently released, HCV RNA positive, wants tx but no insurance yet",
"29F named Paj Ntxhi Vang, postpartum, thyroiditis suspected, TSH 0.01",
"Recommendations for Ms. Darlene Muncy: taper gabapentin, start duloxetine 30",
"pt Rashida Kamara, 43, Sierra Leone, HIV-2 vs HIV-1 dual reactive",
"Emergency: Tyrell Jefferson 19M swallowed razor blades in custody, 3rd time",
"Teen mom Yesenia Chavarria, 17, GDM A2, scared of needles",
"Case: Lt. Col (ret) Franklin Ashby, 74, PTSD and new dementia",
"Patient goes by Bear but legal name is Nathaniel Old Coyote, 41M, AUD",
"Hello ECHO - Aroha? no, sorry, her name is Anahera Ngata, 36, visiting from NZ, on methadone",
"Re: Beatriz Montalvo-Cruz, 60, PAD with rest pain",
"Jovan Mitrović, 51M, HCV GT3a cirrhosis, prior SOF/RBV failure",
"pt is a 45 yo M (Saúl Esparza) w hx HTN and new CKD",
"pt's wife Marisela called, says Juan is more confused",
"Presenting Adaeze Nwosu, 32F, postpartum cardiomyopathy, EF 30%",
"Eldest daughter Kimberly Dunaway is POA",
"MRS. EULA MAE PIERCE, 82, STAGE 3 SACRAL WOUND. PLEASE ADVISE ON DRESSING.",
"our pt Haruto Yamada 68M with prostate ca on ADT, bone density t-score -2.9",
"Nam Tran (the son) does the insulin injections for his father",
"Patient: Felipe de Jesús Lozano, 56, HCC screening overdue",
"Intake CHW note: Client Mariam Jalloh, 38, food insecure, diabetic",
"Case summary for Mr. Keoni Kahananui: 42, gout + CKD3, on febuxostat",
"Asking re Lakshmi Venkataraman, 70, on warfarin with INR 6.2",
"Gabriela, 25 (last name Ruiz), HIV+ and pregnant at 30 weeks, VL 1200",
"re pt Wilbur Stanton, pain contract violated, positive cocaine",
"Seen: Chay Morningstar 14F, anxiety, school refusal",
"pt's partner Javier Medina also has HCV and is not in care",
"Case: Mr. Olufemi Adeyemi, 47, resistant HTN, aldosterone 32, renin suppressed",
"pt Dolores Griego, 90s? no she is 88, CHF + CKD",
"HPI:\nLorraine Bitsui is a 57F with T2DM, HTN, CKD 3b.\nA1c 9.4, eGFR 38, UACR 640.\nOn metformin 500 bid, lisinopril 20.\nQ: next agent?",
"Mr. Ezekiel Runningwater reports 9/10 pain, on hydrocodone 10/325 qid",
"Case: 2 yo boy Ayaan Siddiqui, failure to thrive",
"Ms. Celestine Baptiste, 66, hep C + HIV co-infection",
"ASKING FOR PT JUSTIN LEE COMBS, 31, IN SEG UNIT, REFUSING MEDS",
"Hi, this is about Berta Lujan and her husband, both diabetic",
"Pt: Samisoni Taufa. 34M. BMI 48. A1c 9.",
"28F - Keisha Lanette Dorsey - PrEP, missed 2 refills",
"Mr. Wojciech Nowak, 76, new afib, CHA2DS2-VASc 4",
"Navajo elder Hastiin Tso (Mr. Tso) declines amputation",
"cc: Priscilla Haney, 59F, persistent elevated ALP",
"Refugee pt Amina Hussein Dahir, 22F, recurrent UTIs and FGM type III",
"Following up on Pedro Benavides, his ulcer healed!",
"Mr. Reginald Foushee, 71M, new dx of Parkinson's, started on carbidopa-levodopa",
"pt Mai Yer Lor, 19F, lupus flare, proteinuria 2g",
"Presenting case: Teodoro Apodaca, 64M, pancreatic mass on CT",
"Patient's brother, Kyle Strunk, supplies her pills per her report",
"Ms. Ayasha Silversmith is 40 and had a stroke at 38",
"Case: Duc Anh Hoang, 50M, ESRD on HD, HCV positive",
"Asking about pt Bethany Crum, 27, OUD in pregnancy, 34 wks",
"Rec for Lucía Saavedra: recheck TSH in 6 wk",
"pt Tenzin Dorje, 61, MDR-TB contact, IGRA positive",
"Physician note on Mr. Anselmo Gurulé, 59, depression + chronic pain",
"Patient Ahmed Osman Warsame, 30, khat use, insomnia",
"Hi, it's about Cheyenne Littlewolf, 23, pregnant with HCV",
"Grandson Tanner Blevins lives with pt and handles her meds",
"Mr. Florencio Madrid 62 with T2DM on 4 agents",
"cc: Rev. Clarence Oatis, 77, new dementia dx, still preaching",
"pt Jaylen Booker 12M ADHD + conduct d/o, on guanfacine",
"Dx HCV in Ms. Rhonda Faye Sexton, 48, wants oral tx",
]
NAME += [
"""CASE PRESENTATION - Hep C ECHO
62M, retired coal miner, HCV GT1a, APRI 1.8
PMH: COPD, HTN, depression
Meds: tiotropium, amlodipine, sertraline 100
Social: lives alone since his wife Opal Mullins passed, drinks 2-3 beers/day
Labs: ALT 74, AST 91, plt 118, INR 1.1, alb 3.6
Q: does he need HCC surveillance after SVR?""",
"""Perinatal ECHO case
Name on the form (please redact if needed): Brianna Skye Whitecloud
21 yo G1P0 at 19 weeks, on buprenorphine 16 mg/day since 2nd trimester
Smoking 1/2 ppd, partner also uses
Question: split dosing vs once daily as pregnancy advances?""",
"""HIV ECHO
HPI: 45M w/ HIV on BIC/FTC/TAF, VL <20, CD4 520.
New: weight gain 15 kg over 2 yrs, A1c 6.8.
Partner Rogelio Barraza is also our patient, same regimen.
Q: switch to a different regimen for weight?""",
"""Dementia/Geri case
78F with mixed dementia, MMSE 16
Lives with daughter Consolata Mbeki-Harris who works nights
Meds: donepezil 10, memantine 10 bid, quetiapine 25 qhs (started by ED)
Behavior: sundowning, hitting aides
Q: deprescribing quetiapine safely?""",
"Ms. Teresita Palomares, 69F, HFrEF EF 25%, on sacubitril-valsartan, K 5.4",
"chw here - visited Sra. Remedios Alcaraz today, ella dice que no tiene dinero para la insulina",
]
NAME += [
"""TB ECHO — contact investigation
Index case: 40M, smear 2+, cavitary
Household: wife, 3 kids (ages 2, 7, 12), and his mother-in-law, Fadumo Sheikh Aden, 66, who has diabetes
All IGRA pending except the 2 yo (TST 12 mm)
Q: window prophylaxis for the toddler? priority for the diabetic elder?""",
"""School-based clinic
13 yo, T1DM, frequent lows during basketball
Pump: basal 0.6 u/h, ICR 1:12
Coach Dale Ferncliff is the pt's uncle and wants to be trained on glucagon
Q: temp basal recs for practice days?""",
"""ECHO CASE — IHS SERVICE UNIT
58M, T2DM 20 YRS, CKD 3A, RETINOPATHY
A1C 9.9, ON GLARGINE 44U + METFORMIN
LIVES WITH DAUGHTER WANDA YELLOWHAIR WHO GIVES HIS SHOTS
PT WANTS TO TRY "SOMETHING WEEKLY"
Q: SEMAGLUTIDE WITH RETINOPATHY, RISK OF WORSENING?""",
"""Refugee clinic, nurse case manager
Family of 6 from Afghanistan, arrived 3 months ago
Father: HTN 170/100, no meds
Mother, Zarmina Popalzai, 34, 20 wk pregnant, Hgb 9.0, HBsAg positive
Kids: 2 with positive IGRA
Q: order of priorities for the mother? HBV DNA before TDF?""",
"""Hep C ECHO
HPI: 36M, PWID, HCV RNA 3.4M, GT not done
Lives in a sober living house with his cousin Austin Fugate (also HCV+)
No cirrhosis by FIB-4 (0.8)
Meds: bup 16 mg
Q: simplified tx for both, can we dispense at the OTP?""",
"""Rheum ECHO
52F with suspected gout vs pseudogout in knee
Aspiration: CPPD crystals
Meds: HCTZ, lisinopril
Her husband Tomás Olguín has gout too, she's been taking his colchicine
Q: treatment for CPPD acute + prophylaxis?""",
"""Psych ECHO - child
9M, ADHD + ODD, aggression at school
Foster placement since spring; foster mom Charlene Weatherby brings him
Meds: methylphenidate ER 27, guanfacine 1
Q: add risperidone? or behavioral first?""",
"""Geri ECHO
82F, MCI → mild dementia, lives alone
Neighbor reports stove left on twice
Her only child, Douglas Pemberton, lives out of state and calls weekly
Q: how to approach driving and living situation?""",
"pobre Doña Herminia Quezada, 71, ya no puede caminar por la úlcera del pie",
"NP on phone: saw ur pt Gerald L again, he says the hub told him to stop the xanax cold turkey?? pls clarify",
]
