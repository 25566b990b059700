//! What the unit tests of several stages share: the project's own letter files. Test code
//! only; at the bottom of the layers, importing nothing of the crate.

/// The project's letter files: `tests/letters/*.txt` and `data/examples/*.txt`.
pub(crate) fn letter_files() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/letters", "data/examples"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                out.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
            }
        }
    }
    out
}
