//! The wording the notice checks look for (the outcome's is data: `data/outcome/`). Each pattern is ASCII-word-bounded
//! (`(?-u:\b)` is not needed: these are plain `regex` searches over one letter).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::matching::gate::Gated;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("check patterns are valid")
}

/// Weighing of the public interest.
pub(super) static PUBLIC_INTEREST: Gated = Gated::new(
    &["public", "balance"],
    r"(?i)public\s+interest|balance\s+of\s+(?:the\s+)?(?:arguments|factors)",
);

/// Where a sentence that weighs the public interest turns from one clause to the next: a
/// semicolon, or a contrasting or conceding word ("..., but we consider that ...", "However,
/// ...", "Although ..., we have concluded ..."). Read by [`super::public_interest`], which skips
/// "but also", "but not limited to", "all but", "but for" and "as though".
pub(super) static CLAUSE_BREAK: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i);|(?-u:\b)(?:but|however|whereas|although|though|while|whilst|nevertheless|nonetheless)(?-u:\b)",
    )
});

/// The likelihood of harm stated for a prejudice-based ground.
pub(super) static LIKELIHOOD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)would(?:\s+be)?\s+(?:likely\s+to\s+|be\s+likely\s+to\s+)?(?:prejudice|harm|damage|undermine|inhibit|endanger|adversely\s+affect|affect|weaken|jeopardi[sz]e|put|reveal|make|give|allow|assist|breach|impact|lead|result|cause|compromise|disadvantage)|(?-u:\b)would\s+likely(?-u:\b)|(?-u:\b)likely\s+to\s+(?:prejudice|harm|damage|undermine|inhibit|endanger)|(?-u:\b)could\s+(?:prejudice|harm|damage|undermine|endanger|put|lead)",
    )
});

/// A reason given for applying a ground.
pub(super) static REASON: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)because(?-u:\b)|(?-u:\b)on\s+the\s+grounds?\s+that(?-u:\b)|(?-u:\b)as\s+(?:it|they|this|the|disclosure|release|releasing|disclosing)(?-u:\b)|(?-u:\b)since(?-u:\b)|(?-u:\b)due\s+to(?-u:\b)|(?-u:\b)would(?-u:\b)|(?-u:\b)as\s+a\s+result(?-u:\b)|(?-u:\b)therefore(?-u:\b)|(?-u:\b)as\s+this(?-u:\b)",
    )
});

/// An estimate of cost or time.
pub(super) static ESTIMATE: Gated = Gated::new(
    &[
        "hour", "hr", "min", "day", "£", "record", "file", "case", "email", "document", "item",
    ],
    r"(?i)(?-u:\b)\d[\d,.]*\s*(?:hours?|hrs?|minutes?|mins?|days?)(?-u:\b)|£\s?\d|(?-u:\b)\d[\d,]*\s+(?:records|files|cases|emails|documents|items)(?-u:\b)",
);

/// Advice on narrowing the request.
pub(super) static ADVICE: Gated = Gated::new(
    &[
        "refine", "narrow", "reduc", "limit", "advice", "submit", "within",
    ],
    r"(?i)(?-u:\b)(?:refine|refined|narrow|narrowed|narrowing|reduce|reducing|reduced|limit|limiting)\s+(?:your|the|this)?\s*(?:request|scope|date\s+range|time\s+period|period|number)|(?-u:\b)advice\s+and\s+assistance(?-u:\b)|(?-u:\b)submit\s+a\s+(?:new|refined|revised)\s+request(?-u:\b)|(?-u:\b)within\s+the\s+(?:cost|appropriate|fees)\s+limit(?-u:\b)",
);

/// The authority's review procedure.
pub(super) static REVIEW: Gated = Gated::leading(
    &[
        "internal",
        "request ",
        "ask ",
        "requirement",
        "reconsider",
        "complaint",
        "dissatisfied",
        "unhappy",
        "not ",
        "right",
    ],
    r"(?i)(?-u:\b)internal\s+review(?-u:\b)|(?-u:\b)rights?\s+(?:to|of)\s+appeal(?-u:\b)|(?-u:\b)request\s+a\s+review(?-u:\b)|(?-u:\b)ask\s+(?:us\s+)?(?:for\s+a\s+|to\s+)review(?-u:\b)|(?-u:\b)requirement\s+for\s+review(?-u:\b)|(?-u:\b)reconsider(?:ation)?(?-u:\b)|(?-u:\b)complaints?\s+procedure(?-u:\b)|(?-u:\b)dissatisfied(?-u:\b)|(?-u:\b)unhappy\s+with(?-u:\b)|(?-u:\b)not\s+satisfied\s+with(?-u:\b)",
);

/// The right to complain to the Information Commissioner (ICO for FOIA and EIR).
pub(super) static ICO: Gated = Gated::new(
    &["commissioner", "ico", "section", "wycliffe", "wilmslow"],
    r"(?i)(?-u:\b)information\s+commissioner|(?-u:\b)ICO(?-u:\b)|ico\.org\.uk|(?-u:\b)section\s+50(?-u:\b)|Wycliffe\s+House|Wilmslow",
);

/// The right to apply to the Scottish Information Commissioner.
pub(super) static SCOTTISH_COMMISSIONER: Gated = Gated::new(
    &[
        "scottish",
        "itspublicknowledge",
        "foi",
        "section",
        "andrews",
        "kinburn",
    ],
    r"(?i)scottish\s+information\s+commissioner|itspublicknowledge|foi\.scot|(?-u:\b)section\s+47(?-u:\b)|St\s+Andrews|Kinburn",
);

/// A figure given as an answer: a number that is not a date, year, time, reference, phone
/// number, postcode, cost-limit figure or statutory number (checked around each match). The
/// checks read the numbers with [`super::figures`], which finds what this finds; the tests
/// compare the two.
#[cfg(test)]
pub(super) static FIGURE: Lazy<Regex> =
    Lazy::new(|| re(r"(?:^|[\s(:│|])(£?\d[\d,]*(?:\.\d+)?%?)(?:[\s).,;:│|*]|$)"));

/// Words next to a number that make it something other than an answer (a time of day, "9.30am",
/// among them).
pub(super) static NOT_AN_ANSWER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\.\d{2}\s*(?:am|pm|a\.m|p\.m|hrs|hours)|^(?:\s*(?:-|–|to|and)\s*\d+)?\s*(?:hours?|hrs?|minutes?|mins?|working\s+days?|days?|weeks?|months?|years?\s+(?:old|ago)|per\s+hour|am|pm|of\s+the\s+(?:freedom|act|data|environmental)|st|nd|rd|th|attachments?)(?-u:\b)|^(?:(?:st|nd|rd|th)?(?:\s*,\s*|\s+and\s+|\s*[-–]\s*)\d{1,2})*(?:\^?(?:st|nd|rd|th))?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)",
    )
});
pub(super) static NOT_AN_ANSWER_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:(?:sections?|ss?\.|regulations?|regs?\.)\s*\d{1,3}[a-z]?(?:\(\w{1,4}\))*(?:\s*,\s*\d{1,3}[a-z]?(?:\(\w{1,4}\))*)*\s*(?:,|and|or|&)|section|sections|regulation|regulations|reg\.?|s\.|article|part|schedule|paragraph|no\.|page|ref(?:erence)?:?|foi|eir|foi\s*/|#|SI|£450|£600|of\s+£|tel(?:ephone)?:?|phone:?|po\s+box|question|q|item|point|version|v|annexe?|appendix|exemption|exclusion|exception|chapter|clause|table|step|stage|case|request|appeal|complaint|(?-u:\b)id|(?-u:\b)within|(?-u:\b)up\s+to|(?-u:\b)the|(?-u:\b)(?:ward|room|floor|level|zone|block|unit|phase|route|platform|bay|tier|band|grade|district|sector|plot|junction|division|cohort|year\s+group|key\s+stage)|(?-u:\b)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)\s*$",
    )
});

/// What the requester did, read just before a number: "you have sent the council 41 requests"
/// recounts the request's history (a vexatious refusal's reasons), it answers nothing.
pub(super) static REQUESTER_HISTORY_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)you\s+(?:have\s+|had\s+|then\s+)?(?:sent|made|submitted|written|raised|asked|copied|emailed|e-mailed|contacted)\s+(?:[a-z]+\s+){0,3}?(?:(?:more|fewer)\s+than\s+|over\s+|about\s+|around\s+|some\s+)?$",
    )
});

/// The things a cost estimate counts ("1,400 records"), read just after a number.
pub(super) static COUNTED_ITEMS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\s*(?:[a-z]+\s+){0,2}?(?:records|files|cases|e-?mails|documents|items|entries)(?-u:\b)",
    )
});

/// The start of a telephone number just before a number: its later groups ("0303 123 1113").
pub(super) static PHONE_BEFORE: Lazy<Regex> =
    Lazy::new(|| re(r"(?:\+44|\(0\)|(?-u:\b)0\d{2,4})[\d\s]*$"));

/// A telephone or fax line of a signature or address block (read lower-cased).
pub(super) static PHONE_LINE: Lazy<Regex> =
    Lazy::new(|| re(r"^\s*(?:tel(?:ephone)?|fax|phone|mobile|mob)(?-u:\b)|\+44|\(0\)\s*\d"));

/// A sentence about the work a cost refusal would take: its numbers size the search.
pub(super) static SEARCH_WORK: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:would|need|needs|each|every|go\s+through|look\s+through|check|review)(?-u:\b)",
    )
});

/// "Estimate": in a letter that argues the cost of answering, a sentence that estimates gives
/// the size of the work; elsewhere an estimate is often the answer ("its estimated total value is
/// £9.2 million").
pub(super) static ESTIMATE_WORD: Lazy<Regex> = Lazy::new(|| re(r"(?i)estimat"));

/// A sentence about the cost of answering: its figures are estimates, not answers (with
/// [`ESTIMATE_WORD`] in a letter that argues the cost).
pub(super) static ESTIMATE_CONTEXT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)would\s+take|take\s+(?:us\s+)?(?:approximately|around|about|over|more\s+than)|(?:^|[^\w-])hours?(?-u:\b)|(?-u:\b)minutes?(?-u:\b)|(?-u:\b)costs?\s+(?:of\s+(?:compl|answer|respond|provid|locat|retriev|extract|search|find|meet|deal|process)|limit|(?:would|will)|more|over|in\s+excess|exceed)|(?-u:\b)(?:would|will)\s+cost(?-u:\b)|(?-u:\b)limit(?-u:\b)|(?-u:\b)per\s+(?:record|file|case|item)|(?-u:\b)each\s+(?:record|file|case|item)|(?-u:\b)search|(?-u:\b)manually(?-u:\b)",
    )
});

/// Every gated pattern of this module (their anchors go into the matching automaton).
pub(super) static GATED: [&Gated; 6] = [
    &REVIEW,
    &ICO,
    &SCOTTISH_COMMISSIONER,
    &PUBLIC_INTEREST,
    &ESTIMATE,
    &ADVICE,
];
/// An answer that only points at another answer.
pub(super) static SEE_ELSEWHERE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:please\s+)?(?:see|refer\s+to)\s+(?:the\s+)?(?:above|below|previous|answer|response)|^as\s+(?:above|per\s+(?:the\s+)?(?:above|previous))|^n/?a\.?$",
    )
});

/// Words just before a number that make it a reference: "Case Number 6536", "request 4127",
/// "our reference: 2231".
pub(super) static REFERENCE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:ref(?:erence)?|case|request|response|appeal|complaint|enquiry|application|ticket|log|id)(?:\s+(?:number|no\.?))?(?-u:\b)\W{0,3}$",
    )
});

/// A short code in capitals just before a number ("ABC 12345", "FOI 2231"): a reference.
pub(super) static CODE_BEFORE: Lazy<Regex> = Lazy::new(|| re(r"(?-u:\b)[A-Z]{2,6}[\s/:#-]{1,3}$"));

/// The start of a line that heads a letter with its subject or references (read lower-cased).
pub(super) static REFERENCE_LINE_START: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:re|subject|our\s+ref(?:erence)?|your\s+ref(?:erence)?|ref(?:erence)?)(?-u:\b)\s*[:.\-–]?",
    )
});

/// Words of a heading line that names a request or its reference (read lower-cased).
pub(super) static REFERENCE_WORDS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?-u:\b)(?:request|ref|reference|case|response|appeal|complaint|review|number|foi|eir|foisa)(?-u:\b)",
    )
});

/// What follows the number of a provision quoted from a statute: "12.—(4)", "36 (2)".
pub(super) static STATUTE_AFTER: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:\.?\s*[—–-]\s*\(\d|\s?\(\d{1,2}[a-z]?\)\s)"));

/// A street name after a number: "41 Elm Road", "2 Market Street".
pub(super) static STREET_AFTER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^\s+(?:(?:[A-Z][a-z’'-]+\s+){1,3}(?:Road|Street|Lane|Avenue|Way|Place|Drive|Close|Square|Court|Park|Row|Hill|Terrace|Crescent|Gardens|House|Walk|Parade|Quay|Wharf|Green|Mews|Rd|St|Ave)(?-u:\b)|(?:Heol|Ffordd|Stryd)\s)",
    )
});

/// A UK postcode on a line (read lower-cased): the line is an address.
pub(super) static POSTCODE: Lazy<Regex> =
    Lazy::new(|| re(r"(?-u:\b)[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}(?-u:\b)"));

/// A sentence about the requester's rights (review, appeal, complaint): an attachment it
/// points to explains them and gives no information. Complaints as a subject ("the number of
/// complaints received") are not rights: only the verb or a complaints procedure is.
pub(super) static RIGHTS_SENTENCE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:rights?\s+(?:to|of)|(?:complaint|review|appeal)s?\s+rights|your\s+rights|appeal|internal\s+review|complain|complaints?\s+(?:procedure|process|policy)|information\s+commissioner|dissatisfied|unhappy)(?-u:\b)",
    )
});

/// The start of a sentence that restates the request ("You asked for the number of ... in Ward
/// 7 during 2022.", "Your request concerned ..."): its numbers are the requester's, not answers.
pub(super) static RESTATING_SENTENCE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\W*(?:you\s+(?:have\s+)?(?:asked|requested|wanted\s+to\s+know|enquired|queried|sought)|your\s+(?:request|question|enquiry|e-?mail)\s+(?:was|asked|concerned|related|sought|is\s+for))(?-u:\b)",
    )
});

/// A heading line of its own over the request restated: "Request", "Your request:", "Your
/// questions".
pub(super) static REQUEST_HEADING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?im)^[ \t]*(?:your\s+|the\s+|original\s+)?(?:request|requests|question|questions|information\s+requested)[ \t]*:?[ \t]*$",
    )
});

/// A heading line of its own over the authority's answer: "Answer", "Our response:", "Reply".
pub(super) static ANSWER_HEADING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?im)^[ \t]*(?:our\s+|the\s+|my\s+)?(?:answer|answers|response|responses|reply|decision|outcome)[ \t]*:?[ \t]*$",
    )
});

/// The words that introduce the request restated (read just before its paragraph): "You asked
/// for the following information:", "Your request:", "You wrote:".
pub(super) static RESTATES_REQUEST: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:(?-u:\b)you\s+(?:asked|requested|wrote|said)[^.:\n]{0,60}|(?-u:\b)your\s+(?:request|questions?|email)[^.:\n]{0,30}|following\s+information)\s*:[\s\-–]*$",
    )
});

/// A line ending in a colon that opens the answers, not the request: "Taking your questions in
/// turn:", "In answer to your questions:", "Turning to your request:".
pub(super) static OPENS_ANSWERS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:(?-u:\b)(?:answers?|responses?|reply|replies|respond|responding|taking|turning\s+to|addressing|dealing\s+with|in\s+relation\s+to|regarding|with\s+regard\s+to)\s+(?:to\s+|with\s+)?(?:each\s+of\s+|all\s+of\s+)?your\s+(?:request|questions?|e-?mail|points|queries)|in\s+turn)[^.:\n]{0,30}\s*:[\s\-–]*$",
    )
});
