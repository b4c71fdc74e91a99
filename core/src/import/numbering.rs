//! The labels a line starts with: `1.` (a portfolio heading), `1` (a priority), `a.` (an output),
//! `i.` (a point of an output), `(a)`, a lost letter (`. Agreement ...`), bullets (as the PDF text
//! renders them: `e`, `¢`, `o`, `®`, `•`, `−`), and the word "Outputs" (docs/import.md).

/// What a line of the outline starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// `1.` or `1. Title`: a top-level heading (a portfolio).
    Heading(u32),
    /// `1` or `1 Title` (no dot): a second-level heading (a priority).
    Number(u32),
    /// `a.`, `(a)` or `a)`: a lettered item.
    Letter(char),
    /// `ii.` or `(ii)`: a roman-numbered point (`i.`, `v.` and `x.` are read as letters here; the
    /// outline decides).
    Roman(String),
    /// `. Text`: a label whose letter the text lost.
    LostLetter,
    /// A bullet character followed by a space.
    Bullet(String),
    /// The word "Outputs" (with or without a colon) on its own line.
    Outputs,
}

/// Characters the PDF text shows for bullets.
const BULLETS: [&str; 7] = ["e", "o", "¢", "®", "•", "−", "▪"];

/// A roman numeral from i to xx, lower case.
pub fn roman_value(text: &str) -> Option<u32> {
    const ROMANS: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
        "xviii", "xix", "xx",
    ];
    ROMANS.iter().position(|r| *r == text).map(|p| p as u32 + 1)
}

/// The letter after `letter` (`a` -> `b`), `None` after `z`.
pub fn next_letter(letter: char) -> Option<char> {
    if letter.is_ascii_lowercase() && letter != 'z' {
        Some((letter as u8 + 1) as char)
    } else {
        None
    }
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c == '“' || c == '"' || c == '‘')
}

/// Reads the marker a trimmed line starts with and the text after it (trimmed), or `None` when the
/// line is plain text.
pub fn read(line: &str) -> Option<(Marker, &str)> {
    let t = line.trim();
    let bare = t.trim_end_matches(':');
    if bare == "Outputs" || bare == "Output" {
        return Some((Marker::Outputs, ""));
    }
    if let Some(rest) = t.strip_prefix(". ") {
        return Some((Marker::LostLetter, rest.trim()));
    }
    // Numbers: `1.` heading, `1` priority; the title (if any) starts with a capital.
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let value: u32 = digits.parse().unwrap_or(0);
        let after = &t[digits.len()..];
        if after.is_empty() {
            return Some((Marker::Number(value), ""));
        }
        if after == "." {
            return Some((Marker::Heading(value), ""));
        }
        if let Some(rest) = after.strip_prefix(". ") {
            let rest = rest.trim();
            if starts_upper(rest) {
                return Some((Marker::Heading(value), rest));
            }
        }
        if after.starts_with(char::is_whitespace) {
            let rest = after.trim();
            if starts_upper(rest) {
                return Some((Marker::Number(value), rest));
            }
        }
        return None;
    }
    // Letters and romans: `a.`, `(a)`, `a)`, `ii.`.
    let (inner, rest) = if let Some(open) = t.strip_prefix('(') {
        match open.find(')') {
            Some(close) => (&open[..close], &open[close + 1..]),
            None => return bullet(t),
        }
    } else {
        match t.find(['.', ')']) {
            Some(end) => (&t[..end], &t[end + 1..]),
            None => return bullet(t),
        }
    };
    let is_label = !inner.is_empty()
        && inner.len() <= 5
        && inner.chars().all(|c| c.is_ascii_lowercase())
        && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    if is_label {
        let rest = rest.trim();
        if inner.len() == 1 {
            return Some((Marker::Letter(inner.chars().next().unwrap_or('a')), rest));
        }
        if roman_value(inner).is_some() {
            return Some((Marker::Roman(inner.to_string()), rest));
        }
    }
    bullet(t)
}

fn bullet(t: &str) -> Option<(Marker, &str)> {
    for mark in BULLETS {
        if t == mark {
            return Some((Marker::Bullet(mark.to_string()), ""));
        }
        if let Some(rest) = t.strip_prefix(mark) {
            if rest.starts_with(char::is_whitespace) {
                let rest = rest.trim();
                // A word such as "e.g." or "o'clock" is not a bullet; a bullet's text starts with
                // a capital (or a letter, for the typographic bullets).
                if starts_upper(rest) || !mark.is_ascii() {
                    return Some((Marker::Bullet(mark.to_string()), rest));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read() {
        assert_eq!(read("1. Finance"), Some((Marker::Heading(1), "Finance")));
        assert_eq!(read("5."), Some((Marker::Heading(5), "")));
        assert_eq!(read("1"), Some((Marker::Number(1), "")));
        assert_eq!(read("2 Supporting the case"), Some((Marker::Number(2), "Supporting the case")));
        assert_eq!(read("2, Euston redevelopment"), None);
        assert_eq!(read("2020 that influence"), None);
        assert_eq!(read("1.2 million"), None);
        assert_eq!(read("a."), Some((Marker::Letter('a'), "")));
        assert_eq!(read("f.  Regular pipeline"), Some((Marker::Letter('f'), "Regular pipeline")));
        assert_eq!(read("(b) Text"), Some((Marker::Letter('b'), "Text")));
        assert_eq!(read("iii.  stable"), Some((Marker::Roman("iii".into()), "stable")));
        assert_eq!(read(". Agreement at"), Some((Marker::LostLetter, "Agreement at")));
        assert_eq!(read("e Use feedback"), Some((Marker::Bullet("e".into()), "Use feedback")));
        assert_eq!(read("¢ New models"), Some((Marker::Bullet("¢".into()), "New models")));
        assert_eq!(read("o"), Some((Marker::Bullet("o".into()), "")));
        assert_eq!(read("Outputs:"), Some((Marker::Outputs, "")));
        assert_eq!(read("of staff in the sector"), None);
        assert_eq!(read("e.g. schools"), None);
        assert_eq!(read("“permissive” taxes"), None);
        assert_eq!(read("é"), None);
    }

    #[test]
    fn letters_and_romans_count() {
        assert_eq!(next_letter('a'), Some('b'));
        assert_eq!(next_letter('z'), None);
        assert_eq!(roman_value("iv"), Some(4));
    }
}
