// Small builders of a report's inputs for the figures' tests: an empty unit year to fill in.
import type { ReportInputs, ReportMember } from '../../../src/protocol/report-figures';
import { yearSpan, type YearKind } from '../../../src/protocol/year';

export function emptyInputs(year: number, kind: YearKind = 'calendar', over: Partial<ReportInputs> = {}): ReportInputs {
  return {
    span: yearSpan(year, kind),
    subGroups: [],
    meetingFrequency: 'monthly',
    committeeMeetingFrequency: 'monthly',
    members: [],
    memberEvents: [],
    meetings: [],
    activities: [],
    attendance: [],
    youthProjects: [],
    registrations: [],
    ratings: [],
    dues: [],
    duesExemptions: [],
    duesRates: [],
    remittances: [],
    targets: [],
    terms: [],
    seats: [],
    ...over,
  };
}

/** A member in the unit since 2020 (no dated moves), unsalaried: 2,000 đ a month. */
export function member(id: string, over: Partial<ReportMember> = {}): ReportMember {
  return { id, status: 'active', admissionDate: '2020-03-26', duesCategory: 'unsalaried', dateOfBirth: '2000-05-05', ...over };
}

/** n members m01…mNN */
export const members = (n: number, over: Partial<ReportMember> = {}): ReportMember[] =>
  Array.from({ length: n }, (_, i) => member(`m${String(i + 1).padStart(2, '0')}`, over));

export const event = (id: string, memberId: string, kind: string, date: string, disciplineLevel?: string) => ({ id, memberId, kind, date, disciplineLevel });

export const held = (id: string, kind: string, startsAt: string) => ({ id, kind, status: 'held' as const, startsAt });

/** Roll rows of an event: each member with a status. */
export const roll = (eventId: string, marks: Record<string, string>) => Object.entries(marks).map(([memberId, status]) => ({ eventId, memberId, status }));

export const pay = (id: string, memberId: string, period: string, amount: number, paidAt: string, reversesId?: string) => ({ id, memberId, period, amount, paidAt, reversesId });
