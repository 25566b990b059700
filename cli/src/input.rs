//! Inputs: files, directories, standard input; plain letters, JSON Lines or request threads.

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use foi_refusal::input::{looks_like_letter, read_document, Document};
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

/// One place to read from, or something to say in its place in input order.
enum Source {
    Stdin,
    /// Named on the command line: always read.
    File(PathBuf),
    /// Found in a folder (the index into [`Sources::folders`]): read when it looks like a
    /// letter, or with `--all-files`.
    Found(PathBuf, usize),
    /// A path that could not be listed: reported when its turn comes.
    Unreadable(InputError),
    /// A warning about the inputs (an empty folder).
    Warning(String),
}

/// A folder named on the command line, while its files are read.
struct Folder {
    name: String,
    /// Files not yet read.
    remaining: usize,
    /// Files read as letters (or that failed as such).
    read: usize,
    /// Files left out as not letters.
    skipped: usize,
}

/// What one call of [`Sources::next_batch`] gives.
#[derive(Default)]
pub struct Batch {
    /// Letters, in input order.
    pub letters: Vec<Letter>,
    /// Inputs that could not be read.
    pub errors: Vec<InputError>,
    /// Inputs read with nothing to classify (an empty file, a folder without letters).
    pub warnings: Vec<String>,
}

/// The inputs of a run, read lazily, a batch at a time.
pub struct Sources {
    pending: VecDeque<Source>,
    mode: Mode,
    /// Read every file found in a folder, not only those that look like letters.
    all_files: bool,
    folders: Vec<Folder>,
    files: usize,
    /// Files (and standard input) taken from `pending` so far.
    consumed: usize,
    /// Files found in folders and left out as not letters.
    skipped: usize,
    /// Letters read but not yet handed out (a JSONL file may hold many).
    ready: VecDeque<Letter>,
    /// A JSONL file being read line by line, and how many letters it gave.
    open: Option<(String, Box<dyn BufRead>, usize, usize)>,
}

/// Files under `dir`, recursively, in name order, and the folders under it that could not be
/// listed; hidden entries are skipped.
fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(err(dir.display().to_string(), e.to_string())));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(p));
        }
    }
}

/// "`n` files that do not look like letters", in the singular for one.
pub fn not_letters(n: usize) -> String {
    if n == 1 {
        "1 file that does not look like a letter".to_string()
    } else {
        format!("{n} files that do not look like letters")
    }
}

/// A document with no text but white space: the warning to give for it.
fn blank(name: &str, doc: &Document) -> Option<String> {
    if !doc.text.trim().is_empty() {
        return None;
    }
    Some(if doc.warnings.is_empty() {
        format!("{name}: empty: no text to classify")
    } else {
        doc.warnings.join("; ")
    })
}

impl Sources {
    /// Lists the inputs. A path that does not exist or cannot be listed is reported, in its
    /// place, by [`Sources::next_batch`]; the others are read. With `all_files`, every file
    /// found in a folder is read in plain mode, not only those that look like letters.
    pub fn new(inputs: &[PathBuf], mode: Mode, all_files: bool) -> Sources {
        let mut pending = VecDeque::new();
        let mut folders = Vec::new();
        for input in inputs {
            let name = input.display().to_string();
            if input.as_os_str() == "-" {
                pending.push_back(Source::Stdin);
            } else if input.is_dir() {
                let mut found = Vec::new();
                walk(input, &mut found);
                let wanted = |p: &PathBuf| match mode {
                    Mode::Threads => p.extension().is_some_and(|e| e == "json"),
                    Mode::Jsonl { .. } => {
                        p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
                    }
                    Mode::Plain => true,
                };
                let index = folders.len();
                let mut files = 0;
                for entry in found {
                    match entry {
                        Ok(p) if wanted(&p) => {
                            files += 1;
                            pending.push_back(Source::Found(p, index));
                        }
                        Ok(_) => {}
                        Err(e) => pending.push_back(Source::Unreadable(e)),
                    }
                }
                if files == 0 {
                    let what = match mode {
                        Mode::Threads => "no request threads (.json files) found",
                        Mode::Jsonl { .. } => "no JSON Lines files (.jsonl, .ndjson) found",
                        Mode::Plain => "no letters found (no files in it)",
                    };
                    pending.push_back(Source::Warning(format!("{name}: {what}")));
                }
                folders.push(Folder {
                    name,
                    remaining: files,
                    read: 0,
                    skipped: 0,
                });
            } else if input.exists() {
                pending.push_back(Source::File(input.clone()));
            } else {
                pending.push_back(Source::Unreadable(err(name, "no such file or directory")));
            }
        }
        let files = pending
            .iter()
            .filter(|s| matches!(s, Source::Stdin | Source::File(_) | Source::Found(..)))
            .count();
        Sources {
            pending,
            mode,
            all_files,
            folders,
            files,
            consumed: 0,
            skipped: 0,
            ready: VecDeque::new(),
            open: None,
        }
    }

    /// How many files (or stdin) the run reads.
    pub fn file_count(&self) -> usize {
        self.files
    }

    /// How many of them have been taken up so far.
    pub fn files_done(&self) -> usize {
        self.consumed
    }

    /// How many files found in folders were left out as not letters.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// True when everything has been read.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty() && self.ready.is_empty() && self.open.is_none()
    }

    /// Up to `n` letters, in input order, with the errors and warnings met while reading them.
    pub fn next_batch(&mut self, n: usize) -> Batch {
        let mut batch = Batch::default();
        while batch.letters.len() < n {
            if let Some(l) = self.ready.pop_front() {
                batch.letters.push(l);
                continue;
            }
            if self.open.is_some() {
                self.next_jsonl_line(&mut batch);
                continue;
            }
            let Some(source) = self.pending.pop_front() else {
                break;
            };
            let (name, folder) = match source {
                Source::Unreadable(e) => {
                    batch.errors.push(e);
                    continue;
                }
                Source::Warning(w) => {
                    batch.warnings.push(w);
                    continue;
                }
                Source::Stdin => ("<stdin>".to_string(), None),
                Source::File(ref p) => (p.display().to_string(), None),
                Source::Found(ref p, i) => (p.display().to_string(), Some(i)),
            };
            self.consumed += 1;
            let read = self.read_source(&source, name, folder.is_some(), &mut batch);
            if let Some(i) = folder {
                self.folder_done(i, read, &mut batch);
            }
        }
        batch
    }

    /// Reads one file (or standard input) into `batch`; false when it was left out as not a
    /// letter.
    fn read_source(
        &mut self,
        source: &Source,
        name: String,
        found: bool,
        batch: &mut Batch,
    ) -> bool {
        if let Mode::Jsonl { .. } = self.mode {
            let reader: Box<dyn BufRead> = match source {
                Source::File(p) | Source::Found(p, _) => match fs::File::open(p) {
                    Ok(f) => Box::new(BufReader::new(f)),
                    Err(e) => {
                        batch.errors.push(err(name, e.to_string()));
                        return true;
                    }
                },
                _ => Box::new(BufReader::new(io::stdin())),
            };
            self.open = Some((name, reader, 0, 0));
            return true;
        }
        let bytes = match source {
            Source::File(p) | Source::Found(p, _) => fs::read(p),
            _ => {
                let mut buf = Vec::new();
                io::stdin().read_to_end(&mut buf).map(|_| buf)
            }
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                batch.errors.push(err(name, e.to_string()));
                return true;
            }
        };
        match self.mode {
            Mode::Threads => self.read_thread(name, bytes, batch),
            _ => {
                let blank_bytes = std::str::from_utf8(&bytes)
                    .is_ok_and(|t| t.trim_start_matches('\u{feff}').trim().is_empty());
                if found
                    && !self.all_files
                    && !blank_bytes
                    && !looks_like_letter(&bytes, Some(&name))
                {
                    self.skipped += 1;
                    return false;
                }
                match read_document(&bytes, &name) {
                    Ok(doc) => {
                        batch.warnings.extend(blank(&name, &doc));
                        batch.letters.push(Letter {
                            id: name,
                            authority: None,
                            doc,
                        });
                    }
                    // The library's errors already name the file.
                    Err(e) => batch.errors.push(err_plain(e.to_string())),
                }
            }
        }
        true
    }

    /// The letters of a request-thread file.
    fn read_thread(&mut self, name: String, bytes: Vec<u8>, batch: &mut Batch) {
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                batch.errors.push(err(
                    name,
                    format!(
                        "not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                ));
                return;
            }
        };
        // A thread without authority messages (a request not answered yet) is usual in an
        // export, and not warned about.
        match thread_letters(&name, &text) {
            Ok(ls) => {
                for l in &ls {
                    batch.warnings.extend(blank(&l.id, &l.doc));
                }
                self.ready.extend(ls);
            }
            Err(e) => batch.errors.push(e),
        }
    }

    /// The next line of the JSON Lines file being read, into `batch`.
    fn next_jsonl_line(&mut self, batch: &mut Batch) {
        let Some((name, reader, line_no, count)) = self.open.as_mut() else {
            return;
        };
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) => {
                if *count == 0 {
                    batch
                        .warnings
                        .push(format!("{name}: empty: no letters in it"));
                }
                self.open = None;
            }
            Ok(_) => {
                *line_no += 1;
                if line.trim().is_empty() {
                    return;
                }
                let place = format!("{name}:{line_no}");
                *count += 1;
                match self.jsonl_letter(&place, &line) {
                    Ok(l) => {
                        batch.warnings.extend(blank(&l.id, &l.doc));
                        batch.letters.push(l);
                    }
                    Err(e) => batch.errors.push(e),
                }
            }
            Err(e) => {
                batch
                    .errors
                    .push(err(format!("{name}:{}", *line_no + 1), e.to_string()));
                self.open = None;
            }
        }
    }

    /// One more file of folder `i` taken up (`read`: not left out); a warning when it was the
    /// folder's last and none of its files was a letter.
    fn folder_done(&mut self, i: usize, read: bool, batch: &mut Batch) {
        let Some(folder) = self.folders.get_mut(i) else {
            return;
        };
        folder.remaining = folder.remaining.saturating_sub(1);
        if read {
            folder.read += 1;
        } else {
            folder.skipped += 1;
        }
        if folder.remaining == 0 && folder.read == 0 {
            batch.warnings.push(format!(
                "{}: no letters found ({}; --all-files to read them)",
                folder.name,
                not_letters(folder.skipped)
            ));
        }
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
