//! The vocabulary layer: the types every stage of the pipeline shares, at the bottom of it.
//! It imports nothing else of the crate; every other module may import it.
//!
//! - [`span`]: byte spans, line and column positions.
//! - [`date`]: civil dates (year, month, day), day arithmetic and weekdays.
//! - [`law`]: acts and regimes, kinds of reference, what a provision is, how one is written.
//! - [`schema`]: the report and every type in it, as serialised.

pub(crate) mod date;
pub(crate) mod law;
pub(crate) mod schema;
pub(crate) mod span;

pub(crate) use date::MONTHS;
pub use date::{Date, Weekday};
pub(crate) use law::{canonical, provision_starts_with, split_provision};
pub use law::{
    Act, Duty, GroundOutcome, Jurisdiction, LegalTest, ProvisionRole, Qualification, RefKind,
};
pub use schema::*;
pub use span::{LineIndex, Position, Span};

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Display;

    /// Each value prints the name serde writes for it, and that name reads back as the value.
    fn displays_as_serde<T>(values: &[T])
    where
        T: Display + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for v in values {
            let json = serde_json::to_value(v).expect("serialises");
            assert_eq!(json.as_str(), Some(v.to_string().as_str()), "{v:?}");
            let back: T = serde_json::from_value(serde_json::Value::String(v.to_string()))
                .expect("reads back");
            assert_eq!(&back, v);
        }
    }

    #[test]
    fn display_is_the_serde_name() {
        use Act as A;
        displays_as_serde(&[
            A::Foia,
            A::Eir,
            A::Foisa,
            A::Eisr,
            A::Dpa2018,
            A::Ukgdpr,
            A::Other,
        ]);
        use Jurisdiction as J;
        displays_as_serde(&[J::Foia, J::Eir, J::Foisa, J::Eisr, J::Mixed, J::Unknown]);
        displays_as_serde(&[RefKind::Section, RefKind::Regulation, RefKind::Article]);
        displays_as_serde(&[ProvisionRole::Ground, ProvisionRole::Procedural]);
        displays_as_serde(&[Qualification::Absolute, Qualification::Qualified]);
        use LegalTest as T;
        displays_as_serde(&[T::Prejudice, T::Class, T::Necessity, T::Cost, T::Conduct]);
        displays_as_serde(&[Basis::Cited, Basis::Inferred]);
        displays_as_serde(&[Status::ReliedOn, Status::Mentioned, Status::Disclaimed]);
        displays_as_serde(&[Via::Citation, Via::StrongCue, Via::WeakCue, Via::Concept]);
        use Reason as W;
        displays_as_serde(&[
            W::QuotedMail,
            W::Request,
            W::Signature,
            W::Boilerplate,
            W::Negated,
            W::Reversed,
            W::Considered,
            W::Conditional,
            W::OthersWords,
            W::General,
            W::Pending,
            W::PublicInterestRelease,
            W::Earlier,
        ]);
        displays_as_serde(&[RefRole::Ground, RefRole::Procedural, RefRole::Other]);
        use OutcomeKind as O;
        displays_as_serde(&[
            O::Granted,
            O::Partial,
            O::Refused,
            O::NotHeld,
            O::Ncnd,
            O::Redirected,
            O::Acknowledgement,
            O::Clarification,
            O::Extension,
            O::Unclear,
        ]);
        use CheckResult as C;
        displays_as_serde(&[C::Pass, C::Fail, C::NotApplicable]);
        displays_as_serde(&[DateSource::Metadata, DateSource::Letter]);
        use InputFormat as F;
        displays_as_serde(&[
            F::Text,
            F::Email,
            F::Html,
            F::Pdf,
            F::Docx,
            F::Odt,
            F::Doc,
            F::Rtf,
            F::Zip,
        ]);
        assert_eq!(Status::ReliedOn.to_string(), "relied_on");
        // Width and alignment are honoured, for tables.
        assert_eq!(format!("{:<10}|", Qualification::Absolute), "absolute  |");
    }

    #[test]
    fn a_span_read_back_keeps_its_ends_in_order() {
        let s: Span = serde_json::from_str(r#"{"start": 7, "end": 3}"#).expect("reads");
        assert_eq!(s, Span::new(7, 7));
        let s: Span = serde_json::from_str(r#"{"start": 3, "end": 7}"#).expect("reads");
        assert_eq!(s, Span::new(3, 7));
    }
}
