//! Building plans in code: constructors with the required fields and chained setters for the
//! optional ones, so that a plan written in Rust reads like the document it stands for. A setter
//! is named after its field (`label`, `due`, `measure`, `members`), or `with_` and the field
//! where the plain name gives the value in force (`with_weight`, since [`Item::weight`] is the
//! weight with its default); the items of a plan or of an item are added with `child`.
//!
//! ```
//! use workplan::{Date, Item, Measure, Member, Members, Plan, Update};
//!
//! let date = |text: &str| text.parse::<Date>().expect("a date");
//! let plan = Plan::new("pledges", "Pledges to Londoners", date("2019-04-01"), date("2022-03-31"))
//!     .member(Member::new("camden", "Camden"))
//!     .member(Member::new("hackney", "Hackney"))
//!     .child(
//!         Item::new("environment", "Environment")
//!             .label("1")
//!             .child(
//!                 Item::new("environment.1", "Install electric vehicle charging points")
//!                     .label("a")
//!                     .members(Members::All)
//!                     .measure(Measure::new("charging points", 1000.0)),
//!             ),
//!     )
//!     .update(Update::value("environment.1", date("2020-03-31"), 120.0).member("camden"));
//! assert!(!plan.validate().has_errors());
//! assert_eq!(plan.item("environment.1").map(|item| item.title.as_str()),
//!            Some("Install electric vehicle charging points"));
//! ```

use smol_str::SmolStr;

use super::{
    Adoption, Date, Event, Extensions, FormatVersion, Item, ItemState, Level, Link, Measure, Member, Members,
    Milestone, Period, Plan, PlanStatus, Settings, Theme, Update, UpdateStatus,
};
use crate::document::Source;

impl Plan {
    /// A plan with its id, title and period (first and last day), and nothing else: add items,
    /// members and returns with the chained setters.
    pub fn new(id: impl Into<String>, title: impl Into<String>, start: Date, end: Date) -> Plan {
        Plan {
            workplan: FormatVersion,
            id: id.into(),
            title: title.into(),
            organisation: None,
            period: Period::new(start, end),
            status: None,
            levels: None,
            themes: Vec::new(),
            members: Vec::new(),
            settings: None,
            items: Vec::new(),
            updates: Vec::new(),
            events: Vec::new(),
            extensions: Extensions::new(),
            source: Source::default(),
        }
    }

    /// The plan with this organisation.
    pub fn organisation(mut self, organisation: impl Into<String>) -> Plan {
        self.organisation = Some(organisation.into());
        self
    }

    /// The plan with this status.
    pub fn with_status(mut self, status: PlanStatus) -> Plan {
        self.status = Some(status);
        self
    }

    /// The plan with these levels, top-down (ids, e.g. `["portfolio", "priority", "output"]`).
    pub fn with_levels<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Plan {
        self.levels = Some(ids.into_iter().map(Level::new).collect());
        self
    }

    /// The plan with one more theme.
    pub fn theme(mut self, theme: Theme) -> Plan {
        self.themes.push(theme);
        self
    }

    /// The plan with one more member.
    pub fn member(mut self, member: Member) -> Plan {
        self.members.push(member);
        self
    }

    /// The plan with these rollup settings.
    pub fn settings(mut self, settings: Settings) -> Plan {
        self.settings = Some(settings);
        self
    }

    /// The plan with one more top-level item.
    pub fn child(mut self, item: Item) -> Plan {
        self.items.push(item);
        self
    }

    /// The plan with more top-level items.
    pub fn children(mut self, items: impl IntoIterator<Item = Item>) -> Plan {
        self.items.extend(items);
        self
    }

    /// The plan with one more return carried in the plan itself.
    pub fn update(mut self, update: Update) -> Plan {
        self.updates.push(update);
        self
    }

    /// The plan with one more governance event.
    pub fn event(mut self, event: Event) -> Plan {
        self.events.push(event);
        self
    }

    /// The plan with one more `x-` key (the key must start with `x-`; validation reports one
    /// that does not).
    pub fn extension(mut self, key: impl Into<String>, value: serde_json::Value) -> Plan {
        self.extensions.insert(key.into(), value);
        self
    }
}

impl Period {
    /// The period from `start` to `end`, both included.
    pub fn new(start: Date, end: Date) -> Period {
        Period { start, end, extensions: Extensions::new() }
    }
}

impl Level {
    /// A level with its id and no printed name.
    pub fn new(id: impl Into<String>) -> Level {
        Level { id: id.into(), name: None, extensions: Extensions::new() }
    }

    /// The level with its name as printed (e.g. `Priority`).
    pub fn name(mut self, name: impl Into<String>) -> Level {
        self.name = Some(name.into());
        self
    }
}

impl Theme {
    /// A theme with its id and title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Theme {
        Theme { id: id.into(), title: title.into(), description: None, extensions: Extensions::new() }
    }
}

impl Member {
    /// A member with its id and name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Member {
        Member { id: id.into(), name: name.into(), extensions: Extensions::new() }
    }
}

impl Item {
    /// An item with its id and title, and nothing else: add the rest with the chained setters.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Item {
        Item {
            id: id.into(),
            label: None,
            title: title.into(),
            outcome: None,
            owner: None,
            themes: Vec::new(),
            start: None,
            due: None,
            weight: None,
            state: None,
            measure: None,
            members: None,
            adoption: None,
            links: Vec::new(),
            children: Vec::new(),
            extensions: Extensions::new(),
        }
    }

    /// The item with its numbering as printed (`1`, `a`, `iii`).
    pub fn label(mut self, label: impl Into<String>) -> Item {
        self.label = Some(label.into());
        self
    }

    /// The item with what success looks like.
    pub fn outcome(mut self, outcome: impl Into<String>) -> Item {
        self.outcome = Some(outcome.into());
        self
    }

    /// The item with who is responsible.
    pub fn owner(mut self, owner: impl Into<String>) -> Item {
        self.owner = Some(owner.into());
        self
    }

    /// The item tagged with one more theme (by id).
    pub fn theme(mut self, theme: impl Into<String>) -> Item {
        self.themes.push(theme.into());
        self
    }

    /// The item with its first day of work.
    pub fn start(mut self, start: Date) -> Item {
        self.start = Some(start);
        self
    }

    /// The item with its due date.
    pub fn due(mut self, due: Date) -> Item {
        self.due = Some(due);
        self
    }

    /// The item with its weight among its siblings.
    pub fn with_weight(mut self, weight: f64) -> Item {
        self.weight = Some(weight);
        self
    }

    /// The item with its state.
    pub fn with_state(mut self, state: ItemState) -> Item {
        self.state = Some(state);
        self
    }

    /// The item with a numeric target.
    pub fn measure(mut self, measure: Measure) -> Item {
        self.measure = Some(measure);
        self
    }

    /// The item delivered by these members (`Members::All`, or `Members::only([...])`).
    pub fn members(mut self, members: Members) -> Item {
        self.members = Some(members);
        self
    }

    /// The item with the rule of which members count.
    pub fn adoption(mut self, adoption: Adoption) -> Item {
        self.adoption = Some(adoption);
        self
    }

    /// The item with one more link (e.g. `Link::new("pledges:environment.1")`).
    pub fn link(mut self, link: Link) -> Item {
        self.links.push(link);
        self
    }

    /// The item with one more child.
    pub fn child(mut self, child: Item) -> Item {
        self.children.push(child);
        self
    }

    /// The item with more children.
    pub fn children(mut self, children: impl IntoIterator<Item = Item>) -> Item {
        self.children.extend(children);
        self
    }

    /// The item with one more `x-` key.
    pub fn extension(mut self, key: impl Into<String>, value: serde_json::Value) -> Item {
        self.extensions.insert(key.into(), value);
        self
    }
}

impl Members {
    /// These members, by id.
    pub fn only<I: IntoIterator<Item = S>, S: Into<String>>(ids: I) -> Members {
        Members::Only(ids.into_iter().map(Into::into).collect())
    }
}

impl Link {
    /// A link to an item (`id`, or `plan:id` in another plan), with no relation named.
    pub fn new(to: impl Into<String>) -> Link {
        Link { to: to.into(), rel: None, extensions: Extensions::new() }
    }
}

impl Measure {
    /// A measure of `unit` with its target (from a baseline of 0).
    pub fn new(unit: impl Into<String>, target: f64) -> Measure {
        Measure {
            unit: unit.into(),
            baseline: None,
            target,
            aggregate: None,
            member_target: None,
            milestones: Vec::new(),
            extensions: Extensions::new(),
        }
    }

    /// The measure with its starting value.
    pub fn with_baseline(mut self, baseline: f64) -> Measure {
        self.baseline = Some(baseline);
        self
    }

    /// The measure with a target for each member.
    pub fn member_target(mut self, target: f64) -> Measure {
        self.member_target = Some(target);
        self
    }

    /// The measure with one more time-phased target.
    pub fn milestone(mut self, date: Date, target: f64) -> Measure {
        self.milestones.push(Milestone { date, target, extensions: Extensions::new() });
        self
    }
}

impl Update {
    /// A return on `item` for `date` with nothing reported yet.
    fn empty(item: impl Into<SmolStr>, date: Date) -> Update {
        Update {
            item: item.into(),
            date,
            member: None,
            status: None,
            percent: None,
            value: None,
            note: None,
            recorded: None,
            adopted: None,
            extensions: Extensions::new(),
        }
    }

    /// A return of percent complete (0 to 100).
    pub fn percent(item: impl Into<SmolStr>, date: Date, percent: f64) -> Update {
        Update { percent: Some(percent), ..Update::empty(item, date) }
    }

    /// A return of the measure's actual value to date.
    pub fn value(item: impl Into<SmolStr>, date: Date, value: f64) -> Update {
        Update { value: Some(value), ..Update::empty(item, date) }
    }

    /// A return of a status only.
    pub fn status(item: impl Into<SmolStr>, date: Date, status: UpdateStatus) -> Update {
        Update { status: Some(status), ..Update::empty(item, date) }
    }

    /// An adoption event: the member adopts the item (`true`) or withdraws (`false`); set the
    /// member with [`member`](Update::member).
    pub fn adoption(item: impl Into<SmolStr>, date: Date, adopted: bool) -> Update {
        Update { adopted: Some(adopted), ..Update::empty(item, date) }
    }

    /// The return made by this member.
    pub fn member(mut self, member: impl Into<SmolStr>) -> Update {
        self.member = Some(member.into());
        self
    }

    /// The return with a reported status as well.
    pub fn with_status(mut self, status: UpdateStatus) -> Update {
        self.status = Some(status);
        self
    }

    /// The return with a comment.
    pub fn note(mut self, note: impl Into<String>) -> Update {
        self.note = Some(note.into());
        self
    }
}
