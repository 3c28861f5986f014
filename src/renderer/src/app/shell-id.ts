/** The id of the shell element; a modal dialog makes it inert while open. */
export const SHELL_ID = 'app-shell';
