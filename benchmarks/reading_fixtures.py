"""Ten DOCX and ten TXT CVs written for this project, with their roles labelled, for
benchmarks/engine_reading.py. Each CV uses layouts seen in real CVs: dates first, dates after a
tab, dates in a table cell, several roles at one employer, the employer on the next line, the
title under the dates, capitals titles, "Summer 2018", "2019 – now", years only, education and
certification dates that are not work.

    python benchmarks/reading_fixtures.py      # writes benchmarks/reading_fixtures/ and the labels

A line given as a list is a table row in the DOCX (cells) and a " | "-joined line in the TXT.
"""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document as DocxDocument

HERE = Path(__file__).parent
OUT_DIR = HERE / "reading_fixtures"
LABELS = HERE / "labels" / "reading_labels.json"


def role(title: str, start: str, end: str, employer: str = "") -> dict:
    return {"title": title, "start": start, "end": end, "employer": employer}


FIXTURES: list[dict] = [
    {
        "file": "nurse_dates_first.docx",
        "lines": [
            "Maria Lopez",
            "Registered Nurse",
            "Summary",
            "Registered nurse with acute care and telemetry experience.",
            "Experience",
            "03/2019 - Present",
            "Charge Nurse",
            "St. Clement Hospital, Dayton, OH",
            "Led a team of six nurses on a 30-bed telemetry unit.",
            "06/2015 - 02/2019",
            "Staff Nurse",
            "Riverside Medical Center, Columbus, OH",
            "Administered medication and monitored cardiac rhythms.",
            "Education",
            "09/2011 - 05/2015",
            "Bachelor of Science in Nursing, Ohio State University",
        ],
        "roles": [
            role("Charge Nurse", "2019-03", "present", "St. Clement Hospital"),
            role("Staff Nurse", "2015-06", "2019-02", "Riverside Medical Center"),
        ],
    },
    {
        "file": "warehouse_tabs.docx",
        "lines": [
            "DEREK HOLT",
            "Warehouse Team Lead",
            "Work History",
            "Warehouse Team Lead\tJan 2020 – Current",
            "Northline Distribution, Reno, NV",
            "Ran the night picking shift for 14 associates.",
            "Forklift Operator\tMar 2017 – Dec 2019",
            "Northline Distribution, Reno, NV",
            "Moved pallets between receiving and racking.",
            "Picker Packer\tJun 2015 – Feb 2017",
            "Big Basin Foods, Sparks, NV",
            "Picked orders with an RF scanner.",
            "Certifications",
            "Forklift certification\t2017",
            "Education",
            "High School Diploma\t2015",
        ],
        "roles": [
            role("Warehouse Team Lead", "2020-01", "present", "Northline Distribution"),
            role("Forklift Operator", "2017-03", "2019-12", "Northline Distribution"),
            role("Picker Packer", "2015-06", "2017-02", "Big Basin Foods"),
        ],
    },
    {
        "file": "chef_table.docx",
        "lines": [
            "Paolo Ferri",
            "Executive Chef",
            "Professional Experience",
            ["EXECUTIVE CHEF", "Dec 2016 to Current"],
            ["Harbour Grill, Portland, ME", ""],
            "Wrote seasonal menus and ran a brigade of twelve.",
            ["SOUS CHEF", "Apr 2012 to Nov 2016"],
            ["Harbour Grill, Portland, ME", ""],
            "Ran the pass on busy nights.",
            ["LINE COOK", "Sep 2008 to Mar 2012"],
            ["The Old Mill Inn, Bangor, ME", ""],
            "Grill and sauté stations.",
            "Education",
            ["Culinary Arts Diploma, Maine Culinary School", "2006 - 2008"],
        ],
        "roles": [
            role("EXECUTIVE CHEF", "2016-12", "present", "Harbour Grill"),
            role("SOUS CHEF", "2012-04", "2016-11", "Harbour Grill"),
            role("LINE COOK", "2008-09", "2012-03", "The Old Mill Inn"),
        ],
    },
    {
        "file": "electrician_one_employer.docx",
        "lines": [
            "Sam Okafor",
            "Electrician",
            "Employment",
            "Brightline Electric Ltd, Leeds",
            "Senior Electrician, 2019 – now",
            "Led commercial fit-outs and signed off test certificates.",
            "Electrician, 2015 – 2019",
            "Installed lighting and power in new-build housing.",
            "Apprentice Electrician, 2011 – 2015",
            "Worked under a qualified electrician on domestic rewires.",
            "Qualifications",
            "NVQ Level 3 Electrotechnical, Leeds College of Building, 2015",
            "18th Edition Wiring Regulations, 2019",
        ],
        "roles": [
            role("Senior Electrician", "2019", "present", "Brightline Electric Ltd"),
            role("Electrician", "2015", "2019", "Brightline Electric Ltd"),
            role("Apprentice Electrician", "2011", "2015", "Brightline Electric Ltd"),
        ],
    },
    {
        "file": "teacher_summer_jobs.docx",
        "lines": [
            "Hannah Price",
            "Primary School Teacher",
            "Experience",
            "Year 4 Class Teacher",
            "Oakfield Primary School",
            "September 2019 - Present",
            "Planned lessons for a class of 30 pupils.",
            "Teaching Assistant",
            "Meadow Lane Infant School",
            "January 2018 - July 2019",
            "Supported pupils with special educational needs.",
            "Camp Counsellor",
            "Lakeside Summer Camp",
            "Summer 2017",
            "Led outdoor activities for children aged 8-12.",
            "Education",
            "PGCE Primary, University of Leeds, 2018 - 2019",
            "BA English, University of York, 2014 - 2017",
        ],
        "roles": [
            role("Year 4 Class Teacher", "2019-09", "present", "Oakfield Primary School"),
            role("Teaching Assistant", "2018-01", "2019-07", "Meadow Lane Infant School"),
            role("Camp Counsellor", "2017-06", "2017-08", "Lakeside Summer Camp"),
        ],
    },
    {
        "file": "driver_right_dates.docx",
        "lines": [
            "Luis Romero",
            "Class A CDL Truck Driver",
            "Profile",
            "Over-the-road driver with a clean record.",
            "Work Experience",
            "Truck Driver — Crossroads Freight, Joliet, IL\t10/2017 - 09/2023",
            "Hauled dry van loads across 14 states.",
            "Delivery Driver — Metro Parcel, Chicago, IL\t04/2014 - 09/2017",
            "Delivered 120 parcels a day.",
            "Education",
            "CDL Training Program, Prairie Truck School\t2017",
        ],
        "roles": [
            role("Truck Driver", "2017-10", "2023-09", "Crossroads Freight"),
            role("Delivery Driver", "2014-04", "2017-09", "Metro Parcel"),
        ],
    },
    {
        "file": "accountant_caps_table.docx",
        "lines": [
            "Priya Nair",
            "Senior Accountant",
            "PROFESSIONAL EXPERIENCE",
            ["2018 - Present", "SENIOR ACCOUNTANT", "Keller & Moss LLP"],
            "Month-end close and consolidation for five entities.",
            ["2014 - 2018", "STAFF ACCOUNTANT", "Keller & Moss LLP"],
            "Accounts payable, reconciliations and audit support.",
            ["2012 - 2014", "ACCOUNTS CLERK", "Greenway Supplies"],
            "Posted invoices and matched purchase orders.",
            "EDUCATION",
            ["2008 - 2012", "BSc Accounting", "University of Manchester"],
        ],
        "roles": [
            role("SENIOR ACCOUNTANT", "2018", "present", "Keller & Moss LLP"),
            role("STAFF ACCOUNTANT", "2014", "2018", "Keller & Moss LLP"),
            role("ACCOUNTS CLERK", "2012", "2014", "Greenway Supplies"),
        ],
    },
    {
        "file": "developer_split_dates.docx",
        "lines": [
            "Chen Wei",
            "Software Engineer",
            "Experience",
            "Backend Engineer",
            ",",
            "10/2017",
            "to",
            "09/2019",
            "Company Name",
            "–",
            "City",
            ",",
            "State",
            "Built payment APIs in Python and PostgreSQL.",
            "Senior Software Engineer",
            ",",
            "10/2019",
            "to",
            "Current",
            "Company Name",
            "–",
            "City",
            ",",
            "State",
            "Led a team of four on the billing platform.",
            "Education",
            "Bachelor of Science",
            ":",
            "Computer Science",
            ",",
            "2017",
        ],
        "roles": [
            role("Backend Engineer", "2017-10", "2019-09"),
            role("Senior Software Engineer", "2019-10", "present"),
        ],
    },
    {
        "file": "retail_title_after_dates.docx",
        "lines": [
            "Amy Fox",
            "Store Manager",
            "Experience",
            "June 2016 to Current",
            "Company Name – City, State",
            "Store Manager",
            "Managed a team of 18 and a budget of $2M.",
            "March 2012 to May 2016",
            "Company Name – City, State",
            "Assistant Store Manager",
            "Scheduled staff and handled stock counts.",
            "July 2010 to February 2012",
            "Company Name – City, State",
            "Sales Associate",
            "Served customers at the tills.",
            "Education",
            "Associate of Arts, 2010",
        ],
        "roles": [
            role("Store Manager", "2016-06", "present"),
            role("Assistant Store Manager", "2012-03", "2016-05"),
            role("Sales Associate", "2010-07", "2012-02"),
        ],
    },
    {
        "file": "care_assistant_mixed.docx",
        "lines": [
            "Grace Mensah",
            "Care Assistant",
            "Career History",
            "Senior Care Assistant | Willow House Care Home | 2021 – now",
            "Supported 20 residents with daily living and medication rounds.",
            "Care Assistant | Willow House Care Home | 2018 – 2021",
            "Personal care and record keeping.",
            "Healthcare Support Worker | NHS Trust, Bristol | 2016 – 2018",
            "Observations and patient escorts on a surgical ward.",
            "Training",
            "Care Certificate | 2016",
            "Level 3 Diploma in Health and Social Care | 2019",
        ],
        "roles": [
            role("Senior Care Assistant", "2021", "present", "Willow House Care Home"),
            role("Care Assistant", "2018", "2021", "Willow House Care Home"),
            role("Healthcare Support Worker", "2016", "2018", "NHS Trust"),
        ],
    },
    {
        "file": "welder_plain.txt",
        "lines": [
            "JOHN MILLER",
            "Certified Welder",
            "",
            "EXPERIENCE",
            "",
            "Lead Welder, Steelworks Fabrication, Gary, IN",
            "May 2018 - Present",
            "- MIG and TIG welding of structural steel",
            "",
            "Welder, Apex Metal Works, Hammond, IN",
            "August 2013 - April 2018",
            "- Read blueprints and welded frames",
            "",
            "EDUCATION",
            "Welding Technology Certificate, Ivy Tech, 2013",
        ],
        "roles": [
            role("Lead Welder", "2018-05", "present", "Steelworks Fabrication"),
            role("Welder", "2013-08", "2018-04", "Apex Metal Works"),
        ],
    },
    {
        "file": "barista_dates_first.txt",
        "lines": [
            "Ella Brooks",
            "Barista and Shift Supervisor",
            "",
            "Work Experience",
            "2019 – now    Shift Supervisor, Bean There Coffee, Austin TX",
            "              Opened the store and trained new baristas.",
            "2017 – 2019   Barista, Bean There Coffee, Austin TX",
            "              Espresso drinks and latte art at 400 cups a day.",
            "Summer 2016   Server, Lakeview Diner, Austin TX",
            "",
            "Education",
            "2014 – 2017   Austin Community College, Associate of Arts",
        ],
        "roles": [
            role("Shift Supervisor", "2019", "present", "Bean There Coffee"),
            role("Barista", "2017", "2019", "Bean There Coffee"),
            role("Server", "2016-06", "2016-08", "Lakeview Diner"),
        ],
    },
    {
        "file": "mechanic_caps.txt",
        "lines": [
            "RAY DUNN",
            "",
            "WORK HISTORY",
            "",
            "MASTER TECHNICIAN",
            "Dec 2016 to Current",
            "Valley Ford, Fresno, CA",
            "* Diagnosed engine and electrical faults",
            "",
            "AUTOMOTIVE TECHNICIAN",
            "Jan 2011 to Nov 2016",
            "Valley Ford, Fresno, CA",
            "* Brakes, suspension and scheduled service",
            "",
            "LUBE TECHNICIAN",
            "Jun 2009 to Dec 2010",
            "Quick Lube Express, Clovis, CA",
            "",
            "CERTIFICATIONS",
            "ASE Master Technician, 2016",
        ],
        "roles": [
            role("MASTER TECHNICIAN", "2016-12", "present", "Valley Ford"),
            role("AUTOMOTIVE TECHNICIAN", "2011-01", "2016-11", "Valley Ford"),
            role("LUBE TECHNICIAN", "2009-06", "2010-12", "Quick Lube Express"),
        ],
    },
    {
        "file": "admin_slash_to.txt",
        "lines": [
            "Nadia Karim",
            "Office Administrator",
            "",
            "Professional Experience",
            "Office Administrator, 10/2017 to 09/2019",
            "Company Name – City, State",
            "Ran the front office and purchase ledger.",
            "Receptionist, 03/2015 to 09/2017",
            "Company Name – City, State",
            "Greeted visitors and managed room bookings.",
            "Office Manager, 10/2019 to Present",
            "Company Name – City, State",
            "Managed facilities and a team of three.",
            "",
            "Education",
            "Diploma in Business Administration, 2014",
        ],
        "roles": [
            role("Office Administrator", "2017-10", "2019-09"),
            role("Receptionist", "2015-03", "2017-09"),
            role("Office Manager", "2019-10", "present"),
        ],
    },
    {
        "file": "analyst_several_roles_one_employer.txt",
        "lines": [
            "Tom Reyes",
            "Data Analyst",
            "",
            "EXPERIENCE",
            "Harbor Bank — San Diego, CA",
            "Senior Data Analyst (Jan 2021 – Present)",
            "Built dashboards for the retail lending team.",
            "Data Analyst (Jul 2018 – Dec 2020)",
            "Wrote SQL reports on loan performance.",
            "Reporting Intern (Summer 2017)",
            "Cleaned survey data.",
            "",
            "EDUCATION",
            "BS Statistics, San Diego State University (Aug 2014 – May 2018)",
        ],
        "roles": [
            role("Senior Data Analyst", "2021-01", "present", "Harbor Bank"),
            role("Data Analyst", "2018-07", "2020-12", "Harbor Bank"),
            role("Reporting Intern", "2017-06", "2017-08", "Harbor Bank"),
        ],
    },
    {
        "file": "cleaner_years_only.txt",
        "lines": [
            "Irina Petrova",
            "Cleaning Supervisor",
            "",
            "Employment",
            "Cleaning Supervisor",
            "Sparkle Services Ltd",
            "2016 - present",
            "Supervised a team of eight cleaners in office buildings.",
            "Cleaner",
            "Sparkle Services Ltd",
            "2012 - 2016",
            "Housekeeper",
            "Grand Central Hotel",
            "2009 - 2012",
            "",
            "Education",
            "Secondary School Certificate, 2008",
        ],
        "roles": [
            role("Cleaning Supervisor", "2016", "present", "Sparkle Services Ltd"),
            role("Cleaner", "2012", "2016", "Sparkle Services Ltd"),
            role("Housekeeper", "2009", "2012", "Grand Central Hotel"),
        ],
    },
    {
        "file": "pharmacist_date_title_line.txt",
        "lines": [
            "Dr. Aisha Bello",
            "Clinical Pharmacist",
            "",
            "Experience",
            "Sep 2020 - Present | Clinical Pharmacist | City General Hospital",
            "Sep 2017 - Aug 2020 | Community Pharmacist | HealthPlus Pharmacy",
            "Jul 2016 - Aug 2017 | Pre-registration Pharmacist | HealthPlus Pharmacy",
            "",
            "Education",
            "Sep 2011 - Jun 2016 | MPharm | University of Nottingham",
            "",
            "Registration",
            "General Pharmaceutical Council, registered 2017",
        ],
        "roles": [
            role("Clinical Pharmacist", "2020-09", "present", "City General Hospital"),
            role("Community Pharmacist", "2017-09", "2020-08", "HealthPlus Pharmacy"),
            role("Pre-registration Pharmacist", "2016-07", "2017-08", "HealthPlus Pharmacy"),
        ],
    },
    {
        "file": "security_guard_employer_below.txt",
        "lines": [
            "Kevin Walsh",
            "Security Officer",
            "",
            "Work History",
            "Security Supervisor",
            "Company Name – City, State",
            "Feb 2019 – Current",
            "Supervised patrols and CCTV monitoring.",
            "Security Officer",
            "Company Name – City, State",
            "Nov 2015 – Jan 2019",
            "Access control at a corporate campus.",
            "Door Supervisor",
            "Company Name – City, State",
            "Mar 2013 – Oct 2015",
            "",
            "Licences",
            "SIA Door Supervisor Licence, 2013",
        ],
        "roles": [
            role("Security Supervisor", "2019-02", "present"),
            role("Security Officer", "2015-11", "2019-01"),
            role("Door Supervisor", "2013-03", "2015-10"),
        ],
    },
    {
        "file": "graduate_intern.txt",
        "lines": [
            "Lena Schmidt",
            "Junior Marketing Coordinator",
            "",
            "Education",
            "BA Marketing, University of Bath, 2018 - 2021",
            "",
            "Experience",
            "Marketing Coordinator, Blue Fern Agency, Bath       2022 - now",
            "Marketing Intern, Blue Fern Agency, Bath             Summer 2020",
            "Retail Assistant, Boots, Bath                        2018 - 2021",
            "",
            "Skills",
            "Social media, Canva, Google Analytics, copywriting",
        ],
        "roles": [
            role("Marketing Coordinator", "2022", "present", "Blue Fern Agency"),
            role("Marketing Intern", "2020-06", "2020-08", "Blue Fern Agency"),
            role("Retail Assistant", "2018", "2021", "Boots"),
        ],
    },
    {
        "file": "plumber_mixed_formats.txt",
        "lines": [
            "GARETH JONES",
            "Plumbing and Heating Engineer",
            "",
            "CAREER HISTORY",
            "",
            "Self-employed Plumber",
            "04.2018 - present",
            "Boiler installs and bathroom fits for private clients.",
            "",
            "PLUMBING AND HEATING ENGINEER",
            "Cardiff Heating Co.",
            "2012 to 2018",
            "",
            "APPRENTICE PLUMBER",
            "Cardiff Heating Co.",
            "2009 to 2012",
            "",
            "QUALIFICATIONS",
            "Gas Safe registered 2012",
            "NVQ Level 3 Plumbing, 2012",
        ],
        "roles": [
            role("Self-employed Plumber", "2018-04", "present"),
            role("PLUMBING AND HEATING ENGINEER", "2012", "2018", "Cardiff Heating Co."),
            role("APPRENTICE PLUMBER", "2009", "2012", "Cardiff Heating Co."),
        ],
    },
]


def _most_recent(roles: list[dict]) -> str:
    def key(r: dict) -> tuple[str, str]:
        return ("9999" if r["end"] == "present" else r["end"], r["start"])

    return max(roles, key=key)["title"] if roles else ""


def write_docx(path: Path, lines: list) -> None:
    doc = DocxDocument()
    for line in lines:
        if isinstance(line, list):
            table = doc.add_table(rows=1, cols=len(line))
            for cell, text in zip(table.rows[0].cells, line, strict=True):
                cell.text = text
        else:
            doc.add_paragraph(line)
    doc.save(str(path))


def write_txt(path: Path, lines: list) -> None:
    path.write_text("\n".join(" | ".join(x) if isinstance(x, list) else x for x in lines) + "\n", encoding="utf-8")


def made_labels() -> list[dict]:
    return [{"file": f["file"], "roles": f["roles"], "most_recent": _most_recent(f["roles"])} for f in FIXTURES]


def main() -> None:
    OUT_DIR.mkdir(exist_ok=True)
    for fixture in FIXTURES:
        path = OUT_DIR / fixture["file"]
        (write_docx if path.suffix == ".docx" else write_txt)(path, fixture["lines"])
    labels = json.loads(LABELS.read_text()) if LABELS.exists() else {}
    labels["made"] = made_labels()
    LABELS.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(FIXTURES)} CVs written to {OUT_DIR}; labels in {LABELS}")


if __name__ == "__main__":
    main()
