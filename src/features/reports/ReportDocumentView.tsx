// The report as a formal document (HTML): the model the .docx is built from, styled as A4 by
// ui/doc-paper.css; the figures' appendix starts a new sheet when printed (report-print.css).
import type { ReportBlock, ReportDoc } from './report-document';
import { decimalText, figureText } from './report-figures-rows';
import '../../ui/doc-paper.css';
import './report-print.css';
import { DocHeader, DocSigns } from '../../ui/DocParts';

function Block({ b }: { b: ReportBlock }) {
  if (b.kind === 'part') return <h2 class="doc-h doc-center rdoc-part">{b.text}</h2>;
  if (b.kind === 'heading') return <h3 class="doc-h">{b.text}</h3>;
  if (b.kind === 'subheading') return <h4 class="doc-sh">{b.text}</h4>;
  return <p class="doc-p">{b.text}</p>;
}

function Appendix({ a }: { a: ReportDoc['appendix'] }) {
  return (
    <section class="rdoc-appendix" aria-label={a.title}>
      <h2 class="doc-title">{a.title}</h2>
      <p class="doc-theme">{a.subtitle}</p>
      <table class="rdoc-figures">
        <thead>
          <tr>
            <th>Nội dung</th>
            <th>Số liệu</th>
          </tr>
        </thead>
        {a.groups.map((g) => (
          <tbody key={g.title}>
            <tr class="rdoc-group">
              <th colSpan={2} scope="rowgroup">
                {g.title}
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr key={r.label} class={r.sub ? 'rdoc-sub' : undefined}>
                <td>{r.sub ? `– ${r.label}` : r.label}</td>
                <td class="rdoc-value">{figureText(r)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {a.targets.length > 0 && (
        <>
          <h3 class="doc-h">{a.targetsTitle}</h3>
          <table class="rdoc-targets">
            <colgroup>
              <col class="rdoc-col-no" />
              <col class="rdoc-col-title" />
              <col />
              <col />
              <col class="rdoc-col-pct" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>TT</th>
                <th>Chỉ tiêu</th>
                <th>Kết quả</th>
                <th>Mục tiêu</th>
                <th>Tỷ lệ</th>
                <th>Đánh giá</th>
              </tr>
            </thead>
            <tbody>
              {a.targets.map((t) => (
                <tr key={t.no}>
                  <td class="rdoc-c">{t.no}</td>
                  <td>{t.title}</td>
                  <td class="rdoc-c">{t.value}</td>
                  <td class="rdoc-c">{t.goal}</td>
                  <td class="rdoc-c">{t.pct === undefined ? '—' : `${decimalText(t.pct)}%`}</td>
                  <td class="rdoc-c">{t.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ReportDocumentView({ doc }: { doc: ReportDoc }) {
  return (
    <article class="doc-paper" lang="vi" aria-label={`${doc.title} ${doc.subtitle}`}>
      <DocHeader issuer={doc.issuer} organisation={doc.organisation} placeDate={doc.placeDate} />
      {doc.isDraft && <p class="doc-draft">BẢN NHÁP</p>}
      <h1 class="doc-title">{doc.title}</h1>
      <p class="doc-subtitle">{doc.subtitle}</p>
      <div class="doc-body">
        {doc.body.map((b, i) => (
          <Block key={i} b={b} />
        ))}
        <p class="doc-p doc-closing">{doc.closing}</p>
      </div>
      <DocSigns recipients={doc.recipients} signature={doc.signature} />
      <Appendix a={doc.appendix} />
    </article>
  );
}
