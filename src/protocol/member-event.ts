// A member's history (DOMAIN.md "Member event"): feeds the Sổ chi đoàn tables 6–10.
import * as z from 'zod/mini';
import { id, isoDate, optionalText, syncMeta } from './common';

import { MEMBER_EVENT_KINDS, DISCIPLINE_LEVELS, type MemberEventKind } from './member-event-enums';
export * from './member-event-enums';

export const memberEventFields = z
  .object({
    memberId: id,
    kind: z.enum(MEMBER_EVENT_KINDS),
    date: isoDate,
    decisionNumber: optionalText(60),
    disciplineLevel: z.optional(z.enum(DISCIPLINE_LEVELS)),
    note: optionalText(1000),
  })
  .check(
    z.refine((e) => e.kind !== 'discipline' || !!e.disciplineLevel, {
      message: 'err.disciplineLevel',
      path: ['disciplineLevel'],
    }),
  );
export type MemberEventFields = z.infer<typeof memberEventFields>;

export const memberEventRecord = z.intersection(memberEventFields, z.object(syncMeta));
export type MemberEvent = z.infer<typeof memberEventRecord>;

/** The status an event moves a member to, where it moves one (the rest only add history). */
export const STATUS_AFTER_EVENT: Partial<Record<MemberEventKind, 'active' | 'transferred_out' | 'graduated' | 'struck_off' | 'expelled'>> = {
  admission: 'active',
  transfer_in: 'active',
  transfer_out: 'transferred_out',
  graduation: 'graduated',
  struck_off: 'struck_off',
};
