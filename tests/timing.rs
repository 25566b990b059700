//! The timing of a reply on whole letters written for the project: the dates from metadata or the
//! letter's words, the working days, the check `time_for_compliance` and the advice on time.

use foi_refusal::input::Document;
use foi_refusal::{CheckResult, Classifier, Date, DateSource, Report};

/// A FOIA refusal of my own, without dates.
const REFUSAL: &str = "Dear Mr Hale,\n\nThe unit prices in the grounds maintenance contract are \
withheld under section 43(2) of the Freedom of Information Act 2000, as releasing them would be \
likely to harm the contractor's position in the re-tender next spring.\n\nIf you are unhappy with \
this reply you may ask for an internal review. You may then complain to the Information \
Commissioner.\n\nYours sincerely,\nInformation Team";

fn with_dates(text: &str, requested: Option<&str>, replied: Option<&str>) -> Report {
    let mut doc = Document::from_text(text);
    doc.requested = requested.map(str::to_string);
    doc.date = replied.map(str::to_string);
    Classifier::new().classify_document(&doc)
}

fn check<'r>(r: &'r Report, id: &str) -> &'r foi_refusal::Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

fn advice_rules(r: &Report) -> Vec<&str> {
    r.advice.iter().map(|a| a.rule.as_str()).collect()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn a_late_reply_by_metadata_fails_and_says_by_how_much() {
    // Received Monday 3 March 2025 (day 1 is 4 March; St Patrick's Day, a bank holiday in
    // Northern Ireland, is not counted): the 20th working day is 1 April.
    let r = with_dates(
        REFUSAL,
        Some("2025-03-03T08:15:00+00:00"),
        Some("2025-04-14T16:02:11+01:00"),
    );
    let t = r.timing.as_ref().expect("timing");
    let requested = t.requested.as_ref().unwrap();
    assert_eq!(
        (requested.date, requested.source),
        (d("2025-03-03"), DateSource::Metadata)
    );
    assert!(requested.evidence.is_none());
    assert_eq!(t.replied.as_ref().unwrap().date, d("2025-04-14"));
    assert_eq!(t.calendar, "uk");
    assert_eq!(t.working_days, Some(29));
    assert_eq!((t.reply_days, t.due), (Some(20), Some(d("2025-04-01"))));
    // 40 working days after 14 April, leaving out Good Friday, Easter Monday and the May bank
    // holidays.
    assert_eq!(
        (t.review_days, t.review_by),
        (Some(40), Some(d("2025-06-13")))
    );
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::Fail, "{c:?}");
    assert_eq!(c.provision, "foia:s10(1)");
    assert!(
        c.detail.contains("29 working days") && c.detail.contains("1 April 2025"),
        "{}",
        c.detail
    );
    let late = r
        .advice
        .iter()
        .find(|a| a.rule == "reply_after_the_time_allowed")
        .expect("advice on the late reply");
    assert!(
        late.argument.contains("29 working days")
            && late.argument.contains("due by 1 April 2025")
            && late
                .argument
                .contains("section 10(1) of the Freedom of Information Act 2000"),
        "{}",
        late.argument
    );
    assert!(late.evidence.is_empty(), "metadata has no span");
    let review = r
        .advice
        .iter()
        .find(|a| a.rule == "review_by_foia")
        .unwrap();
    assert!(
        review.argument.contains("by 13 June 2025"),
        "{}",
        review.argument
    );
    // Everything else is as without dates.
    let plain = Classifier::new().classify(REFUSAL);
    assert_eq!(plain.findings, r.findings);
    assert_eq!(plain.outcome, r.outcome);
    for (a, b) in plain.checks.iter().zip(&r.checks) {
        if a.id != "time_for_compliance" {
            assert_eq!(a, b);
        }
    }
}

#[test]
fn a_reply_on_time_passes() {
    // The 20th working day itself.
    let r = with_dates(REFUSAL, Some("2025-03-03"), Some("2025-04-01"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::Pass, "{c:?}");
    assert!(c.detail.contains("20 working days"), "{}", c.detail);
    let rules = advice_rules(&r);
    assert!(
        !rules.contains(&"reply_after_the_time_allowed"),
        "{rules:?}"
    );
    assert!(rules.contains(&"review_by_foia"), "{rules:?}");
    // A reply on a day that is not a working day counts as sent on the next one: Sunday 30
    // March as the 19th working day, Saturday 5 April (after the 20th) as the 24th.
    let r = with_dates(REFUSAL, Some("2025-03-03"), Some("2025-03-30"));
    assert_eq!(r.timing.as_ref().unwrap().working_days, Some(19));
    assert_eq!(check(&r, "time_for_compliance").result, CheckResult::Pass);
    let r = with_dates(REFUSAL, Some("2025-03-03"), Some("2025-04-05"));
    assert_eq!(r.timing.as_ref().unwrap().working_days, Some(24));
    assert_eq!(check(&r, "time_for_compliance").result, CheckResult::Fail);
}

#[test]
fn an_extension_the_letter_states_is_not_counted_late_on_the_twenty_days() {
    let extended = REFUSAL.replace(
        "Dear Mr Hale,\n\n",
        "Dear Mr Hale,\n\nAs we told you, we extended the time to consider the public interest.\n\n",
    );
    let r = with_dates(&extended, Some("2025-03-03"), Some("2025-04-14"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable, "{c:?}");
    assert!(
        c.detail.contains("the letter says the time was extended"),
        "{}",
        c.detail
    );
    assert!(r.timing.as_ref().unwrap().extension.is_some());
    assert!(!advice_rules(&r).contains(&"reply_after_the_time_allowed"));
    // Under the EIR an extension is to 40 working days (reg 7): within it the reply passes,
    // after it the reply is late.
    let eir = "Dear Ms Odu,\n\nWe wrote to extend the deadline, as your request is complex and \
voluminous. Your request has been handled under the Environmental Information Regulations 2004. \
The unit prices in the waste contract are withheld under regulation 12(5)(e), as their release \
would adversely affect the contractor's legitimate economic interest.\n\nYours sincerely,\nWaste Team";
    let r = with_dates(eir, Some("2025-03-03"), Some("2025-04-14"));
    let t = r.timing.as_ref().unwrap();
    assert_eq!((t.reply_days, t.due), (Some(40), Some(d("2025-05-01"))));
    assert_eq!(check(&r, "time_for_compliance").result, CheckResult::Pass);
    let r = with_dates(eir, Some("2025-03-03"), Some("2025-05-14"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(
        (c.result, c.provision.as_str()),
        (CheckResult::Fail, "eir:r5(2)")
    );
    assert!(c.detail.contains("the most the extension"), "{}", c.detail);
}

#[test]
fn without_dates_there_is_no_timing_and_no_advice_on_time() {
    let r = Classifier::new().classify(REFUSAL);
    assert!(r.timing.is_none());
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable);
    assert!(c.detail.contains("not known"), "{}", c.detail);
    let rules = advice_rules(&r);
    assert!(
        !rules
            .iter()
            .any(|r| r.starts_with("review_by") || r.starts_with("reply_after")),
        "{rules:?}"
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\"timing\""), "{json}");
    // With one date only, the dates are reported but the check does not apply.
    let r = with_dates(REFUSAL, None, Some("2025-04-14"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable);
    assert!(
        c.detail.contains("only the date of the reply"),
        "{}",
        c.detail
    );
    assert_eq!(r.timing.as_ref().unwrap().due, None);
    assert!(advice_rules(&r).contains(&"review_by_foia"));
}

#[test]
fn the_letter_s_own_words_date_it_when_metadata_does_not() {
    let text = format!(
        "Date: 14 April 2025\n\nThank you for your request of 3 March 2025.\n\n{REFUSAL}\n\n\
         -----Original Message-----\nFrom: A Hale\nSent: 1 March 2025\nDate: 1 March 2025\n\
         Your request of 1 February 2025 ..."
    );
    let r = Classifier::new().classify(&text);
    let t = r.timing.as_ref().expect("timing");
    let requested = t.requested.as_ref().unwrap();
    assert_eq!(
        (requested.date, requested.source),
        (d("2025-03-03"), DateSource::Letter)
    );
    let ev = requested.evidence.as_ref().unwrap();
    assert_eq!(ev.text, "your request of 3 March 2025");
    assert_eq!(&text[ev.start..ev.end], ev.text);
    assert_eq!(
        t.replied.as_ref().unwrap().evidence.as_ref().unwrap().text,
        "Date: 14 April 2025"
    );
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::Fail);
    assert_eq!(c.evidence.len(), 2, "{:?}", c.evidence);
    // Metadata comes first.
    let r = with_dates(&text, Some("2025-04-01"), Some("2025-04-02"));
    let t = r.timing.as_ref().unwrap();
    assert_eq!(t.requested.as_ref().unwrap().date, d("2025-04-01"));
    assert_eq!(t.replied.as_ref().unwrap().source, DateSource::Metadata);
    assert_eq!(check(&r, "time_for_compliance").result, CheckResult::Pass);
    assert!(
        t.notes.iter().any(|n| n.contains("3 March 2025")),
        "the letter's other date is noted: {:?}",
        t.notes
    );
}

#[test]
fn a_later_request_the_letter_names_is_not_called_late_on_the_first_message_s_date() {
    // A request thread's first message is dated 6 January, but the letter answers a request it
    // says it received on 3 March (a new request in the same thread): late on the first count,
    // on time on the letter's.
    let text =
        format!("Thank you for your request, which we received on 3 March 2025.\n\n{REFUSAL}");
    let r = with_dates(&text, Some("2025-01-06"), Some("2025-04-01"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable, "{c:?}");
    assert!(
        c.detail
            .contains("the letter says the request was received on 3 March 2025"),
        "{}",
        c.detail
    );
    assert_eq!(c.evidence.len(), 1, "{:?}", c.evidence);
    assert!(!advice_rules(&r).contains(&"reply_after_the_time_allowed"));
    // Late on both counts: late.
    let r = with_dates(&text, Some("2025-01-06"), Some("2025-05-01"));
    assert_eq!(check(&r, "time_for_compliance").result, CheckResult::Fail);
}

#[test]
fn letters_that_are_not_the_answer_are_not_timed() {
    let ack = "Dear Mr Hale,\n\nThank you for your request for information, which we received on \
3 March 2025. We will respond within 20 working days.\n\nInformation Team";
    let r = with_dates(ack, None, Some("2025-04-14"));
    let t = r.timing.as_ref().unwrap();
    assert_eq!(t.requested.as_ref().unwrap().source, DateSource::Letter);
    assert_eq!(t.due, Some(d("2025-04-01")));
    assert_eq!(
        t.review_by, None,
        "an acknowledgement sets no time for a review"
    );
    assert_eq!(
        check(&r, "time_for_compliance").result,
        CheckResult::NotApplicable
    );
    // An internal review's answer: its time runs from the request for review.
    let review = format!(
        "Thank you for your request for an internal review. I have now carried out an internal \
review of our reply.\n\n{REFUSAL}"
    );
    let r = with_dates(&review, Some("2025-01-06"), Some("2025-04-14"));
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable, "{c:?}");
    assert!(c.detail.contains("request for review"), "{}", c.detail);
    let t = r.timing.as_ref().unwrap();
    assert_eq!((t.due, t.review_by), (None, None));
    assert!(!advice_rules(&r)
        .iter()
        .any(|a| a.starts_with("review_by") || a.starts_with("reply_after")));
}

#[test]
fn outside_the_calendar_s_years_no_figures_are_given() {
    let r = with_dates(REFUSAL, Some("2030-03-04"), Some("2030-05-20"));
    let t = r.timing.as_ref().unwrap();
    assert_eq!((t.working_days, t.due, t.review_by), (None, None, None));
    assert!(
        t.notes.iter().any(|n| n.contains("2012 to 2026")),
        "{:?}",
        t.notes
    );
    let c = check(&r, "time_for_compliance");
    assert_eq!(c.result, CheckResult::NotApplicable);
    assert!(c.detail.contains("2012 to 2026"), "{}", c.detail);
    assert!(!advice_rules(&r)
        .iter()
        .any(|a| a.starts_with("review_by") || a.starts_with("reply_after")));
    // Dates that are not dates are ignored.
    let r = with_dates(REFUSAL, Some("last Tuesday"), Some("2025-13-01"));
    assert!(r.timing.is_none());
}

#[test]
fn timing_reads_back_from_json() {
    let text =
        format!("Date: 14 April 2025\n\nThank you for your request of 3 March 2025.\n\n{REFUSAL}");
    let r = Classifier::new().classify(&text);
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"due\":\"2025-04-01\""), "{json}");
    assert!(json.contains("\"source\":\"letter\""), "{json}");
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}
