//! Request threads as the public FOI site exports them (one JSON file a request, `events` with
//! `type`, `message_id` and `content`): shared by the real-corpus benchmark and the evaluation
//! harness (`examples/evaluate.rs`).

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
