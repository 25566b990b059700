//! Zones: stretches of a letter whose citations are not the authority's own reasoning, such as
//! text quoted from the requester's email.

use serde::Serialize;

use crate::span::{LineIndex, Span};

/// What a zone holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ZoneKind {
    /// Lines quoted from earlier mail (`> ...`).
    Quoted,
}

/// A zone of a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Zone {
    /// What the zone holds.
    pub kind: ZoneKind,
    /// Where it is.
    pub span: Span,
}

/// Finds the zones of `text`: for now, runs of lines quoted with a leading `>`.
pub fn find_zones(text: &str, lines: &LineIndex) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    for n in 1..=lines.line_count() {
        let Some(span) = lines.line_span(text, n) else {
            continue;
        };
        if !span.slice(text).trim_start().starts_with('>') {
            continue;
        }
        match zones.last_mut() {
            // Extend the zone over the line break that separates two quoted lines.
            Some(z)
                if z.kind == ZoneKind::Quoted && text[z.span.end..span.start].trim().is_empty() =>
            {
                z.span.end = span.end;
            }
            _ => zones.push(Zone {
                kind: ZoneKind::Quoted,
                span,
            }),
        }
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_lines_form_one_zone() {
        let text = "Reply here.\n> You asked for s.43 data\n> and more\nOur answer.";
        let z = find_zones(text, &LineIndex::new(text));
        assert_eq!(z.len(), 1);
        assert_eq!(
            z[0].span.slice(text),
            "> You asked for s.43 data\n> and more"
        );
    }

    #[test]
    fn no_quotes_no_zones() {
        let text = "Plain letter.";
        assert!(find_zones(text, &LineIndex::new(text)).is_empty());
    }
}
