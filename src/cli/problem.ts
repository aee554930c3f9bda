/** Something the analyst must be told in one line; the command prints it and exits non-zero. */
export class CommandProblem extends Error {}
