//! Fuzzing: the cargo-fuzz targets of fuzz/ for a while each (scripts/fuzz), on the nightly
//! toolchain that cargo-fuzz needs.

use crate::run::{probe, run, step, Context, Failure, Outcome};

/// How long each target runs when no time is given, in seconds.
const DEFAULT_SECONDS: u64 = 60;

/// `fuzz [SECONDS] [TARGET...]`: runs the targets named (all when none) for SECONDS each.
pub fn fuzz(ctx: &mut Context, args: &[String]) -> Outcome {
    let (seconds, targets) = seconds_and_targets(args);
    let mut rustup = ctx.command("rustup");
    rustup.env_remove("RUSTUP_TOOLCHAIN").args(["toolchain", "list"]);
    if !probe(&mut rustup).unwrap_or_default().lines().any(|line| line.starts_with("nightly")) {
        return Err(Failure::new(
            "the fuzz targets need a nightly toolchain: rustup toolchain install nightly --profile minimal",
        ));
    }
    step(&format!("fuzzing for {seconds} s per target (scripts/fuzz)"));
    run(ctx, ctx.script("scripts/fuzz").arg(seconds.to_string()).args(targets))
}

/// The seconds (the first argument, when it is a number) and the targets (the rest).
fn seconds_and_targets(args: &[String]) -> (u64, &[String]) {
    match args.split_first() {
        Some((first, rest)) => match first.parse() {
            Ok(seconds) => (seconds, rest),
            Err(_) => (DEFAULT_SECONDS, args),
        },
        None => (DEFAULT_SECONDS, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_come_first_and_are_optional() {
        let args = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(seconds_and_targets(&args(&[])), (60, &[][..]));
        assert_eq!(seconds_and_targets(&args(&["600"])), (600, &[][..]));
        let named = args(&["600", "load_json", "diff"]);
        assert_eq!(seconds_and_targets(&named), (600, &named[1..]));
        let only_targets = args(&["load_yaml"]);
        assert_eq!(seconds_and_targets(&only_targets), (60, &only_targets[..]));
    }
}
