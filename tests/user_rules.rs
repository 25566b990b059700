//! Your own rules: adding a provision, replacing an embedded rule by id, loading a folder, and
//! the errors a bad rule file gives (file, line, column and rule id, with a kind()).

use std::fs;

use foi_refusal::{Classifier, ErrorKind};

const NEW_RULE: &str = r#"
id = "foia:s99"
act = "foia"
provision = "99"
title = "House rule"
role = "ground"
kind = "qualified"
test = "class"
summary = "A provision added by a user."

[[cues]]
phrase = "withheld under our house policy"
weight = "strong"

[[examples]]
text = "The figures are «withheld under our house policy» on contractors."

[[counter_examples]]
text = "Our house policy on parking is attached."
"#;

#[test]
fn a_new_provision_is_added() {
    let c = Classifier::builder()
        .rule_source("foia/s99.toml", NEW_RULE)
        .build()
        .unwrap();
    let r = c.classify("These rates were withheld under our house policy last year.");
    assert!(r.finding("foia:s99").is_some());
    // The embedded rules are still there.
    assert!(c
        .classify("Withheld under section 43(2).")
        .finding("foia:s43")
        .is_some());
    let rule = c.rules().get("foia:s99").unwrap();
    assert!(c.check_examples(rule).is_empty());
}

#[test]
fn an_embedded_rule_is_replaced_by_id() {
    let base = Classifier::new();
    let original = base.rules().get("foia:s43").unwrap();
    let src = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/rules/foia/s43.toml"
    ))
    .unwrap();
    let changed = src.replacen(
        "[[cues]]",
        "[[cues]]\nphrase = \"bargaining position\"\nweight = \"strong\"\n\n[[cues]]",
        1,
    );
    let c = Classifier::builder()
        .rule_source("my/foia/s43.toml", changed)
        .build()
        .unwrap();
    assert_eq!(
        c.rules().rules().len(),
        base.rules().rules().len(),
        "replaced, not added"
    );
    let replaced = c.rules().get("foia:s43").unwrap();
    assert_eq!(replaced.cues.len(), original.cues.len() + 1);
    assert_eq!(replaced.source, "my/foia/s43.toml");
    assert!(c
        .classify("It would weaken our bargaining position.")
        .finding("foia:s43")
        .is_some());
}

#[test]
fn a_folder_of_rules_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("foia")).unwrap();
    fs::write(dir.path().join("foia/s99.toml"), NEW_RULE).unwrap();
    let c = Classifier::builder().rule_path(dir.path()).build().unwrap();
    assert!(c.rules().get("foia:s99").is_some());
    let e = Classifier::builder()
        .rule_path(dir.path().join("nothing-here"))
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
}

#[test]
fn bad_rule_files_say_where() {
    let build = |src: &str| {
        Classifier::builder()
            .rule_source("foia/s99.toml", src)
            .build()
            .unwrap_err()
    };

    let e = build(&NEW_RULE.replace("summary =", "colour = \"blue\"\nsummary ="));
    assert_eq!(e.kind(), ErrorKind::RuleSyntax);
    assert_eq!(
        (e.file(), e.line(), e.column()),
        (Some("foia/s99.toml"), Some(9), Some(1)),
        "{e}"
    );
    assert_eq!(e.rule(), Some("foia:s99"));
    assert!(
        e.to_string()
            .starts_with("foia/s99.toml:9:1: rule foia:s99: unknown field `colour`"),
        "{e}"
    );

    let e = build(&NEW_RULE.replace("title = \"House rule\"\n", ""));
    assert_eq!(e.kind(), ErrorKind::RuleSyntax, "missing field: {e}");
    assert!(e.to_string().contains("title"), "{e}");

    let e = build(&NEW_RULE.replace(
        "withheld under our house policy\"",
        "withheld {under our house policy\"",
    ));
    assert_eq!(e.kind(), ErrorKind::RuleInvalid);
    assert_eq!(e.line(), Some(12), "{e}");

    let e = Classifier::builder()
        .rule_source("a/foia/s99.toml", NEW_RULE)
        .rule_source("b/foia/s99.toml", NEW_RULE)
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::DuplicateRule);
    assert_eq!((e.line(), e.rule()), (Some(2), Some("foia:s99")), "{e}");
}

#[test]
fn an_example_its_rule_does_not_match_is_an_error() {
    let src = NEW_RULE.replace(
        "«withheld under our house policy»",
        "«kept back under our house rules»",
    );
    let c = Classifier::builder()
        .rule_source("foia/s99.toml", src)
        .build()
        .unwrap();
    let failures = c.check_rules([c.rules().get("foia:s99").unwrap()]);
    assert_eq!(failures.len(), 1);
    let e = &failures[0];
    assert_eq!(e.kind(), ErrorKind::ExampleFailed);
    assert_eq!(
        (e.file(), e.line(), e.rule()),
        (Some("foia/s99.toml"), Some(16), Some("foia:s99")),
        "{e}"
    );
}

#[test]
fn inputs_over_the_size_limit_are_refused() {
    let c = Classifier::builder().max_input_bytes(10).build().unwrap();
    let e = c
        .try_classify("This letter is longer than ten bytes.")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InputTooLarge);
    assert_eq!(
        c.classify_bytes(&[b'a'; 11]).unwrap_err().kind(),
        ErrorKind::InputTooLarge
    );
    assert!(c.try_classify("short").is_ok());
}

#[test]
fn a_regime_file_of_your_own_changes_a_checks_provision() {
    let letter = "We estimate that it would take over 40 hours to find the records, so we refuse your request under section 12 of the Freedom of Information Act.";
    let provision = |c: &Classifier| {
        let report = c.classify(letter);
        let check = report
            .checks
            .iter()
            .find(|c| c.id == "cost_estimate")
            .expect("a cost_estimate check");
        check.provision.clone()
    };
    assert_eq!(
        provision(&Classifier::new()),
        "foia:s17(5) (ICO guidance on s.12)"
    );
    let src = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/regimes/foia.toml"
    ))
    .unwrap();
    let changed = src.replace(
        "cost_estimate = \"foia:s17(5) (ICO guidance on s.12)\"",
        "cost_estimate = \"foia:s12 (our house guidance)\"",
    );
    assert_ne!(changed, src);
    // A regime file in a folder of rules replaces the embedded one.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("regimes")).unwrap();
    fs::write(dir.path().join("regimes/foia.toml"), &changed).unwrap();
    let c = Classifier::builder().rule_path(dir.path()).build().unwrap();
    assert_eq!(provision(&c), "foia:s12 (our house guidance)");
    // The rules are all still there, and so are the other regimes' files.
    assert_eq!(
        c.rules().rules().len(),
        Classifier::new().rules().rules().len()
    );
    // A bad regime file says where.
    let e = Classifier::builder()
        .rule_source(
            "regimes/foia.toml",
            changed.replace("cost_estimate", "cost"),
        )
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RuleInvalid);
    assert_eq!(e.file(), Some("regimes/foia.toml"));
    assert!(e.to_string().contains("unknown check \"cost\""), "{e}");
}

#[test]
fn a_regime_file_of_your_own_adds_a_wording_that_names_its_regime() {
    // A letter that names its regime only in words the embedded files do not know.
    let letter = "Your request has been handled under the Green Information Rules. The survey is withheld under regulation 12(5)(a).";
    let src = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/regimes/eir.toml"
    ))
    .unwrap();
    let jurisdiction = |c: &Classifier, text: &str| c.classify(text).jurisdiction;
    let without = "Your request has been handled under the Green Information Rules.";
    assert_eq!(
        jurisdiction(&Classifier::new(), without),
        foi_refusal::Jurisdiction::Unknown
    );
    let changed = format!(
        "{src}\n[[signals]]\nanchors = [\"green\"]\nleading = true\npattern = '(?i)Green\\s+Information\\s+Rules'\nexamples = [\"under the Green Information Rules\"]\n"
    );
    let c = Classifier::builder()
        .rule_source("regimes/eir.toml", changed.clone())
        .build()
        .unwrap();
    assert_eq!(jurisdiction(&c, without), foi_refusal::Jurisdiction::Eir);
    assert_eq!(jurisdiction(&c, letter), foi_refusal::Jurisdiction::Eir);
    // An example the signal does not match is an error, in its file.
    let e = Classifier::builder()
        .rule_source(
            "regimes/eir.toml",
            changed.replace("under the Green Information Rules\"]", "under the rules\"]"),
        )
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RuleInvalid);
    assert_eq!(e.file(), Some("regimes/eir.toml"));
    assert!(e.to_string().contains("does not match its example"), "{e}");
}

/// A regime of its own: the Toy Information Act 2030, numbered by section.
const TOY_REGIME: &str = r#"
regime = "toy"
title = "Toy Information Act 2030"
numbering = "section"

[checks]
exemption_specified = "toy:s9(1)"
reasons_given = "toy:s9(2)"
public_interest_reasons = "toy:s9(3)"
harm_likelihood = "toy:s9(2)"
cost_estimate = "toy:s9(4)"
advice_to_narrow = "toy:s8"
review_procedure = "toy:s10"
commissioner_rights = "toy:s11"
ncnd_provision = "toy:s9(1)"

[[signals]]
anchors = ["toy"]
leading = true
pattern = '(?i)Toy\s+Information\s+Act'
examples = ["under the Toy Information Act 2030"]
"#;

/// Its one exemption.
const TOY_RULE: &str = r#"
id = "toy:s5"
act = "toy"
provision = "5"
title = "Play safety"
role = "ground"
kind = "qualified"
test = "prejudice"
summary = "Information whose release would prejudice the safety of play."

[[cues]]
phrase = "prejudice the safety of play"
weight = "strong"

[[examples]]
text = "Under the Toy Information Act 2030 we withhold the report: release would «prejudice the safety of play» in the park."

[[counter_examples]]
text = "Under the Toy Information Act 2030 we enclose the report on the safety of play."
"#;

#[test]
fn a_regime_of_your_own_is_added_with_no_rust_change() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("regimes")).unwrap();
    fs::create_dir_all(dir.path().join("toy")).unwrap();
    fs::write(dir.path().join("regimes/toy.toml"), TOY_REGIME).unwrap();
    fs::write(dir.path().join("toy/s5.toml"), TOY_RULE).unwrap();
    let c = Classifier::builder().rule_path(dir.path()).build().unwrap();
    let letter = "Dear Sam,\n\nYour request has been handled under the Toy Information Act 2030. We hold the inspection report, but it is withheld under section 5 of the Toy Information Act 2030, as its release would prejudice the safety of play. The public interest favours withholding it.\n\nYours sincerely,\nThe Parks Team";
    let report = c.classify(letter);
    assert_eq!(report.jurisdiction.to_string(), "toy");
    let relied: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
    assert_eq!(relied, ["toy:s5"], "{report:?}");
    // Its notice requirements are the regime file's.
    let check = report
        .checks
        .iter()
        .find(|c| c.id == "exemption_specified")
        .expect("an exemption_specified check");
    assert_eq!(check.provision, "toy:s9(1)");
    // A regime file that names no time_for_compliance and gives no [timing] still loads; the
    // check is there, citing nothing, and does not apply.
    let timed = report
        .checks
        .iter()
        .find(|c| c.id == "time_for_compliance")
        .expect("a time_for_compliance check");
    assert_eq!(
        (timed.provision.as_str(), timed.result),
        ("", foi_refusal::CheckResult::NotApplicable)
    );
    // The report reads back, the added regime by name.
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"jurisdiction\":\"toy\""), "{json}");
    let back: foi_refusal::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    // The embedded classifier knows no such regime, and a rule of it without its regime file
    // is an error that says what is missing.
    assert_eq!(
        Classifier::new().classify(letter).jurisdiction,
        foi_refusal::Jurisdiction::Unknown
    );
    let e = Classifier::builder()
        .rule_source("toy/s5.toml", TOY_RULE)
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RuleInvalid);
    assert!(e.to_string().contains("no regime file for toy"), "{e}");
}

/// The advice entries loaded from the test's own files (under `mine/`).
fn my_advice(c: &Classifier) -> Vec<&foi_refusal::AdviceEntry> {
    c.rules()
        .advice()
        .iter()
        .filter(|e| e.source.starts_with("mine/"))
        .collect()
}

const MY_ADVICE: &str = r#"
[[advice]]
id = "ask_for_the_balance"
on = "check"
checks = ["public_interest_reasons"]
argument = "Ask how the public interest was weighed for {grounds} ({hook})."
[[advice.examples]]
text = "The report is withheld under section 31(1)(a) of the Freedom of Information Act 2000, as its release would be likely to prejudice the prevention of crime."
fires = true
[[advice.examples]]
text = "Please find the report attached."
fires = false

[[advice]]
id = "mention_the_ombudsman"
on = "ground"
grounds = ["foia:s31"]
provision = "foia:s31(1)"
argument = "The letter relies on {ground}; ask which of the purposes in section 31(1) is at stake."
[[advice.examples]]
text = "The report is withheld under section 31(1)(a) of the Freedom of Information Act 2000, as its release would be likely to prejudice the prevention of crime."
fires = true
[[advice.examples]]
text = "Please find the report attached."
fires = false
"#;

#[test]
fn an_advice_file_of_your_own_replaces_and_adds_entries_with_no_rust_change() {
    let base = Classifier::new();
    let c = Classifier::builder()
        .rule_source("mine/advice/policing.toml", MY_ADVICE)
        .build()
        .unwrap();
    assert_eq!(
        c.rules().advice().len(),
        base.rules().advice().len() + 1,
        "one replaced, one added"
    );
    let letter = "The report is withheld under section 31(1)(a) of the Freedom of Information Act \
                  2000, as its release would be likely to prejudice the prevention of crime.";
    let report = c.classify(letter);
    let balance = report
        .advice
        .iter()
        .find(|a| a.rule == "ask_for_the_balance")
        .unwrap();
    assert_eq!(
        balance.argument,
        "Ask how the public interest was weighed for section 31(1)(a) (law enforcement) \
         (section 17(3) of the Freedom of Information Act 2000)."
    );
    assert!(report
        .advice
        .iter()
        .any(|a| a.rule == "mention_the_ombudsman"));
    let mine = my_advice(&c);
    assert_eq!(mine.len(), 2);
    assert!(c.check_advice(mine.iter().copied()).is_empty());
    // An example that does not do what it says is reported, naming the file and the entry.
    let wrong = MY_ADVICE.replace("fires = false", "fires = true");
    let c = Classifier::builder()
        .rule_source("mine/advice/policing.toml", &wrong)
        .build()
        .unwrap();
    let mine = my_advice(&c);
    let failures = c.check_advice(mine.iter().copied());
    assert!(failures
        .iter()
        .any(|f| f.to_string().contains("mine/advice/policing.toml")
            && f.to_string().contains("mention_the_ombudsman")));
}

#[test]
fn a_bad_advice_file_is_an_error_that_says_where() {
    let bad = MY_ADVICE.replace("on = \"ground\"", "on = \"grounds\"");
    let err = Classifier::builder()
        .rule_source("mine/advice/policing.toml", &bad)
        .build()
        .unwrap_err();
    assert!(
        err.to_string().contains("mine/advice/policing.toml"),
        "{err}"
    );
    let dup = format!(
        "{MY_ADVICE}\n{}",
        &MY_ADVICE[MY_ADVICE.find("[[advice]]\nid = \"mention").unwrap()..]
    );
    let err = Classifier::builder()
        .rule_source("mine/advice/policing.toml", &dup)
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("already given"), "{err}");
}

#[test]
fn an_advice_provision_the_rule_set_does_not_know_is_reported() {
    let odd = MY_ADVICE.replace("provision = \"foia:s31(1)\"", "provision = \"foia:s99(1)\"");
    let c = Classifier::builder()
        .rule_source("mine/advice/policing.toml", &odd)
        .build()
        .unwrap();
    let mine = my_advice(&c);
    let failures: Vec<String> = c
        .check_advice(mine.iter().copied())
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("99(1)"), "{failures:?}");
}
