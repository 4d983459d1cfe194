// Package hint explains setups that are likely to fail, in words a learner
// can act on. [Check] looks at a training configuration, the data and the
// epochs trained so far, and returns [Hint]s such as "the relu output
// cannot produce the 480 negative targets", each with a one-click fix
// written as settings to apply (for example "out=linear").
//
// The hints follow the failure cases in shared/CASES.md (B01, B02, B04, B05,
// B07, B08, B09, B10, B12, B26). They are advice, not errors: training runs
// whatever they say. Package train refuses only what cannot run.
package hint
