//! The `foi-refusal` command-line tool, driven as a user would: each format, directories with
//! bad files in them, standard input, JSON Lines in and out, the summary, exit codes.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use foi_refusal::input::read_document;
use foi_refusal::{Classifier, Report};
use predicates::prelude::*;
use serde_json::Value;

const REFUSAL: &str =
    "The unit rates are withheld under section 43(2) of the Freedom of Information Act 2000, \
as releasing them would be likely to harm the supplier's commercial interests.";
const DISCLOSURE: &str =
    "Please find attached the figures you asked for. Nothing has been withheld.";

fn cmd() -> Command {
    Command::cargo_bin("foi-refusal").expect("the binary is built")
}

/// `foi-refusal --jsonl` reading `ref`/`body` fields from stdin, with `extra` arguments.
fn jsonl_stdin(extra: &[&str], input: &str) -> Vec<u8> {
    let mut args = vec!["--jsonl", "--id-field", "ref", "--text-field", "body"];
    args.extend_from_slice(extra);
    args.push("-");
    cmd()
        .args(args)
        .write_stdin(input.to_string())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// The JSON objects of JSON Lines output.
fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write(dir: &Path, name: &str, body: &[u8]) {
    fs::write(dir.join(name), body).unwrap();
}

#[test]
fn text_json_and_html_for_one_letter() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", REFUSAL.as_bytes());
    let path = dir.path().join("a.txt");

    cmd()
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("foia:s43"));

    let out = cmd()
        .args(["--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["findings"][0]["id"], "foia:s43",
        "a single letter gives its report"
    );
    // The tool's JSON reads back into the library's report, equal to the library's own.
    let report: Report = serde_json::from_slice(&out).expect("the JSON is a Report");
    let doc = read_document(REFUSAL.as_bytes(), "a.txt").unwrap();
    assert_eq!(report, Classifier::new().classify_document(&doc));

    cmd()
        .args(["--format", "html"])
        .arg(&path)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("<mark class=\"relied_on\"")
                .and(predicate::str::contains("</html>")),
        );
}

#[test]
fn directories_jsonl_csv_and_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "1-refusal.txt", REFUSAL.as_bytes());
    write(dir.path(), "2-disclosure.txt", DISCLOSURE.as_bytes());
    write(dir.path(), "3-latin1.txt", b"caf\xe9 section 40(2)");
    // A file that cannot be read: a link to nothing.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("missing"), dir.path().join("4-broken.txt"))
        .unwrap();

    let assert = cmd()
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .code(1);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the two good letters, in name order");
    assert!(lines[0]["id"].as_str().unwrap().ends_with("1-refusal.txt"));
    assert_eq!(lines[0]["report"]["findings"][0]["id"], "foia:s43");
    assert!(lines[1]["report"]["findings"]
        .as_array()
        .unwrap()
        .is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("3-latin1.txt") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(stderr.contains("4-broken.txt"), "{stderr}");

    let csv = cmd()
        .args(["--format", "csv-findings"])
        .arg(dir.path().join("1-refusal.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    let mut rows = csv.lines();
    assert!(rows
        .next()
        .unwrap()
        .starts_with("letter,authority,ground,title,status"));
    assert!(rows
        .next()
        .unwrap()
        .contains(",foia:s43,Commercial interests,relied_on,cited,"));
}

#[test]
fn stdin_and_jsonl_in() {
    cmd()
        .arg("-")
        .write_stdin(REFUSAL)
        .assert()
        .success()
        .stdout(predicate::str::contains("foia:s43"));

    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"ref": "A1", "body": REFUSAL, "authority": "Kingsmere Council"}),
        serde_json::json!({"ref": "A2", "body": DISCLOSURE, "authority": "Kingsmere Council"})
    );
    let out = jsonl_stdin(&["--format", "jsonl"], &input);
    let lines = json_lines(&out);
    assert_eq!(lines[0]["id"], "A1");
    assert_eq!(lines[1]["id"], "A2");
    assert_eq!(lines[0]["authority"], "Kingsmere Council");

    // The summary counts letters per ground and per authority.
    let out = jsonl_stdin(&["--summary", "--format", "json"], &input);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["letters"], 2);
    assert_eq!(v["grounds"][0]["id"], "foia:s43");
    assert_eq!(v["grounds"][0]["relied_on"], 1);
    assert_eq!(v["by_authority"]["Kingsmere Council"]["foia:s43"], 1);
}

#[test]
fn summary_matches_the_library() {
    // The library's fixtures, shared with its own tests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("letters");
    let out = cmd()
        .args(["--summary", "--format", "json"])
        .arg(&root)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let classifier = Classifier::new();
    let mut expected: std::collections::BTreeMap<String, u64> = Default::default();
    let mut letters = 0;
    let mut paths: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    // The letters, not the expectation files beside them: the tool reads what looks like one.
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        letters += 1;
        let text = fs::read_to_string(&p).unwrap();
        for f in classifier.classify(&text).relied_on() {
            *expected.entry(f.id.clone()).or_default() += 1;
        }
    }
    assert_eq!(v["letters"], letters);
    for g in v["grounds"].as_array().unwrap() {
        let id = g["id"].as_str().unwrap();
        assert_eq!(
            g["relied_on"].as_u64().unwrap(),
            expected.get(id).copied().unwrap_or(0),
            "{id}"
        );
    }
}

#[test]
fn usage_errors_exit_2_and_missing_inputs_1() {
    cmd().assert().code(2);
    cmd().args(["--format", "yaml", "x"]).assert().code(2);
    // A path that is not there is an input that cannot be read, not a usage error.
    cmd()
        .arg("/no/such/path")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/no/such/path: no such file or directory",
        ));
}

#[test]
fn request_threads_give_their_authority_messages() {
    let dir = tempfile::tempdir().unwrap();
    let thread = serde_json::json!({
        "id": 7,
        "events": [
            {"type": "outgoing", "message_id": 1, "content": ["Please send the rates. I think section 43 does not apply."]},
            {"type": "incoming", "message_id": 2, "content": [REFUSAL, "show quoted sections", "> section 40(2)"]},
        ]
    });
    let lines = thread_reports(dir.path(), &thread);
    assert_eq!(lines.len(), 1, "only the authority's message");
    assert!(lines[0]["id"].as_str().unwrap().ends_with("t.json#2"));
    let ids: Vec<&str> = lines[0]["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["foia:s43"], "the folded earlier mail is left out");
}

/// The JSON lines `--threads --format jsonl` writes for `thread`, saved as `t.json` in `dir`.
fn thread_reports(dir: &std::path::Path, thread: &Value) -> Vec<Value> {
    write(dir, "t.json", thread.to_string().as_bytes());
    let out = cmd()
        .args(["--threads", "--format", "jsonl"])
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    json_lines(&out)
}

#[test]
fn request_threads_date_the_request_and_each_reply() {
    let dir = tempfile::tempdir().unwrap();
    let thread = serde_json::json!({
        "id": 8,
        "events": [
            {"type": "outgoing", "message_id": 1, "created_at": "2025-03-03T09:00:00.000+00:00", "content": ["Please send the rates."]},
            {"type": "incoming", "message_id": 2, "created_at": "2025-04-14T10:30:00.000+01:00", "content": [REFUSAL]},
            {"type": "outgoing", "message_id": 3, "created_at": "2025-04-20T10:30:00.000+01:00", "content": ["Please review this."]},
        ]
    });
    let lines = thread_reports(dir.path(), &thread);
    let timing = &lines[0]["report"]["timing"];
    assert_eq!(timing["requested"]["date"], "2025-03-03", "{timing}");
    assert_eq!(timing["requested"]["source"], "metadata");
    assert_eq!(timing["replied"]["date"], "2025-04-14");
    assert_eq!(timing["working_days"], 29);
}

#[test]
fn emails_html_and_pdf_are_read() {
    // The library's fixtures, shared with its own tests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("formats");
    for name in ["letter.eml", "letter.html", "letter.pdf"] {
        cmd()
            .arg(root.join(name))
            .assert()
            .success()
            .stdout(predicate::str::contains("foia:s43").and(predicate::str::contains("foia:s40")));
    }
    cmd()
        .arg(root.join("corrupt.pdf"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("corrupt.pdf").and(predicate::str::contains("PDF")));
}
