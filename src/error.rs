//! The crate's error type.

use std::fmt;

/// What went wrong. New kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A rule file is not valid TOML, or has an unknown key, a missing key or a value of the
    /// wrong type.
    RuleSyntax,
    /// A rule file parses but says something inconsistent (id not matching its path, a ground
    /// without a kind, an unbalanced `{` in a phrase, ...).
    RuleInvalid,
    /// Two rule files share an id.
    DuplicateRule,
    /// The input is not valid UTF-8.
    InvalidUtf8,
    /// A rule set could not be compiled into a matcher.
    Build,
    /// An input (e-mail, HTML page, PDF) is damaged or cut short.
    CorruptInput,
    /// An input is in a format this build does not read.
    UnsupportedFormat,
    /// An input is encrypted (a password-protected Word or OpenDocument file).
    Encrypted,
    /// A rule's own example or counter-example does not behave as its file says.
    ExampleFailed,
    /// An input is larger than the classifier's size limit.
    InputTooLarge,
    /// A file could not be read.
    Io,
}

/// An error from building a rule set or reading an input. Says where (file, line, column, rule)
/// when it is about a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    rule: Option<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            rule: None,
        }
    }

    pub(crate) fn in_file(mut self, file: &str) -> Error {
        self.file = Some(file.to_string());
        self
    }

    pub(crate) fn at_offset(mut self, source: &str, offset: usize) -> Error {
        let pos = crate::vocab::LineIndex::new(source).position(source, offset);
        self.line = Some(pos.line);
        self.column = Some(pos.column);
        self
    }

    pub(crate) fn at_position(mut self, pos: crate::vocab::Position) -> Error {
        self.line = Some(pos.line);
        self.column = Some(pos.column);
        self
    }

    pub(crate) fn for_rule(mut self, rule: &str) -> Error {
        self.rule = Some(rule.to_string());
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The rule file it is about, as named when the rules were loaded.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// 1-based line in that file.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// 1-based column (in characters) in that file.
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// The id of the rule it is about, when known.
    pub fn rule(&self) -> Option<&str> {
        self.rule.as_deref()
    }

    /// The message, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let (Some(l), Some(c)) = (self.line, self.column) {
                write!(f, ":{l}:{c}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, "rule {rule}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_place() {
        let e = Error::new(ErrorKind::RuleInvalid, "bad phrase")
            .in_file("foia/s1.toml")
            .at_offset("a\nbc", 3)
            .for_rule("foia:s1");
        assert_eq!(e.to_string(), "foia/s1.toml:2:2: rule foia:s1: bad phrase");
        assert_eq!(e.kind(), ErrorKind::RuleInvalid);
        assert_eq!(e.line(), Some(2));
    }
}
