//! Lists the rule files under `data/rules/` so that they are compiled into the library, and
//! generates one test per rule file (run with `cargo test --test rules <act>_<provision>`).
//! Adding a rule file needs no Rust change. The context trigger files under `data/context/`, the
//! concept lexicons under `data/concepts/`, the outcome wording under `data/outcome/` and the
//! regime files under `data/regimes/`, the calendars under `data/calendar/`, the advice under
//! `data/advice/` and the wording of a drafted review request under `data/review/` are listed the
//! same way, with one unit test per file (`cargo test --lib context_<file>`,
//! `concept_file_<file>`, `outcome_wording_<file>`, `regime_file_<file>`, `calendar_file_<file>`,
//! `advice_file_<file>`, `review_wording_<file>`).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    // Listing data files below turns off cargo's default of rerunning on any change; a change to
    // this script must still rerun it (a new data folder is new output).
    println!("cargo:rerun-if-changed=build.rs");
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // foia/s43.toml -> test foia_s43; eir/r12(5)(e).toml -> eir_r12_5_e
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "rules",
            what: "Rule files",
            static_name: "EMBEDDED_RULES",
            test_prefix: "",
            check: "check_rule_file",
            embedded_file: "embedded_rules.rs",
            tests_file: "rule_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "context",
            what: "Context trigger files",
            static_name: "EMBEDDED_CONTEXT",
            test_prefix: "context_",
            check: "check_context_file",
            embedded_file: "embedded_context.rs",
            tests_file: "context_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "concepts",
            what: "Concept files",
            static_name: "EMBEDDED_CONCEPTS",
            test_prefix: "concept_file_",
            check: "check_concept_file",
            embedded_file: "embedded_concepts.rs",
            tests_file: "concept_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "outcome",
            what: "Outcome wording files",
            static_name: "EMBEDDED_WORDING",
            test_prefix: "outcome_wording_",
            check: "check_wording_file",
            embedded_file: "embedded_wording.rs",
            tests_file: "wording_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "regimes",
            what: "Regime files",
            static_name: "EMBEDDED_REGIMES",
            test_prefix: "regime_file_",
            check: "check_regime_file",
            embedded_file: "embedded_regimes.rs",
            tests_file: "regime_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "calendar",
            what: "Calendar files",
            static_name: "EMBEDDED_CALENDARS",
            test_prefix: "calendar_file_",
            check: "check_calendar_file",
            embedded_file: "embedded_calendars.rs",
            tests_file: "calendar_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "advice",
            what: "Advice files",
            static_name: "EMBEDDED_ADVICE",
            test_prefix: "advice_file_",
            check: "check_advice_file",
            embedded_file: "embedded_advice.rs",
            tests_file: "advice_tests.rs",
        },
    );
    data_files(
        &manifest,
        &out,
        &DataDir {
            dir: "review",
            what: "Review wording files",
            static_name: "EMBEDDED_REVIEW",
            test_prefix: "review_wording_",
            check: "check_review_file",
            embedded_file: "embedded_review.rs",
            tests_file: "review_tests.rs",
        },
    );
}

/// A folder of data files under `data/`: compiled in as a static of
/// (path under the folder, contents), with one generated unit test per file that runs its
/// examples (the module that includes the tests defines the `check` function).
struct DataDir {
    /// The folder under `data/`.
    dir: &'static str,
    /// What the files are, for the static's doc comment.
    what: &'static str,
    static_name: &'static str,
    /// The prefix of each generated test's name.
    test_prefix: &'static str,
    /// The function each generated test calls with the file's path under the folder.
    check: &'static str,
    embedded_file: &'static str,
    tests_file: &'static str,
}

/// Lists the files of `d` (see [`DataDir`]): the rules under `data/rules/` (tests
/// `<act>_<provision>` in `tests/rules.rs`), the context triggers under `data/context/`
/// (`src/resolve/context.rs`, tests `context_<file>`), the concept lexicons under
/// `data/concepts/` (`src/resolve/concepts.rs`, tests `concept_file_<file>`), the outcome
/// wording under `data/outcome/` (`src/checks/wording.rs`, tests `outcome_wording_<file>`) and
/// the regime files under `data/regimes/` (`src/rules/regime.rs`, tests `regime_file_<file>`),
/// the calendar files under `data/calendar/` (`src/rules/calendar.rs`, tests
/// `calendar_file_<file>`), the advice files under `data/advice/` (`src/advice/mod.rs`, tests
/// `advice_file_<file>`) and the review wording under `data/review/` (`src/report/review/`, tests
/// `review_wording_<file>`).
fn data_files(manifest: &Path, out: &Path, d: &DataDir) {
    let root = manifest.join("data").join(d.dir);
    println!("cargo:rerun-if-changed=data/{}", d.dir);
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut embedded = format!(
        "/// {} compiled into the library: (path under data/{}, contents).\n",
        d.what, d.dir
    );
    embedded.push_str(&format!(
        "pub(crate) static {}: &[(&str, &str)] = &[\n",
        d.static_name
    ));
    let mut tests = String::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .expect("a data file is under its folder")
            .to_string_lossy()
            .replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        embedded.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
        let mut name = String::from(d.test_prefix);
        for c in rel.trim_end_matches(".toml").chars() {
            if c.is_ascii_alphanumeric() {
                name.push(c.to_ascii_lowercase());
            } else if !name.ends_with('_') {
                name.push('_');
            }
        }
        let name = name.trim_end_matches('_');
        tests.push_str(&format!(
            "#[test]\nfn {name}() {{\n    {}({rel:?});\n}}\n\n",
            d.check
        ));
    }
    embedded.push_str("];\n");
    fs::write(out.join(d.embedded_file), embedded).expect("write the embedded data file");
    fs::write(out.join(d.tests_file), tests).expect("write the generated tests");
}
