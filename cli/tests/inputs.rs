//! What users met running the tool on real folders: a missing path among several inputs, the
//! files beside the letters in a folder, empty files and folders, a CSV with a row per letter,
//! and a summary that names the letters behind its counts.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use foi_refusal::input::read_document;
use foi_refusal::{CheckResult, Classifier, Status};
use serde_json::Value;

const REFUSAL: &str =
    "The unit rates are withheld under section 43(2) of the Freedom of Information Act 2000, \
as releasing them would be likely to harm the supplier's commercial interests.";
const DISCLOSURE: &str =
    "Please find attached the figures you asked for. Nothing has been withheld.";
const EMAIL: &str = "From: Records Office <records@example.org>\nTo: A Requester <a@example.org>\n\
Subject: Your request\n\nDear Requester,\n\nThe names of the junior staff are withheld under \
section 40(2) of the Freedom of Information Act 2000.\n";

fn cmd() -> Command {
    Command::cargo_bin("foi-refusal").expect("the binary is built")
}

fn write(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, body).unwrap();
    path
}

/// Stdout, stderr and the exit code of `foi-refusal args`.
fn run(args: &[&std::ffi::OsStr]) -> (String, String, i32) {
    let out = cmd().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The ids of JSON Lines output.
fn ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The file names at the end of `ids`.
fn names(ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            Path::new(id)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn a_missing_path_among_several_is_reported_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", REFUSAL.as_bytes());
    let b = write(dir.path(), "b.txt", DISCLOSURE.as_bytes());
    let missing = dir.path().join("not-here.txt");
    let (stdout, stderr, code) = run(&[
        "--format".as_ref(),
        "jsonl".as_ref(),
        a.as_os_str(),
        missing.as_os_str(),
        b.as_os_str(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(names(&ids(&stdout)), ["a.txt", "b.txt"], "{stderr}");
    assert!(
        stderr.contains(&format!("{}: no such file or directory", missing.display())),
        "{stderr}"
    );
    assert!(stderr.contains("1 input(s) could not be read"), "{stderr}");

    // A folder too, and the summary: it counts what was read.
    let (stdout, stderr, code) = run(&[
        "--summary".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        missing.as_os_str(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["letters"], 2);
    assert!(stderr.contains("not-here.txt"), "{stderr}");
}

#[test]
fn details_without_the_summary_is_a_usage_error() {
    cmd().args(["--details", "x"]).assert().code(2);
}

/// A folder holding two letters (text, and an e-mail with no extension in a subfolder) beside
/// an expectation file, labels, JSON Lines, a table, a script and an image.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-reply.txt", REFUSAL.as_bytes());
    write(dir.path(), "sub/b-reply", EMAIL.as_bytes());
    write(
        dir.path(),
        "a-reply.toml",
        b"description = \"The council withholds the unit rates under s.43.\"\nrelied_on = [\"foia:s43\"]\noutcome = \"refused\"\n",
    );
    write(
        dir.path(),
        "labels.json",
        br#"{"a-reply": {"relied_on": ["foia:s43"], "outcome": "refused"}}"#,
    );
    write(
        dir.path(),
        "letters.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"id": "x", "text": "We withhold it under section 43."})
        )
        .as_bytes(),
    );
    write(
        dir.path(),
        "counts.csv",
        b"authority,letters,refusals\nOne council,12,3\nAnother council,40,9\n",
    );
    write(
        dir.path(),
        "check.sh",
        b"#!/bin/sh\nset -e\nfoi-refusal --summary letters/ > summary.txt\n",
    );
    write(
        dir.path(),
        "scan.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    );
    dir
}

#[test]
fn a_folder_gives_the_files_that_look_like_letters() {
    let dir = mixed_folder();
    let (stdout, stderr, code) = run(&[
        "--format".as_ref(),
        "jsonl".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&ids(&stdout)), ["a-reply.txt", "b-reply"], "{stderr}");
    assert!(
        stderr.contains("skipped 6 files that do not look like letters (--all-files to read them)"),
        "{stderr}"
    );
    // The e-mail was read as one, whatever its name.
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[1]["report"]["findings"][0]["id"], "foia:s40");

    // --all-files reads them all; the image is not text, so it is reported and the run exits 1.
    let (stdout, stderr, code) = run(&[
        "--all-files".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        names(&ids(&stdout)),
        [
            "a-reply.toml",
            "a-reply.txt",
            "check.sh",
            "counts.csv",
            "labels.json",
            "letters.jsonl",
            "b-reply"
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("scan.png") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    assert!(!stderr.contains("skipped"), "{stderr}");

    // A file named on the command line is read whatever it looks like.
    let toml = dir.path().join("a-reply.toml");
    let (stdout, stderr, code) = run(&["--format".as_ref(), "jsonl".as_ref(), toml.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&ids(&stdout)), ["a-reply.toml"]);
    assert!(!stderr.contains("skipped"), "{stderr}");
}

#[test]
fn the_readme_command_reads_only_the_letters_of_tests_letters() {
    // `foi-refusal --format csv tests/letters`, from the top of the repository.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut letters = 0;
    let mut others = 0;
    for entry in fs::read_dir(root.join("tests/letters")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            letters += 1;
        } else {
            others += 1;
        }
    }
    assert!(letters > 0 && others > 0);
    let out = cmd()
        .current_dir(&root)
        .args(["--format", "csv", "tests/letters"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), letters);
    assert!(
        rows.iter()
            .all(|r| r.starts_with("tests/letters/")
                && r.split(',').next().unwrap().ends_with(".txt"))
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "skipped {others} files that do not look like letters"
        )),
        "{stderr}"
    );
}

#[test]
fn empty_inputs_and_folders_without_letters_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\n\t \n");
    let letter = write(dir.path(), "letter.txt", REFUSAL.as_bytes());
    let (stdout, stderr, code) = run(&[
        "--format".as_ref(),
        "jsonl".as_ref(),
        empty.as_os_str(),
        blank.as_os_str(),
        letter.as_os_str(),
    ]);
    assert_eq!(code, 0, "a warning, not an error: {stderr}");
    // Each still gets its report (with nothing in it), so the output has one per input read.
    assert_eq!(
        names(&ids(&stdout)),
        ["empty.txt", "blank.txt", "letter.txt"]
    );
    for path in [&empty, &blank] {
        assert!(
            stderr.contains(&format!(
                "warning: {}: empty: no text to classify",
                path.display()
            )),
            "{stderr}"
        );
    }
    assert!(!stderr.contains("letter.txt"), "{stderr}");

    // An empty folder, and one with no letters in it.
    let nothing = dir.path().join("nothing");
    fs::create_dir(&nothing).unwrap();
    let settings = dir.path().join("settings");
    write(&settings, "a.toml", b"[run]\nformat = \"csv\"\n");
    let (stdout, stderr, code) = run(&[nothing.as_os_str(), settings.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "warning: {}: no letters found (no files in it)",
            nothing.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "warning: {}: no letters found (1 file that does not look like a letter; --all-files to read them)",
            settings.display()
        )),
        "{stderr}"
    );

    // An empty JSON Lines input, and an empty standard input.
    cmd()
        .args(["--jsonl", "-"])
        .write_stdin("")
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "warning: <stdin>: empty: no letters in it",
        ));
    cmd()
        .arg("-")
        .write_stdin("\n")
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "warning: <stdin>: empty: no text to classify",
        ));
}

#[test]
fn csv_has_one_row_per_letter_with_its_outcome_and_failed_checks() {
    let dir = tempfile::tempdir().unwrap();
    let refusal = write(dir.path(), "1-refusal.txt", REFUSAL.as_bytes());
    let disclosure = write(dir.path(), "2-disclosure.txt", DISCLOSURE.as_bytes());
    let out = cmd()
        .args(["--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "letter",
            "authority",
            "outcome",
            "regime",
            "relied_on",
            "mentioned",
            "disclaimed",
            "failed_checks",
            "public_interest_test",
            "review_rights",
            "advice"
        ]
    );
    assert_eq!(
        rows.len(),
        3,
        "a row for each letter, findings or none:\n{csv}"
    );

    // Each row says what the library's report says, in the JSON's words.
    let classifier = Classifier::new();
    for (row, path) in rows[1..].iter().zip([&refusal, &disclosure]) {
        let bytes = fs::read(path).unwrap();
        let report = classifier.classify_document(&read_document(&bytes, "x").unwrap());
        let of = |status: Status| {
            report
                .findings
                .iter()
                .filter(|f| f.status == status)
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let failed: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| c.result == CheckResult::Fail)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(row[0], path.display().to_string());
        assert_eq!(row[2], report.outcome.kind.to_string());
        assert_eq!(row[3], report.jurisdiction.to_string());
        assert_eq!(row[4], of(Status::ReliedOn));
        assert_eq!(row[5], of(Status::Mentioned));
        assert_eq!(row[6], of(Status::Disclaimed));
        assert_eq!(row[7], failed.join(" "));
        assert_eq!(
            row[8],
            report
                .public_interest_test
                .map_or(String::new(), |b| b.to_string())
        );
        assert_eq!(row[9], report.review_rights.to_string());
        assert_eq!(row[10], report.advice.len().to_string());
    }
    // The refusal relies on s.43 without weighing the public interest, and its checks say so;
    // the disclosure has no findings and still its row.
    assert_eq!(rows[1][2], "refused");
    assert_eq!(rows[1][4], "foia:s43");
    assert!(
        rows[1][7]
            .split(' ')
            .any(|c| c == "public_interest_reasons"),
        "{csv}"
    );
    assert_eq!(rows[1][8], "false");
    assert_eq!(rows[2][2], "granted");
    assert_eq!(rows[2][3], "unknown");
    assert_eq!(rows[2][4..8], ["", "", "", ""]);
    assert_eq!(rows[2][8], "", "no qualified ground in play");
}

#[test]
fn csv_findings_is_the_table_of_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "1-refusal.txt", REFUSAL.as_bytes());
    write(dir.path(), "2-disclosure.txt", DISCLOSURE.as_bytes());
    let out = cmd()
        .args(["--format", "csv-findings"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "letter,authority,ground,title,status,basis,kind,confidence,provisions,start,end,line,column,evidence,sentence"
    );
    assert_eq!(lines.len(), 2, "one finding, and no row for the disclosure");
    let start = REFUSAL.find("section 43(2)").unwrap();
    assert!(
        lines[1].contains(&format!(
            ",,foia:s43,Commercial interests,relied_on,cited,qualified,0.93,43(2),{start},{},1,{},section 43(2),",
            start + "section 43(2)".len(),
            start + 1
        )),
        "{}",
        lines[1]
    );
}

#[test]
fn summary_details_name_the_letters_behind_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let refusal = write(dir.path(), "1-refusal.txt", REFUSAL.as_bytes());
    let disclosure = write(dir.path(), "2-disclosure.txt", DISCLOSURE.as_bytes());
    let (r, d) = (
        refusal.display().to_string(),
        disclosure.display().to_string(),
    );
    let summary = |format: &str, details: bool| {
        let mut c = cmd();
        c.args(["--summary", "--format", format]);
        if details {
            c.arg("--details");
        }
        let out = c.arg(dir.path()).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };

    // Text: the summary as without --details, then the lists.
    let plain = summary("text", false);
    let text = summary("text", true);
    assert!(text.starts_with(&plain), "{text}");
    let lists = &text[plain.len()..];
    for block in [
        format!("\nletters relying on each ground\nfoia:s43 (1)\n  {r}\n"),
        format!(
            "\nletters relying on a qualified ground without a public interest test (1)\n  {r}\n"
        ),
        format!("\nletters by outcome\ngranted (1)\n  {d}\nrefused (1)\n  {r}\n"),
        format!("public_interest_reasons (1)\n  {r}\n"),
    ] {
        assert!(lists.contains(&block), "no {block:?} in:\n{lists}");
    }
    assert!(!plain.contains(&r), "the summary alone names no letter");

    // JSON: a `details` object, left out without --details.
    let v: Value = serde_json::from_str(&summary("json", true)).unwrap();
    let details = &v["details"];
    assert_eq!(details["relied_on"]["foia:s43"], serde_json::json!([r]));
    assert_eq!(
        details["qualified_without_public_interest_test"],
        serde_json::json!([r])
    );
    assert_eq!(
        details["failed_checks"]["public_interest_reasons"],
        serde_json::json!([r])
    );
    assert_eq!(details["outcomes"]["granted"], serde_json::json!([d]));
    assert_eq!(details["outcomes"]["refused"], serde_json::json!([r]));
    for (check, n) in v["failed_checks"].as_object().unwrap() {
        assert_eq!(
            details["failed_checks"][check].as_array().unwrap().len() as u64,
            n.as_u64().unwrap()
        );
    }
    let v: Value = serde_json::from_str(&summary("json", false)).unwrap();
    assert!(v.get("details").is_none());

    // CSV: one more table after a blank line, a row per letter in each list.
    let plain = summary("csv", false);
    let csv = summary("csv", true);
    assert!(csv.starts_with(&plain));
    let table = csv[plain.len()..].trim_start_matches('\n');
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows[0], "list,key,letter");
    for row in [
        format!("relied_on,foia:s43,{r}"),
        format!("failed_check,public_interest_reasons,{r}"),
        format!("qualified_without_public_interest_test,,{r}"),
        format!("outcome,granted,{d}"),
        format!("outcome,refused,{r}"),
    ] {
        assert!(rows.contains(&row.as_str()), "no {row:?} in:\n{table}");
    }
}
