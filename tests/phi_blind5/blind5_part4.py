# -*- coding: utf-8 -*-
"""blind5 part 4: the smaller Safe Harbor categories.  Phones use 555-01xx, emails and
URLs use example.* domains, IPs use documentation and private ranges.  Every number is
invented."""

PHONE_TEXTS = [
    ("phone", "Best way to reach her is her daughter's cell, (505) 555-0134; the home line is disconnected."),
    ("phone", "pt says text him at 928-555-0147 bc he works in the field all day and cant pick up"),
    ("phone", "If the CGM alarms overnight the grandmother will call the on-call nurse from 907.555.0112 -- please make sure triage knows it's her."),
    ("phone", "Contact number for the patient: +1 605 555 0163. She prefers calls after 5 pm because of her job."),
    ("phone", "Mom asked that results be left on voicemail at 575-555-0188; she says no one else uses that phone."),
    ("phone", "He's staying at his cousin's; reachable at 671-555-0109 for the next 2 weeks while his wound heals."),
    ("phone", "Callback: 555-0172 ext. 14 (that's the front desk of the group home, ask for the house manager)."),
    ("phone", "Pt changed numbers again -- new cell is 606 555 0155. Old one went to a stranger who was not happy."),
    ("phone", "For the naloxone follow-up, the harm reduction team can call her at (808) 555-0121 between noon and 3."),
    ("phone", "Pharmacy verification keeps failing because the number on file is wrong; correct number per patient is 915-555-0196."),
    ("phone", "Daughter is the health care proxy and wants every change discussed with her first: 1-304-555-0117."),
    ("phone", "The patient's only phone is a prepaid flip phone, 479.555.0143, and the minutes run out toward the end of each month."),
    ("phone", "Plan: nurse to phone pt weekly at 520-555-0168 to review home glucose readings and titrate glargine by 2 units q3 days to FBG < 130."),
]

FAX_TEXTS = [
    ("fax", "Please fax the signed Suboxone prior auth to the patient's pharmacy at 505-555-0191, attention pharmacist on duty."),
    ("fax", "Fax for the nursing home where she lives: (928) 555-0140. They need the new wound care orders before Friday."),
    ("fax", "Records from his prior OTP can be faxed to our jail medical unit; their fax is 915.555.0126."),
    ("fax", "HIV genotype results should go to the dialysis unit that treats her, fax 1-907-555-0150, so they know about the ART change."),
    ("fax", "The school nurse requested a copy of the seizure action plan -- her fax is 575 555 0179."),
    ("fax", "fax # for pt's home infusion company 808-555-0184, they need updated vanc troughs"),
    ("fax", "The foster care agency handling this child asked us to fax the growth chart and vaccine record to (304) 555-0108."),
    ("fax", "His parole officer's office fax is 606-555-0113; patient signed a 42 CFR Part 2 consent limited to attendance only."),
    ("fax", "FAX: 671-555-0166 (the private clinic on island where she'll get her follow-up labs after chemo)."),
    ("fax", "Recommendation letter for his disability claim should be faxed to the attorney handling it, fax (520) 555-0137."),
    ("fax", "The hospice agency caring for her at home uses fax 605.555.0198 for all medication orders; please send the methadone conversion there."),
]

EMAIL_TEXTS = [
    ("email", "Patient prefers to get her lab results by email at sugarmama72@example.com since she has no reliable phone."),
    ("email", "Her son set up the portal account under kfamily.portal@example.org; he reads everything to her."),
    ("email", "pt emailed photos of the wound from rezwarrior88@example.net -- can the specialist view them if we forward?"),
    ("email", "The school counselor asked us to coordinate through the student's personal address, bluecorn.dancer@example.com. Is that appropriate?"),
    ("email", "Contact email for the caregiver: abuela.cocina@example.org (Spanish only)."),
    ("email", "He keeps his glucose log in a spreadsheet and sends it from tundrafisher@example.com every Monday."),
    ("email", "Mom wants the ADHD rating scales sent to mommaof5_2019@example.net; is regular email ok or should we use the portal?"),
    ("email", "Patient asked that all communication about her PrEP go to a private address: nightowl.rn@example.com."),
    ("email", "Email on file (probably outdated): jth.gamer77@example.org. Mail bounced last time we sent appointment reminders."),
    ("email", "For the hospice paperwork, the family's email is the.ohana.house@example.com."),
    ("email", "If the transplant center needs the updated labs, the patient says to cc him at surfer808@example.net."),
    ("email", "The daughter in the lower 48 manages everything from afar; her email is auntie.r.helps@example.com and she wants weekly updates on her mom's wound."),
    ("email", "pt's email: hmongmom.cooks@example.org -- she'd like the diabetic diet handouts in Hmong sent there."),
]

SSN_TEXTS = [
    ("ssn", "Registration note: SSN 512-44-0917 entered for the Medicaid application; please confirm it's correct before submitting."),
    ("ssn", "He gave his social as 473 21 8856 at intake, but the benefits office says it doesn't match."),
    ("ssn", "SS# 601-38-2247 is needed for the disability paperwork the specialist is filling out."),
    ("ssn", "pt's social is 529119042 per the old chart, need it for the patient assistance program application for Biktarvy"),
    ("ssn", "For the pharmaceutical assistance form, the last four of her SSN are 4417 -- the form won't accept it without the full number."),
    ("ssn", "Patient provided Social Security number 318-62-0079 for the SSI application related to his amputation."),
    ("ssn", "SOCIAL SECURITY NO: 244-71-6635 -- COPY FROM THE JAIL INTAKE SHEET."),
    ("ssn", "The family listed the child's SSN as 645-09-3318 on the WIC form; the foster agency has a different one."),
    ("ssn", "Note to scheduler: use SSN 455-82-1190 to look her up in the state PDMP -- name doesn't match because of her marriage."),
    ("ssn", "The manufacturer's hepatitis C assistance program rejected the application; they said the SSN 587-13-4402 doesn't match IRS records."),
    ("ssn", "He is asking whether he has to give his social (he wrote 233-90-5168 on the form) to enroll in the sliding fee scale."),
]

MRN_TEXTS = [
    ("mrn", "MRN 00483921 -- please pull the prior echo report before the session."),
    ("mrn", "Chart #A-2281935: 44F, HCV GT1a, treatment-naive, F2. Ready to start."),
    ("mrn", "IHS chart number 112-448 on the old paper record; the EHR number is different, which is causing duplicate lab orders."),
    ("mrn", "pt's MRN at the regional hospital is RH7730219, needed to get the path report on the liver bx"),
    ("mrn", "Medical record no. 5590-0034-1 at the jail health unit. Intake COWS 11."),
    ("mrn", "HRN 3301874 -- he's had 3 different record numbers because of name spelling differences."),
    ("mrn", "For the case review please reference hospital record number 08-441-27."),
    ("mrn", "The outside lab requisition had her MR# 4418602 but no name, so results were filed to the wrong chart."),
    ("mrn", "Please link the telehealth encounter to EHR ID 20199-00345 so the specialist's note goes into the right chart."),
    ("mrn", "MRN: NM00219457. Wound photos attached to the encounter."),
    ("mrn", "The nursing home's resident number for her is R-10442; the hospital uses another number. Please use this one on the orders."),
    ("mrn", "PATIENT MED REC #: 77120-003. DIAGNOSIS: STAGE 3 PRESSURE INJURY, RIGHT HEEL."),
    ("mrn", "Her hospital unit number 6102234 is on the discharge summary; the dialysis unit needs it to request records."),
]

HEALTH_PLAN_TEXTS = [
    ("health_plan", "Medicaid ID 9100483726 -- the pharmacy says coverage lapsed but she has a renewal letter."),
    ("health_plan", "AHCCCS ID A12345678; she's asking whether AIHP covers her insulin pump supplies."),
    ("health_plan", "Medicare MBI 1EG4-TE5-MK73. He wants to know if Part D covers Sublocade or if it's Part B."),
    ("health_plan", "Denali KidCare member number 0022314478 for the 6-year-old; they denied the sleep study."),
    ("health_plan", "BCBS subscriber ID XJH884102773, group 40021. Prior auth for semaglutide requested."),
    ("health_plan", "pt's member id is UHC 981123440-01, need it on the PA for the CGM"),
    ("health_plan", "Her marketplace plan member ID is ZQP5501877; the insulin copay is $150/month."),
    ("health_plan", "Medicaid # 44019822-C (the C suffix means it's the child's line on the family case)."),
    ("health_plan", "The VA member ID on his card is 1008834421V. Can he get his hep C meds through community care?"),
    ("health_plan", "Tribal self-insured plan beneficiary ID TSP-007-33218; they require step therapy through metformin first."),
    ("health_plan", "Health plan ID: MCO-77255-1903A. The MCO wants documentation of two failed statins before approving a PCSK9."),
    ("health_plan", "Policy number on the farmworker health plan card is FWH0044192; it doesn't cover dental at all."),
    ("health_plan", "He's dual-eligible; the Medi-Cal BIC number is 92200134A78. Prior auth for donepezil shouldn't be needed."),
]

ACCOUNT_TEXTS = [
    ("account", "Billing account 7734-0021 has been sent to collections; pt stopped coming because of the bills. Sliding fee?"),
    ("account", "Her hospital patient account #0048812 shows a $14,000 balance from the DKA admission. Charity care application in process."),
    ("account", "Pharmacy account number RX-55129 (cash pay). She's been paying out of pocket for insulin."),
    ("account", "The ambulance bill is under account no. 3318-774-02; the family asks if the clinic can help dispute it."),
    ("account", "Guarantor account 600218 is the grandmother's; the child is on her account for billing."),
    ("account", "pt says the lab billed him under acct 88120045 even though the test was supposed to be free under the state program"),
    ("account", "Patient's bank account number for the prescription assistance direct deposit refund: 004412983771."),
    ("account", "The 340B pharmacy created a new account, #W-4409-118, so the discount applies to her HIV meds."),
    ("account", "He showed us the commissary account number 50117 and asked if his bup copay could be deducted from it. Jail health says no."),
    ("account", "ACCOUNT: 2290-6671-AB -- DME company says the CPAP rental is unpaid and they'll repossess it."),
    ("account", "Financial counseling note: encounter account 11-0098443 eligible for 100% discount under the sliding fee schedule."),
]

LICENCE_TEXTS = [
    ("licence", "Driver's license D1234567 was suspended after his seizure; he wants a letter saying he's safe to drive."),
    ("licence", "AZ DL B04455821 is the only ID she has. Can the pharmacy accept it for the buprenorphine pickup?"),
    ("licence", "He holds a commercial driver's license, CDL no. K7732019, and is worried the DOT physical will flag his sleep apnea."),
    ("licence", "Pt is herself an RN, license RN-112904, and is being monitored by the board's peer assistance program."),
    ("licence", "DL # 0449-21-3378 (KY) -- needed to pick up her controlled substance prescriptions for her."),
    ("licence", "ID on the intake form: NM driver license 503218847. The address on it is out of date."),
    ("licence", "patient is a commercial fisherman, his captain's license number is MMC-4471092, and he's asking if his new meds will affect it"),
    ("licence", "The grandmother's driver's licence, TX 27740915, was copied for the pickup authorization of the child's stimulant."),
    ("licence", "He's an electrician, journeyman license EL-22017, and can't work at heights after the syncope episode. Letter for his employer?"),
    ("licence", "The patient is a pharmacist with license PH0019887 being treated for OUD; she wants to know what's reportable."),
    ("licence", "HI DL H01-22-7754 on file -- she needs a copy for the sliding scale application."),
    ("licence", "Pilot certificate number 3349081 -- he's a bush pilot and asks how long after his TIA before he can fly again."),
]

VEHICLE_TEXTS = [
    ("vehicle", "She's been sleeping in her car, a gray sedan with plate 482-TRK, since the eviction; we can do outreach there."),
    ("vehicle", "VIN 1FTEW1EP5JKE12345 -- the patient's truck was impounded after the DUI and his insulin was in it."),
    ("vehicle", "License plate ABC 1234 reported by the pharmacy as the car that picked up multiple buprenorphine scripts."),
    ("vehicle", "pt lives in his van (plate 7KLM302) in the hospital parking lot so he can get his daily wound care."),
    ("vehicle", "For the mobile unit outreach, he parks a white pickup, tag number HX-9932, behind the laundromat most nights."),
    ("vehicle", "The tow report lists the crashed vehicle as VIN 3GNAXKEV2KL223456; the ED wants to know if her hypoglycemia caused the accident."),
    ("vehicle", "Mom's minivan plate number is NMQ 558 -- she says she'll be waiting in it during the child's infusion."),
    ("vehicle", "He got a parking ticket in the clinic lot with plate WV 2GT-881 and is now refusing to come back. Can we waive it?"),
    ("vehicle", "Motorcycle registration plate 3M4471; the trauma team asked for it in the report after his crash."),
    ("vehicle", "PLATE: LOK 7721, red Ford -- security flagged it as the car dropping off pills to the patient in room."),
    ("vehicle", "His boat registration number AK 4412 AB is listed as his address for mail; he lives aboard during the season."),
    ("vehicle", "The insurance for the car she hit needs the patient's vehicle info: VIN 5NPE24AF4FH001234. Can we release that?"),
]

DEVICE_TEXTS = [
    ("device", "Pacemaker serial PJN402118H; the rep needs it to schedule the remote interrogation."),
    ("device", "Insulin pump SN 1228-44301-B alarming occlusion daily. Manufacturer says to call with the serial."),
    ("device", "CGM transmitter ID 8G4K2P -- it won't pair with the new phone she got."),
    ("device", "CPAP serial number 22181344557 for the DME compliance download; he uses it 3 hrs/night."),
    ("device", "Her cochlear implant processor serial is CI-99012-77; needs replacement after it got wet."),
    ("device", "LVAD controller serial number HM3-0044821, alarm history shows low flow episodes overnight."),
    ("device", "ICD SN: RXL 2204119; shocks x2 this week. Remote transmission requested."),
    ("device", "pt's glucometer serial # GX21-88015 keeps getting E-4 errors. pharmacy won't swap without the serial"),
    ("device", "The home oxygen concentrator (serial OC7761093) is failing at night; the supplier needs the number to send a new one."),
    ("device", "Infusion pump used for his home vanc is SN 33-410-2276; it beeped 'air in line' twice."),
    ("device", "Hearing aid serial number (left aid) HA-4055218; the aid was lost at the nursing home; family asking for replacement."),
    ("device", "The implanted port is a model with serial number 48CT00912, per the op note; she asks if it's MRI safe."),
]

URL_TEXTS = [
    ("url", "Family set up a fundraiser for her transplant travel at https://www.example.com/fund/help-auntie-get-home -- is it ok to share with the team?"),
    ("url", "He posted his wound photos publicly at example.org/u/diabeticfootjourney; we asked him to take them down."),
    ("url", "The teen's self-harm posts are on http://example.net/blog/nobodyhears, which the school counselor flagged."),
    ("url", "Patient shared her food diary through https://docs.example.com/s/4fK9xQ2 -- it's helpful for the dietitian."),
    ("url", "Her obituary-style memorial page at www.example.org/remember/grandma-n-1948 was how we learned the patient had died."),
    ("url", "pt runs a livestream selling herbal 'hep C cures' from example.com/channel/rezhealer, asking if he can stop his DAAs"),
    ("url", "The caregiver video of his seizure is uploaded at https://video.example.net/watch?v=Zx8Pq1 -- neurologist asked to review."),
    ("url", "For the case discussion, the patient's public crowdfunding page is example.com/campaign/baby-heart-surgery-fund."),
    ("url", "Her personal website, https://sunflowermama.example.org, includes posts about her HIV diagnosis. She asked whether that affects our confidentiality duties."),
    ("url", "He sent the link to his glucose readings dashboard: http://share.example.com/glucose/u/77213."),
    ("url", "Profile link for the patient's caregiver support group page: https://groups.example.com/ourdadsalzheimers"),
    ("url", "Link to photo of the rash, uploaded by the mother: https://photos.example.net/a/rash-left-arm-kid2"),
]

IP_TEXTS = [
    ("ip", "Telehealth logs show the visit connected from 203.0.113.9 -- not the clinic; pt was actually at home."),
    ("ip", "The patient portal lockout came from repeated login attempts from 198.51.100.7; IT thinks it's her son."),
    ("ip", "Her home CGM uploader posts from IP 192.0.2.44; the data stopped 3 days ago."),
    ("ip", "pt's home router IP is 192.168.1.40 and the remote monitoring hub can't see the scale"),
    ("ip", "The remote patient monitoring device at his house reports from 10.14.2.33 on the tribal network."),
    ("ip", "Audit log: the specialist's note was viewed from 172.16.5.9 at the jail, which is allowed under the agreement."),
    ("ip", "Video visit dropped repeatedly; her tablet's public address was 203.0.113.201 according to the platform."),
    ("ip", "IP 198.51.100.152 appears on the pharmacy's e-prescription confirmation for her refill -- is that our clinic?"),
    ("ip", "The blood pressure cuff at the patient's home keeps pinging from 192.0.2.130 with no readings attached."),
    ("ip", "Security flagged a portal login to the patient's account from 10.0.0.87 at 3 am; she says she was asleep."),
    ("ip", "Home dialysis machine reports treatments through address 172.20.10.2 (his phone hotspot)."),
    ("ip", "The school-based telehealth cart connecting the student to psychiatry is at 192.168.0.15 on the school network; the student requested we note it for troubleshooting."),
]

OTHER_CODE_TEXTS = [
    ("other_code", "Tribal enrollment number 417-008823 is required for PRC coverage of her cardiac cath."),
    ("other_code", "Inmate ID 2291047, on methadone 60 mg at booking; jail nurse wants continuation orders."),
    ("other_code", "His A-number is A098765432; immigration detention medical wants his HIV regimen history."),
    ("other_code", "CPS case number 2024-CW-11839 for the infant with the skull fracture; consult requested."),
    ("other_code", "Court docket no. CR-22-00457 -- the judge ordered treatment and wants monthly attendance letters."),
    ("other_code", "WIC participant ID 3390117 for the baby; formula change requested for cow's milk protein allergy."),
    ("other_code", "DOC number 881204 -- he's being released next week and needs a bridge supply of his HIV meds."),
    ("other_code", "His VA claim number is C-27 449 118 for the Agent Orange-related diabetes; wants our notes for the claim."),
    ("other_code", "Booking number 24-001877 at the county detention center; he reports injecting up until arrest."),
    ("other_code", "The research study subject ID for him is HEP-C-0447; he's enrolled in the long-term follow-up registry."),
    ("other_code", "Her workers' comp claim number is WC-5531-9087; the adjuster keeps calling the clinic."),
    ("other_code", "Student ID 20418835 -- the school nurse needs it on the medication authorization form for the inhaler."),
    ("other_code", "Refugee resettlement case number RA-22-00913 for the family; the caseworker needs the TB clearance."),
    ("other_code", "CDIB card number 99-0332-114 was provided to prove eligibility for the tribal clinic."),
]
