//! A portfolio's tables as Arrow record batches (features `portfolio` and `arrow`): the column
//! `plan` first, then the columns of the one-plan tables (docs/portfolio.md#the-tables).
//!
//! The one-plan tables encode `level` (rows) and `code` (findings) as dictionaries of the values
//! present; each plan has its own, so in a portfolio's tables they are plain text (`Utf8`), with the
//! same values. Every other column has the type of the one-plan table.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use super::{ItemLink, PlanRollup, PortfolioRollup};
use crate::columnar::{adoption_schema, excluded_schema, report_schema, row_schema};
use crate::model::LinkRel;

/// The columns whose vocabulary is each plan's own: text in a portfolio's tables.
const PER_PLAN_WORDS: &[&str] = &["level", "code"];

/// A table of a portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PortfolioTable {
    /// One row per item of every plan: `plan`, then the columns of [`row_schema`].
    Rows,
    /// The adoption matrices: `plan`, then the columns of [`adoption_schema`].
    Cells,
    /// The validation findings: `plan`, then the columns of [`report_schema`].
    Findings,
    /// The denominator audits: `plan`, then the columns of [`excluded_schema`].
    Excluded,
    /// The links of every item: `plan`, `item`, `to_plan`, `to_item`, `rel` (dictionary:
    /// `delivers`, `supports`, `relates`), what joins the plans' rows to each other.
    Links,
}

impl PortfolioTable {
    /// Every table, rows first.
    pub const ALL: [PortfolioTable; 5] = [
        PortfolioTable::Rows,
        PortfolioTable::Cells,
        PortfolioTable::Findings,
        PortfolioTable::Excluded,
        PortfolioTable::Links,
    ];

    /// What the command line adds to the rows file's name for this table's file: nothing,
    /// `-cells`, `-findings`, `-excluded`, `-links`.
    pub fn suffix(self) -> &'static str {
        match self {
            PortfolioTable::Rows => "",
            PortfolioTable::Cells => "-cells",
            PortfolioTable::Findings => "-findings",
            PortfolioTable::Excluded => "-excluded",
            PortfolioTable::Links => "-links",
        }
    }

    /// The table's name: `rows`, `cells`, `findings`, `excluded`, `links`.
    pub fn name(self) -> &'static str {
        match self {
            PortfolioTable::Rows => "rows",
            PortfolioTable::Cells => "cells",
            PortfolioTable::Findings => "findings",
            PortfolioTable::Excluded => "excluded",
            PortfolioTable::Links => "links",
        }
    }

    /// The table of this name.
    pub fn from_name(name: &str) -> Option<PortfolioTable> {
        PortfolioTable::ALL.into_iter().find(|table| table.name() == name)
    }

    /// The one-plan schema this table extends.
    fn plan_schema(self) -> SchemaRef {
        match self {
            PortfolioTable::Rows => row_schema(),
            PortfolioTable::Cells => adoption_schema(),
            PortfolioTable::Findings => report_schema(),
            PortfolioTable::Excluded => excluded_schema(),
            PortfolioTable::Links => links_schema(),
        }
    }

    /// The table's schema: `plan` (`Utf8`), then the one-plan table's fields (`level` and `code`
    /// as `Utf8`).
    pub fn schema(self) -> SchemaRef {
        let mut fields = vec![Arc::new(Field::new("plan", DataType::Utf8, false))];
        for field in self.plan_schema().fields() {
            if PER_PLAN_WORDS.contains(&field.name().as_str()) {
                fields.push(Arc::new(Field::new(field.name(), DataType::Utf8, field.is_nullable())));
            } else {
                fields.push(field.clone());
            }
        }
        Arc::new(Schema::new(fields))
    }
}

impl PlanRollup {
    /// This plan's part of a portfolio table (schema: [`PortfolioTable::schema`]).
    pub fn record_batch(&self, table: PortfolioTable) -> RecordBatch {
        let batch = match table {
            PortfolioTable::Rows => self.rollup.to_record_batch(),
            PortfolioTable::Cells => self.rollup.adoption_record_batch(),
            PortfolioTable::Findings => self.findings.to_record_batch(),
            PortfolioTable::Excluded => self.rollup.excluded_record_batch(),
            PortfolioTable::Links => self.links_record_batch(),
        };
        let plan: ArrayRef = Arc::new(StringArray::from_iter_values(std::iter::repeat_n(&self.plan, batch.num_rows())));
        let mut columns = vec![plan];
        for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
            if PER_PLAN_WORDS.contains(&field.name().as_str()) {
                columns.push(as_text(column));
            } else {
                columns.push(column.clone());
            }
        }
        RecordBatch::try_new(table.schema(), columns).expect("workplan builds every column to its schema")
    }
}

impl PlanRollup {
    /// The plan's links, without the `plan` column.
    fn links_record_batch(&self) -> RecordBatch {
        let links = &self.links;
        let texts = |f: fn(&ItemLink) -> &str| -> ArrayRef {
            Arc::new(links.iter().map(|link| Some(f(link))).collect::<StringArray>())
        };
        let keys: Int32Array = links
            .iter()
            .map(|link| RELATIONS.iter().position(|(rel, _)| *rel == link.rel).and_then(|i| i32::try_from(i).ok()))
            .collect();
        let words = StringArray::from_iter_values(RELATIONS.iter().map(|(_, word)| *word));
        let rel: ArrayRef = Arc::new(
            DictionaryArray::<Int32Type>::try_new(keys, Arc::new(words)).expect("every key is a position in RELATIONS"),
        );
        let columns = vec![texts(|l| &l.item), texts(|l| &l.to_plan), texts(|l| &l.to_item), rel];
        RecordBatch::try_new(links_schema(), columns).expect("workplan builds every column to its schema")
    }
}

/// The relations of links, in the order of docs/format.md#links.
const RELATIONS: &[(LinkRel, &str)] =
    &[(LinkRel::Delivers, "delivers"), (LinkRel::Supports, "supports"), (LinkRel::Relates, "relates")];

/// The schema of a plan's links (the links table without `plan`).
fn links_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("item", DataType::Utf8, false),
        Field::new("to_plan", DataType::Utf8, false),
        Field::new("to_item", DataType::Utf8, false),
        Field::new("rel", DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)), false),
    ]))
}

impl PortfolioRollup {
    /// A portfolio table as one record batch per plan, in the portfolio's order (schema:
    /// [`PortfolioTable::schema`]).
    pub fn record_batches(&self, table: PortfolioTable) -> Vec<RecordBatch> {
        self.plans.iter().map(|plan| plan.record_batch(table)).collect()
    }
}

/// A `Dictionary(Int32, Utf8)` column as `Utf8` with the same values.
fn as_text(column: &ArrayRef) -> ArrayRef {
    let words = column.as_dictionary::<Int32Type>();
    let values = words.downcast_dict::<StringArray>().expect("the per-plan vocabularies are dictionaries of text");
    Arc::new(values.into_iter().collect::<StringArray>())
}
