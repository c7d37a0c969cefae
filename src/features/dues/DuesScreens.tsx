// Every dues screen behind one lazy route (/dues, /dues/:page, /dues/:page/:id): one chunk
// for the screens used where dues are collected, one i18n registration. Reached from the
// shell through dues-entry.ts.
import { useRoute } from 'preact-iso';
import './i18n';
import './dues.css';
import DuesHome from './DuesHome';
import CollectManyPage from './CollectManyPage';
import MemberDuesPage from './MemberDuesPage';
import ReceiptPage from './ReceiptPage';
import NotFoundPage from '../../app/NotFoundPage';
import { lazyRoute } from '../../app/lazy-route';

// Desk work, not precached (vite.config.ts; PERFORMANCE.md B1 caps the precache): the year's
// grid, the monthly remittance slip and the unpaid list (done with the books, at the union
// office), exemptions and rates (a few times a year), payments before the app (once). Cached when first opened, or all at once
// from Settings ("Tải tất cả về máy"); opened offline before that, the screen says so (lazyRoute).
const GridPage = lazyRoute(() => import('./GridPage'));
const RemitPage = lazyRoute(() => import('./RemitPage'));
const WarningsPage = lazyRoute(() => import('./WarningsPage'));
const ExemptionsPage = lazyRoute(() => import('./ExemptionsPage'));
const RatesPage = lazyRoute(() => import('./RatesPage'));
const OpeningPage = lazyRoute(() => import('./OpeningPage'));

const PAGES: Record<string, preact.ComponentType> = {
  collect: CollectManyPage,
  member: MemberDuesPage,
  receipt: ReceiptPage,
  grid: GridPage,
  remit: RemitPage,
  warnings: WarningsPage,
  exemptions: ExemptionsPage,
  rates: RatesPage,
  opening: OpeningPage,
};

export default function DuesScreens() {
  const { params } = useRoute();
  if (!params.page) return <DuesHome />;
  const Page = PAGES[params.page];
  const needsId = params.page === 'member' || params.page === 'receipt';
  // /dues/opening is for everyone, /dues/opening/:id for one member.
  if (!Page || (needsId !== !!params.id && params.page !== 'opening')) return <NotFoundPage />;
  return <Page />;
}
