/** A mistake in how the command was called (unknown option, missing argument, no such path): exit 2 with the usage. */
export class UsageError extends Error {}
