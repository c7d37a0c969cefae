// English, loaded only when chosen, and not precached (vite.config.ts): one chunk with every
// namespace, the lazily registered ones (registerMessages) included. Missing keys fall back
// to Vietnamese. A count message has plural forms ({ "one": …, "other": … }): it becomes a
// function choosing its form with Intl.PluralRules from the `count` param, else `n` (so the
// shell, which only ever shows Vietnamese first, carries none of this).
import type { Message } from '../index';
import common from './common.json';
import err from './err.json';
import setup from './setup.json';
import members from './members.json';
import importNs from './import.json';
import settings from './settings.json';
import pwa from './pwa.json';
import backup from './backup.json';
import meetings from './meetings.json';
import attendance from './attendance.json';
import minutes from './minutes.json';
import activities from './activities.json';
import home from './home.json';
import training from './training.json';
import rating from './rating.json';
import sync from './sync.json';
import dues from './dues.json';
import syncOnline from './sync-online.json';
import photos from './photos.json';
import projects from './projects.json';
import committee from './committee.json';
import yearKind from './year-kind.json';
import targets from './targets.json';
import reportPeriod from './report-period.json';
import reportList from './report-list.json';
import reports from './reports.json';
import reportDoc from './report-doc.json';
import readonly from './readonly.json';
import scorecard from './scorecard.json';
import inbox from './inbox.json';
import recognition from './recognition.json';
import admin from './admin.json';
import checkins from './checkins.json';
import above from './above.json';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
const rules = new Intl.PluralRules('en');
const choose = (forms: Forms) => (p?: Record<string, string | number>) => forms[rules.select(Number(p?.count ?? p?.n))] ?? forms.other;
const withPlurals = (dict: Record<string, string | Forms>): Record<string, Message> =>
  Object.fromEntries(Object.entries(dict).map(([k, v]) => [k, typeof v == 'string' ? v : choose(v)]));

const all = { common, err, setup, members, import: importNs, settings, pwa, backup, meetings, attendance, minutes, activities, home, sync, syncOnline, dues, training, rating, projects, committee, yearKind, photos, targets, reportPeriod, reportList, reports, reportDoc, readonly, scorecard, inbox, recognition, admin, checkins, above };
export default Object.fromEntries(Object.entries(all).map(([ns, dict]) => [ns, withPlurals(dict)])) as Record<string, Record<string, Message>>;
