// The minutes as a formal document (HTML): the same model the .docx is built from, styled
// as an A4 page by ui/doc-paper.css (two-column header, centred title, numbered sections,
// signatures). Used by the print view and by the read-only view of finalized minutes.
import type { DocBlock, MinutesDoc } from './minutes-document';
import '../../ui/doc-paper.css';

function Block({ b }: { b: DocBlock }) {
  if (b.kind === 'heading') return <h3 class="doc-h">{b.text}</h3>;
  if (b.kind === 'subheading') return <h4 class="doc-sh">{b.text}</h4>;
  return (
    <p class={b.kind === 'item' ? 'doc-p doc-item' : 'doc-p'}>
      {b.label && <b>{b.label}</b>}
      {b.label && b.text ? ' ' : ''}
      {b.text}
    </p>
  );
}

export function MinutesDocumentView({ doc, titleAs = 'h2' }: { doc: MinutesDoc; titleAs?: 'h1' | 'h2' }) {
  const Title = titleAs;
  return (
    <article class="doc-paper" lang="vi" aria-label={`${doc.title} ${doc.subtitle}`}>
      <header class="doc-head">
        <div class="doc-issuer">
          <div>{doc.issuer.parent}</div>
          <div class="doc-b">{doc.issuer.unit}</div>
          <div>***</div>
        </div>
        <div class="doc-org">
          <div class="doc-b doc-u">{doc.organisation}</div>
          <div class="doc-i doc-place">{doc.placeDate}</div>
        </div>
      </header>
      {doc.isDraft && <p class="doc-draft">BẢN NHÁP</p>}
      <Title class="doc-title">{doc.title}</Title>
      <p class="doc-subtitle">{doc.subtitle}</p>
      {doc.theme && <p class="doc-theme">{doc.theme}</p>}
      <div class="doc-body">
        {doc.body.map((b, i) => (
          <Block key={i} b={b} />
        ))}
        <p class="doc-p doc-closing">{doc.closing}</p>
      </div>
      <div class="doc-signs">
        {doc.signatures.map((s) => (
          <div key={s.role} class="doc-sign">
            <div class="doc-b">{s.role}</div>
            <div class="doc-i doc-small">(Ký, ghi rõ họ tên)</div>
            <div class="doc-b doc-sign-name">{s.name || '\u00a0'}</div>
          </div>
        ))}
      </div>
      {doc.addenda.map((a) => (
        <section key={a.heading} class="doc-addendum">
          <h3 class="doc-h doc-center">{a.heading}</h3>
          {a.paragraphs.map((text, i) => (
            <p key={i} class="doc-p">
              {text}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
