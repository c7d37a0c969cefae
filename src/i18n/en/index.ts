// English, loaded only when chosen, and not precached (vite.config.ts): one chunk with every
// namespace, the lazily registered ones (registerMessages) included. Missing keys fall back
// to Vietnamese.
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

export default { common, err, setup, members, import: importNs, settings, pwa, backup, meetings, attendance, minutes, activities, home, sync, syncOnline, dues, training, rating } as Record<string, Record<string, Message>>;
