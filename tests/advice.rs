//! What the requester is told to argue, on whole letters: each kind of refusal gets the
//! arguments it should, with evidence inside the letter, and a letter that refuses nothing gets
//! none.

use foi_refusal::{Advice, Classifier, Report};

fn advise(letter: &str) -> Report {
    let report = Classifier::new().classify(letter);
    for a in &report.advice {
        for e in &a.evidence {
            assert_eq!(
                letter.get(e.start..e.end),
                Some(e.text.as_str()),
                "{}",
                a.rule
            );
        }
        assert!(
            !a.argument.contains('{'),
            "unfilled placeholder: {}",
            a.argument
        );
    }
    report
}

fn about<'r>(report: &'r Report, about: &str) -> Vec<&'r Advice> {
    report.advice.iter().filter(|a| a.about == about).collect()
}

#[test]
fn a_cost_refusal_without_an_estimate_is_asked_for_the_breakdown_and_for_advice() {
    let report = advise(
        "Dear Mr Lee,\n\nThank you for your request for all e-mails about the bridge repairs since \
         2015. I am sorry, but we estimate that the cost of complying with it would exceed the \
         appropriate limit under section 12 of the Freedom of Information Act 2000, and we are \
         therefore not obliged to comply with it.\n\nYours sincerely,\nInformation Team\n",
    );
    let estimate = about(&report, "cost_estimate");
    assert_eq!(estimate.len(), 1, "{:#?}", report.advice);
    assert_eq!(estimate[0].provision, "foia:s12(1)");
    assert!(estimate[0]
        .argument
        .contains("locate, retrieve and extract"));
    let narrow = about(&report, "advice_to_narrow");
    assert_eq!(narrow.len(), 1, "{:#?}", report.advice);
    assert_eq!(narrow[0].provision, "foia:s16");
}

#[test]
fn a_qualified_ground_without_a_public_interest_test_is_asked_for_the_balance() {
    let letter = "The report is withheld under section 31(1)(a) of the Freedom of Information Act \
                  2000, because releasing it would be likely to prejudice the prevention of crime.";
    let report = advise(letter);
    let balance = about(&report, "public_interest_reasons");
    assert_eq!(balance.len(), 1, "{:#?}", report.advice);
    assert_eq!(balance[0].provision, "foia:s17(3)");
    assert!(balance[0]
        .argument
        .contains("section 31(1)(a) (law enforcement)"));
    assert!(
        !balance[0].evidence.is_empty(),
        "the ground's span is the evidence"
    );
    // The same letter with the balance struck gets no such argument.
    let weighed = format!(
        "{letter} We have weighed the public interest. Openness about policing favours release, \
         but on balance the public interest in maintaining the exemption outweighs the public \
         interest in disclosure."
    );
    assert!(about(&advise(&weighed), "public_interest_reasons").is_empty());
}

#[test]
fn a_not_held_reply_is_asked_what_searches_were_made() {
    let report = advise(
        "Dear Ms Khan,\n\nI can confirm that the Council does not hold any information about the \
         meetings you describe.\n\nYours sincerely,\nFOI Officer\n",
    );
    let searches = about(&report, "outcome:not_held");
    assert_eq!(searches.len(), 1, "{:#?}", report.advice);
    assert_eq!(searches[0].rule, "ask_what_searches");
    assert_eq!(searches[0].provision, "foia:s1(1)(a)");
    assert!(searches[0]
        .argument
        .contains("does not describe any search"));
}

#[test]
fn a_disclosure_with_nothing_withheld_gets_no_advice_at_all() {
    let report = advise(
        "Dear Mr Ortiz,\n\nThank you for your request. Please find attached the spreadsheet of \
         pothole repairs for 2023, which answers all parts of your request in full.\n\nKind \
         regards,\nInformation Team\n",
    );
    assert!(report.advice.is_empty(), "{:#?}", report.advice);
    let json = serde_json::to_value(&report).unwrap();
    assert!(
        json.get("advice").is_none(),
        "an empty list is left out of JSON"
    );
}

#[test]
fn the_seed_letter_is_told_to_ask_which_exemptions_apply() {
    let letter = include_str!("../data/examples/home-office-style.txt");
    let report = advise(letter);
    let named = about(&report, "exemption_specified");
    assert_eq!(named.len(), 1, "{:#?}", report.advice);
    for ground in [
        "national security",
        "information provided in confidence",
        "commercial interests",
    ] {
        assert!(named[0].argument.contains(ground), "{}", named[0].argument);
    }
    assert!(
        named[0].argument.contains("going by the letter's wording"),
        "inferred grounds are not said to be cited: {}",
        named[0].argument
    );
    assert_eq!(named[0].provision, "foia:s17(1)(b)");
}

#[test]
fn the_seed_letter_gets_an_argument_about_each_of_its_three_grounds() {
    let letter = include_str!("../data/examples/home-office-style.txt");
    let report = advise(letter);
    for (ground, hook, point) in [
        (
            "foia:s24",
            "foia:s24(1)",
            "required for the purpose of safeguarding national security",
        ),
        (
            "foia:s41",
            "foia:s41(1)",
            "obtained the information from another person",
        ),
        ("foia:s43", "foia:s43(2)", "whose commercial interests"),
    ] {
        let args = about(&report, ground);
        assert_eq!(args.len(), 1, "{ground}: {:#?}", report.advice);
        assert_eq!(args[0].provision, hook);
        assert!(
            args[0].argument.contains(point),
            "{ground}: {}",
            args[0].argument
        );
        assert!(
            !args[0].evidence.is_empty(),
            "{ground}: the wording that shows it"
        );
    }
}

#[test]
fn every_embedded_ground_has_an_argument() {
    let classifier = Classifier::new();
    let rules = classifier.rules();
    let missing: Vec<&str> = rules
        .rules()
        .iter()
        .filter(|r| r.role == foi_refusal::ProvisionRole::Ground)
        .filter(|r| {
            !rules
                .advice()
                .iter()
                .any(|e| e.on == foi_refusal::AdviceOn::Ground && e.grounds.contains(&r.id))
        })
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "grounds with no advice entry: {missing:?}"
    );
}
