// A CommonJS consumer (NodeNext and node16 only): `require("workplan")` is the Node build, which
// needs no `init` and has none, so the types must not offer one.
import { Plan, version } from "workplan";
import init from "workplan";

// @ts-expect-error the CommonJS build has no `init`: its default import is the module, not a function
void init();
const plan: Plan = Plan.fromJson('{"workplan": 1, "id": "x", "title": "X", "items": []}');
console.log(version(), plan.summary().levels.length);
plan.free();
