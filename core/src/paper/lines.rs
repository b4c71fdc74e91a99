//! HTML written a line at a time, so that a changed paper reads as a diff of the lines that
//! changed: each block element starts its own line, indented two spaces for each block it is
//! nested in, and ends on the line it starts on (a cell, a paragraph, a heading) or on a line of
//! its own (a block holding blocks). Whitespace only ever goes between blocks, where a browser
//! does not render it; inline content (text, spans, links) stays on its line untouched.

/// A page being written as indented lines, with the blocks that are open.
pub(super) struct Lines {
    /// The page so far.
    out: String,
    /// What ends each open block, innermost last.
    open: Vec<String>,
}

impl Lines {
    /// An empty page.
    pub(super) fn new() -> Self {
        Lines { out: String::new(), open: Vec::new() }
    }

    /// Writes `line` (a whole element, or markup that nests nothing) on its own line, indented
    /// for the blocks that are open.
    pub(super) fn line(&mut self, line: &str) {
        for _ in &self.open {
            self.out.push_str("  ");
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// Opens a block element with its start tag (`<tbody class="top">`) on its own line; what is
    /// written until [`close`](Self::close) is nested in it, and `close` writes its end tag.
    pub(super) fn open(&mut self, start_tag: &str) {
        let name = start_tag.trim_start_matches('<').split([' ', '>']).next().unwrap_or_default();
        let end = format!("</{name}>");
        self.open_with(start_tag, end);
    }

    /// Opens a block that `start` begins and `end` ends (such as a CSS `@media` rule).
    pub(super) fn open_with(&mut self, start: &str, end: String) {
        self.line(start);
        self.open.push(end);
    }

    /// Closes the innermost open block, its end on its own line.
    pub(super) fn close(&mut self) {
        if let Some(end) = self.open.pop() {
            self.line(&end);
        }
    }

    /// The page, with every block that is still open closed.
    pub(super) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn blocks_start_their_own_lines_indented_by_nesting() {
        let mut page = Lines::new();
        page.line("<!doctype html>");
        page.open("<table class=\"plan\">");
        page.open("<tbody class=\"top\">");
        page.open("<tr>");
        page.line("<td><span class=\"label\">a</span> Text</td>");
        page.close();
        page.close();
        page.open_with("@media print{", "}".to_owned());
        page.line("tr{break-inside:avoid}");
        page.close();
        page.open("<ul>");
        assert_eq!(
            page.finish(),
            "<!doctype html>\n<table class=\"plan\">\n  <tbody class=\"top\">\n    <tr>\n      \
             <td><span class=\"label\">a</span> Text</td>\n    </tr>\n  </tbody>\n  @media print{\n    \
             tr{break-inside:avoid}\n  }\n  <ul>\n  </ul>\n</table>\n"
        );
    }
}
