/** What other parts of the app use of lead assignment: the Settings form, the timeline's line and the import's result line. */
export { AssignmentForm } from './assignment-form';
export { assignmentKeys } from './assignment-keys';
export { assignmentLine } from './rule-text';
export { importAssignmentLine } from './import-line';
