//! The values a program shares between threads are `Send + Sync` (issue 9): a plan, its returns,
//! a rollup and its engine, a validation report, a workspace. This fails to compile otherwise.

use workplan::{Plan, Report, Rollup, RollupEngine, Updates, Workspace};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn shared_values_are_send_and_sync() {
    assert_send_sync::<Plan>();
    assert_send_sync::<Updates>();
    assert_send_sync::<Rollup>();
    assert_send_sync::<RollupEngine>();
    assert_send_sync::<Report>();
    assert_send_sync::<Workspace>();
}

#[test]
fn one_plan_from_many_threads_gives_the_single_threaded_answers() {
    let plan = Plan::load(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/london-councils/pledges-2019-2022.yaml"))
        .expect("the example loads");
    let updates = Updates::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/london-councils/pledges-2019-2022-updates.csv"
    ))
    .expect("the returns load");
    let alone = (workplan::rollup(&plan, &updates, &Default::default()), plan.validate_with(&updates));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| (workplan::rollup(&plan, &updates, &Default::default()), plan.validate_with(&updates)))
            })
            .collect();
        for handle in handles {
            assert!(handle.join().expect("no panic") == alone);
        }
    });
}
