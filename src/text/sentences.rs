//! Sentence segmentation: Unicode sentence boundaries (UAX #29), then repaired for the way
//! letters are written: legal abbreviations ("s.", "reg.", "e.g.", "No.") do not end a sentence,
//! and a hard line break followed by a lower-case word continues the sentence.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Abbreviations (lower case, without the final dot) after which a dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "s", "ss", "sec", "secs", "reg", "regs", "r", "art", "arts", "para", "paras", "sch", "pt",
    "e.g", "i.e", "eg", "ie", "no", "nos", "cf", "approx", "mr", "mrs", "ms", "dr", "st", "p",
    "pp", "vol", "ch", "cl", "subs", "viz", "ref", "tel", "ext", "inc", "ltd", "co",
];

/// True when `segment` (a sentence candidate) ends with an abbreviation and its dot.
fn ends_with_abbreviation(segment: &str) -> bool {
    let trimmed = segment.trim_end();
    let Some(body) = trimmed.strip_suffix('.') else {
        return false;
    };
    let word_start = body
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &body[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Smith").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// True when `segment` starts (after white space) with a character that cannot open a sentence.
fn starts_lowercase(segment: &str) -> bool {
    segment
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// Splits `text` into sentences, each trimmed of surrounding white space. Blank sentences are
/// dropped. Offsets are bytes into `text`.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::new();
    let mut glue = false;
    for (start, seg) in text.split_sentence_bound_indices() {
        let span = Span::new(start, start + seg.len());
        match merged.last_mut() {
            Some(last) if glue || starts_lowercase(seg) => last.end = span.end,
            _ => merged.push(span),
        }
        glue = ends_with_abbreviation(seg);
    }
    merged
        .into_iter()
        .filter_map(|s| {
            let raw = s.slice(text);
            let lead = raw.len() - raw.trim_start().len();
            let trail = raw.len() - raw.trim_end().len();
            let t = Span::new(s.start + lead, s.end - trail);
            (!t.is_empty()).then_some(t)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("We rely on s. 43 and reg. 13. See e.g. The Guide. Ref No. 5 Council."),
            vec![
                "We rely on s. 43 and reg. 13.",
                "See e.g. The Guide.",
                "Ref No. 5 Council."
            ]
        );
        assert_eq!(
            sentences("Under ss. 40 and 41 we withhold it. Sections 21 applies."),
            vec![
                "Under ss. 40 and 41 we withhold it.",
                "Sections 21 applies."
            ]
        );
    }

    #[test]
    fn wrapped_lines_continue_the_sentence() {
        assert_eq!(
            sentences("The cost would exceed\nthe appropriate limit.\nThanks"),
            vec!["The cost would exceed\nthe appropriate limit.", "Thanks"]
        );
    }

    #[test]
    fn plain_sentences_split() {
        assert_eq!(
            sentences("One. Two! Three?"),
            vec!["One.", "Two!", "Three?"]
        );
        assert!(sentences("").is_empty());
        assert!(sentences("  \n ").is_empty());
    }
}
