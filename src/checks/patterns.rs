//! The wording the outcome and notice checks look for. Each pattern is ASCII-word-bounded
//! (`(?-u:\b)` is not needed: these are plain `regex` searches over one letter).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::matching::gate::Gated;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("check patterns are valid")
}

/// Neither confirm nor deny.
pub(super) static NCND: Gated = Gated::new(
    &["neither", "confirm"],
    r"(?i)neither\s+confirm\s+nor\s+deny|neither\s+confirms\s+nor\s+denies|not\s+(?:to\s+)?confirm\s+or\s+deny",
);

/// Information not held (or not held in the form asked for).
pub(super) static NOT_HELD: Gated = Gated::leading(
    &[
        "do ",
        "does ",
        "did ",
        "don",
        "doesn",
        "didn",
        "is ",
        "are ",
        "was ",
        "were ",
        "has ",
        "have ",
        "returned",
        "found",
        "located",
        "identified",
        "revealed",
        "not ",
        "no ",
        "hold ",
        "we ",
        "i ",
        "am ",
        "cannot",
        "held ",
    ],
    r"(?i)(?-u:\b)(?:(?:do|does|did)\s+not|don[’']t|doesn[’']t|didn[’']t)\s+(?:[a-z]+ly\s+)?(?:hold|record|collect|keep|retain)(?-u:\b)|(?-u:\b)(?:(?:do|does|did)\s+not|don[’']t|doesn[’']t|didn[’']t)\s+have\s+(?:any\s+|the\s+|a\s+|an\s+|this\s+|that\s+|such\s+)?(?:[a-z-]+\s+){0,2}?(?:information|records?|data|details|figures?|cop(?:y|ies)|documents?|documentation|polic(?:y|ies)|reports?|breakdown|statistics|correspondence|minutes|e-?mails?|list)(?-u:\b)|(?-u:\b)(?:did\s+not|didn[’']t)\s+(?:start|begin)\s+(?:to\s+)?(?:collect|record|hold|keep)|(?-u:\b)(?:is|are|was|were)\s+(?:held|collected|recorded|kept)\s+by\s+(?:the\s+)?(?:[a-z’'-]+\s+){0,4}?(?:authorit(?:y|ies)|compan(?:y|ies)|trusts?|police|agenc(?:y|ies)|nhs|providers?|partners?|operators?|schools?|contractors?)(?-u:\b)|(?-u:\b)(?:has|have)\s+been\s+no\s+[a-z]+(?:\s+[a-z]+)?\s+(?:made|produced|carried\s+out|undertaken|completed|created|recorded)(?-u:\b)|(?-u:\b)(?:returned|found|located|identified|revealed)\s+no\s+(?:relevant\s+)?(?:information|records?|data|documents?|correspondence)(?-u:\b)|(?-u:\b)(?:is|are)\s+(?:currently\s+)?(?:not\s+known|unknown)(?-u:\b)|(?-u:\b)not\s+received\s+(?:the|this|that|any\s+such)\s+(?:letter|document|report|correspondence)(?-u:\b)|(?-u:\b)not\s+(?:held|recorded|collected|kept|retained)(?-u:\b)|(?-u:\b)no\s+(?:recorded\s+)?(?:information|records?|data)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:held|recorded|available|exists?)(?-u:\b)|(?-u:\b)hold\s+no\s+(?:recorded\s+)?(?:information|records?|data)(?-u:\b)|(?-u:\b)not\s+(?:available|possible\s+to\s+provide)(?-u:\b)|(?-u:\b)does\s+not\s+exist(?-u:\b)|(?-u:\b)(?:we|i|is|are|am)\s+unable\s+to\s+provide(?-u:\b)|(?-u:\b)cannot\s+provide(?-u:\b)|(?-u:\b)no\s+such\s+(?:information|records?|data)(?-u:\b)|(?-u:\b)held\s+by\s+[^.]{1,60}?(?-u:\b)not\s+(?:by\s+)?(?:the\s+)?(?:[A-Z][a-z]+\s+){0,3}(?:council|us|authority)(?-u:\b)|(?-u:\b)we\s+have\s+no\s+(?:record|records|information|data|reports?|documents?)(?-u:\b)|(?-u:\b)no\s+[a-z]+(?:\s+[a-z]+)?\s+(?:has|have)\s+been\s+(?:made|produced|carried\s+out|undertaken|completed|created|recorded)(?-u:\b)|(?-u:\b)not\s+held\s+by(?-u:\b)|(?-u:\b)is\s+not\s+something\s+(?:we|the\s+council)\s+(?:hold|record|collect)",
);

/// Information given: attached, enclosed, provided or confirmed.
pub(super) static DISCLOSED: Gated = Gated::new(
    &[
        "attached",
        "enclosed",
        "provide",
        "confirm",
        "release",
        "disclose",
        "table",
        "here ",
        "follows",
        "below",
        "attaching",
        "enclosing",
        "please",
        "additional",
    ],
    r"(?i)(?-u:\b)please\s+(?:find|see)\s+(?:the\s+)?(?:attached|enclosed)|(?-u:\b)(?:is|are|has\s+been|have\s+been)\s+(?:attached|enclosed|provided|released|disclosed)(?-u:\b)|(?-u:\b)see\s+(?:the\s+)?(?:attached|table)(?-u:\b)|(?-u:\b)we\s+(?:can|are\s+able\s+to|have)\s+(?:now\s+)?(?:provide|provided|confirm|release|released|disclose|disclosed)(?-u:\b)|(?-u:\b)here\s+(?:is|are)\s+the(?-u:\b)|(?-u:\b)the\s+(?:figures?|numbers?|totals?|information)\s+(?:is|are|was|were)\s+(?:as\s+follows|below)|(?-u:\b)attached\s+(?:is|are|you\s+will\s+find)(?-u:\b)|(?-u:\b)in\s+the\s+attached(?-u:\b)|(?-u:\b)(?:we|i)\s+(?:are|am)\s+(?:now\s+)?(?:attaching|enclosing)(?-u:\b)|(?-u:\b)(?:we|i)\s+have\s+(?:now\s+)?(?:enclosed|attached)(?-u:\b)|(?-u:\b)(?:the|our)\s+attached\s+(?:list|spreadsheet|table|file|data|report)(?-u:\b)|(?-u:\b)please\s+find\s+(?:the\s+|our\s+)?(?:outstanding|requested|remaining|following|additional|further)\s+(?:data|information|figures|details|documents?)(?-u:\b)|(?-u:\b)(?:this|the\s+following)\s+additional\s+information(?-u:\b)",
);

/// The framing of an answer ("Please find the council's response to your request set out
/// below"): an answer follows, but it may be a refusal.
pub(super) static FRAMING: Gated = Gated::new(
    &["please", "response", "below", "answer"],
    r"(?i)(?-u:\b)please\s+(?:find|see)\s+(?:below|our\s+response|the\s+(?:council|authority)|[a-z]+\s+(?:city|county|borough|district)?\s*council)|(?-u:\b)response\s+to\s+your\s+request\s+(?:is\s+)?(?:set\s+out|below|attached)|(?-u:\b)set\s+out\s+below(?-u:\b)|(?-u:\b)answers?\s+to\s+your\s+questions?(?-u:\b)|(?-u:\b)in\s+response\s+to\s+your\s+(?:questions|request)(?-u:\b)|(?-u:\b)(?:please\s+(?:find|see)\s+(?:the|our|a)\s+)?(?:response|answers?|reply)\s+(?:is\s+|are\s+)?below(?-u:\b)|(?-u:\b)(?:we|i)\s+(?:respond|answer)\s+below(?-u:\b)",
);

/// Only an acknowledgement: the request was received and will be answered.
pub(super) static ACKNOWLEDGEMENT: Gated = Gated::new(
    &[
        "respond",
        "reply",
        "response",
        "touch",
        "logged",
        "registered",
        "received",
        "acknowledge",
        "working",
        "dealt",
    ],
    r"(?i)(?-u:\b)will\s+(?:aim\s+to\s+|endeavour\s+to\s+|try\s+to\s+)?(?:respond|reply|provide\s+(?:a|our)\s+response|be\s+in\s+touch)(?-u:\b)|(?-u:\b)has\s+been\s+(?:logged|registered|received)(?-u:\b)|(?-u:\b)acknowledge\s+(?:receipt|your\s+request)(?-u:\b)|(?-u:\b)within\s+(?:the\s+)?(?:statutory\s+)?(?:20|twenty)\s+working\s+days(?-u:\b)|(?-u:\b)will\s+be\s+dealt\s+with\s+under(?-u:\b)",
);

/// A request for clarification.
pub(super) static CLARIFICATION: Gated = Gated::new(
    &["please", "could", "need", "require", "clarif"],
    r"(?i)(?-u:\b)please\s+(?:could\s+you\s+)?(?:clarify|confirm\s+(?:which|what|whether))|(?-u:\b)could\s+you\s+(?:please\s+)?(?:clarify|confirm\s+(?:which|what|whether)|specify|provide\s+(?:more|further)\s+(?:details|information))|(?-u:\b)(?:need|require)\s+(?:some\s+)?(?:further|more|additional)\s+(?:information|details|clarification)(?-u:\b)|(?-u:\b)clarification(?-u:\b)",
);

/// More time taken.
pub(super) static EXTENSION: Gated = Gated::new(
    &["exten", "further", "reached", "unable"],
    r"(?i)(?-u:\b)extend(?:ing|ed)?\s+the\s+(?:deadline|time|date)|(?-u:\b)extension(?-u:\b)|(?-u:\b)further\s+time\s+to\s+consider(?-u:\b)|(?-u:\b)not\s+yet\s+reached\s+a\s+decision(?-u:\b)|(?-u:\b)unable\s+to\s+(?:respond|provide\s+a\s+response)\s+(?:to\s+you\s+)?(?:by|within)(?-u:\b)",
);

/// A response that only points at an attachment ("FOI 123 Response.docx").
pub(super) static ATTACHMENT_ONLY: Gated = Gated::new(
    &["attachment", "download", "view"],
    r"(?i)(?-u:\b)(?:\d+\s+attachments?|download|view\s+as\s+html)(?-u:\b)",
);

/// Weighing of the public interest.
pub(super) static PUBLIC_INTEREST: Gated = Gated::new(
    &["public", "balance"],
    r"(?i)public\s+interest|balance\s+of\s+(?:the\s+)?(?:arguments|factors)",
);

/// Arguments for disclosure.
pub(super) static FOR_DISCLOSURE: Gated = Gated::new(
    &["disclos", "releas", "public"],
    r"(?i)(?:factors?|arguments?|considerations?)\s+(?:in\s+favour\s+of|for|supporting)\s+(?:the\s+)?(?:disclos|releas)|public\s+interest\s+in\s+(?:the\s+)?(?:disclos|releas|openness|transparency)|in\s+favour\s+of\s+(?:disclos|releas)",
);

/// Arguments for withholding.
pub(super) static FOR_WITHHOLDING: Gated = Gated::new(
    &[
        "maintain",
        "withhold",
        "non",
        "exemption",
        "exception",
        "public",
    ],
    r"(?i)(?:factors?|arguments?|considerations?)\s+(?:in\s+favour\s+of|for|supporting)\s+(?:maintaining|withholding|non-?disclosure|the\s+exemption|the\s+exception)|public\s+interest\s+in\s+(?:maintaining|withholding)|in\s+favour\s+of\s+(?:maintaining|withholding)",
);

/// The conclusion of the public interest test.
pub(super) static PIT_CONCLUSION: Gated = Gated::new(
    &["balance", "conclud", "outweigh", "public"],
    r"(?i)(?-u:\b)on\s+balance(?-u:\b)|(?-u:\b)(?:we\s+have\s+)?conclud(?:ed|e)\s+that(?-u:\b)|(?-u:\b)outweigh(?:s|ed)?(?-u:\b)|(?-u:\b)public\s+interest\s+(?:lies|rests|falls)\s+in(?-u:\b)",
);

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
    ],
    r"(?i)(?-u:\b)internal\s+review(?-u:\b)|(?-u:\b)request\s+a\s+review(?-u:\b)|(?-u:\b)ask\s+(?:us\s+)?(?:for\s+a\s+|to\s+)review(?-u:\b)|(?-u:\b)requirement\s+for\s+review(?-u:\b)|(?-u:\b)reconsider(?:ation)?(?-u:\b)|(?-u:\b)complaints?\s+procedure(?-u:\b)|(?-u:\b)dissatisfied(?-u:\b)|(?-u:\b)unhappy\s+with(?-u:\b)|(?-u:\b)not\s+satisfied\s+with(?-u:\b)",
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
/// number, postcode, cost-limit figure or statutory number (checked around each match).
pub(super) static FIGURE: Lazy<Regex> =
    Lazy::new(|| re(r"(?:^|[\s(:│|])(£?\d[\d,]*(?:\.\d+)?%?)(?:[\s).,;:│|]|$)"));

/// Words next to a number that make it something other than an answer.
pub(super) static NOT_AN_ANSWER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:\s*(?:-|–|to|and)\s*\d+)?\s*(?:hours?|hrs?|minutes?|mins?|working\s+days?|days?|weeks?|months?|years?\s+(?:old|ago)|per\s+hour|am|pm|of\s+the\s+(?:freedom|act|data|environmental)|st|nd|rd|th|attachments?)(?-u:\b)|^(?:(?:st|nd|rd|th)?(?:\s*,\s*|\s+and\s+|\s*[-–]\s*)\d{1,2})*(?:\^?(?:st|nd|rd|th))?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)",
    )
});
pub(super) static NOT_AN_ANSWER_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:section|sections|regulation|regulations|reg\.?|s\.|article|part|schedule|paragraph|no\.|page|ref(?:erence)?:?|foi|eir|foi\s*/|#|SI|£450|£600|of\s+£|tel(?:ephone)?:?|phone:?|po\s+box|question|q|item|point|version|v|(?-u:\b)id|(?-u:\b)within|(?-u:\b)up\s+to|(?-u:\b)the)\s*$",
    )
});

/// The things a cost estimate counts ("1,400 records"), read just after a number.
pub(super) static COUNTED_ITEMS: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)^\s*(?:[a-z]+\s+)?(?:records|files|cases|e-?mails|documents|items|entries)(?-u:\b)")
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

/// A sentence about the cost of answering: its figures are estimates, not answers.
pub(super) static ESTIMATE_CONTEXT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)estimat|would\s+take|take\s+(?:us\s+)?(?:approximately|around|about|over|more\s+than)|(?-u:\b)hours?(?-u:\b)|(?-u:\b)minutes?(?-u:\b)|(?-u:\b)cost(?-u:\b)|(?-u:\b)limit(?-u:\b)|(?-u:\b)per\s+(?:record|file|case|item)|(?-u:\b)each\s+(?:record|file|case|item)|(?-u:\b)search|(?-u:\b)manually(?-u:\b)",
    )
});

/// The answer is said to be in an attachment.
pub(super) static RESPONSE_ATTACHED: Gated = Gated::new(
    &["response", "attach"],
    r"(?i)(?-u:\b)response\s+(?:to\s+your\s+request\s+)?(?:is\s+)?(?:set\s+)?attached|(?-u:\b)(?:see|find)\s+(?:the\s+)?attached\s+(?:(?:a|our|the)\s+)?(?:response|letter|document)|(?-u:\b)attaching\s+the\s+(?:response|reply)|(?-u:\b)in\s+the\s+attached\s+(?:response|letter|document|spreadsheet|file)",
);

/// Words before a DISCLOSED match that make it no disclosure: "the information we have
/// provided", "whether we have provided", "I hope the ...".
pub(super) static NOT_A_DISCLOSURE_BEFORE: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)(?-u:\b)(?:whether|if|information|data|hope|that)\s*$"));

/// Part of the information held, part not: "we only hold figures for 2023", "we do not have the
/// full information", "not all of which is held by the council".
pub(super) static PARTLY_HELD: Gated = Gated::new(
    &["only", "full", "complete", "all "],
    r"(?i)(?-u:\b)(?:we|council|authority)\s+only\s+(?:hold|have|keep|record)\s+(?:the\s+)?(?:information|data|records?|figures|details)(?-u:\b)|(?-u:\b)(?:do|does)\s+not\s+(?:hold|have)\s+(?:the\s+)?(?:full|complete|all\s+(?:of\s+)?the)\s+(?:information|data|records?|figures|details)(?-u:\b)|(?-u:\b)not\s+(?:all\s+of|of\s+all)\s+which\s+(?:is|are)\s+held(?-u:\b)",
);

/// An answer that only points at another answer.
pub(super) static SEE_ELSEWHERE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:please\s+)?(?:see|refer\s+to)\s+(?:the\s+)?(?:above|below|previous|answer|response)|^as\s+(?:above|per\s+(?:the\s+)?(?:above|previous))|^n/?a\.?$",
    )
});

/// An internal review that upholds the original response.
pub(super) static REVIEW_UPHELD: Gated = Gated::new(
    &["upheld", "maintained", "changing"],
    r"(?i)(?-u:\b)(?:original|initial)\s+(?:response|position|decision)[^.]{0,60}?(?:should\s+be|is|was|has\s+been|be)\s+(?:upheld|maintained)(?-u:\b)|(?-u:\b)(?:we\s+are\s+)?not\s+changing\s+our\s+(?:response|decision)(?-u:\b)",
);

/// The response a review upholds engaged exemptions.
pub(super) static EXEMPTIONS_ENGAGED: Gated = Gated::leading(
    &["exemption", "exception", "engaged", "applied"],
    r"(?i)(?-u:\b)(?:exemptions?|exceptions?)\s+(?:were\s+|was\s+)?(?:engaged|applied)(?-u:\b)|(?-u:\b)(?:engaged|applied)\s+(?:the\s+)?(?:relevant\s+)?(?:exemptions?|exceptions?)(?-u:\b)",
);

/// The request is not treated as a valid request (FOIA s.8): refused without a ground.
pub(super) static INVALID_REQUEST: Gated = Gated::new(
    &["valid", "obligation"],
    r"(?i)(?-u:\b)(?:cannot|can\s*not|will\s+not|do\s+not)\s+(?:consider|accept|treat)\s+(?:this|it|your\s+request)\s+as\s+a\s+valid\s+request(?-u:\b)|(?-u:\b)(?:is|was)\s+not\s+a\s+valid\s+request(?-u:\b)|(?-u:\b)no\s+obligation\s+to\s+(?:process|respond\s+to|comply\s+with)\s+(?:the|this|your)\s+request(?-u:\b)",
);

/// Every gated pattern of this module (their anchors go into the matching automaton).
pub(super) static GATED: [&Gated; 22] = [
    &NCND,
    &NOT_HELD,
    &REVIEW,
    &ACKNOWLEDGEMENT,
    &PARTLY_HELD,
    &REVIEW_UPHELD,
    &EXEMPTIONS_ENGAGED,
    &INVALID_REQUEST,
    &DISCLOSED,
    &FRAMING,
    &CLARIFICATION,
    &EXTENSION,
    &ATTACHMENT_ONLY,
    &RESPONSE_ATTACHED,
    &ICO,
    &SCOTTISH_COMMISSIONER,
    &PUBLIC_INTEREST,
    &FOR_DISCLOSURE,
    &FOR_WITHHOLDING,
    &PIT_CONCLUSION,
    &ESTIMATE,
    &ADVICE,
];
