AGE = [
"94 yo F with CKD 3b and new afib, question about anticoagulation",
"pt is 91, lives alone, still drives",
"Dementia case: 96M, advanced Alzheimer's, not eating",
"A 92 year old woman with a non-healing heel ulcer",
"My patient is ninety-three and wants to stop all her meds",
"100 yo male, hospice eligible?",
"98F with recurrent UTIs in nursing home",
"90 y/o M on warfarin, INR labile",
"pt aged 95, HTN, on 4 agents, orthostatic",
"Centenarian (101) with new pressure injury",
"She just turned 90 last week and had a fall",
"97yo with aortic stenosis, declines TAVR",
"ELDERLY MALE 93 YRS, HGB 7.2, GUAIAC POSITIVE",
"Geri ECHO: 99F, dysphagia, daughter asks about PEG",
"Age: 92\nSex: F\nDx: CHF, CKD 4\nQ: diuretic dosing",
"89? no, he's 91 actually, per his ID",
"pt is a 94-year-old Navajo grandmother who herds sheep",
"Patient in her 90s... exactly 96",
"Our oldest pt, age 103, UTI and delirium",
"nonagenarian (91) with new HCC, family wants tx",
"Man, 90, chronic pain from spinal stenosis, on tramadol",
"93 F with statin question, LDL 180",
"95 yo with Parkinson's and orthostatic hypotension",
"pt is 92 and still on metformin 1000 bid, eGFR 28",
"Ms. is 97, bedbound, sacral wound",
"92-year-old veteran with PTSD nightmares",
"ninety one year old with new onset seizures",
"91M with hyponatremia Na 122 on sertraline",
"Hospice pt aged 98, agitation at night",
"94 yr old lady with osteoporotic fractures, on nothing",
"pt 90yo, A1c 9, family wants tight control",
"Resident is 95 and on 16 medications",
"Ninety-four-year-old with dementia and UTI",
"102 year old great-grandma, new dx afib",
"A 90-year-old with HIV on ART since 1996",
"93yo M BPH, retention, wants no catheter",
"pt is 96 and still lives on the ranch with her son",
"Age 91. Anemia of CKD. EPO?",
"my 97 y.o. patient has delirium after hip repair",
"90F, hep C, is treatment worth it?",
"aged 92 with new depression after wife died",
"95M with gout flare, CKD",
"pt in his early 90s (92), TB reactivation?",
"93 y/o woman, hypothyroid, TSH 28",
"ELDER 98 YO, RECURRENT ASPIRATION PNA",
"Pt: 90 M. ESRD. Refuses HD.",
"91-yo grandmother raising grandkids, BP 190/100",
"Case: 94, dementia w/ psychosis",
"99 yo w/ R femur fx, nonoperative",
"Patient age: 96 years 4 months",
"pt is 92 and takes 3 benzos",
"Pt is an elderly Lakota man, 93, pneumonia",
"Our 90-year-old Hmong patient uses herbal remedies",
"pt 104 y/o, living at home",
"tiene 92 años y vive sola",
"92M with chronic pain, hydrocodone for 20 yrs",
"97 F wound on shin, venous",
"She's 93 but sharp as a tack",
"Ninety-year-old with syncope",
"Age 95, on apixaban 5 bid - correct dose?",
"She is 91 years of age, A1c 7.9",
"pt is 90, BMI 17, weight loss",
"""Geriatrics ECHO
HPI: 94 yo woman admitted to SNF after hip fracture
PMH: HTN, OA, mild cognitive impairment
Meds: amlodipine, acetaminophen, oxycodone 5 prn
Issues: constipation, poor intake, delirium at night
Q: pain regimen that won't worsen delirium?""",
"""Oncology ECHO
91M with newly diagnosed prostate cancer, PSA 84, bone mets
ECOG 2, lives with daughter
Q: ADT alone vs referral to med onc given age?""",
]
AGE += [
"""Renal ECHO: CKD 5, elder
93M, CKD 5, eGFR 11, no uremic symptoms yet
Wants to stay home on the ranch
Q: conservative kidney management outline for family?""",
"""Wound/palliative ECHO
Resident, 96F, stage 4 sacral pressure injury, osteomyelitis on MRI
Family requests everything done
Q: realistic goals of care?""",
"ELDER, 91, DIABETES, ON GLIPIZIDE 10 BID, HYPOGLYCEMIA X3",
"la abuelita tiene 95 años y se cayó anoche",
]
