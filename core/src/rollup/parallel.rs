//! Threads for the batch rollup where the build has them (native builds, through rayon): the
//! two states of a rollup (at `as_of` and at the trend's date) take in the returns and compute
//! every node independently, and the tree's nodes, the rows and the adoption matrix are built on
//! every thread. The results are those of one thread. In the wasm everything runs on the one
//! thread.
//!
//! [`RollupEngine::new`](super::RollupEngine::new) uses threads for a plan with many returns
//! ([`Threads::for_returns`]): it is the fast route.
//! [`RollupEngine::from_owned`](super::RollupEngine::from_owned) does not: it exists for the
//! lowest peak of memory, and on other threads the rows would be made from fresh memory rather
//! than from the memory of the returns it has just let go of (`workplan report` on a 125 MB plan
//! peaked at 3.3x the file with threads, 2.9x without; BENCHMARKS.md, "Rust at scale").

/// Whether a rollup may use more than the calling thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Threads {
    /// Every thread the build has.
    All,
    /// The calling thread only.
    One,
}

/// The returns from which a rollup uses threads: below it, handing work to a second thread costs
/// more than it saves (`profile_rollup`, least of 9: 1,111 items and 10,000 returns 2.4 ms on one
/// thread, 3.8 ms on two; 9,999 items and 90,210 returns 36.9 ms on one, 23.4 ms on two).
const MANY_RETURNS: usize = 20_000;

impl Threads {
    /// Every thread for a rollup of `returns` returns or more ([`MANY_RETURNS`]), else one.
    pub fn for_returns(returns: usize) -> Threads {
        if returns >= MANY_RETURNS {
            Threads::All
        } else {
            Threads::One
        }
    }

    /// Runs `a` and `b`, at once when threads are allowed, and returns both results.
    pub fn join<A: Send, B: Send>(self, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Threads::All {
            return rayon::join(a, b);
        }
        (a(), b())
    }

    /// `f(0), f(1), ... f(count - 1)`, in that order.
    pub fn map<T: Send>(self, count: usize, f: impl Fn(usize) -> T + Send + Sync) -> Vec<T> {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Threads::All {
            use rayon::prelude::*;
            return (0..count).into_par_iter().map(f).collect();
        }
        (0..count).map(f).collect()
    }

    /// `f(0, items[0]), f(1, items[1]), ...`, in that order, each item moved into its call.
    pub fn map_owned<T: Send, U: Send>(self, items: Vec<T>, f: impl Fn(usize, T) -> U + Send + Sync) -> Vec<U> {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Threads::All {
            use rayon::prelude::*;
            return items.into_par_iter().enumerate().map(|(n, item)| f(n, item)).collect();
        }
        items.into_iter().enumerate().map(|(n, item)| f(n, item)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Synthetic;
    use crate::rollup::{rollup, RollupEngine, RollupOptions};

    #[test]
    fn threads_give_the_numbers_of_one_thread() {
        // Members, measures, adoption events and a trend: every part the threads share out.
        let generated = Synthetic { items: 3_000, member_share: 0.3, ..Synthetic::default() }
            .generate()
            .unwrap_or_else(|e| panic!("{e}"));
        let returns = generated.plan.updates.len() + generated.updates.len();
        assert_eq!(Threads::for_returns(returns), Threads::All, "{returns} returns: the threaded route");
        let options = RollupOptions { as_of: "2020-10-31".parse().ok(), ..RollupOptions::default() };
        let threaded = rollup(&generated.plan, &generated.updates, &options);
        assert!(!threaded.adoption.is_empty() && threaded.rows.iter().any(|r| r.trend.is_some()));
        let one = RollupEngine::from_owned(generated.plan, generated.updates, &options).into_rollup();
        assert_eq!(threaded, one);
        assert_eq!((Threads::One.map(3, |n| n * 2), Threads::All.map(3, |n| n * 2)), (vec![0, 2, 4], vec![0, 2, 4]));
        let owned = |threads: Threads| threads.map_owned(vec![5, 6, 7], |n, item| n * 10 + item);
        assert_eq!((owned(Threads::One), owned(Threads::All)), (vec![5, 16, 27], vec![5, 16, 27]));
    }
}
