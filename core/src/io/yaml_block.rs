//! A fast scanner for the plain block style of YAML: the style `workplan` writes (unless a text
//! needs an escape), and the style generated plan files mostly use. It makes the same events, at
//! the same offsets, as `saphyr-parser`, about three times faster with its check pass
//! (BENCHMARKS.md), and it refuses (`None` from [`BlockEvents::check`]) anything outside its style,
//! which then goes to `saphyr-parser`.
//!
//! The style, line by line (printable characters and newlines only: no tabs, no carriage returns):
//!
//! - blank lines and comment lines, anywhere, and one `---` alone on its line before the content;
//! - `key:` and `key: value` in block mappings, `- value` and `- key: value` in block sequences
//!   (indented under their key, or at the key's own indent; one or more spaces after the `-`);
//! - a value is a plain scalar on one line, a quoted scalar on one line without escapes (`\` in
//!   double quotes, `''` in single quotes), or a flow mapping or sequence on one line whose values
//!   are simple plain scalars (ASCII letters, digits, `_-.+/`, inner spaces), such quoted scalars
//!   and flow collections, with `key: value` entries; a comment may follow;
//! - a key is a simple plain scalar (ASCII letters, digits and `_-./+$()` and inner spaces) or a
//!   quoted scalar on one line without escapes, followed by `:` and a space or the line's end.
//!
//! Anything else (other document markers, directives, anchors, aliases, tags, block scalars,
//! multi-line scalars, explicit keys, nesting deeper than [`MAX_DEPTH`], a document
//! that is not a mapping or a sequence) is refused, as is any text that would be a syntax error.
//! The two scanners are checked against each other on every YAML file of the repository, on
//! random documents (`core/tests/yaml_block.rs`) and by the `yaml_block` fuzz target.

use std::borrow::Cow;
use std::collections::VecDeque;

use saphyr_parser::{Event, ScalarStyle};

/// The deepest nesting the scanner takes; deeper documents go to `saphyr-parser`, which knows its
/// own limits.
pub(crate) const MAX_DEPTH: usize = 64;

/// Why the scanner gave up: the text is outside its style (it may still be valid YAML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OutsideStyle;

/// An open block collection.
#[derive(Debug, Clone, Copy)]
struct Block {
    indent: usize,
    kind: Kind,
}

/// What an open block collection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Map,
    /// A sequence; `indentless` when its `-` are at the indent of the key that holds it.
    Seq {
        indentless: bool,
    },
}

/// What the last line left open.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Nothing,
    /// A `key:` with nothing after it: the next line decides its value. `colon` is the offset of
    /// its `:`, where an empty value is placed.
    Value {
        indent: usize,
        colon: usize,
    },
    /// A scalar or flow collection ended the line: no line may follow it at a deeper indent (that
    /// would continue the scalar, or be an error).
    Scalar,
}

/// The events of a document in the block style, with the byte offset at which each starts: the
/// offset `saphyr-parser` gives for the same event.
pub(crate) struct BlockEvents<'a> {
    text: &'a str,
    /// Offset of the next line to read.
    next_line: usize,
    blocks: Vec<Block>,
    pending: Pending,
    queue: VecDeque<(Event<'a>, usize)>,
    /// Whether the document has started: at its first content, or at a `---` before it.
    document_started: bool,
    finished: bool,
    failed: bool,
}

impl<'a> BlockEvents<'a> {
    /// The scanner over `text`, or `None` when a glance at the text shows it is outside the style
    /// (a tab, a carriage return or another character YAML does not print as it is).
    pub(crate) fn check(text: &'a str) -> Option<BlockEvents<'a>> {
        if !is_printable(text) {
            return None;
        }
        let scanner = || BlockEvents {
            text,
            next_line: 0,
            blocks: Vec::new(),
            pending: Pending::Nothing,
            queue: VecDeque::from([(Event::StreamStart, 0)]),
            document_started: false,
            finished: false,
            failed: false,
        };
        // One pass to see that every line is in the style, so that a document refused at its end
        // costs a scan, not a tree.
        scanner().all(|step| step.is_ok()).then(scanner)
    }

    /// Queues an event that starts at `offset`.
    fn emit(&mut self, event: Event<'a>, offset: usize) {
        self.queue.push_back((event, offset));
    }

    /// Queues a scalar, borrowed from the text.
    fn scalar(&mut self, text: &'a str, style: ScalarStyle, offset: usize) {
        self.emit(Event::Scalar(Cow::Borrowed(text), style, 0, None), offset);
    }

    /// Closes the innermost open collection; its end event is at `offset`.
    fn close(&mut self, offset: usize) {
        if let Some(block) = self.blocks.pop() {
            let end = if block.kind == Kind::Map { Event::MappingEnd } else { Event::SequenceEnd };
            self.emit(end, offset);
        }
    }

    /// Opens a block collection that starts at `offset`, unless that nests too deep.
    fn open(&mut self, block: Block, offset: usize) -> Result<(), OutsideStyle> {
        if self.blocks.len() >= MAX_DEPTH {
            return Err(OutsideStyle);
        }
        let start = if block.kind == Kind::Map { Event::MappingStart(0, None) } else { Event::SequenceStart(0, None) };
        self.emit(start, offset);
        self.blocks.push(block);
        Ok(())
    }

    /// Reads lines until some events are queued, or the text ends.
    fn advance(&mut self) -> Result<(), OutsideStyle> {
        while self.queue.is_empty() {
            let text = self.text;
            if self.next_line >= text.len() {
                return self.finish();
            }
            let start = self.next_line;
            let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |at| start + at);
            self.next_line = end + 1;
            let line = &text[start..end];
            let content = line.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if line.starts_with("---") || line.starts_with("...") {
                // One `---` alone on its line may start the document; any other marker is
                // outside the style.
                if line == "---" && !self.document_started {
                    self.document_started = true;
                    self.emit(Event::DocumentStart(true), start);
                    continue;
                }
                return Err(OutsideStyle);
            }
            self.line(start, line.len() - content.len(), content)?;
        }
        Ok(())
    }

    /// The end of the text: the last empty value, then every open collection is closed.
    fn finish(&mut self) -> Result<(), OutsideStyle> {
        if self.finished {
            return Ok(());
        }
        self.finished = true;
        let end = self.text.len();
        match self.pending {
            Pending::Value { colon, .. } => self.scalar("", ScalarStyle::Plain, colon),
            Pending::Nothing if self.blocks.is_empty() => return Err(OutsideStyle),
            Pending::Nothing | Pending::Scalar => {}
        }
        while !self.blocks.is_empty() {
            self.close(end);
        }
        self.emit(Event::DocumentEnd, end);
        self.emit(Event::StreamEnd, end);
        Ok(())
    }

    /// One line with content: `start` is its offset, `indent` its leading spaces.
    fn line(&mut self, start: usize, indent: usize, content: &'a str) -> Result<(), OutsideStyle> {
        let at = start + indent;
        let entry = content.starts_with("- ");
        // Where a sequence entry's value starts: after the `-` and the spaces that follow it.
        let value_column = if entry { 1 + content[1..].len() - content[1..].trim_start_matches(' ').len() } else { 0 };
        // The kind of a collection this line opens at its indent.
        let kind = if entry { Kind::Seq { indentless: false } } else { Kind::Map };
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Value { indent: key_indent, colon } => {
                if indent > key_indent {
                    self.open(Block { indent, kind }, at)?;
                } else if indent == key_indent && entry {
                    // A sequence at its key's indent starts at its first entry's value.
                    self.open(Block { indent, kind: Kind::Seq { indentless: true } }, at + value_column)?;
                } else {
                    self.scalar("", ScalarStyle::Plain, colon);
                }
            }
            Pending::Scalar if self.blocks.last().is_some_and(|top| indent > top.indent) => return Err(OutsideStyle),
            Pending::Nothing if self.blocks.is_empty() => {
                if indent > 0 {
                    return Err(OutsideStyle);
                }
                if !self.document_started {
                    self.document_started = true;
                    self.emit(Event::DocumentStart(false), at);
                }
                self.open(Block { indent, kind }, at)?;
            }
            Pending::Nothing | Pending::Scalar => {}
        }
        // Close what this line's indent ends.
        while let Some(top) = self.blocks.last().copied() {
            let ends_indentless = top.kind == (Kind::Seq { indentless: true }) && top.indent == indent && !entry;
            if top.indent > indent || ends_indentless {
                self.close(at);
            } else {
                break;
            }
        }
        let Some(top) = self.blocks.last().copied() else { return Err(OutsideStyle) };
        if top.indent != indent {
            return Err(OutsideStyle);
        }
        match top.kind {
            Kind::Map => self.map_entry(indent, at, content),
            Kind::Seq { .. } => {
                if !entry || value_column >= content.len() {
                    return Err(OutsideStyle);
                }
                let rest = &content[value_column..];
                let at = at + value_column;
                if starts_an_entry(rest) {
                    self.open(Block { indent: indent + value_column, kind: Kind::Map }, at)?;
                    self.map_entry(indent + value_column, at, rest)
                } else {
                    self.value(at, rest)
                }
            }
        }
    }

    /// `key:` or `key: value` of the mapping at `indent`; `at` is the offset of `content`.
    fn map_entry(&mut self, indent: usize, at: usize, content: &'a str) -> Result<(), OutsideStyle> {
        let colon = match content.as_bytes().first() {
            Some(b'"' | b'\'') => {
                let end = self.quoted(at, content, 0)?;
                let followed = content[end..].strip_prefix(':').ok_or(OutsideStyle)?;
                if !(followed.is_empty() || followed.starts_with(' ')) || end > MAX_KEY_LENGTH {
                    return Err(OutsideStyle);
                }
                end
            }
            _ => {
                let colon = key_end(content).ok_or(OutsideStyle)?;
                let key = &content[..colon];
                if !is_simple_key(key) {
                    return Err(OutsideStyle);
                }
                self.scalar(key, ScalarStyle::Plain, at);
                colon
            }
        };
        let after = &content[colon + 1..];
        let value = after.trim_start_matches(' ');
        if value.is_empty() || value.starts_with('#') {
            self.pending = Pending::Value { indent, colon: at + colon };
            return Ok(());
        }
        self.value(at + content.len() - value.len(), value)
    }

    /// A value on the rest of a line, at offset `at`.
    fn value(&mut self, at: usize, content: &'a str) -> Result<(), OutsideStyle> {
        self.pending = Pending::Scalar;
        let end = match content.as_bytes()[0] {
            b'"' | b'\'' => self.quoted(at, content, 0)?,
            b'{' | b'[' => self.flow(at, content, 0, 1)?,
            _ => {
                let end = plain_end(content).ok_or(OutsideStyle)?;
                self.scalar(&content[..end], ScalarStyle::Plain, at);
                end
            }
        };
        let rest = &content[end..];
        let trailing = rest.trim_start_matches(' ');
        let comment = trailing.starts_with('#') && trailing.len() < rest.len();
        if trailing.is_empty() || comment {
            Ok(())
        } else {
            Err(OutsideStyle)
        }
    }

    /// A quoted scalar without escapes at `line[i]` (`line` is at offset `at`); gives the index
    /// after its closing quote.
    fn quoted(&mut self, at: usize, line: &'a str, i: usize) -> Result<usize, OutsideStyle> {
        let quote = line.as_bytes()[i];
        let inner = &line[i + 1..];
        let close = memchr::memchr(quote, inner.as_bytes()).ok_or(OutsideStyle)?;
        let text = &inner[..close];
        let end = i + 1 + close + 1;
        let doubled = line.as_bytes().get(end) == Some(&quote);
        if quote == b'"' && text.contains('\\') || doubled {
            return Err(OutsideStyle);
        }
        let style = if quote == b'"' { ScalarStyle::DoubleQuoted } else { ScalarStyle::SingleQuoted };
        self.scalar(text, style, at + i);
        Ok(end)
    }

    /// A flow mapping or sequence on one line at `line[i]` (`line` is at offset `at`), of simple
    /// plain scalars, quoted scalars and flow collections (`depth` of them, this one included);
    /// gives the index after it.
    fn flow(&mut self, at: usize, line: &'a str, mut i: usize, depth: usize) -> Result<usize, OutsideStyle> {
        if self.blocks.len() + depth > MAX_DEPTH {
            return Err(OutsideStyle);
        }
        let bytes = line.as_bytes();
        let map = bytes[i] == b'{';
        let close = if map { b'}' } else { b']' };
        self.emit(if map { Event::MappingStart(0, None) } else { Event::SequenceStart(0, None) }, at + i);
        i = skip_spaces(bytes, i + 1);
        if bytes.get(i) != Some(&close) {
            loop {
                if map {
                    let (end, trimmed) = flow_plain(bytes, i).ok_or(OutsideStyle)?;
                    if end != trimmed || !bytes[end..].starts_with(b": ") {
                        return Err(OutsideStyle);
                    }
                    self.scalar(&line[i..end], ScalarStyle::Plain, at + i);
                    i = skip_spaces(bytes, end + 2);
                }
                i = match bytes.get(i) {
                    Some(b'{' | b'[') => self.flow(at, line, i, depth + 1)?,
                    Some(b'"' | b'\'') => self.quoted(at, line, i)?,
                    _ => {
                        let (_, trimmed) = flow_plain(bytes, i).ok_or(OutsideStyle)?;
                        self.scalar(&line[i..trimmed], ScalarStyle::Plain, at + i);
                        trimmed
                    }
                };
                i = skip_spaces(bytes, i);
                match bytes.get(i) {
                    Some(b',') => i = skip_spaces(bytes, i + 1),
                    Some(&b) if b == close => break,
                    _ => return Err(OutsideStyle),
                }
                if bytes.get(i) == Some(&close) {
                    // A trailing comma.
                    return Err(OutsideStyle);
                }
            }
        }
        self.emit(if map { Event::MappingEnd } else { Event::SequenceEnd }, at + i);
        Ok(i + 1)
    }
}

impl<'a> Iterator for BlockEvents<'a> {
    type Item = Result<(Event<'a>, usize), OutsideStyle>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        if self.queue.is_empty() {
            if let Err(outside) = self.advance() {
                self.failed = true;
                return Some(Err(outside));
            }
        }
        self.queue.pop_front().map(Ok)
    }
}

/// Where the key of a `key:` or `key: value` line ends (the offset of its `:`), if the line is
/// one: the first `:` followed by a space or the end of the line, before any comment.
fn key_end(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return Some(i),
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            _ => {}
        }
    }
    None
}

/// The longest quoted key the scanner takes, quotes included (YAML limits an implicit key to 1024
/// characters; longer ones go to `saphyr-parser`, which knows the rule).
const MAX_KEY_LENGTH: usize = 1000;

/// Whether the text after a sequence entry's `-` begins a `key: value` entry (a plain key, or a
/// quoted one followed by `:`), rather than being a value.
fn starts_an_entry(rest: &str) -> bool {
    match rest.as_bytes()[0] {
        b'{' | b'[' => false,
        quote @ (b'"' | b'\'') => memchr::memchr(quote, &rest.as_bytes()[1..])
            .is_some_and(|close| rest.as_bytes().get(close + 2) == Some(&b':')),
        _ => key_end(rest).is_some(),
    }
}

/// A key the scanner takes: a plain scalar of letters, digits, `_-./+$()` and inner spaces,
/// starting with a letter, a digit or `_`.
fn is_simple_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    bytes.first().is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        && !key.ends_with(' ')
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || b"_-./+$() ".contains(b))
}

/// The index after the first non-space at or after `i`.
fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// A simple plain scalar inside a flow collection at `bytes[i]`: ASCII letters, digits, `_-.+/`
/// and inner spaces, starting with a letter, a digit, or `-`/`.`/`+` before one, each later word
/// with a letter or a digit. Gives where its
/// characters end and where it ends without trailing spaces.
fn flow_plain(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let starts_well = match &bytes[i..] {
        [first, ..] if first.is_ascii_alphanumeric() => true,
        [b'-' | b'.' | b'+', second, ..] => second.is_ascii_alphanumeric(),
        _ => false,
    };
    if !starts_well {
        return None;
    }
    let length = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric() || b"_-.+/ ".contains(b)).count();
    let end = i + length;
    let trimmed = i + bytes[i..end].iter().rposition(|b| *b != b' ').map_or(0, |last| last + 1);
    // Every later word starts with a letter or a digit too: `saphyr-parser` refuses a word that
    // starts with `-` before a flow indicator (`{a: 1 -, b: 2}`).
    let words_start_well =
        bytes[i..trimmed].windows(2).all(|pair| pair[0] != b' ' || pair[1] == b' ' || pair[1].is_ascii_alphanumeric());
    words_start_well.then_some((end, trimmed))
}

/// Where a plain scalar value at the start of `content` ends (before trailing spaces and any
/// comment), if it is one the scanner takes: it does not start with an indicator, and holds no
/// `: ` and does not end with `:` (which would make it a key, or an error).
fn plain_end(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let first = *bytes.first()?;
    let indicator = b"-?:,[]{}#&*!|>'\"%@`".contains(&first);
    if indicator && !(first == b'-' && bytes.get(1).is_some_and(|b| *b != b' ')) {
        return None;
    }
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'#' if bytes[i - 1] == b' ' => {
                end = i;
                break;
            }
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return None,
            _ => {}
        }
    }
    Some(content[..end].trim_end_matches(' ').len())
}

/// Whether the text holds only newlines and characters YAML prints as they are: no tabs, carriage
/// returns or other control characters, no byte-order mark or Unicode line separators, and
/// nothing YAML calls non-printable.
fn is_printable(text: &str) -> bool {
    if text.is_ascii() {
        return text.bytes().all(|b| (b' '..=b'~').contains(&b) || b == b'\n');
    }
    text.chars().all(|c| match c {
        '\n' | ' '..='~' => true,
        '\u{a0}'..='\u{d7ff}' => !matches!(c, '\u{2028}' | '\u{2029}'),
        '\u{e000}'..='\u{fffd}' => c != '\u{feff}',
        c => c >= '\u{10000}',
    })
}
