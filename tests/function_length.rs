//! No function in the library is longer than [`MAX_LINES`] lines, counted from the line of its
//! `fn` to the line of its closing brace. Every `.rs` file under `src/` is read (the command-line
//! tool under `src/bin/` is not the library and is left out). The scan is a brace-depth count
//! that skips comments, strings (raw ones too) and char literals: enough for this code base.

use std::fs;
use std::path::{Path, PathBuf};

/// The longest a function may be.
const MAX_LINES: usize = 150;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "bin") && dir.ends_with("src") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source with every comment, string and char literal blanked out (newlines kept), so
/// that braces and keywords in it are only code's.
fn code_only(src: &str) -> Vec<char> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev_ident = i > 0 && ident(chars[i - 1]);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.extend([' ', ' ']);
                    i += 2;
                    continue;
                }
                if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.extend([' ', ' ']);
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if (c == 'r' || c == 'b' && next == Some('r'))
            && !prev_ident
            && raw_string_at(&chars, if c == 'b' { i + 1 } else { i }).is_some()
        {
            let start = if c == 'b' { i + 1 } else { i };
            let hashes = raw_string_at(&chars, start).unwrap_or(0);
            // Past `r`, the hashes and the opening quote.
            let mut j = start + 1 + hashes + 1;
            while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.extend(chars[i..j.min(chars.len())].iter().map(|&c| blank(c)));
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\''), or a lifetime ('a), which is left alone.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                out.extend(chars[i..(j + 1).min(chars.len())].iter().map(|&c| blank(c)));
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                out.extend([' ', ' ', ' ']);
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.truncate(chars.len());
    out
}

/// The number of `#` of a raw string starting with the `r` at `at`, if one does.
fn raw_string_at(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) != Some(&'r') {
        return None;
    }
    let hashes = chars[at + 1..].iter().take_while(|&&c| c == '#').count();
    (chars.get(at + 1 + hashes) == Some(&'"')).then_some(hashes)
}

/// Every function of `src` with a body: (name, first line, lines long).
fn functions(src: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(src);
    let line_at = |i: usize| 1 + code[..i].iter().filter(|&&c| c == '\n').count();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < code.len() {
        let is_fn = code[i] == 'f'
            && code[i + 1] == 'n'
            && code[i + 2].is_whitespace()
            && (i == 0 || !ident(code[i - 1]));
        if !is_fn {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < code.len() && code[j].is_whitespace() {
            j += 1;
        }
        let name: String = code[j..].iter().take_while(|&&c| ident(c)).collect();
        // The body opens at the first `{` outside parentheses and brackets; a `;` first means
        // a declaration without a body.
        let mut depth = 0i32;
        let mut open = None;
        while j < code.len() {
            match code[j] {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ';' if depth == 0 => break,
                '{' if depth == 0 => {
                    open = Some(j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let Some(open) = open else {
            i = j.max(i + 1);
            continue;
        };
        let mut braces = 0i32;
        let mut k = open;
        while k < code.len() {
            match code[k] {
                '{' => braces += 1,
                '}' => {
                    braces -= 1;
                    if braces == 0 {
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        let first = line_at(i);
        out.push((name, first, line_at(k.min(code.len() - 1)) - first + 1));
        // Nested functions are measured too: go on from just past this `fn`.
        i += 2;
    }
    out
}

#[test]
fn no_library_function_is_longer_than_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 10, "only {} source files found", files.len());
    let mut long = Vec::new();
    for file in &files {
        let src = fs::read_to_string(file).expect("a source file reads");
        for (name, line, len) in functions(&src) {
            if len > MAX_LINES {
                let rel = file.strip_prefix(&root).unwrap_or(file);
                long.push(format!(
                    "src/{}:{line}: fn {name} is {len} lines",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions longer than {MAX_LINES} lines (split them into named parts):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_scan_measures_functions_and_skips_strings_and_comments() {
    let src = "fn a() {\n    let s = \"}\";\n    let c = '}';\n    // }\n    /* } */\n}\n\
               fn b<'x>(v: &'x [u8]) -> usize where u8: Copy {\n    let r = r#\"}\"#;\n    v.len()\n}\n\
               trait T { fn c(&self); }\n";
    let got = functions(src);
    assert_eq!(
        got,
        vec![("a".to_string(), 1, 6), ("b".to_string(), 7, 4)],
        "{got:?}"
    );
}
