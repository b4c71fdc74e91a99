//! A document as read, below the model: its [`Format`], where a value is in it ([`Pointer`],
//! [`Position`], [`Location`]), the text it was read from ([`Source`], kept for positions), what
//! went wrong reading it ([`LoadError`]) and what reading noted ([`ReadNotes`]). The model keeps
//! these beside its values; the readers and writers are in [`crate::io`].

mod error;
mod format;
mod location;
mod notes;
mod source;

pub use error::LoadError;
pub(crate) use format::without_bom;
pub use format::Format;
pub use location::{cell_name, Location, PathSegment, Pointer, Position};
pub(crate) use location::{position_at, positions_at};
pub use notes::{PercentScale, ReadNote, ReadNotes, SetAside};
pub(crate) use source::{CellMap, Source};
