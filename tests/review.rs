//! Drafted internal review requests (`draft_review`), read whole: the seed letter's, a granted
//! letter's (no letter), and one per regime, each in its procedure's wording; the authority's
//! name and reference read from the reply or given by the caller.

use foi_refusal::{draft_review, draft_review_with, Classifier, Jurisdiction, ReviewOptions};

const SEED: &str = include_str!("../data/examples/home-office-style.txt");

/// The draft of `text`, with its line breaks made spaces (for phrases that wrap).
fn draft(text: &str) -> (String, String) {
    let report = Classifier::new().classify(text);
    let d = draft_review(&report, text);
    let flat = d.split_whitespace().collect::<Vec<_>>().join(" ");
    (d, flat)
}

/// The numbered points of a draft: lines that start "N. ".
fn points(d: &str) -> usize {
    d.lines()
        .filter(|l| {
            let (n, rest) = l.split_once(". ").unwrap_or(("", ""));
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty()
        })
        .count()
}

#[test]
fn the_seed_gets_a_request_for_an_internal_review() {
    let report = Classifier::new().classify(SEED);
    let (d, flat) = draft(SEED);
    // A note outside the letter: a draft, not legal advice, and when to send it.
    let (note, letter) = d.split_once("\n----").expect("a note, then the letter");
    assert!(
        note.contains("DRAFT") && note.contains("not legal advice"),
        "{note}"
    );
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(note.contains("within 40 working days of the date of the authority's reply"));
    // The reply names no authority and gives no reference.
    assert!(letter.contains("Dear Sir or Madam,"), "{letter}");
    assert!(
        letter.contains("To: the information rights team\n"),
        "{letter}"
    );
    assert!(letter.contains("My request: ["), "{letter}");
    for phrase in [
        "Subject: Request for an internal review",
        "internal review of your response to my request under the Freedom of Information Act 2000",
        // The three grounds, none cited by number in the reply.
        "national security (I take this to be section 24(1))",
        "information provided in confidence (I take this to be section 41(1))",
        "commercial interests (I take this to be section 43(2))",
        // The unstated exemptions, and the public interest not weighed.
        "Your reply does not cite a section or regulation number",
        "section 17(1)(b) of the Freedom of Information Act 2000",
        "Your reply does not set out that balance",
        "[say why the information matters]",
        // The procedure, and the closing.
        "code of practice issued under section 45",
        "complain to the Information Commissioner under section 50",
        "Please send me the outcome of the review in writing",
        "Yours faithfully,",
    ] {
        assert!(flat.contains(phrase), "no {phrase:?} in:\n{d}");
    }
    // Every ground the seed relies on has its point (the ground arguments of data/advice/, as
    // far as they go, and the check arguments that name them).
    for id in ["foia:s24", "foia:s41", "foia:s43"] {
        assert!(report.relied_on().any(|f| f.id == id), "{id}");
    }
    let n = points(&d);
    assert!(
        n >= 3 && n <= report.advice.len(),
        "{n} points for {} advice items:\n{d}",
        report.advice.len()
    );
    // Written as the requester's: no advice to the requester left in it, no overclaim.
    for phrase in [
        "the letter",
        "The letter",
        "Ask the authority",
        "you see",
        "That does not stop you",
        "You have it all the same",
        "unlawful",
        "failed to",
        "illegal",
        "in breach of its duty",
    ] {
        assert!(!flat.contains(phrase), "{phrase:?} in:\n{d}");
    }
    // No sentence twice.
    let sentences: Vec<&str> = flat.split(". ").filter(|s| s.len() > 40).collect();
    for (i, s) in sentences.iter().enumerate() {
        assert!(!sentences[..i].contains(s), "said twice: {s:?}\n{d}");
    }
}

#[test]
fn a_granted_letter_gets_no_letter() {
    let (d, flat) = draft("Thank you for your request. Please find attached the figures you asked for. Nothing has been withheld.");
    assert!(flat.starts_with("No review request drafted"), "{d}");
    for phrase in ["Dear", "Yours faithfully", "----"] {
        assert!(!d.contains(phrase), "{phrase:?} in:\n{d}");
    }
}

#[test]
fn an_eir_letter_makes_representations_under_regulation_11() {
    let text = "We are withholding the flood model under regulation 12(5)(e) of the Environmental \
Information Regulations 2004, because it is commercially confidential and its release would \
adversely affect the consultant's legitimate economic interests.";
    let report = Classifier::new().classify(text);
    assert_eq!(report.jurisdiction, Jurisdiction::Eir);
    let (d, flat) = draft(text);
    for phrase in [
        "Subject: Representations under regulation 11",
        "I am writing to make representations under regulation 11 of the Environmental Information Regulations 2004",
        "ask you to reconsider it",
        "complain to the Information Commissioner",
        "regulation 18",
    ] {
        assert!(flat.contains(phrase), "no {phrase:?} in:\n{d}");
    }
    assert!(
        !flat.contains("section 45") && !flat.contains("Scottish"),
        "{d}"
    );
}

#[test]
fn a_foisa_letter_is_a_requirement_for_review_under_section_20() {
    let text = "The bid evaluation scores are withheld under section 33(1)(b) of the Freedom of \
Information (Scotland) Act 2002, since their release would prejudice substantially the \
commercial interests of the bidders.";
    let report = Classifier::new().classify(text);
    assert_eq!(report.jurisdiction, Jurisdiction::Foisa);
    let (d, flat) = draft(text);
    for phrase in [
        "Subject: Requirement for review under section 20 of the Freedom of Information (Scotland) Act 2002",
        "I am writing to require a review, under section 20",
        "Section 21 of the Act gives you 20 working days",
        "apply to the Scottish Information Commissioner for a decision under section 47",
    ] {
        assert!(flat.contains(phrase), "no {phrase:?} in:\n{d}");
    }
    let (note, _) = d.split_once("\n----").unwrap();
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        note.contains("within 40 working days of the date of the authority's reply"),
        "{note}"
    );
    assert!(
        !flat.contains("section 50") && !flat.contains("regulation 11"),
        "{d}"
    );
}

#[test]
fn an_eisr_letter_is_a_requirement_for_review_under_regulation_16() {
    let text = "The locations of the nesting sites are withheld under regulation 10(5)(g) of the \
Environmental Information (Scotland) Regulations 2004, because releasing them would harm the \
protection of the environment to which the information relates.";
    let (d, flat) = draft(text);
    for phrase in [
        "under regulation 16 of the Environmental Information (Scotland) Regulations 2004",
        "Scottish Information Commissioner for a decision under regulation 17",
    ] {
        assert!(flat.contains(phrase), "no {phrase:?} in:\n{d}");
    }
}

#[test]
fn a_letter_under_two_regimes_asks_for_both_reviews() {
    let text = "The bid prices are withheld under section 43(2) of the Freedom of Information Act \
2000, as releasing them would harm the bidders' commercial interests, and the noise survey is \
withheld under regulation 12(5)(e) of the Environmental Information Regulations 2004.";
    let report = Classifier::new().classify(text);
    if report.jurisdiction != Jurisdiction::Mixed {
        return; // read as one regime: the tests above cover it
    }
    let (d, flat) = draft(text);
    assert!(
        flat.contains("section 45") && flat.contains("representations under regulation 11"),
        "{d}"
    );
}

const SIGNED: &str = "Our ref: FOI 4411\n\nThe names of the contractor's staff are withheld \
under section 40(2) of the Freedom of Information Act 2000, as they are personal data and their \
release would be unfair to the people concerned. The unit rates are withheld under section 43(2), \
as their release would harm the contractor's commercial interests.\n\nYours sincerely\n\nA. Clerk\n\
Information Governance Team\nKingsmere Borough Council\n";

#[test]
fn the_authority_and_its_reference_are_read_from_the_reply() {
    let (d, _) = draft(SIGNED);
    assert!(d.contains("\nDear Kingsmere Borough Council,\n"), "{d}");
    assert!(
        d.contains("\nTo: the information rights team, Kingsmere Borough Council\n"),
        "{d}"
    );
    assert!(d.contains("\nYour reference: FOI 4411\n"), "{d}");
}

#[test]
fn the_caller_can_name_the_authority_and_the_requester() {
    let report = Classifier::new().classify(SIGNED);
    let options = ReviewOptions::new()
        .authority("  Kingsmere   Parks Trust ")
        .requester("Jo Requester")
        .reference("KPT-99");
    let d = draft_review_with(&report, SIGNED, &options);
    assert!(d.contains("\nDear Kingsmere Parks Trust,\n"), "{d}");
    assert!(d.contains("\nYour reference: KPT-99\n"), "{d}");
    assert!(d.contains("\nJo Requester\n"), "{d}");
    assert!(!d.contains("[Your name]"), "{d}");
    // A sender's display name is used only when it is an authority's name.
    let person = draft_review_with(&report, SIGNED, &ReviewOptions::new().sender("Jo Bloggs"));
    assert!(
        person.contains("Dear Kingsmere Borough Council,"),
        "{person}"
    );
    let body = draft_review_with(
        &report,
        SIGNED,
        &ReviewOptions::new().sender("Kingsmere Fire and Rescue Service"),
    );
    assert!(
        body.contains("Dear Kingsmere Fire and Rescue Service,"),
        "{body}"
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let classifier = Classifier::new();
    let report = classifier.classify(SEED);
    // A report drafted against text it was not made from, or none.
    let half = SEED
        .char_indices()
        .nth(SEED.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    for text in [
        "",
        "é",
        "Our ref:",
        &SEED[..half],
        "Yours sincerely\n\nThe Council\n",
    ] {
        let _ = draft_review(&report, text);
    }
    for text in ["", "\n\n", "Our ref: 1\n", "ü section 43(2) withheld"] {
        let r = classifier.classify(text);
        let _ = draft_review(&r, text);
    }
}

#[test]
fn the_deadline_is_dated_when_the_reply_and_its_date_are_known() {
    let letter = "Date: 14 April 2025\n\nDear Ms Patel,\n\nThank you for your request of 3 March \
                  2025. The report is withheld under section 31(1)(a) of the Freedom of \
                  Information Act 2000, because releasing it would be likely to prejudice the \
                  prevention of crime.\n\nYours sincerely,\nInformation Team\n";
    let report = foi_refusal::Classifier::new().classify(letter);
    let timing = report.timing.as_ref().expect("the letter states its dates");
    let by = timing.review_by.expect("a review-by date").to_string();
    let draft = foi_refusal::draft_review(&report, letter);
    let flat = draft.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("The reply is dated 2025-04-14") && flat.contains(&by),
        "{draft}"
    );
    // The advice on when to ask is the requester's, given in the note: not a point to the
    // authority.
    assert!(
        report.advice.iter().any(|a| a.rule == "review_by_foia"),
        "{:#?}",
        report.advice
    );
    assert_eq!(flat.matches(by.as_str()).count(), 1, "{draft}");
    assert!(!flat.contains("If I want an internal review"), "{draft}");
}
