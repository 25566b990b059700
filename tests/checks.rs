//! The checks stage on letters written for the project: the outcome of each letter, and each
//! refusal-notice requirement passing and failing in turn.

use foi_refusal::{CheckResult, Classifier, OutcomeKind, Report};

fn classify(text: &str) -> Report {
    Classifier::new().classify(text)
}

fn check(report: &Report, id: &str) -> CheckResult {
    report
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
        .result
}

const RIGHTS: &str = "If you are unhappy with this decision you may ask for an internal review within 40 \
working days. If you remain dissatisfied you may complain to the Information Commissioner's Office, \
Wycliffe House, Water Lane, Wilmslow.";

#[test]
fn a_complete_qualified_refusal_passes_every_check() {
    let text = format!(
        "Dear Mr Ali,\n\nThe tender prices are withheld under section 43(2) of the Freedom of \
Information Act 2000, because releasing them would be likely to prejudice the supplier's \
commercial interests while the contract is re-let. Factors in favour of disclosure include \
transparency in public spending. Factors in favour of maintaining the exemption include fair \
competition in the new tender. On balance, we have concluded that the public interest in \
maintaining the exemption outweighs the public interest in disclosure.\n\n{RIGHTS}\n"
    );
    let r = classify(&text);
    assert_eq!(r.outcome.kind, OutcomeKind::Refused);
    for id in [
        "exemption_specified",
        "reasons_given",
        "public_interest_reasons",
        "harm_likelihood",
        "review_procedure",
        "commissioner_rights",
    ] {
        assert_eq!(check(&r, id), CheckResult::Pass, "{id}: {:#?}", r.checks);
    }
    for id in ["cost_estimate", "advice_to_narrow", "ncnd_provision"] {
        assert_eq!(check(&r, id), CheckResult::NotApplicable, "{id}");
    }
    let pi = r
        .finding("foia:s43")
        .unwrap()
        .public_interest
        .as_ref()
        .expect("public interest attached to s.43");
    assert!(
        !pi.for_disclosure.is_empty() && !pi.for_withholding.is_empty() && pi.conclusion.is_some(),
        "{pi:#?}"
    );
    assert_eq!(r.public_interest_test, Some(true));
    assert!(r.review_rights);
}

#[test]
fn each_requirement_can_fail() {
    // A qualified ground with no public interest test, no rights paragraph.
    let r = classify("The draft minutes are withheld under section 36(2)(b)(ii) of the Freedom of Information Act 2000.");
    assert_eq!(check(&r, "public_interest_reasons"), CheckResult::Fail);
    assert_eq!(check(&r, "review_procedure"), CheckResult::Fail);
    assert_eq!(check(&r, "commissioner_rights"), CheckResult::Fail);
    assert_eq!(check(&r, "reasons_given"), CheckResult::Fail);
    assert_eq!(check(&r, "harm_likelihood"), CheckResult::Fail);
    assert_eq!(r.public_interest_test, Some(false));

    // A ground argued without its number.
    let r = classify(&format!(
        "The rates are commercially sensitive and are withheld.\n\n{RIGHTS}"
    ));
    assert_eq!(check(&r, "exemption_specified"), CheckResult::Fail);

    // A cost refusal with neither an estimate nor advice.
    let r = classify(&format!("Your request is refused under section 12 of the Freedom of Information Act 2000.\n\n{RIGHTS}"));
    assert_eq!(check(&r, "cost_estimate"), CheckResult::Fail);
    assert_eq!(check(&r, "advice_to_narrow"), CheckResult::Fail);
    assert_eq!(
        check(&r, "public_interest_reasons"),
        CheckResult::NotApplicable,
        "s.12 has no public interest test"
    );

    // The same with both.
    let r = classify(&format!(
        "Your request is refused under section 12 of the Freedom of Information Act 2000. Checking \
4,000 case files at five minutes each would take over 300 hours. If you narrow your request to \
one year we may be able to help.\n\n{RIGHTS}"
    ));
    assert_eq!(check(&r, "cost_estimate"), CheckResult::Pass);
    assert_eq!(check(&r, "advice_to_narrow"), CheckResult::Pass);
}

#[test]
fn neither_confirm_nor_deny() {
    let r = classify(&format!(
        "The council can neither confirm nor deny whether it holds the information, under section \
40(5B)(a)(i) of the Freedom of Information Act 2000, because confirming it would itself reveal \
personal data about an identifiable person.\n\n{RIGHTS}"
    ));
    assert_eq!(r.outcome.kind, OutcomeKind::Ncnd);
    assert_eq!(check(&r, "ncnd_provision"), CheckResult::Pass);
}

#[test]
fn scottish_rights_are_to_the_scottish_commissioner() {
    let r = classify(
        "The names are withheld under section 38(1)(b) of the Freedom of Information (Scotland) Act \
2002, as releasing them would breach the data protection principles. You may ask us for a review \
within 40 working days, and then apply to the Scottish Information Commissioner.",
    );
    assert_eq!(check(&r, "commissioner_rights"), CheckResult::Pass);
    assert!(r.checks.iter().any(|c| c.provision.starts_with("foisa:")));
}

#[test]
fn outcomes_of_letters_that_are_not_refusals() {
    let ack = classify(
        "Thank you for your request, which we received on 3 March. It has been logged and we will \
respond within 20 working days.",
    );
    assert_eq!(ack.outcome.kind, OutcomeKind::Acknowledgement);
    assert!(ack
        .checks
        .iter()
        .all(|c| c.result == CheckResult::NotApplicable));

    let clarify =
        classify("Before we can answer, could you please clarify which years your request covers?");
    assert_eq!(clarify.outcome.kind, OutcomeKind::Clarification);

    let extension = classify(
        "We have not yet reached a decision on the public interest and are extending the deadline \
for our response by 20 working days.",
    );
    assert_eq!(extension.outcome.kind, OutcomeKind::Extension);

    let not_held = classify("Following a search of our records, the council does not hold the information you asked for.");
    assert_eq!(not_held.outcome.kind, OutcomeKind::NotHeld);

    let granted = classify(
        "Please find attached the spreadsheet of fixed penalty notices for 2023 and 2024.",
    );
    assert_eq!(granted.outcome.kind, OutcomeKind::Granted);

    let partial = classify(
        "The contract is attached. The names of the officers who signed it have been redacted under \
section 40(2) of the Freedom of Information Act 2000, as they are personal data.",
    );
    assert_eq!(partial.outcome.kind, OutcomeKind::Partial);

    let redirected = classify(
        "The information is reasonably accessible to you on our website, so it is exempt under section \
21 of the Freedom of Information Act 2000.",
    );
    assert_eq!(redirected.outcome.kind, OutcomeKind::Redirected);
}

#[test]
fn numbers_that_are_not_answers() {
    // Dates, a ratio, a count of attachments and a telephone number are not figures given.
    let r = classify(
        "2 Attachments\nDear Ms Reid,\nThank you for your request of 27 March and your reminders of \
3 and 17 April. The council does not have a policy on 1:1 support for pupils; each case is decided \
on its own evidence.\nTel: 0161 496 0123\n",
    );
    assert_eq!(r.outcome.kind, OutcomeKind::NotHeld, "{:?}", r.outcome);

    // Amounts in pounds and pence are figures however many digits the pence add.
    let r =
        classify("Please see the response below.\n2022/23 £1,204,311.50\n2023/24 £1,377,020.75\n");
    assert_eq!(r.outcome.kind, OutcomeKind::Granted);
    assert!(r.outcome.evidence.iter().any(|e| e.text == "£1,204,311.50"));

    // The second number of a list of provisions ("sections 30 and 31") is a provision too.
    let r = classify(
        "The force can neither confirm nor deny that it holds the information, by virtue of section 30(3) and section 31(3) of the Freedom of Information Act 2000. Sections 30 and 31 are qualified exemptions, and the public interest favours neither confirming nor denying.
",
    );
    assert_eq!(r.outcome.kind, OutcomeKind::Ncnd, "{:?}", r.outcome);

    // A time of day is no figure given: the statistics are withheld until they are published.
    let r = classify(
        "We are not providing the figures now, as they are due to be published in our annual statistics on 4 March 2026, and we consider it reasonable to withhold them until then. They will be on our website from 9.30am that day.",
    );
    assert_eq!(r.outcome.kind, OutcomeKind::Refused, "{:?}", r.outcome);
    assert!(r.outcome.evidence.iter().all(|e| e.text != "9"));
}

#[test]
fn outcome_and_check_evidence_slices_to_its_text() {
    let text = format!(
        "Your request is refused under section 12 of the Freedom of Information Act 2000. It would take \
over 300 hours. Please narrow your request.\n\n{RIGHTS}"
    );
    let r = classify(&text);
    for e in r
        .outcome
        .evidence
        .iter()
        .chain(r.checks.iter().flat_map(|c| c.evidence.iter()))
    {
        assert_eq!(&text[e.start..e.end], e.text);
    }
}

#[test]
fn reference_numbers_and_addresses_are_not_answers() {
    // A reference heading and a street address with a postcode: neither is a
    // figure given, so the not-held statement decides.
    let r = classify(
        "Our ref: FOI 2023/0412\nRequest 12345\nCase Number 6612\n41 Elm Road\nMarket Town AB1 2CD\n\
Dear Mr Hart,\nRe: Freedom of Information request 12345\nWe do not hold any records of the survey you \
describe.\n",
    );
    assert_eq!(r.outcome.kind, OutcomeKind::NotHeld, "{:?}", r.outcome);
    for n in ["12345", "6612", "41", "0412"] {
        assert!(
            r.outcome.evidence.iter().all(|e| e.text != n),
            "{n} taken as an answer: {:?}",
            r.outcome
        );
    }
}

#[test]
fn a_cover_note_is_unclear_but_an_attachment_that_gives_is_granted() {
    let r =
        classify("Dear Ms Cole,\nPlease find attached our response to your request.\nRegards,\n");
    assert_eq!(r.outcome.kind, OutcomeKind::Unclear, "{:?}", r.outcome);
    let r = classify(
        "Dear Ms Cole,\nPlease find attached a spreadsheet of the grants paid in 2024, which is \
everything you asked for.\nRegards,\n",
    );
    assert_eq!(r.outcome.kind, OutcomeKind::Granted, "{:?}", r.outcome);
}

#[test]
fn unable_to_provide_is_not_not_held() {
    let r = classify("Dear Mr Bell,\nWe are unable to provide the list.\nRegards,\n");
    assert_ne!(r.outcome.kind, OutcomeKind::NotHeld, "{:?}", r.outcome);
    let r = classify(&format!(
        "Dear Mr Bell,\nWe are unable to provide the list. Your request is refused under section 12 of \
the Freedom of Information Act 2000, as it would take over 40 hours to compile.\n\n{RIGHTS}"
    ));
    assert_eq!(r.outcome.kind, OutcomeKind::Refused, "{:?}", r.outcome);
}

#[test]
fn the_outcome_evidence_shows_the_spans_that_set_it() {
    let text = "Dear Mr Ito,\nWe do not hold the 2015 figures. The 2023 figures are as follows.\n";
    let r = classify(text);
    assert_eq!(r.outcome.kind, OutcomeKind::Partial, "{:?}", r.outcome);
    let ev: Vec<&str> = r.outcome.evidence.iter().map(|e| e.text.as_str()).collect();
    assert!(ev.contains(&"do not hold"), "{ev:?}");
    assert!(ev.iter().any(|e| e.contains("as follows")), "{ev:?}");
}

/// A mention of the Commissioner or of an internal review tells the requester of their rights
/// only in a rights statement, not when it cites guidance or reports a review carried out.
#[test]
fn review_rights_need_a_statement_of_the_right() {
    let given = [
        "Dear Ms Roy,\n\nWe do not hold the survey results.\n\nIf you are not satisfied with this \
response you can ask for an internal review by writing to the records team.\n",
        "Dear Ms Roy,\n\nWe do not hold the survey results.\n\nYou have the right to complain to \
the Information Commissioner once our review procedure is complete.\n",
        "Dear Ms Roy,\n\nWe do not hold the survey results.\n\nInternal review\n\nShould you wish \
to challenge this decision, send your request to the address above.\n",
        "Dear Ms Roy,\n\nWe do not hold the survey results.\n\nDetails of your right of appeal \
are in the enclosed leaflet.\n",
        "Dear Mr Kerr,\n\nWe do not hold the minutes (section 17 of the Freedom of Information \
(Scotland) Act 2002).\n\nIf you remain dissatisfied you may apply to the Scottish Information \
Commissioner.\n",
    ];
    for text in given {
        assert!(classify(text).review_rights, "{text}");
    }
    let not_given = [
        "Dear Ms Roy,\n\nWe do not hold the survey results. We followed the guidance published \
on the Information Commissioner's website on searches for information.\n",
        "Dear Ms Roy,\n\nI have carried out an internal review of the handling of your request \
and I have concluded that we do not hold the survey results.\n",
        "Dear Ms Roy,\n\nThank you for your request. We will reply within 20 working days; if \
any information is withheld we will tell you why and advise you of your rights to ask for \
an internal review and to complain to the Information Commissioner.\n",
        "Dear Mr Kerr,\n\nThank you for your email of 3 March. The University of St Andrews \
will reply within 20 working days.\n",
    ];
    for text in not_given {
        assert!(!classify(text).review_rights, "{text}");
    }
}

#[test]
fn a_ground_argued_in_words_gives_its_reason() {
    // No section number and no fixed cue phrase: the argument that made the finding is the
    // reason s.17(1)(c) asks for.
    let r = classify("We have not included the day rates. If they were known, rival firms could undercut the supplier when the contract is relet.");
    assert!(
        r.relied_on().any(|f| f.id == "foia:s43"),
        "{:?}",
        r.findings
    );
    assert_eq!(check(&r, "reasons_given"), CheckResult::Pass);
    // A bare withholding by number gives none.
    let r = classify("The day rates are withheld under section 43(2).");
    assert_eq!(check(&r, "reasons_given"), CheckResult::Fail);
}

#[test]
fn a_line_that_opens_the_answers_is_not_the_request_restated() {
    // "Taking your questions in turn:" introduces the answers: the figures after it are given.
    let text = "Hello,\n\nThanks for your email. Taking your questions in turn:\n\nThe total paid to the \
surveyors - £48,120 over the two years.\n\nThe number of site visits - 37.\n\nThe surveyors' hourly \
rates have been withheld under section 43(2), as releasing them would harm their position in the \
next tender.\n";
    assert_eq!(classify(text).outcome.kind, OutcomeKind::Partial);
    // "Your questions were:" does restate the request: its figures are the requester's.
    let text =
        "Hello,\n\nYour questions were:\n\nThe total paid to the surveyors since 2019, and the \
number of site visits in 2023.\n\nThe surveyors' hourly rates and totals have been withheld under \
section 43(2), as releasing them would harm their position in the next tender.\n";
    assert_eq!(classify(text).outcome.kind, OutcomeKind::Refused);
}

/// The result and evidence of check `id`, for messages.
fn check_detail<'r>(report: &'r Report, id: &str) -> &'r foi_refusal::Check {
    report
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

/// The requester's own words about their next step (a review, the Commissioner) are not the
/// authority telling them of their rights: in a requester's post or letter that quotes the
/// reply, in the request repeated back above a reply, or in the requester's message carried
/// below it.
/// Both rights checks (review procedure, Commissioner) have `result`.
fn rights_checks_are(r: &Report, result: CheckResult) {
    for id in ["review_procedure", "commissioner_rights"] {
        assert_eq!(check(r, id), result, "{:#?}", check_detail(r, id));
    }
}

#[test]
fn the_requesters_own_next_steps_are_not_rights() {
    // The README's sample: a requester's blog post quoting the authority's reasons, ending with
    // "I have asked for an internal review, and if that gets nowhere I will take the case to the
    // Information Commissioner."
    let sample = include_str!("../data/examples/home-office-style.txt");
    let r = classify(sample);
    assert!(r.relied_on().next().is_some(), "{:?}", r.findings);
    rights_checks_are(&r, CheckResult::Fail);
    assert!(!r.review_rights);

    // A letter written by a requester, quoting the refusal: its sentences about rights are in
    // the first person, and some hold rights wording ("a right of appeal", "the right to ask").
    let letter = "Dear Editor,\n\nLast month the council turned down my request for the day rates \
of its parking contractor. Its letter said the rates are withheld under section 43(2) of the \
Freedom of Information Act 2000 because releasing them would harm the contractor's commercial \
interests.\n\nI have the right to ask for an internal review, and I have asked for one. I know \
that I have a right of appeal to the Information Commissioner if the review goes against me.\n\n\
Yours faithfully,\nA. Reader\n";
    let r = classify(letter);
    assert!(r.finding("foia:s43").is_some(), "{:?}", r.findings);
    rights_checks_are(&r, CheckResult::Fail);
    assert!(!r.review_rights);

    // The same sentences said to the reader are a statement of the rights.
    let told = letter.replace(
        "I have the right to ask for an internal review, and I have asked for one. I know \
that I have a right of appeal",
        "You have the right to ask for an internal review. You also have a right of appeal",
    );
    let r = classify(&told);
    rights_checks_are(&r, CheckResult::Pass);

    // A thread's request part: the request repeated back above the reply asks how to complain;
    // the reply itself says nothing of it.
    let text = "Dear Ms Hale,\n\nYour request:\nPlease send me the day rates paid to the parking \
contractor. If you refuse, please tell me how to ask for an internal review and how to complain \
to the Information Commissioner.\n\nOur response:\nThe day rates are withheld under section 43(2) \
of the Freedom of Information Act 2000, because releasing them would harm the contractor's \
commercial interests.\n\nYours sincerely,\nParking Services\n";
    let r = classify(text);
    assert!(r.finding("foia:s43").is_some(), "{:?}", r.findings);
    rights_checks_are(&r, CheckResult::Fail);
    assert!(!r.review_rights);

    // The requester's earlier message carried below the reply.
    let text = "Dear Ms Hale,\n\nThe day rates are withheld under section 43(2) of the Freedom of \
Information Act 2000, because releasing them would harm the contractor's commercial \
interests.\n\nYours sincerely,\nParking Services\n\nOn 3 May 2025, J. Hale wrote:\n> If you \
refuse, you should tell me how to ask for an internal review. You may ask the Information \
Commissioner about my rights.\n";
    let r = classify(text);
    rights_checks_are(&r, CheckResult::Fail);
}

/// Rights given in earlier mail quoted below a reply are not given by the reply.
#[test]
fn rights_in_quoted_earlier_mail_do_not_count() {
    let reply = "Dear Mr Oduya,\n\nFurther to our letter, the day rates remain withheld under \
section 43(2) of the Freedom of Information Act 2000, because releasing them would harm the \
contractor's commercial interests.\n\nRegards,\nInformation Team\n";
    for quoted in [
        format!("{reply}\n-----Original Message-----\nFrom: Information Team\nSent: 2 May 2025\nTo: P. Oduya\nSubject: Your request\n\n{RIGHTS}\n"),
        format!(
            "{reply}\n{}\n",
            RIGHTS
                .split(". ")
                .map(|s| format!("> {s}."))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    ] {
        let r = classify(&quoted);
        assert!(r.finding("foia:s43").is_some(), "{:?}", r.findings);
        for id in ["review_procedure", "commissioner_rights"] {
            assert_eq!(check(&r, id), CheckResult::Fail, "{quoted}\n{:#?}", check_detail(&r, id));
        }
        assert!(!r.review_rights, "{quoted}");
    }
    // The same rights in the reply itself count.
    let r = classify(&format!("{reply}\n{RIGHTS}\n"));
    assert!(r.review_rights);
    assert_eq!(check(&r, "commissioner_rights"), CheckResult::Pass);
}

/// A cost refusal's estimate says what complying with this request would take: the limit
/// itself, the hourly rate, the law explained in general or the requester's guess are not one.
#[test]
fn the_cost_limit_alone_is_not_an_estimate() {
    let refusal =
        "Your request is refused under section 12 of the Freedom of Information Act 2000.";
    let limit_only = [
        "The appropriate limit is £450, which is 18 hours at £25 an hour.",
        "The cost of complying with your request would exceed the appropriate limit of £450.",
        "We estimate that answering it would take more than the 18 hours the regulations allow.",
        "For central government the limit is set at £600; this equates to 24 hours of work.",
        // The law in general: the Act's power, not this request's cost.
        "The Act allows public authorities to refuse a request if answering it would mean reading 5,000 files.",
        // The requester's guess, reported.
        "You said that finding the figures would take only 2 hours, but that is not so.",
    ];
    for words in limit_only {
        let r = classify(&format!("{refusal} {words}\n\n{RIGHTS}"));
        assert!(r.finding("foia:s12").is_some(), "{:?}", r.findings);
        assert_eq!(
            check(&r, "cost_estimate"),
            CheckResult::Fail,
            "{words}\n{:#?}",
            check_detail(&r, "cost_estimate")
        );
    }
    let estimates = [
        "We estimate that locating and extracting the information would take over 30 hours.",
        "It would take 5 minutes per file for 600 files.",
        "Reading the case notes would cost about £2,000 in staff time.",
    ];
    for words in estimates {
        let text = format!(
            "{refusal} The appropriate limit is £450, which is 18 hours at £25 an hour. {words}\n\n{RIGHTS}"
        );
        let r = classify(&text);
        let c = check_detail(&r, "cost_estimate");
        assert_eq!(c.result, CheckResult::Pass, "{words}\n{c:#?}");
        // The evidence is the estimate, not the limit.
        assert!(
            c.evidence
                .iter()
                .all(|e| !e.text.contains("appropriate limit")),
            "{c:#?}"
        );
    }
}

/// The public interest conclusion is the sentence (or clause) that says which way the balance
/// falls, whatever argument for one side it also names; the test framed as a question, the
/// requester's argument and a heading over the arguments conclude nothing.
#[test]
fn the_public_interest_conclusion_is_the_sentence_that_concludes() {
    // The arguments attached to s.43, if any.
    let pi_opt = |text: &str| {
        let r = classify(text);
        r.finding("foia:s43")
            .unwrap_or_else(|| panic!("s.43 relied on: {:?}", r.findings))
            .public_interest
            .clone()
    };
    let pi_of = |text: &str| pi_opt(text).expect("public interest attached to s.43");
    let ground =
        "The day rates are withheld under section 43(2) of the Freedom of Information Act \
2000, because releasing them would harm the contractor's commercial interests.";

    // The sample: an argument for disclosure, then ", but we consider that the public interest
    // favours withholding".
    let pi = pi_of(include_str!("../data/examples/council-refusal.txt"));
    let c = pi.conclusion.as_ref().expect("a conclusion");
    assert!(
        c.text.contains("favours withholding the detailed rates"),
        "{pi:#?}"
    );
    assert!(
        pi.for_disclosure
            .iter()
            .any(|d| d.text.contains("public interest in transparency")
                && !d.text.contains("favours withholding")),
        "{pi:#?}"
    );

    // Shapes of my own: an argument then "; however" and the conclusion; a conceding clause
    // first; a conclusion of its own after the arguments; "best served by".
    let concluding = [
        ("There is a public interest in openness about council contracts; however, the balance of the public interest lies in favour of maintaining the exemption.", Some("public interest in openness")),
        ("Although there is a public interest in transparency about spending, we have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure.", Some("public interest in transparency")),
        ("We accept the public interest in releasing the rates but consider that the public interest is best served by withholding them until the contract is relet.", Some("public interest in releasing")),
        ("On balance, the public interest favours withholding the rates.", None),
    ];
    for (sentence, argument) in concluding {
        let pi = pi_of(&format!(
            "{ground} Factors in favour of maintaining the exemption include fair competition when the contract is relet. {sentence}\n\n{RIGHTS}"
        ));
        let c = pi
            .conclusion
            .as_ref()
            .unwrap_or_else(|| panic!("no conclusion: {sentence}\n{pi:#?}"));
        assert_eq!(c.text, sentence, "{pi:#?}");
        if let Some(argument) = argument {
            let d = pi
                .for_disclosure
                .iter()
                .find(|d| d.text.contains(argument))
                .unwrap_or_else(|| panic!("no argument for disclosure: {sentence}\n{pi:#?}"));
            assert!(d.text.len() < sentence.len(), "{pi:#?}");
        }
        assert!(!pi.for_withholding.is_empty(), "{pi:#?}");
    }

    // Not conclusions: the test framed as the question to answer, the requester's argument
    // reported, a heading over the arguments. The letter's own conclusion is found after them.
    let not_concluding = [
        "This exemption is subject to a public interest test, which requires us to assess whether the public interest in maintaining the exemption outweighs the public interest in disclosure.",
        "You argued that the public interest in openness outweighs any harm to the contractor.",
        "Reasons why the public interest favours withholding the rates:",
    ];
    for sentence in not_concluding {
        let pi = pi_opt(&format!("{ground} {sentence}\n\nThe rates would show rivals how to undercut the contractor.\n\n{RIGHTS}"));
        assert!(
            pi.as_ref().is_none_or(|p| p.conclusion.is_none()),
            "{sentence}\n{pi:#?}"
        );
        let own = "We have concluded that the public interest in withholding the rates outweighs the public interest in disclosure.";
        let pi = pi_of(&format!("{ground} {sentence}\n\nThe rates would show rivals how to undercut the contractor. {own}\n\n{RIGHTS}"));
        assert_eq!(
            pi.conclusion.as_ref().map(|c| c.text.as_str()),
            Some(own),
            "{sentence}\n{pi:#?}"
        );
    }
}
