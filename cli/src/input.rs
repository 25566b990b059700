//! Inputs: files, directories, standard input; plain letters, JSON Lines or request threads.

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use foi_refusal::input::{read_document, Document};
use serde_json::Value;

/// One letter to classify.
#[derive(Clone, Debug)]
pub struct Letter {
    /// Where it came from: a path, `path:line` or `path#message_id`, or the JSONL id.
    pub id: String,
    /// The authority, when the input names one.
    pub authority: Option<String>,
    /// The letter as read: its text, and for e-mails, HTML and PDF its parts.
    pub doc: Document,
}

impl Letter {
    /// The text the classifier reads.
    pub fn text(&self) -> &str {
        &self.doc.text
    }
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub enum Mode {
    /// Each file is one letter.
    Plain,
    /// Each line is a JSON object with these fields.
    Jsonl {
        id: String,
        text: String,
        authority: String,
    },
    /// Each file is a request thread; its authority messages are the letters.
    Threads,
}

/// An input that could not be read.
#[derive(Debug)]
pub struct InputError {
    place: String,
    message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// An error whose message already says where.
fn err_plain(message: String) -> InputError {
    InputError {
        place: String::new(),
        message,
    }
}

fn err(place: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        place: place.into(),
        message: message.into(),
    }
}

/// One place to read from.
enum Source {
    Stdin,
    File(PathBuf),
}

/// The inputs of a run, read lazily, a batch at a time.
pub struct Sources {
    pending: VecDeque<Source>,
    mode: Mode,
    files: usize,
    /// Letters read but not yet handed out (a JSONL file may hold many).
    ready: VecDeque<Letter>,
    /// A JSONL file being read line by line.
    open: Option<(String, Box<dyn BufRead>, usize)>,
}

/// Files under `dir`, recursively, in name order; hidden entries are skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

impl Sources {
    /// Lists the inputs. A path that does not exist is a usage error.
    pub fn new(inputs: &[PathBuf], mode: Mode) -> Result<Sources, InputError> {
        let mut pending = VecDeque::new();
        for input in inputs {
            if input.as_os_str() == "-" {
                pending.push_back(Source::Stdin);
            } else if input.is_dir() {
                let mut files = Vec::new();
                walk(input, &mut files)
                    .map_err(|e| err(input.display().to_string(), e.to_string()))?;
                let wanted = |p: &PathBuf| match mode {
                    Mode::Threads => p.extension().is_some_and(|e| e == "json"),
                    Mode::Jsonl { .. } => {
                        p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
                    }
                    Mode::Plain => true,
                };
                pending.extend(files.into_iter().filter(wanted).map(Source::File));
            } else if input.exists() {
                pending.push_back(Source::File(input.clone()));
            } else {
                return Err(err(
                    input.display().to_string(),
                    "no such file or directory",
                ));
            }
        }
        let files = pending.len();
        Ok(Sources {
            pending,
            mode,
            files,
            ready: VecDeque::new(),
            open: None,
        })
    }

    /// How many files (or stdin) the run reads.
    pub fn file_count(&self) -> usize {
        self.files
    }

    /// True when everything has been read.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty() && self.ready.is_empty() && self.open.is_none()
    }

    /// Up to `n` letters, in input order, with the errors met while reading them.
    pub fn next_batch(&mut self, n: usize) -> (Vec<Letter>, Vec<InputError>) {
        let mut letters = Vec::with_capacity(n);
        let mut errors = Vec::new();
        while letters.len() < n {
            if let Some(l) = self.ready.pop_front() {
                letters.push(l);
                continue;
            }
            if let Some((name, reader, line_no)) = self.open.as_mut() {
                let mut line = String::new();
                match reader.read_line(&mut line) {
                    Ok(0) => self.open = None,
                    Ok(_) => {
                        *line_no += 1;
                        if line.trim().is_empty() {
                            continue;
                        }
                        let place = format!("{name}:{line_no}");
                        match self.jsonl_letter(&place, &line) {
                            Ok(l) => letters.push(l),
                            Err(e) => errors.push(e),
                        }
                    }
                    Err(e) => {
                        errors.push(err(format!("{name}:{}", *line_no + 1), e.to_string()));
                        self.open = None;
                    }
                }
                continue;
            }
            let Some(source) = self.pending.pop_front() else {
                break;
            };
            let name = match &source {
                Source::Stdin => "<stdin>".to_string(),
                Source::File(p) => p.display().to_string(),
            };
            if let Mode::Jsonl { .. } = self.mode {
                let reader: Box<dyn BufRead> = match &source {
                    Source::Stdin => Box::new(BufReader::new(io::stdin())),
                    Source::File(p) => match fs::File::open(p) {
                        Ok(f) => Box::new(BufReader::new(f)),
                        Err(e) => {
                            errors.push(err(name, e.to_string()));
                            continue;
                        }
                    },
                };
                self.open = Some((name, reader, 0));
                continue;
            }
            let bytes = match &source {
                Source::Stdin => {
                    let mut buf = Vec::new();
                    io::stdin().read_to_end(&mut buf).map(|_| buf)
                }
                Source::File(p) => fs::read(p),
            };
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    errors.push(err(name, e.to_string()));
                    continue;
                }
            };
            match self.mode {
                Mode::Threads => {
                    let text = match String::from_utf8(bytes) {
                        Ok(t) => t,
                        Err(e) => {
                            errors.push(err(
                                name,
                                format!(
                                    "not valid UTF-8 (first bad byte at offset {})",
                                    e.utf8_error().valid_up_to()
                                ),
                            ));
                            continue;
                        }
                    };
                    match thread_letters(&name, &text) {
                        Ok(ls) => self.ready.extend(ls),
                        Err(e) => errors.push(e),
                    }
                }
                _ => match read_document(&bytes, &name) {
                    Ok(doc) => letters.push(Letter {
                        id: name,
                        authority: None,
                        doc,
                    }),
                    // The library's errors already name the file.
                    Err(e) => errors.push(err_plain(e.to_string())),
                },
            }
        }
        (letters, errors)
    }

    fn jsonl_letter(&self, place: &str, line: &str) -> Result<Letter, InputError> {
        let Mode::Jsonl {
            id,
            text,
            authority,
        } = &self.mode
        else {
            return Err(err(place, "not reading JSON Lines"));
        };
        let v: Value =
            serde_json::from_str(line).map_err(|e| err(place, format!("not valid JSON: {e}")))?;
        let body = v
            .get(text)
            .and_then(Value::as_str)
            .ok_or_else(|| err(place, format!("no string field {text:?}")))?;
        let letter_id = match v.get(id) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => place.to_string(),
        };
        Ok(Letter {
            id: letter_id,
            authority: v.get(authority).and_then(Value::as_str).map(str::to_string),
            doc: Document::from_text(body),
        })
    }
}

/// The authority messages of a request thread: `events[]` with `type: incoming`, `message_id`
/// and `content` (a string, or a list of lines); earlier mail after "show quoted sections" is
/// left out. Each message is dated by its `created_at` (the reply's date), and the request by
/// the `created_at` of the thread's first outgoing message.
fn thread_letters(name: &str, text: &str) -> Result<Vec<Letter>, InputError> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| err(name, format!("not a request thread (invalid JSON: {e})")))?;
    let events = v
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| err(name, "not a request thread (no events list)"))?;
    let authority = v
        .get("public_body")
        .or_else(|| v.get("authority"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let created = |e: &Value| {
        e.get("created_at")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let requested = events
        .iter()
        .find(|e| e.get("type").and_then(Value::as_str) == Some("outgoing"))
        .and_then(created);
    let mut out = Vec::new();
    for e in events {
        if e.get("type").and_then(Value::as_str) != Some("incoming") {
            continue;
        }
        let joined = match e.get("content") {
            Some(Value::Array(lines)) => lines
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
            Some(Value::String(s)) => s.clone(),
            _ => continue,
        };
        let own = match joined.find("show quoted sections") {
            Some(i) => joined[..i].to_string(),
            None => joined,
        };
        let message = e
            .get("message_id")
            .map_or_else(|| "?".to_string(), |m| m.to_string());
        let mut doc = Document::from_text(own);
        doc.date = created(e);
        doc.requested = requested.clone();
        out.push(Letter {
            id: format!("{name}#{message}"),
            authority: authority.clone(),
            doc,
        });
    }
    Ok(out)
}
