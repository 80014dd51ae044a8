/** Rewriting: rules as data, the memoised rewrite engine, traced steps and derivations. */
export { rule, instantiate, guardsHold, isPatternVar, RuleError, type Rule, type RuleOptions, type RhsFn, type RhsContext } from './rule.js';
export { registerGuard, lookupGuard, type GuardFn } from './guards.js';
export { match } from './match.js';
export { RuleSet, ruleSet } from './ruleset.js';
export { rewrite, applyFirst, type RewriteOptions, type RewriteResult } from './engine.js';
export { dependsOn, isFreeOf } from './free.js';
export { locate as locateSubterm, at as subtermAt, replaceAll as replaceSubterm } from './whole.js';
export { explain, registerExplainer, explainableOps, ExplainError, type Explainer } from './explain.js';
export {
  type Step, type Derivation, type Path, type Bindings, type StopReason, type Limits, DEFAULT_LIMITS,
} from './types.js';
export { bottomUp } from './walk.js';
