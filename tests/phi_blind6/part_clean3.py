# Clean long-form academic presentations (no identifiers).
CLEAN_3 = [
    "Case presentation for the endocrine teleECHO. The patient is a 57-year-old man with type 2 diabetes diagnosed in 2009, "
    "complicated by peripheral neuropathy and nonproliferative retinopathy. He is a mason by trade and continues to work full "
    "days outdoors. His regimen is NPH 20/10 (20 units before breakfast and 10 units at bedtime) plus regular insulin on a "
    "sliding scale of 6/8/10 units with meals, which he often skips at lunch because he is on a job site. His A1c values "
    "from 2019-2023 were 8.4, 9.1, 9.8, 10.2 and 9.6%. He reports two episodes of hypoglycemia in the past three weeks, both "
    "in the late morning, one with sweating and confusion that resolved with juice. eGFR is 58, UACR 180 mg/g, and he is on "
    "lisinopril 20 mg. BMI 33. He drinks two to three beers on weekends and does not smoke. He has North Carolina Medicaid, "
    "which covers GLP-1 receptor agonists with prior authorization and one continuous glucose monitor. Questions: would you "
    "transition him to basal-bolus analog insulin or add a GLP-1 RA and simplify prandial coverage, how should we restructure "
    "insulin around outdoor physical labor, and does he qualify for CGM coverage given documented hypoglycemia?",

    "For the chronic pain and opioid use disorder ECHO: a 44-year-old former collegiate pitcher who underwent Tommy John surgery "
    "in 2002 and later developed chronic elbow and shoulder pain. He was prescribed hydrocodone after a shoulder arthroscopy "
    "in 2012, escalated to oxycodone, and has used illicit fentanyl intermittently for the last four years. He now wants "
    "treatment. On exam, he has a positive Hoffmann sign on the right and mild hyperreflexia, which prompted a cervical MRI "
    "showing moderate C5-6 foraminal stenosis without cord signal change. He takes St. John's wort for mood, which he buys "
    "online, and drinks kava socially. COWS in clinic was 11. We are planning a buprenorphine induction and would value "
    "advice on: the choice between standard and low-dose induction given recent fentanyl use, whether the St. John's wort "
    "meaningfully lowers buprenorphine levels through CYP3A4 induction, and how to address his neck findings, since the "
    "spine surgeon he was referred to by the PCP has a four-month wait. He has West Virginia Medicaid and lives with his "
    "partner, who is supportive. He works as a welder and worries about sedation on the job.",

    "Our tribal health clinic would like input on a systems question rather than a single patient. Over the last five years "
    "(2019-2024), we have diagnosed 38 cases of pulmonary tuberculosis among community members, with most cases clustered in "
    "multigenerational households. Contact investigations are conducted by our public health nursing staff in coordination "
    "with the state TB program, and we rely on community health representatives for directly observed therapy. Treatment "
    "completion has been 92%, but LTBI treatment completion among contacts is only 54%. Barriers include long travel "
    "distances, lack of refrigeration for rifapentine in some homes, and distrust rooted in historical TB sanatorium "
    "experiences. We're considering moving from 9 months of isoniazid to 3HP with weekly CHR visits or 4 months of rifampin "
    "self-administered with text reminders. We also wonder whether video DOT is acceptable to elders, whose preference is "
    "often in-person visits. What approaches have other tribal and rural programs found effective, and how have you framed "
    "LTBI treatment in culturally grounded ways that acknowledge the history of TB care in Native communities?",

    "Presenting a 9-year-old girl with newly diagnosed type 1 diabetes who presented in mild DKA (pH 7.26, bicarbonate 14, "
    "beta-hydroxybutyrate 4.1) after two weeks of polyuria and weight loss. She was managed at our critical access hospital "
    "with IV fluids calculated using maintenance by Holliday-Segar plus a 5% deficit and an insulin infusion at 0.05 "
    "units/kg/hour, then transitioned to subcutaneous insulin. Current regimen is glargine 8 units plus lispro by carb ratio "
    "1:20 at breakfast, 1:25 at lunch and dinner, with an ISF of 1:100 and target of 150 overnight. Her family speaks Spanish "
    "at home, and our diabetes educator is bilingual. School nurse coverage is limited to two days a week, so lunch boluses "
    "may need to be given by a trained staff member. Her TTG-IgA and TSH are normal. We would like guidance on early use of "
    "CGM in a newly diagnosed child, the expected honeymoon phase and insulin dose reductions, and how to coordinate a "
    "diabetes medical management plan with a school without a full-time nurse, including glucagon training for staff.",

    "This is a case from a small Pacific island clinic. The patient is a 63-year-old Samoan woman with type 2 diabetes, "
    "chronic kidney disease stage 4 (eGFR 21, UACR 1,800 mg/g), hypertension and gout. She has been told she will likely need "
    "dialysis within the next one to two years, but dialysis is available only off-island, and she is strongly opposed to "
    "leaving her family. Her medications include insulin glargine 40 units, losartan 100 mg, amlodipine 10 mg, furosemide 40 "
    "mg, allopurinol 100 mg and sodium bicarbonate 650 mg twice daily. Her potassium runs 5.2-5.6 and hemoglobin is 9.4. She "
    "drinks noni juice for health and consumes traditional foods high in potassium, including taro and bananas. She lives with "
    "her extended family, who provide strong support. We would like recommendations on conservative kidney management as a "
    "legitimate pathway, whether to add an SGLT2 inhibitor at this eGFR, how to approach culturally appropriate dietary "
    "counseling without stripping away traditional foods, and how to frame a goals-of-care conversation that respects "
    "fa'a Samoa and family-centered decision-making.",

    "For the geriatrics ECHO panel, we present a general clinical question drawn from several patients in our skilled nursing "
    "partners. Many residents aged 80 to 89 are on long-term proton pump inhibitors, benzodiazepines for sleep and "
    "anticholinergic medications for bladder symptoms, all flagged by the Beers criteria and STOPP/START. Our consultant "
    "pharmacist has proposed a structured deprescribing protocol: tapering PPIs by 50% every two weeks with H2 blocker "
    "rescue, tapering benzodiazepines by 10-25% every two to four weeks with CBT-I support, and replacing oxybutynin with "
    "mirabegron or behavioral approaches. We also discussed how to present residents' ages in case presentations, and our "
    "compliance officer advised reporting anyone age 90 or older simply as '90 or older.' Questions: is the proposed taper "
    "pace reasonable for frail residents, are there particular adverse withdrawal effects to monitor for with long-term "
    "PPIs, and what outcome measures (falls per 1,000 resident-days, Morse Fall Scale, anticholinergic burden score) would "
    "best demonstrate benefit to the facility's quality committee?",

    "Hepatitis C in pregnancy, a policy-level discussion. Our FQHC began universal HCV antibody screening in every pregnancy "
    "in 2021. Since then, 3.2% of prenatal patients have screened antibody positive, and about two-thirds of those were RNA "
    "positive. Most are people who use or have used opioids, and many are engaged in buprenorphine care in our integrated "
    "behavioral health program. Direct-acting antivirals are not yet approved in pregnancy, though small studies of "
    "sofosbuvir/velpatasvir suggest safety. Our current approach is to confirm viremia, obtain genotype only if payers "
    "require it, check FIB-4, and plan treatment postpartum, ideally before the 8-week postpartum visit when loss to "
    "follow-up rises sharply. Infants are tested with HCV RNA at 2-6 months per the 2023 CDC recommendation. We'd appreciate "
    "input on offering DAAs during pregnancy within a research or shared decision framework, breastfeeding counseling when "
    "nipples are cracked or bleeding, and strategies that successful programs use to link postpartum patients to treatment.",

    "A question from a correctional health team regarding opioid use disorder. In 2023 our state began requiring jails to "
    "offer all three FDA-approved medications for OUD. Our facility houses about 600 people, with an average stay of 21 days. "
    "We now continue methadone through a partnership with an opioid treatment program that delivers doses daily, continue or "
    "start buprenorphine (film or monthly injectable), and offer extended-release naltrexone prior to release. Diversion of "
    "films has been a problem, so we are considering switching everyone to the monthly injectable. Our medical director is "
    "also concerned about liability if someone overdoses within two weeks after release, which is when risk is highest. "
    "We would value the panel's recommendations on the relative merits of injectable versus sublingual buprenorphine in "
    "jails, bridging prescriptions at release, naloxone distribution at the release door, and how to link people to "
    "community prescribers when many are released at night or on weekends with little notice.",
]
