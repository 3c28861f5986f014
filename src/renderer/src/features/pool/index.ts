/** What other parts of the app use of the public pool: the panel's owner line, the grid's scope, the rules form and its cache keys. */
export { PoolOwnerLine } from './owner-line';
export { OwnerScope } from './owner-scope';
export { PoolRulesForm } from './rules-form';
export { poolKeys } from './pool-keys';
