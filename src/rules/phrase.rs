//! Cue phrase alternatives: `"exceed{s|ed|} the {appropriate|cost} limit"`.

/// Most expansions one phrase may have.
const MAX_VARIANTS: usize = 256;

/// Expands `{a|b|}` alternatives in `phrase` (an empty alternative makes the part optional),
/// folds runs of white space to one space, trims, and lower-cases ASCII letters.
///
/// # Errors
///
/// A message when braces are unbalanced or nested, when an expansion is empty, or when there
/// would be more than 256 expansions.
pub fn expand_phrase(phrase: &str) -> Result<Vec<String>, String> {
    let mut parts: Vec<Vec<String>> = Vec::new();
    let mut rest = phrase;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            Some(i) if rest.as_bytes()[i] == b'}' => {
                return Err("'}' without a matching '{'".into())
            }
            Some(i) => {
                parts.push(vec![rest[..i].to_string()]);
                let after = &rest[i + 1..];
                let close = after.find('}').ok_or("'{' without a matching '}'")?;
                let inner = &after[..close];
                if inner.contains('{') {
                    return Err("nested '{' is not supported".into());
                }
                parts.push(inner.split('|').map(str::to_string).collect());
                rest = &after[close + 1..];
            }
            None => {
                parts.push(vec![rest.to_string()]);
                rest = "";
            }
        }
    }
    let mut out = vec![String::new()];
    for alts in &parts {
        if out.len() * alts.len() > MAX_VARIANTS {
            return Err(format!("more than {MAX_VARIANTS} expansions"));
        }
        out = out
            .iter()
            .flat_map(|prefix| alts.iter().map(move |a| format!("{prefix}{a}")))
            .collect();
    }
    let mut cleaned: Vec<String> = Vec::with_capacity(out.len());
    for v in out {
        let folded = v
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        if folded.is_empty() {
            return Err("an expansion of the phrase is empty".into());
        }
        if !cleaned.contains(&folded) {
            cleaned.push(folded);
        }
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternatives() {
        assert_eq!(
            expand_phrase("Exceed{s|ed|} the limit").unwrap(),
            vec![
                "exceeds the limit",
                "exceeded the limit",
                "exceed the limit"
            ]
        );
        assert_eq!(
            expand_phrase("{a|b} {c|d}").unwrap(),
            vec!["a c", "a d", "b c", "b d"]
        );
        assert_eq!(
            expand_phrase("{to |}our  interests").unwrap(),
            vec!["to our interests", "our interests"]
        );
    }

    #[test]
    fn rejects_bad_braces() {
        assert!(expand_phrase("a {b").is_err());
        assert!(expand_phrase("a } b").is_err());
        assert!(expand_phrase("{a{b}}").is_err());
        assert!(expand_phrase("{|}").is_err());
        assert!(expand_phrase("{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b|c|d}{a|b}").is_err());
    }
}
