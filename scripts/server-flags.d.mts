export const SERVER_NODE_FLAGS: readonly string[];
export function missingServerFlags(execArgv?: readonly string[], nodeOptions?: string): string[];
