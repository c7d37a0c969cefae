// An error the user can act on ("storage is full", "this member already has a card number"):
// it carries the i18n key of the message to show. Thrown by repos, caught by screens; here in
// lib so a screen need not import the data layer for a class.

export class UserError extends Error {
  constructor(
    public key: string,
    cause?: unknown,
  ) {
    super(key, { cause });
  }
}
