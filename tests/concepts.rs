//! Grounds argued in plain words (issue 13): no section number and no fixed cue phrase, only
//! the concepts of `data/concepts/`. Each letter here is our own short wording of a kind of
//! argument; the counter-examples are the ways such words appear without a ground being applied.

use foi_refusal::{Basis, Classifier, Report, Status, Via};

fn classify(text: &str) -> Report {
    Classifier::new().classify(text)
}

fn relied(report: &Report) -> Vec<&str> {
    let mut ids: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// `id` is relied on, inferred, with concept evidence whose spans lie in the letter.
fn assert_inferred(text: &str, id: &str) {
    let report = classify(text);
    let f = report.relied_on().find(|f| f.id == id).unwrap_or_else(|| {
        panic!(
            "{id} not relied on (found {:?}) in {text:?}",
            relied(&report)
        )
    });
    assert_eq!(f.basis, Basis::Inferred, "{id} in {text:?}");
    let concept: Vec<&str> = f
        .evidence
        .iter()
        .filter(|e| e.via == Via::Concept)
        .map(|e| {
            assert_eq!(&text[e.start..e.end], e.text);
            assert!(e.cue.is_some(), "concept evidence names its concept");
            e.text.as_str()
        })
        .collect();
    assert!(!concept.is_empty(), "{id}: no concept evidence in {text:?}");
}

fn assert_not_relied(text: &str, id: &str) {
    let report = classify(text);
    assert!(
        report.relied_on().all(|f| f.id != id),
        "{id} relied on in {text:?}: {:?}",
        report.finding(id)
    );
}

#[test]
fn email_addresses_taken_out_as_personal_rely_on_s40() {
    let text =
        "The residents' email addresses have been taken out, as they are personal to those people.";
    assert_inferred(text, "foia:s40");
    let f = classify(text);
    let f = f.finding("foia:s40").unwrap();
    let concepts: Vec<&str> = f.evidence.iter().filter_map(|e| e.cue.as_deref()).collect();
    assert!(concepts.contains(&"withhold") && concepts.contains(&"personal_data"));
    assert_eq!(f.provisions, ["40(2)"]);
}

#[test]
fn day_rates_that_would_let_rivals_undercut_rely_on_s43() {
    assert_inferred(
        "If the day rates were known, rival firms could undercut the supplier when the contract is relet.",
        "foia:s43",
    );
}

#[test]
fn work_against_the_hours_allowed_relies_on_s12() {
    assert_inferred(
        "Pulling this together would mean checking each of 900 files by hand, many times the 18 hours the regulations allow.",
        "foia:s12",
    );
}

/// The motivating letter (data/examples/home-office-style.txt) in other wordings: company names
/// kept back on national security, confidence and commercial grounds, with no section number.
#[test]
fn the_motivating_case_in_other_words() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "We have decided to keep back the list of firms. Making it public could weaken the work to counter terrorism, and that would harm national security.",
            &["foia:s24"],
        ),
        (
            "The firms gave us their details in confidence, and releasing them would be an actionable breach of confidence.",
            &["foia:s41"],
        ),
        (
            "Disclosure would damage the companies' commercial interests and their relationships with the department, so the list of attendees is not being released.",
            &["foia:s43"],
        ),
        (
            "The names of the companies have been withheld. Publishing them could put national security at risk. The firms supplied them to the department in confidence, so releasing them would be a breach of confidence, and it would undermine their commercial position.",
            &["foia:s24", "foia:s41", "foia:s43"],
        ),
    ];
    for (text, ids) in cases {
        for id in ids {
            assert!(
                classify(text).relied_on().any(|f| f.id == *id),
                "{id} not relied on in {text:?}: {:?}",
                relied(&classify(text))
            );
        }
        // Company names are not personal data.
        assert_not_relied(text, "foia:s40");
    }
}

#[test]
fn the_ground_of_the_letters_regime_is_chosen() {
    assert_inferred(
        "We have dealt with your request under the Environmental Information Regulations 2004. The residents' e-mail addresses have been taken out, as they are personal to those people.",
        "eir:r13",
    );
    assert_inferred(
        "We have dealt with your request under the Freedom of Information (Scotland) Act 2002. The residents' e-mail addresses have been taken out, as they are personal to those people.",
        "foisa:s38",
    );
}

#[test]
fn a_concept_without_an_action_infers_nothing() {
    assert_not_relied(
        "Personal data is processed under the Data Protection Act 2018.",
        "foia:s40",
    );
    assert_not_relied(
        "Our day rates for consultants are set out in the attached price list.",
        "foia:s43",
    );
}

#[test]
fn a_negated_action_infers_nothing() {
    assert_not_relied(
        "The residents' email addresses have not been taken out, as they agreed to share them.",
        "foia:s40",
    );
    assert_not_relied(
        "None of the residents' email addresses have been taken out.",
        "foia:s40",
    );
    assert_not_relied(
        "Releasing the day rates would not undercut the supplier, so they are attached.",
        "foia:s43",
    );
}

#[test]
fn an_action_about_something_else_infers_nothing() {
    assert_not_relied(
        "The tender prices have been withheld; the officers' email addresses are in the attached list.",
        "foia:s40",
    );
    assert_not_relied(
        "We have removed the duplicate rows, and the staff contact details are set out below.",
        "foia:s40",
    );
}

#[test]
fn rights_boilerplate_and_quoted_mail_infer_nothing() {
    assert_not_relied(
        "If you are dissatisfied with our decision to withhold personal data, you may ask for an internal review.",
        "foia:s40",
    );
    let quoted = "Dear Ms Smith,\n\nPlease find the answer attached.\n\nOn 3 May, J Bloggs wrote:\n> The email addresses have been taken out, as they are personal to those people.\n";
    assert_not_relied(quoted, "foia:s40");
}

#[test]
fn a_concept_finding_keeps_a_disclaimer() {
    let text = "We are not relying on section 40. The staff email addresses have been taken out, as they are personal to them.";
    let report = classify(text);
    assert_eq!(
        report.finding("foia:s40").map(|f| f.status),
        Some(Status::Disclaimed)
    );
}

#[test]
fn a_megabyte_of_plain_word_arguments_on_one_line() {
    // Thousands of inferences for one ground: the evidence is gathered in linear time and every
    // span stays in bounds.
    let text = "the residents' email addresses have been taken out, as they are personal to them; "
        .repeat(1024 * 1024 / 84);
    let report = classify(&text);
    let f = report.finding("foia:s40").expect("s.40 is inferred");
    assert!(f.evidence.len() > 100);
    for e in &f.evidence {
        assert!(e.start <= e.end && e.end <= text.len());
        assert!(e.sentence.start <= e.sentence.end && e.sentence.end <= text.len());
    }
}

#[test]
fn a_sentence_citing_the_other_regimes_equivalent_argues_that_one() {
    // A letter under both regimes: the officers' names are withheld under the FOIA section, so
    // the same sentence infers no regulation 13 beside it.
    let text = "The survey data is environmental information, so we have handled that part under the Environmental Information Regulations 2004, and the rest under the Freedom of Information Act 2000. The site report is withheld under regulation 12(5)(b). We have withheld the names of officers below Head of Service under section 40(2) FOIA.";
    let report = classify(text);
    assert_eq!(relied(&report), ["eir:r12(5)(b)", "foia:s40"]);
    // Without the citation the plain words still infer the ground.
    assert_inferred(
        "The survey data is environmental information under the Environmental Information Regulations 2004. We have withheld the names of officers below Head of Service.",
        "eir:r13",
    );
}
