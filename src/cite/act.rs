//! Which statute a citation belongs to: from an explicit mention next to it, else the letter's
//! main act.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::matching::gate::{self, Gated};
use crate::text::Text;
use crate::vocab::Act;

/// What an explicit mention next to a citation says about its act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mention {
    /// A named statute.
    Named(Act),
    /// "of the Act": the letter's main act.
    TheAct,
    /// "of that Act": the act named last before the citation.
    ThatAct,
}

/// Classifies a statute's name as written (starting at its first word, "the" removed).
fn act_from_name(name: &str) -> Option<Mention> {
    static NAMES: Lazy<Vec<(Regex, Mention)>> = Lazy::new(|| {
        let table: &[(&str, Mention)] = &[
            (
                r"^Freedom\s+of\s+Information\s*\(\s*Scotland\s*\)\s*Act",
                Mention::Named(Act::Foisa),
            ),
            (
                r"^Freedom\s+of\s+Information\s+Act",
                Mention::Named(Act::Foia),
            ),
            (
                r"^Environmental\s+Information\s*\(\s*Scotland\s*\)\s*Regulations",
                Mention::Named(Act::Eisr),
            ),
            (
                r"^Environmental\s+Information\s+Regulations",
                Mention::Named(Act::Eir),
            ),
            (
                r"^Data\s+Protection\s+Act\s+(?:19|20)(?:84|98)(?-u:\b)",
                Mention::Named(Act::Other),
            ),
            (r"^Data\s+Protection\s+Act", Mention::Named(Act::Dpa2018)),
            (
                r"^(?:UK\s+)?General\s+Data\s+Protection\s+Regulation",
                Mention::Named(Act::Ukgdpr),
            ),
            (r"^(?:UK\s*)?GDPR(?-u:\b)", Mention::Named(Act::Ukgdpr)),
            (r"^FOISA(?-u:\b)", Mention::Named(Act::Foisa)),
            (
                r"^(?:FOIA|FoIA|FOI\s+Act|FoI\s+Act)(?-u:\b)",
                Mention::Named(Act::Foia),
            ),
            (r"^EISRs?(?-u:\b)", Mention::Named(Act::Eisr)),
            (r"^EIRs?(?-u:\b)", Mention::Named(Act::Eir)),
            (r"^DPA(?-u:\b)(?:\s*2018)?", Mention::Named(Act::Dpa2018)),
            (
                r"^(?:that|same)\s+(?:Act|legislation|Regulations)(?-u:\b)",
                Mention::ThatAct,
            ),
            (r"^(?:said\s+)?Act(?-u:\b)", Mention::TheAct),
            (r"^(?:above\s+)?Regulations(?-u:\b)", Mention::TheAct),
            (
                r"^[A-Z][A-Za-z'’&,()\- ]{1,80}?\s(?:Act|Regulations|Order|Rules|Measure)(?-u:\b)",
                Mention::Named(Act::Other),
            ),
        ];
        table
            .iter()
            .map(|(re, m)| (Regex::new(re).expect("act name patterns are valid"), *m))
            .collect()
    });
    NAMES
        .iter()
        .find(|(re, _)| re.is_match(name))
        .map(|(_, m)| *m)
}

/// Nouns that, straight after a section number, show it belongs to another Act's scheme:
/// "section 38 agreements" (Highways Act), "section 106 contributions" (planning), "section 38(6)
/// applications" (Children Act), "section 21 notice" (Housing Act).
const OTHER_SCHEME_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "application",
    "applications",
    "contribution",
    "contributions",
    "money",
    "monies",
    "payment",
    "payments",
    "funding",
    "licence",
    "licences",
    "license",
    "licenses",
    "highway",
    "highways",
    "plan",
    "plans",
    "assessment",
    "assessments",
    "enquiry",
    "enquiries",
    "placement",
    "placements",
    "visit",
    "visits",
    "accommodation",
    "order",
    "orders",
    "notices",
    "eviction",
    "evictions",
    "works",
    "road",
    "roads",
    "sewer",
    "sewers",
    "land",
    "grant",
    "grants",
    "duty",
    "duties",
    "powers",
    "investigation",
    "investigations",
];

/// True when the word right after a citation is one of [`OTHER_SCHEME_NOUNS`].
pub(crate) fn other_scheme_noun_after(after: &str) -> bool {
    let word: String = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if OTHER_SCHEME_NOUNS.contains(&lower.as_str()) {
        return true;
    }
    // "section 41 notice period" (a notice under another Act's scheme); FOIA's own notices
    // ("section 17 notice", "section 9 fees notice") are not followed by "period".
    let rest = after.trim_start_matches([' ', '\t'])[word.len()..].trim_start();
    lower == "notice" && rest.to_ascii_lowercase().starts_with("period")
}

/// The act named right after a citation ("... of the Data Protection Act 2018", "... FOIA").
/// `after` is the text following the citation.
pub(crate) fn mention_after(after: &str) -> Option<Mention> {
    static LINK: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"^[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?(?:,[ \t]*)?(?:(?P<link>of|under|in|from)\s+(?:the\s+)?|\(\s*)?",
        )
        .expect("link pattern is valid")
    });
    let caps = LINK.captures(after)?;
    let rest = &after[caps.get(0)?.end()..];
    let linked = caps.name("link").is_some();
    let mention = act_from_name(rest)?;
    // A bare following word is only taken when it is an abbreviation ("40(2) FOIA");
    // a full name or "the Act" must be linked by "of"/"under"/"in".
    match mention {
        Mention::TheAct | Mention::ThatAct if !linked => None,
        Mention::Named(Act::Other) if !linked => None,
        m => Some(m),
    }
}

/// The act named right before a citation ("FOIA s.40(2)", "the Freedom of Information Act 2000,
/// section 12"). `before` is the text preceding the citation.
pub(crate) fn mention_before(before: &str) -> Option<Act> {
    static BEFORE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?i)(FOISA|FOIA|EISRs?|EIRs?|Freedom\s+of\s+Information\s+(?:\(Scotland\)\s+)?Act(?:\s+20\d\d)?|Environmental\s+Information\s+(?:\(Scotland\)\s+)?Regulations(?:\s+2004)?|Data\s+Protection\s+Act(?:\s+2018)?|UK\s+GDPR|GDPR)\s*(?:\([A-Za-z]{2,6}\))?\s*[,:]?\s*(?:at\s+|under\s+|in\s+)?$",
        )
        .expect("preceding act pattern is valid")
    });
    let caps = BEFORE.captures(before)?;
    let name = caps.get(1)?.as_str();
    let name = if name.starts_with(|c: char| c.is_ascii_lowercase()) {
        // Only the abbreviations in upper case count ("foia" in running text is unusual).
        return None;
    } else {
        name
    };
    match act_from_name(name)? {
        Mention::Named(a) => Some(a),
        Mention::TheAct | Mention::ThatAct => None,
    }
}

/// The act named last in `before` ("... the Data Protection Act 2018. Section 40 of that Act"),
/// for "that Act".
pub(crate) fn last_named_before(before: &str) -> Option<Act> {
    static NAMED: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?-u:\b)(?:FOISA|FOIA|EISRs?|EIRs?|DPA|(?:UK\s+)?GDPR|[A-Z][A-Za-z'’&()\-]*(?:\s+(?:[A-Z(][A-Za-z'’&()\-]*|of|and|the|for))*\s+(?:Act|Regulations)(?:\s+\d{4})?)(?-u:\b)",
        )
        .expect("named act pattern is valid")
    });
    let last = NAMED.find_iter(before).last()?;
    match act_from_name(last.as_str())? {
        Mention::Named(a) => Some(a),
        Mention::TheAct | Mention::ThatAct => None,
    }
}

/// Names of the Scottish Act or its Commissioner.
pub(crate) static SCOTTISH: Gated = Gated::new(
    &["freedom", "foisa", "scottish"],
    r"(?i)Freedom\s+of\s+Information\s+\(Scotland\)|(?-u:\b)FOISA(?-u:\b)|Scottish\s+Information\s+Commissioner",
);

/// Names of data protection law.
pub(crate) static DATA_PROTECTION: Gated = Gated::new(
    &["gdpr", "general", "data"],
    r"(?i)(?-u:\b)GDPR(?-u:\b)|General\s+Data\s+Protection|Data\s+Protection\s+Act",
);

/// Names of Scotland's environmental regulations.
pub(crate) static SCOTTISH_ENVIRONMENTAL: Gated = Gated::new(
    &["environmental", "eisr"],
    r"(?i)Environmental\s+Information\s+\(Scotland\)|(?-u:\b)EISRs?(?-u:\b)",
);

/// The gated patterns of this module.
pub(crate) fn gated() -> [&'static Gated; 3] {
    [&SCOTTISH, &DATA_PROTECTION, &SCOTTISH_ENVIRONMENTAL]
}

/// The letter's main act for sections whose act is not named next to them: FOISA when the
/// letter speaks of the Scottish Act or Commissioner, else FOIA.
pub(crate) fn main_act(text: &Text<'_>) -> Act {
    if gate::find_iter(text, &SCOTTISH).next().is_none() {
        Act::Foia
    } else {
        Act::Foisa
    }
}

/// True when the letter speaks of data protection law, so that a bare "Article 6(1)(f)" is the
/// UK GDPR's.
pub(crate) fn mentions_data_protection(text: &Text<'_>) -> bool {
    gate::find_iter(text, &DATA_PROTECTION).next().is_some()
}

/// True when the letter speaks of Scotland's environmental regulations.
pub(crate) fn mentions_eisr(text: &Text<'_>) -> bool {
    gate::find_iter(text, &SCOTTISH_ENVIRONMENTAL)
        .next()
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_after_a_citation() {
        assert_eq!(
            mention_after(" of the Freedom of Information Act 2000"),
            Some(Mention::Named(Act::Foia))
        );
        assert_eq!(
            mention_after(" of the Data Protection Act 2018 applies"),
            Some(Mention::Named(Act::Dpa2018))
        );
        assert_eq!(
            mention_after(" of the Housing Act 1985"),
            Some(Mention::Named(Act::Other))
        );
        assert_eq!(
            mention_after(" FOIA applies"),
            Some(Mention::Named(Act::Foia))
        );
        assert_eq!(
            mention_after(" (personal information) of the Act."),
            Some(Mention::TheAct)
        );
        assert_eq!(mention_after(" Housing Act"), None);
        assert_eq!(
            mention_after(" of the EIRs"),
            Some(Mention::Named(Act::Eir))
        );
        assert_eq!(
            mention_after(" of the Freedom of Information (Scotland) Act 2002"),
            Some(Mention::Named(Act::Foisa))
        );
        assert_eq!(mention_after(" applies here"), None);
        assert_eq!(mention_after(" of that Act"), Some(Mention::ThatAct));
        assert_eq!(
            last_named_before("falls under Part 3 of the Data Protection Act 2018. "),
            Some(Act::Dpa2018)
        );
        assert_eq!(
            last_named_before("under the Housing Act 1985 and "),
            Some(Act::Other)
        );
        assert_eq!(mention_after(""), None);
    }

    #[test]
    fn names_before_a_citation() {
        assert_eq!(mention_before("withheld under FOIA "), Some(Act::Foia));
        assert_eq!(
            mention_before("the Freedom of Information Act 2000, "),
            Some(Act::Foia)
        );
        assert_eq!(
            mention_before("the Data Protection Act 2018 at "),
            Some(Act::Dpa2018)
        );
        assert_eq!(mention_before("we rely on "), None);
    }

    #[test]
    fn main_act_defaults_to_foia() {
        let main = |s: &str| main_act(&Text::new(s));
        assert_eq!(main("We rely on section 40."), Act::Foia);
        assert_eq!(
            main("under the Freedom of Information (Scotland) Act 2002"),
            Act::Foisa
        );
    }
}
