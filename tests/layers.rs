//! The library's modules import one way: each module of `src/` may use only the modules below it
//! in [`LAYERS`] (and itself). The test reads every `.rs` file under `src/`, leaves out comments
//! and test code (`#[cfg(test)]` items, which may drive the whole pipeline), and fails naming
//! every `crate::module` path that points up or sideways. `docs/architecture.md` explains the
//! layers.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The library's top-level modules, bottom first. A module may import those before it.
const LAYERS: &[&str] = &[
    // Shared words: spans, acts and regimes, provisions, statuses, the report schema.
    "vocab",
    // Test code only: the project's letter files.
    "test_support",
    "error",
    // Rule files (data/) parsed into a rule set.
    "rules",
    // The pipeline, in order.
    "input",
    "text",
    "matching",
    "cite",
    "resolve",
    "findings",
    "checks",
    // What the requester can argue next, from the report so far.
    "advice",
    "report",
    // Wires the stages together.
    "classifier",
    "batch",
    "lib",
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // A binary is not part of the library.
            if p.file_name().is_some_and(|n| n == "bin") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/text/zones.rs` -> `text`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a path");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// `source` without comments, string literals' contents and `#[cfg(test)]` items (the item
/// after the attribute, to its closing brace or semicolon).
fn library_code(source: &str) -> String {
    let b = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < b.len() {
        if source[i..].starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if source[i..].starts_with("/*") {
            i += source[i..].find("*/").map_or(b.len() - i, |e| e + 2);
        } else if source[i..].starts_with("#[cfg(test)]") {
            i = skip_item(b, i + "#[cfg(test)]".len());
        } else if b[i] == b'"' {
            // A string literal: skip to its closing quote (escapes honoured).
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            let c = source[i..].chars().next().expect("in bounds");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The index just past the item starting at or after `i`: its braces balanced, or its `;`.
fn skip_item(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            b';' if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The root-level names `lib.rs` re-exports, by the module they come from (`Span` -> `vocab`),
/// so that `crate::Span` counts as an import of `vocab`.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let code = library_code(lib);
    for stmt in code.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.split_whitespace().last().unwrap_or_default();
            if !name.is_empty() {
                out.insert(name.to_string(), module.to_string());
            }
        }
    }
    out
}

/// Every `crate::x` path in `code`, with the module it names (re-exports resolved).
fn crate_paths(code: &str, roots: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            // `crate::{a, b}`: each name.
            if let Some(group) = rest.strip_prefix('{').and_then(|g| g.split_once('}')) {
                for n in group.0.split(',') {
                    let n = n.trim().split("::").next().unwrap_or_default().to_string();
                    out.push(roots.get(&n).cloned().unwrap_or(n));
                }
            }
            continue;
        }
        out.push(roots.get(&name).cloned().unwrap_or(name));
    }
    out
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let roots = reexports(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let Some(mine) = rank(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is not in LAYERS",
                file.display()
            ));
            continue;
        };
        let code = library_code(&fs::read_to_string(file).expect("readable"));
        for used in crate_paths(&code, &roots) {
            if used == module {
                continue;
            }
            match rank(&used) {
                Some(theirs) if theirs < mine => {}
                Some(_) => wrong.push(format!(
                    "{}: `{module}` uses `crate::{used}`, a layer above or beside it",
                    file.display()
                )),
                None => wrong.push(format!(
                    "{}: `crate::{used}` is not a module in LAYERS",
                    file.display()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_an_upward_import() {
    let roots =
        reexports("pub use classifier::{Classifier, ClassifierBuilder};\npub use vocab::Span;");
    let code = library_code(
        "// crate::checks in a comment\nuse crate::matching::gate;\nfn f() -> crate::Span { \
         todo!() }\nconst S: &str = \"crate::resolve\";\n#[cfg(test)]\nmod tests { use \
         crate::Classifier; }\nuse crate::{text::Text, Classifier};",
    );
    assert_eq!(
        crate_paths(&code, &roots),
        ["matching", "vocab", "text", "classifier"]
    );
}
