//! Lists the rule files under `data/rules/` so that they are compiled into the library, and
//! generates one test per rule file (run with `cargo test --test rules <act>_<provision>`).
//! Adding a rule file needs no Rust change.
//!
//! It does the same for the concept lexicons under `data/concepts/` (one test per file, run with
//! `cargo test --lib concept_file_<name>`).

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
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("data").join("rules");
    println!("cargo:rerun-if-changed=data/rules");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();

    let mut embedded = String::from(
        "/// Rule files compiled into the library: (path under data/rules, contents).\n",
    );
    embedded.push_str("pub(crate) static EMBEDDED_RULES: &[(&str, &str)] = &[\n");
    let mut tests = String::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .expect("rule file is under data/rules")
            .to_string_lossy()
            .replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        embedded.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
        // foia/s43.toml -> foia_s43; eir/r12(5)(e).toml -> eir_r12_5_e
        let mut name = String::new();
        for c in rel.trim_end_matches(".toml").chars() {
            if c.is_ascii_alphanumeric() {
                name.push(c.to_ascii_lowercase());
            } else if !name.ends_with('_') {
                name.push('_');
            }
        }
        let name = name.trim_end_matches('_');
        tests.push_str(&format!(
            "#[test]\nfn {name}() {{\n    check_rule_file({rel:?});\n}}\n\n"
        ));
    }
    embedded.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("embedded_rules.rs"), embedded).expect("write embedded_rules.rs");
    fs::write(out.join("rule_tests.rs"), tests).expect("write rule_tests.rs");
    concepts(&manifest, &out);
}

/// Embeds `data/concepts/*.toml` and generates one unit test per file.
fn concepts(manifest: &Path, out: &Path) {
    let root = manifest.join("data").join("concepts");
    println!("cargo:rerun-if-changed=data/concepts");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut embedded =
        String::from("/// Concept files compiled into the library: (file name, contents).\n");
    embedded.push_str("pub(crate) static EMBEDDED_CONCEPTS: &[(&str, &str)] = &[\n");
    let mut tests = String::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .expect("concept file is under data/concepts")
            .to_string_lossy()
            .replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        embedded.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
        let name: String = rel
            .trim_end_matches(".toml")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        tests.push_str(&format!(
            "#[test]\nfn concept_file_{name}() {{\n    check_concept_file({rel:?});\n}}\n\n"
        ));
    }
    embedded.push_str("];\n");
    fs::write(out.join("embedded_concepts.rs"), embedded).expect("write embedded_concepts.rs");
    fs::write(out.join("concept_tests.rs"), tests).expect("write concept_tests.rs");
}
