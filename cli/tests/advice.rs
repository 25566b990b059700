//! What the requester can argue, as the tool shows it: under its ground or check in the text
//! format (coloured whole), beside the evidence in HTML (linked to its marks), counted in the
//! summary, and as a drafted review request (`--format review`).

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

const REFUSAL: &str =
    "The unit rates are withheld under section 43(2) of the Freedom of Information Act 2000, \
as releasing them would be likely to harm the supplier's commercial interests.";
const DISCLOSURE: &str =
    "Please find attached the figures you asked for. Nothing has been withheld.";

fn cmd() -> Command {
    Command::cargo_bin("foi-refusal").expect("the binary is built")
}

fn run(args: &[&str], dir: &std::path::Path) -> String {
    let out = cmd()
        .args(args)
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

/// A folder with the refusal (a.txt) and the disclosure (b.txt).
fn letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), REFUSAL).unwrap();
    fs::write(dir.path().join("b.txt"), DISCLOSURE).unwrap();
    dir
}

#[test]
fn the_review_format_drafts_one_request_per_letter() {
    let dir = letters();
    let out = run(&["--format", "review"], dir.path());
    let sections: Vec<&str> = out.split("== ").filter(|s| !s.is_empty()).collect();
    assert_eq!(sections.len(), 2, "{out}");
    assert!(sections[0].starts_with(&*dir.path().join("a.txt").to_string_lossy()));
    let flat = sections[0].split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in [
        "DRAFT",
        "Subject: Request for an internal review",
        "Dear Sir or Madam,",
        "1. Your reply relies on",
        "section 43(2)",
        "Information Commissioner under section 50",
    ] {
        assert!(flat.contains(phrase), "no {phrase:?} in:\n{out}");
    }
    assert!(sections[1].contains("No review request drafted"), "{out}");
    assert!(!sections[1].contains("Dear"), "{out}");
}

#[test]
fn the_review_format_names_the_authority_the_input_gives() {
    let input = format!(
        "{}\n",
        serde_json::json!({"id": "A1", "text": REFUSAL, "authority": "Kingsmere Council"})
    );
    let out = cmd()
        .args(["--jsonl", "--format", "review", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("== A1\n"), "{out}");
    assert!(out.contains("\nDear Kingsmere Council,\n"), "{out}");
}

#[test]
fn the_summary_counts_failed_checks_and_letters_with_advice() {
    let dir = letters();
    let v: Value =
        serde_json::from_str(&run(&["--summary", "--format", "json"], dir.path())).unwrap();
    assert_eq!(v["letters"], 2);
    assert_eq!(v["letters_with_advice"], 1);
    // The refusal gives no public interest reasons and no review or complaint rights.
    for check in [
        "public_interest_reasons",
        "review_procedure",
        "commissioner_rights",
    ] {
        assert_eq!(v["failed_checks"][check], 1, "{check}: {v}");
    }
    let text = run(&["--summary"], dir.path());
    assert!(text.contains("1 with arguments for a review"), "{text}");
    assert!(text.contains("\nfailed check "), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("review_procedure") && l.trim_end().ends_with(" 1")),
        "{text}"
    );
    let csv = run(&["--summary", "--format", "csv"], dir.path());
    assert!(csv.starts_with("ground,title,relied_on"), "{csv}");
    assert!(csv.contains("\n\nfailed_check,letters\n"), "{csv}");
    assert!(csv.contains("\nreview_procedure,1\n"), "{csv}");
    assert!(
        csv.contains("\n\nletters,letters_with_advice\n2,1\n"),
        "{csv}"
    );
    let html = run(&["--summary", "--format", "html"], dir.path());
    // In words, the code in the tooltip.
    assert!(
        html.contains(
            "<td title=\"review_procedure\">explains how to ask for a review</td><td>1</td>"
        ),
        "{html}"
    );
    assert!(html.contains("1 with arguments for a review"), "{html}");
}

#[test]
fn text_and_html_show_the_arguments_beside_their_evidence() {
    let dir = tempfile::tempdir().unwrap();
    // A `<` in the letter, to see it escaped.
    let letter = format!("{REFUSAL} Prices <2024> included.");
    fs::write(dir.path().join("a.txt"), &letter).unwrap();
    let text = run(&[], dir.path());
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("  argue: The letter relies on section 43(2)"))
        .unwrap_or_else(|| panic!("no argument under the ground:\n{text}"));
    assert!(
        lines[..at].iter().any(|l| l.starts_with("foia:s43")),
        "{text}"
    );
    for l in lines
        .iter()
        .filter(|l| l.trim_start().starts_with("argue: "))
    {
        assert!(l.chars().count() <= 96, "wider than 96 columns: {l:?}");
    }
    assert!(text.contains("hook: foia:s43(2), evidence 1:"), "{text}");
    assert!(
        text.contains("        argue: "),
        "an argument under a failed check:\n{text}"
    );

    let html = run(&["--format", "html"], dir.path());
    assert!(
        html.contains("<mark class=\"relied_on\" id=\"l1-m0\""),
        "{html}"
    );
    assert!(html.contains("<ul class=\"advice\">"), "{html}");
    assert!(html.contains("<a href=\"#l1-m0\""), "{html}");
    assert!(html.contains("Prices &lt;2024&gt; included."), "{html}");
    assert!(!html.contains("<2024>"), "{html}");
    // Every link goes to a mark that is there.
    for part in html.split("href=\"#").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{id}\"")), "no mark {id}");
    }
}
