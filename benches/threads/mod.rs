//! Request threads as the public FOI site exports them (one JSON file a request, `events` with
//! `type`, `message_id` and `content`): shared by the real-corpus benchmark, the evaluation
//! harness (`examples/evaluate.rs`) and the pass counter (`examples/passes.rs`).

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The authority's own text of a message: its `content` lines joined, up to the site's "show
/// quoted sections" (earlier mail folded by the site follows it).
pub fn own_text(content: &Value) -> String {
    let joined = match content {
        Value::Array(parts) => parts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        Value::String(s) => s.clone(),
        _ => String::new(),
    };
    match joined.find("show quoted sections") {
        Some(i) => joined[..i].to_string(),
        None => joined,
    }
}

/// The incoming messages of the request threads under `dir` (or `dir/requests`), the text before
/// the site's "show quoted sections", with their message ids (files that cannot be read or parsed are skipped).
#[allow(dead_code)] // the evaluation harness reads labelled messages by id instead
pub fn authority_messages(dir: &Path) -> Vec<(u64, String)> {
    let threads = dir.join("requests");
    let dir = if threads.is_dir() { &threads } else { dir };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Ok(raw) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(thread) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        for event in thread["events"].as_array().into_iter().flatten() {
            if event["type"] != "incoming" {
                continue;
            }
            let own = own_text(&event["content"]);
            out.push((event["message_id"].as_u64().unwrap_or(0), own));
        }
    }
    out
}
