//! Why a paper's text gives no draft (docs/import.md, "When nothing is read").

/// The import read no item from the text: neither numbered headings nor headed lists were found.
/// A draft with no items would load and validate, and say nothing: so it is an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// No item was read from the text.
    #[error(
        "no items read from the paper's {lines} lines: the importer found neither numbered headings \
         (`1.`, `1`, `a.`) nor headings with bullet lists (docs/import.md lists the shapes it reads)"
    )]
    NothingRead {
        /// The lines in the text.
        lines: usize,
    },
}

impl ImportError {
    /// A stable code: `paper_nothing_read`.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::NothingRead { .. } => "paper_nothing_read",
        }
    }
}
