//! `workplan report --format arrow|parquet -o FILE`: the rollup rows as one Arrow record batch
//! (`Rollup::to_record_batch`, the columns of docs/rollup.md), written as an Arrow IPC file or as
//! Parquet (snappy).

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::process::ExitCode;

use workplan::Rollup;

/// The binary file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    /// The Arrow IPC file format (Feather v2).
    Arrow,
    /// Parquet, snappy-compressed.
    Parquet,
}

/// Writes the rows of `rollup` to `path`; an error is printed and gives exit code 1.
pub fn write(rollup: &Rollup, format: Binary, path: &Path) -> ExitCode {
    let batch = rollup.to_record_batch();
    let written = File::create(path).map_err(|e| e.to_string()).and_then(|file| {
        let out = BufWriter::new(file);
        match format {
            Binary::Arrow => {
                let mut writer =
                    arrow_ipc::writer::FileWriter::try_new(out, &batch.schema()).map_err(|e| e.to_string())?;
                writer.write(&batch).map_err(|e| e.to_string())?;
                writer.finish().map_err(|e| e.to_string())
            }
            Binary::Parquet => {
                let properties = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .build();
                let mut writer = parquet::arrow::ArrowWriter::try_new(out, batch.schema(), Some(properties))
                    .map_err(|e| e.to_string())?;
                writer.write(&batch).map_err(|e| e.to_string())?;
                writer.close().map(|_| ()).map_err(|e| e.to_string())
            }
        }
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}: {error}", path.display());
            ExitCode::FAILURE
        }
    }
}
