//! The classifier: a rule set and its compiled matchers, and the pipeline that runs them over a
//! letter (text -> citations and cues -> resolution -> findings -> report).

use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::checks;
use crate::cite::find_citations;
use crate::error::{Error, ErrorKind};
use crate::findings;
use crate::input::{Document, InputFormat};
use crate::matching::CueIndex;
use crate::report::{Reference, Report, SCHEMA_VERSION};
use crate::resolve;
use crate::rules::{Role, Rule, RuleSet};
use crate::text::Text;

#[derive(Debug)]
struct Inner {
    rules: RuleSet,
    cues: CueIndex,
}

impl Inner {
    fn new(rules: RuleSet) -> Result<Inner, Error> {
        let cues = CueIndex::build(&rules)?;
        Ok(Inner { rules, cues })
    }
}

static DEFAULT: Lazy<Result<Arc<Inner>, Error>> =
    Lazy::new(|| RuleSet::embedded().and_then(Inner::new).map(Arc::new));

/// Reads refusal letters. Cheap to clone and `Send + Sync`: build once, share across threads.
///
/// ```
/// let classifier = foi_refusal::Classifier::new();
/// let report = classifier.classify("The names are withheld under section 40(2) of the FOIA.");
/// assert_eq!(report.findings[0].id, "foia:s40");
/// ```
#[derive(Clone, Debug)]
pub struct Classifier {
    inner: Arc<Inner>,
}

impl Default for Classifier {
    fn default() -> Classifier {
        Classifier::new()
    }
}

impl Classifier {
    /// The classifier with the rule set embedded in the library. The rules are parsed and
    /// compiled on the first call only; later calls share them.
    ///
    /// # Panics
    ///
    /// Only if the embedded rule files were invalid, which the crate's test suite rules out
    /// before release. Use [`Classifier::builder`] for a fallible build.
    pub fn new() -> Classifier {
        match &*DEFAULT {
            Ok(inner) => Classifier {
                inner: Arc::clone(inner),
            },
            Err(e) => panic!("the embedded rule set is invalid: {e}"),
        }
    }

    /// A builder for a classifier with a custom rule set.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder {
            defaults: true,
            sources: Vec::new(),
        }
    }

    /// The rule set in use.
    pub fn rules(&self) -> &RuleSet {
        &self.inner.rules
    }

    /// Classifies one letter. Never panics; any input gives a report (an empty one when nothing
    /// is found), and every span in it lies inside `text` on char boundaries.
    pub fn classify(&self, text: &str) -> Report {
        let rules = &self.inner.rules;
        let t = Text::new(text);
        let citations = find_citations(text);
        let regime = resolve::detect_regime(&t, &citations);
        let refs = resolve::references(&t, rules, citations);
        let cues = resolve::cues(&t, rules, &regime, &refs, self.inner.cues.find(text));
        let mut findings = findings::build(&t, rules, &refs, &cues);
        let references: Vec<Reference> = refs
            .iter()
            .map(|r| {
                let pos = t.position(r.cit.span.start);
                Reference {
                    start: r.cit.span.start,
                    end: r.cit.span.end,
                    line: pos.line,
                    column: pos.column,
                    text: r.cit.span.slice(text).to_string(),
                    kind: r.cit.kind,
                    act: r.cit.act,
                    provision: r.cit.provision(),
                    role: r.role,
                    rule: r.rule.map(|i| rules.rules()[i].id.clone()),
                }
            })
            .collect();
        let assessment = checks::assess(&t, rules, regime.jurisdiction, &mut findings, &references);
        Report {
            schema: SCHEMA_VERSION,
            outcome: assessment.outcome,
            checks: assessment.checks,
            public_interest_test: assessment.public_interest_test,
            review_rights: assessment.review_rights,
            parts: Vec::new(),
            warnings: Vec::new(),
            rules_version: rules.version().to_string(),
            jurisdiction: regime.jurisdiction,
            findings,
            references,
        }
    }

    /// Classifies a document read by [`crate::input::read_document`] (an e-mail with its
    /// attachments, an HTML page, a PDF): spans point into [`Document::text`], each piece of
    /// evidence names the part it is in, and the report lists the parts and any warnings (such as
    /// a PDF with no text layer).
    pub fn classify_document(&self, doc: &Document) -> Report {
        let mut report = self.classify(&doc.text);
        let name_of = |offset: usize| doc.part_at(offset).map(|p| p.name.clone());
        if doc.parts.len() > 1 || doc.format != InputFormat::Text {
            for f in &mut report.findings {
                for e in &mut f.evidence {
                    e.part = name_of(e.start);
                }
            }
            report.parts = doc.parts.clone();
        }
        report.warnings = doc.warnings.clone();
        report
    }

    /// Classifies a letter given as bytes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUtf8`] when `bytes` is not UTF-8, with the offset of the first bad
    /// byte in the message.
    pub fn classify_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8,
                format!(
                    "input is not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            )
        })?;
        Ok(self.classify(text))
    }

    /// Runs a rule's own examples and counter-examples through this classifier. Returns one
    /// message per failure (empty when the rule behaves as its file says).
    pub fn check_examples(&self, rule: &Rule) -> Vec<String> {
        let mut failures = Vec::new();
        for (n, ex) in rule.examples.iter().enumerate() {
            let report = self.classify(&ex.text);
            let label = format!("{}: example {}", rule.id, n + 1);
            match rule.role {
                Role::Ground => {
                    let Some(f) = report.relied_on().find(|f| f.id == rule.id) else {
                        let got: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
                        failures.push(format!(
                            "{label}: no finding for {} (found {got:?}) in {:?}",
                            rule.id, ex.text
                        ));
                        continue;
                    };
                    for m in &ex.marks {
                        if !f.evidence.iter().any(|e| e.span() == *m) {
                            let have: Vec<&str> =
                                f.evidence.iter().map(|e| e.text.as_str()).collect();
                            failures.push(format!(
                                "{label}: no evidence at «{}» (evidence: {have:?})",
                                m.slice(&ex.text)
                            ));
                        }
                    }
                    if let Some(b) = ex.basis {
                        if f.basis != b {
                            failures.push(format!("{label}: basis {:?}, expected {b:?}", f.basis));
                        }
                    }
                    if let Some(p) = &ex.provision {
                        if !f.provisions.contains(p) {
                            failures
                                .push(format!("{label}: provisions {:?} lack {p}", f.provisions));
                        }
                    }
                }
                Role::Procedural => {
                    for m in &ex.marks {
                        let ok = report
                            .references
                            .iter()
                            .any(|r| r.span() == *m && r.rule.as_deref() == Some(rule.id.as_str()));
                        if !ok {
                            let refs: Vec<String> = report
                                .references
                                .iter()
                                .map(|r| format!("{} {} {:?}", r.text, r.act, r.rule))
                                .collect();
                            failures.push(format!(
                                "{label}: «{}» is not a reference to {} (references: {refs:?})",
                                m.slice(&ex.text),
                                rule.id
                            ));
                        }
                    }
                }
            }
        }
        for (n, ex) in rule.counter_examples.iter().enumerate() {
            let report = self.classify(&ex.text);
            let label = format!("{}: counter-example {}", rule.id, n + 1);
            let fired = match rule.role {
                Role::Ground => report.relied_on().any(|f| f.id == rule.id),
                Role::Procedural => report
                    .references
                    .iter()
                    .any(|r| r.rule.as_deref() == Some(rule.id.as_str())),
            };
            if fired {
                failures.push(format!("{label}: fired on {:?}", ex.text));
            }
        }
        failures
    }
}

/// Builds a [`Classifier`] from the embedded rules and/or rule files you supply.
#[derive(Clone, Debug)]
pub struct ClassifierBuilder {
    defaults: bool,
    sources: Vec<(String, String)>,
}

impl ClassifierBuilder {
    /// Leaves the embedded rules out: only the rule sources added to the builder are used.
    pub fn without_default_rules(mut self) -> ClassifierBuilder {
        self.defaults = false;
        self
    }

    /// Adds a rule file: `name` is used in errors and to check the id (`foia/s43.toml` holds
    /// `foia:s43`), `contents` is the TOML.
    pub fn rule_source(
        mut self,
        name: impl Into<String>,
        contents: impl Into<String>,
    ) -> ClassifierBuilder {
        self.sources.push((name.into(), contents.into()));
        self
    }

    /// Parses the rules and compiles the matchers.
    ///
    /// # Errors
    ///
    /// Any rule file error ([`ErrorKind::RuleSyntax`], [`ErrorKind::RuleInvalid`],
    /// [`ErrorKind::DuplicateRule`]), naming the file, line and column.
    pub fn build(&self) -> Result<Classifier, Error> {
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(self.sources.len());
        if self.defaults {
            for (name, contents) in crate::rules::embedded_sources() {
                all.push((name, contents));
            }
        }
        all.extend(self.sources.iter().map(|(n, c)| (n.as_str(), c.as_str())));
        let rules = RuleSet::from_sources(all)?;
        Ok(Classifier {
            inner: Arc::new(Inner::new(rules)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn classifier_is_send_and_sync() {
        assert_send_sync::<Classifier>();
        assert_send_sync::<Report>();
        assert_send_sync::<Error>();
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let e = Classifier::new().classify_bytes(b"abc\xffdef").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
        assert!(e.message().contains("offset 3"));
    }

    #[test]
    fn builder_reports_bad_rules() {
        let e = Classifier::builder()
            .without_default_rules()
            .rule_source("foia/s99.toml", "id = 5")
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleSyntax);
        assert_eq!(e.file(), Some("foia/s99.toml"));
    }
}
