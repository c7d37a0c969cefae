// The check-in record as a formal document (HTML): the model the .docx is built from, styled
// as an A4 sheet by ui/doc-paper.css. The foot has two signatures (the level above's cadre
// and the unit's secretary), not DocSigns' recipients and one signature: a record of a
// meeting between two sides is signed by both.
import type { CheckinDoc } from './checkin-document';
import '../../ui/doc-paper.css';
import './checkin-print.css';
import { DocHeader } from '../../ui/DocParts';

export function CheckinDocumentView({ doc }: { doc: CheckinDoc }) {
  const none = <p class="doc-p">……………………………</p>;
  return (
    <article class="doc-paper" lang="vi" aria-label={`${doc.title} ${doc.subtitle}`}>
      <DocHeader issuer={doc.issuer} organisation={doc.organisation} placeDate={doc.placeDate} />
      <h1 class="doc-title">{doc.title}</h1>
      <p class="doc-subtitle">{doc.subtitle}</p>
      <div class="doc-body">
        {doc.facts.map((f) => (
          <p key={f.label} class="doc-p">
            <b>{f.label}:</b> {f.text}
          </p>
        ))}
        <p class="doc-p">
          <b>Thành phần tham dự:</b>
        </p>
        {doc.attendees.length ? doc.attendees.map((a, i) => <p key={i} class="doc-p">- {a}</p>) : none}
        <h2 class="doc-h">I. TÌNH HÌNH, KẾT QUẢ GIAO BAN</h2>
        {doc.findings.length ? doc.findings.map((f, i) => <p key={i} class="doc-p">{f}</p>) : none}
        <h2 class="doc-h">II. CÁC VIỆC THỐNG NHẤT THỰC HIỆN</h2>
        {doc.rows.length ? (
          <table class="doc-table cdoc-table">
            <colgroup>
              <col class="doc-col-no" />
              <col class="cdoc-col-what" />
              <col class="cdoc-col-who" />
              <col class="cdoc-col-due" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>TT</th>
                <th>Nội dung</th>
                <th>Người thực hiện</th>
                <th>Thời hạn</th>
                <th>Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {doc.rows.map((r) => (
                <tr key={r.no}>
                  <td class="doc-num">{r.no}</td>
                  <td>{r.what}</td>
                  <td>{r.who}</td>
                  <td class="doc-num">{r.due}</td>
                  <td class="doc-small">{r.result}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="doc-p">Không có.</p>
        )}
        <p class="doc-p doc-closing">{doc.closing}</p>
      </div>
      <div class="doc-signs cdoc-signs">
        {doc.signs.map((s, i) => (
          <div key={i} class="doc-sign">
            {s.role.map((r) => (
              <div key={r} class="doc-b">
                {r}
              </div>
            ))}
            <div class="doc-b doc-sign-name">{s.name || '\u00a0'}</div>
          </div>
        ))}
      </div>
    </article>
  );
}
