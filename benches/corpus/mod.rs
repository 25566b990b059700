//! A deterministic corpus of letter-like text for the throughput benchmarks: refusal letters
//! that cite (or only argue) known grounds, full disclosures with tables of figures, and
//! responses with long annexes (spending rows, minutes, policy text) that hold no refusal at
//! all. Every sentence here was written for this generator.
//!
//! Each [`Letter`] records the grounds planted in it, so a benchmark can check that the
//! classifier found exactly those before it times anything.

/// One generated response, with the grounds it relies on.
pub struct Letter {
    /// The text.
    pub text: String,
    /// Ids of the grounds the letter relies on, each once.
    pub relied: Vec<&'static str>,
}

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const AUTHORITIES: &[&str] = &[
    "Ashcombe District Council",
    "Northvale Borough Council",
    "Kingsmere City Council",
    "the Department for Rural Affairs",
    "Eastmoor NHS Foundation Trust",
    "Westbridge Police",
    "Lowfield County Council",
    "the Harbour Authority",
];

const SUBJECTS: &[&str] = &[
    "the contract for street lighting maintenance",
    "agency staff spending in the adult social care directorate",
    "complaints about the new waste collection rounds",
    "the consultants engaged on the town centre regeneration scheme",
    "the number of potholes reported on the ring road",
    "the security arrangements at the civic centre",
    "the investigation into the leisure centre roof",
    "legal advice on the closure of the day centre",
    "the tender for school transport",
    "sickness absence among firefighters",
];

const OPENINGS: &[&str] = &[
    "Thank you for your request for information, which we received on {d} and have dealt with under the Freedom of Information Act 2000.",
    "We write about your request of {d} concerning {s}.",
    "Your request dated {d} has now been considered and our response is set out below.",
];

const REQUEST_RECAPS: &[&str] = &[
    "You asked for copies of all correspondence about {s} since April 2021, and for the total spent on it in each financial year.",
    "You asked us to tell you who was responsible for {s} and what the arrangements cost.",
    "Your request was for any reports, briefing notes or minutes that refer to {s}.",
];

/// A ground: its rule id and paragraphs that rely on it, each citing it in a different way.
struct Ground {
    id: &'static str,
    paragraphs: &'static [&'static str],
}

const FOIA_GROUNDS: &[Ground] = &[
    Ground {
        id: "foia:s40",
        paragraphs: &[
            "The names of officers below head of service level have been removed under section 40(2) of the Freedom of Information Act 2000. They are the personal data of people other than you, and releasing them would not be fair to those individuals, who would not expect their names to be made public.",
            "We have redacted the home addresses of residents from the log. These are third party personal data and are exempt under s.40(2) of the Act, because disclosure would contravene the data protection principles.",
        ],
    },
    Ground {
        id: "foia:s43",
        paragraphs: &[
            "The unit rates in the supplier’s pricing schedule are withheld under section 43(2) of the FOIA. The contract is due to be retendered next year and publishing the rates now would be likely to prejudice the supplier’s commercial interests by showing its competitors the prices they must beat.",
            "Some of the information is exempt under section 43(2) – commercial interests. Release would be likely to weaken the council’s position when it negotiates the next contract, so its commercial interests would suffer.",
        ],
    },
    Ground {
        id: "foia:s12",
        paragraphs: &[
            "We estimate that finding and extracting this information would take well over 18 hours, because each of roughly 2,400 paper files would have to be read by hand. That exceeds the appropriate limit of £450, so under section 12(1) of the Act we are not obliged to comply with your request. If you narrowed your request to a single financial year we may be able to help.",
            "Complying with your request would exceed the cost limit set out in section 12 of the Freedom of Information Act 2000: we estimate about 40 hours of searching across five systems. You may wish to refine your request to a shorter period.",
        ],
    },
    Ground {
        id: "foia:s21",
        paragraphs: &[
            "The spending figures are already published on our website, so they are exempt under section 21 of the FOIA as information reasonably accessible to you by other means. You can find them at https://www.example.gov.uk/transparency/spending.",
        ],
    },
    Ground {
        id: "foia:s31",
        paragraphs: &[
            "Details of where the cameras are placed are withheld under section 31(1)(a) of the Act, because disclosure would be likely to prejudice the prevention or detection of crime by telling offenders which areas are not watched.",
        ],
    },
    Ground {
        id: "foia:s41",
        paragraphs: &[
            "The report was given to us in confidence by a partner agency on the understanding that it would not be shared. It is exempt under section 41(1) of the Freedom of Information Act 2000, since its disclosure would be an actionable breach of confidence.",
        ],
    },
    Ground {
        id: "foia:s42",
        paragraphs: &[
            "The advice from the council’s solicitor is subject to legal professional privilege and is withheld under section 42(1) of the Act.",
        ],
    },
    Ground {
        id: "foia:s36",
        paragraphs: &[
            "The qualified person has given the opinion that releasing the draft options paper would be likely to inhibit the free and frank exchange of views for the purposes of deliberation, so section 36(2)(b)(ii) of the FOIA applies.",
        ],
    },
];

const EIR_GROUNDS: &[Ground] = &[
    Ground {
        id: "eir:r12(5)(e)",
        paragraphs: &[
            "The haulage rates are withheld under regulation 12(5)(e) of the Environmental Information Regulations 2004, because disclosure would adversely affect the confidentiality of commercial information that the law protects to safeguard a legitimate economic interest.",
        ],
    },
    Ground {
        id: "eir:r13",
        paragraphs: &[
            "The names of the residents who complained have been withheld under regulation 13 of the EIR, as they are personal data and releasing them would breach the data protection principles.",
        ],
    },
    Ground {
        id: "eir:r12(4)(b)",
        paragraphs: &[
            "Your request is manifestly unreasonable under regulation 12(4)(b) of the Environmental Information Regulations 2004: we estimate that answering it would take over 60 hours of officer time.",
        ],
    },
];

const FOISA_GROUNDS: &[Ground] = &[
    Ground {
        id: "foisa:s38",
        paragraphs: &[
            "The names of the staff involved are withheld under section 38(1)(b) of the Freedom of Information (Scotland) Act 2002, because they are personal data and disclosure would breach the data protection principles.",
        ],
    },
    Ground {
        id: "foisa:s33",
        paragraphs: &[
            "The tender prices are exempt under section 33(1)(b) of FOISA, since their disclosure would, or would be likely to, prejudice substantially the commercial interests of the bidders.",
        ],
    },
];

const PUBLIC_INTEREST: &[&str] = &[
    "This exemption is qualified, so we have weighed the public interest. In favour of disclosure there is the general public interest in openness and in showing how public money is spent. In favour of withholding the information there is the harm set out above. On balance we have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure.",
    "We have considered the public interest test. Releasing the information would add to public understanding of the decision, but that is outweighed by the damage release would do, so the balance lies in withholding it.",
];

const MENTIONS: &[&str] = &[
    "We have not applied section 43 to the total contract value, so that figure is given above.",
    "Section 22 does not apply here because we have no plans to publish this information.",
];

const RIGHTS: &[&str] = &[
    "If you are unhappy with the way your request has been handled, you can ask for an internal review by writing to the address below within 40 working days. If you remain dissatisfied after the review, you may complain to the Information Commissioner, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.",
    "You have the right to request an internal review of this decision. After that, you may apply to the Information Commissioner under section 50 of the Act.",
];

const SCOTTISH_RIGHTS: &[&str] = &[
    "If you are dissatisfied with this response you may ask us for a review within 40 working days. If you are still dissatisfied you may then apply to the Scottish Information Commissioner for a decision under section 47 of FOISA.",
];

const SIGN_OFFS: &[&str] = &[
    "Yours sincerely,\n\nInformation Governance Team\n{a}",
    "Kind regards\n\nFOI Officer\n{a}\nTel: 01632 960 123",
];

/// A paragraph of disclosure prose with a figure in it.
const DISCLOSURE_LINES: &[&str] = &[
    "In 2022/23 the council spent £{n},{m} on agency staff in this directorate, and in 2023/24 the figure was £{m},{n}.",
    "The number of reports received was {n} in the first quarter and {m} in the second.",
    "Please find attached a spreadsheet listing each payment by date, supplier and amount.",
    "We can confirm that the team has {n} posts, of which {m} are currently filled by permanent staff.",
    "The contract was awarded on 3 May 2022 for a period of four years with an option to extend by two more.",
];

/// Annex prose: plans, minutes and policy text with no refusal wording.
const ANNEX_PROSE: &[&str] = &[
    "The board noted the progress report on the highways programme and asked officers to bring forward a revised timetable for the resurfacing works on the northern approach road.",
    "Members discussed the recruitment of volunteers for the summer reading scheme and agreed that the libraries service would advertise in community centres and schools.",
    "The officer explained that the depot lease runs until March 2031, after which the site would be reviewed alongside the wider estate strategy.",
    "Action: the finance lead to circulate the quarterly budget monitoring figures to all members before the next meeting.",
    "The plan sets out how the authority will reduce its carbon emissions from buildings, fleet vehicles and street lighting over the next ten years.",
    "Residents raised concerns about parking near the primary school at drop-off times, and the ward councillor undertook to raise this with the traffic team.",
    "Item 7 – Any other business. No other business was raised and the chair closed the meeting at 8.42pm.",
    "The café at the museum will open for longer hours during the school holidays, with a new menu developed with a local bakery.",
];

const SUPPLIERS: &[&str] = &[
    "Brightway Cleaning Ltd",
    "Northern Grit Supplies",
    "Acme Office Furniture",
    "Riverside Catering",
    "Parkland Tree Surgeons",
    "Civic IT Services",
];

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = template.to_string();
    while let Some(i) = out.find("{s}") {
        out.replace_range(i..i + 3, rng.pick(SUBJECTS));
    }
    while let Some(i) = out.find("{a}") {
        out.replace_range(i..i + 3, rng.pick(AUTHORITIES));
    }
    while let Some(i) = out.find("{d}") {
        let d = format!("{} March 2024", 1 + rng.below(28));
        out.replace_range(i..i + 3, &d);
    }
    while let Some(i) = out.find("{n}") {
        out.replace_range(i..i + 3, &(1 + rng.below(900)).to_string());
    }
    while let Some(i) = out.find("{m}") {
        out.replace_range(i..i + 3, &format!("{:03}", rng.below(1000)));
    }
    out
}

fn header(rng: &mut Rng, out: &mut String) {
    out.push_str(&format!(
        "Our reference: FOI/{}/{}\n\nDear Requester,\n\n",
        2024,
        1000 + rng.below(9000)
    ));
    out.push_str(&fill(rng.pick(OPENINGS), rng));
    out.push_str("\n\n");
    out.push_str(&fill(rng.pick(REQUEST_RECAPS), rng));
    out.push_str("\n\n");
}

fn footer(rng: &mut Rng, out: &mut String, scottish: bool) {
    let rights = if scottish { SCOTTISH_RIGHTS } else { RIGHTS };
    out.push_str(rng.pick(rights));
    out.push_str("\n\n");
    out.push_str(&fill(rng.pick(SIGN_OFFS), rng));
    out.push('\n');
}

fn disclosure_paragraphs(rng: &mut Rng, out: &mut String, count: usize) {
    for _ in 0..count {
        out.push_str(&fill(rng.pick(DISCLOSURE_LINES), rng));
        out.push_str("\n\n");
    }
}

/// A refusal letter relying on one to three grounds of one regime.
fn refusal(rng: &mut Rng) -> Letter {
    let (grounds, scottish) = match rng.below(10) {
        0 => (EIR_GROUNDS, false),
        1 => (FOISA_GROUNDS, true),
        _ => (FOIA_GROUNDS, false),
    };
    let mut text = String::new();
    header(rng, &mut text);
    if rng.chance(50) {
        let n = 1 + rng.below(2);
        disclosure_paragraphs(rng, &mut text, n);
    }
    let mut relied = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let g = &grounds[rng.below(grounds.len())];
        if relied.contains(&g.id) {
            continue;
        }
        relied.push(g.id);
        text.push_str(rng.pick(g.paragraphs));
        text.push_str("\n\n");
    }
    if rng.chance(60) {
        text.push_str(rng.pick(PUBLIC_INTEREST));
        text.push_str("\n\n");
    }
    if !scottish && grounds.len() == FOIA_GROUNDS.len() && rng.chance(20) {
        let m = rng.pick(MENTIONS);
        // Only a mention of a ground the letter does not rely on.
        if !relied.iter().any(|id| m.contains(&id[6..])) {
            text.push_str(m);
            text.push_str("\n\n");
        }
    }
    footer(rng, &mut text, scottish);
    relied.sort_unstable();
    Letter { text, relied }
}

/// A full disclosure: figures in prose and a table.
fn disclosure(rng: &mut Rng) -> Letter {
    let mut text = String::new();
    header(rng, &mut text);
    text.push_str("We hold the information you asked for and it is set out below.\n\n");
    let n = 2 + rng.below(4);
    disclosure_paragraphs(rng, &mut text, n);
    let rows = 20 + rng.below(200);
    table(rng, &mut text, rows);
    footer(rng, &mut text, false);
    Letter {
        text,
        relied: Vec::new(),
    }
}

/// Rows of a spending table, tab separated.
fn table(rng: &mut Rng, out: &mut String, rows: usize) {
    out.push_str("Date\tSupplier\tService area\tAmount (£)\n");
    for _ in 0..rows {
        out.push_str(&format!(
            "{:02}/{:02}/2023\t{}\t{}\t{}.{:02}\n",
            1 + rng.below(28),
            1 + rng.below(12),
            rng.pick(SUPPLIERS),
            rng.pick(&["Highways", "Libraries", "Waste", "Adult care", "Parks"]),
            100 + rng.below(90_000),
            rng.below(100)
        ));
    }
    out.push('\n');
}

/// An annex of `bytes` or so: tables and minutes, no refusal wording.
fn annex(rng: &mut Rng, out: &mut String, bytes: usize) {
    let end = out.len() + bytes;
    out.push_str("ANNEX A\n\n");
    while out.len() < end {
        if rng.chance(30) {
            let rows = 10 + rng.below(60);
            table(rng, out, rows);
        } else {
            for _ in 0..3 + rng.below(5) {
                out.push_str(rng.pick(ANNEX_PROSE));
                out.push(' ');
            }
            out.push_str("\n\n");
        }
    }
}

/// A response whose letter is followed by a long annex: a disclosure, or now and then a
/// refusal of part of the request.
fn with_annex(rng: &mut Rng) -> Letter {
    let mut letter = if rng.chance(30) {
        refusal(rng)
    } else {
        disclosure(rng)
    };
    let size = 20_000 + rng.below(100_000);
    annex(rng, &mut letter.text, size);
    letter
}

/// About `bytes` of letters from `seed`: roughly 45% refusals, 35% full disclosures and 20%
/// responses with a long annex (which hold most of the bytes).
pub fn generate(bytes: usize, seed: u64) -> Vec<Letter> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let letter = match rng.below(20) {
            0..=8 => refusal(&mut rng),
            9..=15 => disclosure(&mut rng),
            _ => with_annex(&mut rng),
        };
        total += letter.text.len();
        out.push(letter);
    }
    out
}

/// One letter of about `bytes`: a refusal with an annex that makes up the rest.
pub fn long_letter(bytes: usize, seed: u64) -> Letter {
    let mut rng = Rng(seed);
    let mut letter = refusal(&mut rng);
    let rest = bytes.saturating_sub(letter.text.len());
    annex(&mut rng, &mut letter.text, rest);
    letter
}
