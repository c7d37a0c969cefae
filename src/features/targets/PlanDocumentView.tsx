// The year's plan as a formal document (HTML): the model the .docx is built from, styled as
// an A4 sheet by ui/doc-paper.css.
import type { PlanDoc } from './plan-document';
import '../../ui/doc-paper.css';
import './plan-print.css';
import { DocHeader, DocSigns } from '../../ui/DocParts';

export function PlanDocumentView({ doc }: { doc: PlanDoc }) {
  return (
    <article class="doc-paper" lang="vi" aria-label={`${doc.title} ${doc.subtitle}`}>
      <DocHeader issuer={doc.issuer} organisation={doc.organisation} placeDate={doc.placeDate} />
      <h1 class="doc-title">{doc.title}</h1>
      <p class="doc-subtitle">{doc.subtitle}</p>
      <div class="doc-body">
        <p class="doc-p">{doc.intro}</p>
        <table class="doc-table">
          <colgroup>
            <col class="doc-col-no" />
            <col class="doc-col-title" />
            <col class="doc-col-goal" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>TT</th>
              <th>Chỉ tiêu</th>
              <th>Mức phấn đấu</th>
              <th>Cách tính, minh chứng</th>
            </tr>
          </thead>
          <tbody>
            {doc.rows.map((r) => (
              <tr key={r.no}>
                <td class="doc-num">{r.no}</td>
                <td>{r.title}</td>
                <td class="doc-goal">{r.goal}</td>
                <td class="doc-small">{r.how}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="doc-p doc-closing">{doc.closing}</p>
      </div>
      <DocSigns recipients={doc.recipients} signature={doc.signature} />
    </article>
  );
}
