//! The wording the outcome and notice checks look for. Each pattern is ASCII-word-bounded
//! (`(?-u:\b)` is not needed: these are plain `regex` searches over one letter).

use once_cell::sync::Lazy;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("check patterns are valid")
}

/// Neither confirm nor deny.
pub(super) static NCND: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)neither\s+confirm\s+nor\s+deny|neither\s+confirms\s+nor\s+denies|not\s+(?:to\s+)?confirm\s+or\s+deny",
    )
});

/// Information not held (or not held in the form asked for).
pub(super) static NOT_HELD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:do|does|did)\s+not\s+(?:hold|have|record|collect|keep|retain)\b|\bdon[’']t\s+(?:hold|have|record|collect|keep)\b|\bnot\s+(?:held|recorded|collected|kept|retained)\b|\bno\s+(?:recorded\s+)?(?:information|records?|data)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:held|recorded|available|exists?)\b|\bhold\s+no\s+(?:recorded\s+)?(?:information|records?|data)\b|\bnot\s+(?:available|possible\s+to\s+provide)\b|\bdoes\s+not\s+exist\b|\bwe\s+(?:are\s+)?unable\s+to\s+provide\b|\bcannot\s+provide\b|\bno\s+such\s+(?:information|records?|data)\b|\bheld\s+by\s+[^.]{1,60}?\bnot\s+(?:by\s+)?(?:the\s+)?(?:[A-Z][a-z]+\s+){0,3}(?:council|us|authority)\b|\bwe\s+have\s+no\s+(?:record|records|information|data|reports?|documents?)\b|\bno\s+[a-z]+(?:\s+[a-z]+)?\s+(?:has|have)\s+been\s+(?:made|produced|carried\s+out|undertaken|completed|created|recorded)\b|\bnot\s+held\s+by\b|\bis\s+not\s+something\s+(?:we|the\s+council)\s+(?:hold|record|collect)",
    )
});

/// Information given: attached, enclosed, provided or confirmed.
pub(super) static DISCLOSED: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bplease\s+(?:find|see)\s+(?:the\s+)?(?:attached|enclosed)|\b(?:is|are|has\s+been|have\s+been)\s+(?:attached|enclosed|provided|released|disclosed)\b|\bsee\s+(?:the\s+)?(?:attached|table)\b|\bwe\s+(?:can|are\s+able\s+to|have)\s+(?:now\s+)?(?:provide|provided|confirm|release|released|disclose|disclosed)\b|\bhere\s+(?:is|are)\s+the\b|\bthe\s+(?:figures?|numbers?|totals?|information)\s+(?:is|are|was|were)\s+(?:as\s+follows|below)|\battached\s+(?:is|are|you\s+will\s+find)\b|\bin\s+the\s+attached\b",
    )
});

/// The framing of an answer ("Please find the council's response to your request set out
/// below"): an answer follows, but it may be a refusal.
pub(super) static FRAMING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bplease\s+(?:find|see)\s+(?:below|our\s+response|the\s+(?:council|authority)|[a-z]+\s+(?:city|county|borough|district)?\s*council)|\bresponse\s+to\s+your\s+request\s+(?:is\s+)?(?:set\s+out|below|attached)|\bset\s+out\s+below\b|\banswers?\s+to\s+your\s+questions?\b|\bin\s+response\s+to\s+your\s+(?:questions|request)\b",
    )
});

/// Only an acknowledgement: the request was received and will be answered.
pub(super) static ACKNOWLEDGEMENT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bwill\s+(?:aim\s+to\s+|endeavour\s+to\s+|try\s+to\s+)?(?:respond|reply|provide\s+(?:a|our)\s+response|be\s+in\s+touch)\b|\bhas\s+been\s+(?:logged|registered|received)\b|\backnowledge\s+(?:receipt|your\s+request)\b|\bwithin\s+(?:the\s+)?(?:statutory\s+)?(?:20|twenty)\s+working\s+days\b|\bwill\s+be\s+dealt\s+with\s+under\b",
    )
});

/// A request for clarification.
pub(super) static CLARIFICATION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bplease\s+(?:could\s+you\s+)?(?:clarify|confirm\s+(?:which|what|whether))|\bcould\s+you\s+(?:please\s+)?(?:clarify|confirm\s+(?:which|what|whether)|specify|provide\s+(?:more|further)\s+(?:details|information))|\b(?:need|require)\s+(?:some\s+)?(?:further|more|additional)\s+(?:information|details|clarification)\b|\bclarification\b",
    )
});

/// More time taken.
pub(super) static EXTENSION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bextend(?:ing|ed)?\s+the\s+(?:deadline|time|date)|\bextension\b|\bfurther\s+time\s+to\s+consider\b|\bnot\s+yet\s+reached\s+a\s+decision\b|\bunable\s+to\s+(?:respond|provide\s+a\s+response)\s+(?:to\s+you\s+)?(?:by|within)\b",
    )
});

/// A response that only points at an attachment ("FOI 123 Response.docx").
pub(super) static ATTACHMENT_ONLY: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:\d+\s+attachments?|download|view\s+as\s+html)\b"));

/// Weighing of the public interest.
pub(super) static PUBLIC_INTEREST: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)public\s+interest|balance\s+of\s+(?:the\s+)?(?:arguments|factors)"));

/// Arguments for disclosure.
pub(super) static FOR_DISCLOSURE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:factors?|arguments?|considerations?)\s+(?:in\s+favour\s+of|for|supporting)\s+(?:the\s+)?(?:disclos|releas)|public\s+interest\s+in\s+(?:the\s+)?(?:disclos|releas|openness|transparency)|in\s+favour\s+of\s+(?:disclos|releas)",
    )
});

/// Arguments for withholding.
pub(super) static FOR_WITHHOLDING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:factors?|arguments?|considerations?)\s+(?:in\s+favour\s+of|for|supporting)\s+(?:maintaining|withholding|non-?disclosure|the\s+exemption|the\s+exception)|public\s+interest\s+in\s+(?:maintaining|withholding)|in\s+favour\s+of\s+(?:maintaining|withholding)",
    )
});

/// The conclusion of the public interest test.
pub(super) static PIT_CONCLUSION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bon\s+balance\b|\b(?:we\s+have\s+)?conclud(?:ed|e)\s+that\b|\boutweigh(?:s|ed)?\b|\bpublic\s+interest\s+(?:lies|rests|falls)\s+in\b",
    )
});

/// The likelihood of harm stated for a prejudice-based ground.
pub(super) static LIKELIHOOD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bwould(?:\s+be)?\s+(?:likely\s+to\s+|be\s+likely\s+to\s+)?(?:prejudice|harm|damage|undermine|inhibit|endanger|adversely\s+affect|affect|weaken|jeopardi[sz]e|put|reveal|make|give|allow|assist|breach|impact|lead|result|cause|compromise|disadvantage)|\bwould\s+likely\b|\blikely\s+to\s+(?:prejudice|harm|damage|undermine|inhibit|endanger)|\bcould\s+(?:prejudice|harm|damage|undermine|endanger|put|lead)",
    )
});

/// A reason given for applying a ground.
pub(super) static REASON: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bbecause\b|\bon\s+the\s+grounds?\s+that\b|\bas\s+(?:it|they|this|the|disclosure|release|releasing|disclosing)\b|\bsince\b|\bdue\s+to\b|\bwould\b|\bas\s+a\s+result\b|\btherefore\b|\bas\s+this\b",
    )
});

/// An estimate of cost or time.
pub(super) static ESTIMATE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b\d[\d,.]*\s*(?:hours?|hrs?|minutes?|mins?|days?)\b|£\s?\d|\b\d[\d,]*\s+(?:records|files|cases|emails|documents|items)\b",
    )
});

/// Advice on narrowing the request.
pub(super) static ADVICE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:refine|refined|narrow|narrowed|narrowing|reduce|reducing|reduced|limit|limiting)\s+(?:your|the|this)?\s*(?:request|scope|date\s+range|time\s+period|period|number)|\badvice\s+and\s+assistance\b|\bsubmit\s+a\s+(?:new|refined|revised)\s+request\b|\bwithin\s+the\s+(?:cost|appropriate|fees)\s+limit\b",
    )
});

/// The authority's review procedure.
pub(super) static REVIEW: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\binternal\s+review\b|\brequest\s+a\s+review\b|\bask\s+(?:us\s+)?(?:for\s+a\s+|to\s+)review\b|\brequirement\s+for\s+review\b|\breconsider(?:ation)?\b|\bcomplaints?\s+procedure\b|\bdissatisfied\b|\bunhappy\s+with\b|\bnot\s+satisfied\s+with\b",
    )
});

/// The right to complain to the Information Commissioner (ICO for FOIA and EIR).
pub(super) static ICO: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\binformation\s+commissioner|\bICO\b|ico\.org\.uk|\bsection\s+50\b|Wycliffe\s+House|Wilmslow",
    )
});

/// The right to apply to the Scottish Information Commissioner.
pub(super) static SCOTTISH_COMMISSIONER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)scottish\s+information\s+commissioner|itspublicknowledge|foi\.scot|\bsection\s+47\b|St\s+Andrews|Kinburn",
    )
});

/// A figure given as an answer: a number that is not a date, year, time, reference, phone
/// number, postcode, cost-limit figure or statutory number (checked around each match).
pub(super) static FIGURE: Lazy<Regex> =
    Lazy::new(|| re(r"(?:^|[\s(:])(£?\d[\d,]*(?:\.\d+)?%?)(?:[\s).,;:]|$)"));

/// Words next to a number that make it something other than an answer.
pub(super) static NOT_AN_ANSWER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:\s*(?:-|–|to|and)\s*\d+)?\s*(?:hours?|hrs?|minutes?|mins?|working\s+days?|days?|weeks?|months?|years?\s+(?:old|ago)|per\s+hour|am|pm|of\s+the\s+(?:freedom|act|data|environmental)|st|nd|rd|th)\b",
    )
});
pub(super) static NOT_AN_ANSWER_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:section|sections|regulation|regulations|reg\.?|s\.|article|part|schedule|paragraph|no\.|page|ref(?:erence)?:?|foi|eir|foi\s*/|#|SI|£450|£600|of\s+£|tel(?:ephone)?:?|phone:?|po\s+box|question|q|item|point|version|v|\bwithin|\bup\s+to|\bthe)\s*$",
    )
});

/// A sentence about the cost of answering: its figures are estimates, not answers.
pub(super) static ESTIMATE_CONTEXT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)estimat|would\s+take|take\s+(?:us\s+)?(?:approximately|around|about|over|more\s+than)|\bhours?\b|\bminutes?\b|\bcost\b|\blimit\b|\bper\s+(?:record|file|case|item)|\beach\s+(?:record|file|case|item)|\bsearch|\bmanually\b",
    )
});

/// The answer is said to be in an attachment.
pub(super) static RESPONSE_ATTACHED: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bresponse\s+(?:to\s+your\s+request\s+)?(?:is\s+)?(?:set\s+)?attached|\b(?:see|find)\s+(?:the\s+)?attached\s+(?:response|letter|document|spreadsheet|file)|\battaching\s+the\s+(?:response|reply)|\bin\s+the\s+attached\s+(?:response|letter|document|spreadsheet|file)",
    )
});
