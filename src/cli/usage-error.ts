/** A usage or input error: its message is the one line the user sees, with exit code 2. */
export class UsageError extends Error {}
